// What staff see of an item before deciding on it: the organization it was sent for (in the queue
// and on the item page), the place of a contribution, the section an item belongs to or was sent
// from, and that section proposed as a contribution's link until staff save its links.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { amendments, contributionComments, contributions, organizations, sectionComments } from "~db/schema";
import { seedReference } from "../../../test/db";
import { insertContribution, ISTAT } from "../../../test/contributions";
import { insertUser, insertVersionInConsultation, SECTIONS_V01 } from "../../../test/drafts-participation";
import { insertAmendment, insertContributionComment, insertSectionComment } from "../../../test/moderation";
import { setSectionLinks } from "./outcomes.server";
import { itemDetail, listQueue } from "./queue.server";

let staff: { id: string };
let author: { id: string; name: string };
let version: ReturnType<typeof insertVersionInConsultation>;
let rho: { id: number; name: string };

beforeAll(() => {
  seedReference();
  staff = insertUser("Redazione", "staff");
  author = insertUser("Maria Rossi");
  version = insertVersionInConsultation({ label: "v0.1", sections: SECTIONS_V01 });
  rho = db.select({ id: organizations.id, name: organizations.name }).from(organizations).where(eq(organizations.slug, "comune-di-rho")).get()!;
});

describe("the organization an item was sent for", () => {
  it("names amendments, section comments and comments sent for an organization as that organization, in the queue and on the item", () => {
    const s23 = version.bySection["2.3"];
    const published = insertContribution({ authorId: author.id });
    const ids = {
      amendment: insertAmendment({ versionId: version.versionId, sectionId: s23, authorId: author.id }),
      section_comment: insertSectionComment({ versionId: version.versionId, sectionId: s23, authorId: author.id, status: "pending" }),
      contribution_comment: insertContributionComment({ contributionId: published, authorId: author.id, status: "pending" }),
    };
    db.update(amendments).set({ organizationId: rho.id }).where(eq(amendments.id, ids.amendment)).run();
    db.update(sectionComments).set({ organizationId: rho.id }).where(eq(sectionComments.id, ids.section_comment)).run();
    db.update(contributionComments).set({ organizationId: rho.id }).where(eq(contributionComments.id, ids.contribution_comment)).run();
    // One sent in the person's own name stays theirs.
    const own = insertAmendment({ versionId: version.versionId, sectionId: s23, authorId: author.id });

    const rows = listQueue({}).rows;
    for (const [kind, id] of Object.entries(ids)) {
      expect(rows.find((r) => r.kind === kind && r.id === id)?.authorName, kind).toBe("Comune di Rho");
      expect(itemDetail({ kind: kind as keyof typeof ids, id }), kind).toMatchObject({ authorName: "Comune di Rho", organizationName: "Comune di Rho", personName: "Maria Rossi" });
    }
    expect(rows.find((r) => r.kind === "amendment" && r.id === own)?.authorName).toBe("Maria Rossi");
    expect(itemDetail({ kind: "amendment", id: own })).toMatchObject({ authorName: "Maria Rossi", organizationName: null });
  });
});

describe("the section an item belongs to", () => {
  it("an amendment and a section comment name their section with its version and its page", () => {
    const s23 = version.bySection["2.3"];
    const expected = {
      versionId: version.versionId,
      sectionId: s23,
      strategyCode: "STTM1",
      versionLabel: "v0.1",
      number: "2.3",
      title: "Rete verde metropolitana",
      path: `/strategie/STTM1/bozze/${version.versionId}/sezioni/${s23}`,
    };
    const amendment = insertAmendment({ versionId: version.versionId, sectionId: s23, authorId: author.id });
    const comment = insertSectionComment({ versionId: version.versionId, sectionId: s23, authorId: author.id, status: "pending" });
    expect(itemDetail({ kind: "amendment", id: amendment })?.section).toMatchObject(expected);
    expect(itemDetail({ kind: "section_comment", id: comment })?.section).toMatchObject(expected);
    // Only contributions propose their origin as a link.
    expect(itemDetail({ kind: "amendment", id: amendment })?.proposedLink).toBeNull();
  });
});

describe("a contribution", () => {
  it("comes with its place for the map and in words, its author and the organization it was sent for", () => {
    const id = insertContribution({ status: "pending", authorId: author.id, organizationSlug: "comune-di-rho", point: [9.04, 45.53], comuni: [ISTAT.rho] });
    const d = itemDetail({ kind: "contribution", id })!;
    expect(d).toMatchObject({ authorName: "Comune di Rho", personName: "Maria Rossi", organizationName: "Comune di Rho", section: null, proposedLink: null });
    expect(d.contribution!.place.map).toMatchObject({ kind: "point", geometry: { type: "Point", coordinates: [9.04, 45.53] }, outlinesArePlace: false, point: [9.04, 45.53] });
    expect(d.contribution!.place.comuni).toEqual([{ istat: ISTAT.rho, name: "Rho" }]);
    expect(d.contribution!.place.zones.map((z) => z.id)).toEqual(["nord-ovest"]);
    expect(d.contribution!.place.map.outlines.map((o) => o.name)).toEqual(["Rho"]);

    // Whole comuni: the comuni are the place (drawn filled), with no geometry of its own.
    const whole = insertContribution({ status: "pending", authorId: author.id, point: [9.1, 45.5], placeKind: "comuni", geometry: null, comuni: [ISTAT.rho, ISTAT.magenta] });
    expect(itemDetail({ kind: "contribution", id: whole })!.contribution!.place.map).toMatchObject({ kind: "comuni", geometry: null, outlinesArePlace: true });
  });

  it("sent from a draft section: names it, and proposes it as the link until staff save the links", () => {
    const s2 = version.bySection["2"];
    const s23 = version.bySection["2.3"];
    const sent = (status: "pending" | "published" = "pending") => {
      const id = insertContribution({ status, authorId: author.id });
      db.update(contributions).set({ draftVersionId: version.versionId, draftSectionId: s23 }).where(eq(contributions.id, id)).run();
      return id;
    };
    const id = sent();
    const d = itemDetail({ kind: "contribution", id })!;
    expect(d.section).toMatchObject({ versionId: version.versionId, sectionId: s23, number: "2.3", title: "Rete verde metropolitana", strategyCode: "STTM1", versionLabel: "v0.1" });
    expect(d.proposedLink).toEqual(d.section);
    expect(d.links).toEqual([]);

    // Confirmed: it is a link now, no longer a proposal.
    setSectionLinks({ actorId: staff.id, itemKind: "contribution", itemId: id, versionId: version.versionId, sectionIds: [s23] });
    expect(itemDetail({ kind: "contribution", id })).toMatchObject({ proposedLink: null, links: [{ sectionId: s23 }] });

    // Staff linked it elsewhere, then unlinked everything: their choice stands, nothing is proposed again.
    const other = sent("published");
    setSectionLinks({ actorId: staff.id, itemKind: "contribution", itemId: other, versionId: version.versionId, sectionIds: [s2] });
    expect(itemDetail({ kind: "contribution", id: other })?.proposedLink).toBeNull();
    setSectionLinks({ actorId: staff.id, itemKind: "contribution", itemId: other, versionId: version.versionId, sectionIds: [] });
    expect(itemDetail({ kind: "contribution", id: other })).toMatchObject({ proposedLink: null, links: [] });
  });
});
