import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { outcomeOf } from "~/domain/contributions/outcomes-read.server";
import { browseContributions } from "~/domain/contributions/browse.server";
import { outcomeRevisions, outcomes } from "~db/schema";
import { seedReference } from "../../../test/db";
import { insertContribution } from "../../../test/contributions";
import { insertUser, insertVersionInConsultation, SECTIONS_V01 } from "../../../test/drafts-participation";
import { auditOf, insertAmendment, outboxOf } from "../../../test/moderation";
import { contributionsLinkedToVersion, giveOutcome, outcomeHistory, setSectionLinks } from "./outcomes.server";

let staff: { id: string };
let author: { id: string };
let version: ReturnType<typeof insertVersionInConsultation>;

beforeAll(() => {
  seedReference();
  staff = insertUser("Staff", "staff");
  author = insertUser("Autore");
  version = insertVersionInConsultation({ label: "v0.1", sections: SECTIONS_V01 });
});

describe("outcomes", () => {
  it("cannot be given to a pending or a rejected contribution", () => {
    for (const status of ["pending", "rejected"] as const) {
      const id = insertContribution({ status, authorId: author.id });
      expect(() => giveOutcome({ actorId: staff.id, itemKind: "contribution", itemId: id, outcome: "accolto", response: "Risposta." })).toThrowError(/outcomeNotPublished/);
      expect(db.select().from(outcomes).where(eq(outcomes.itemId, id)).all()).toHaveLength(0);
    }
  });

  it("revising keeps every earlier outcome in the history; the current row is the latest", () => {
    const id = insertContribution({ authorId: author.id });
    expect(giveOutcome({ actorId: staff.id, itemKind: "contribution", itemId: id, outcome: "non_accolto", response: "Prima risposta." })).toEqual({ revision: 1 });
    expect(giveOutcome({ actorId: staff.id, itemKind: "contribution", itemId: id, outcome: "parzialmente_accolto", response: "Dopo il tavolo, **in parte** accolto." })).toEqual({ revision: 2 });
    const history = outcomeHistory("contribution", id)!;
    expect(history.current).toMatchObject({ outcome: "parzialmente_accolto", revision: 2 });
    expect(history.revisions.map((r) => [r.revision, r.outcome, r.response])).toEqual([
      [2, "parzialmente_accolto", "Dopo il tavolo, **in parte** accolto."],
      [1, "non_accolto", "Prima risposta."],
    ]);
    expect(db.select().from(outcomeRevisions).where(eq(outcomeRevisions.outcomeId, history.current.id)).all()).toHaveLength(2);
    expect(auditOf("contribution", id).map((e) => [e.action, e.before, e.after])).toEqual([
      ["outcome.given", null, { outcome: "non_accolto", revision: 1 }],
      ["outcome.revised", { outcome: "non_accolto", revision: 1 }, { outcome: "parzialmente_accolto", revision: 2 }],
    ]);
    const messages = outboxOf(author.id).filter((m) => m.kind === "contribution.outcome");
    expect(messages.at(-1)).toMatchObject({ link: `/contributi/${id}` });
  });

  it("needs a response", () => {
    const id = insertContribution({ authorId: author.id });
    expect(() => giveOutcome({ actorId: staff.id, itemKind: "contribution", itemId: id, outcome: "accolto", response: "  " })).toThrowError(/responseRequired/);
  });

  it("can be given to a published amendment, not to a pending one", () => {
    const am = insertAmendment({ versionId: version.versionId, sectionId: version.bySection["2.3"], authorId: author.id, status: "pending" });
    expect(() => giveOutcome({ actorId: staff.id, itemKind: "amendment", itemId: am, outcome: "accolto", response: "Sì." })).toThrowError(/outcomeNotPublished/);
    const published = insertAmendment({ versionId: version.versionId, sectionId: version.bySection["2.3"], authorId: author.id, status: "published" });
    expect(giveOutcome({ actorId: staff.id, itemKind: "amendment", itemId: published, outcome: "accolto", response: "Sì." })).toEqual({ revision: 1 });
    expect(outboxOf(author.id).at(-1)!.link).toContain(`#emendamento-${published}`);
  });
});

describe("links to draft sections, and what the public reads", () => {
  it("the contribution page's outcome names the linked sections; the reading view lists the contribution under the section", async () => {
    const id = insertContribution({ authorId: author.id, title: "Corridoi verdi lungo l'Olona" });
    const s23 = version.bySection["2.3"];
    setSectionLinks({ actorId: staff.id, itemKind: "contribution", itemId: id, versionId: version.versionId, sectionIds: [s23] });
    expect(await outcomeOf(id)).toBeNull();
    expect(contributionsLinkedToVersion(version.versionId)[s23]).toContainEqual({ id, title: "Corridoi verdi lungo l'Olona", outcome: null });

    giveOutcome({ actorId: staff.id, itemKind: "contribution", itemId: id, outcome: "parzialmente_accolto", response: "Accolto per il tratto nord." });
    expect(await outcomeOf(id)).toMatchObject({
      decision: "parzialmente_accolto",
      reasoning: "Accolto per il tratto nord.",
      sections: [{ versionId: version.versionId, sectionId: s23, number: "2.3", title: "Rete verde metropolitana", strategyCode: "STTM1" }],
    });
    expect(contributionsLinkedToVersion(version.versionId)[s23]).toContainEqual({ id, title: "Corridoi verdi lungo l'Olona", outcome: "parzialmente_accolto" });
    expect(auditOf("contribution", id)[0]).toMatchObject({ action: "section_links.updated", before: { sectionIds: [] }, after: { sectionIds: [s23] } });
  });

  it("refuses a section of another version", () => {
    const id = insertContribution({ authorId: author.id });
    expect(() => setSectionLinks({ actorId: staff.id, itemKind: "contribution", itemId: id, versionId: version.versionId, sectionIds: [9_999_999] })).toThrowError(/sectionNotInVersion/);
  });

  it("the browse filter finds contributions with, without, and by outcome", async () => {
    const given = insertContribution({ authorId: author.id, title: "Filtro esito dato" });
    const none = insertContribution({ authorId: author.id, title: "Filtro esito assente" });
    giveOutcome({ actorId: staff.id, itemKind: "contribution", itemId: given, outcome: "non_pertinente", response: "Non riguarda la strategia." });
    const ids = async (outcome: "with" | "without" | "non_pertinente" | "accolto") => (await browseContributions({ outcome, page: 1, sort: "newest" })).items.map((r) => r.id);
    expect(await ids("with")).toContain(given);
    expect(await ids("with")).not.toContain(none);
    expect(await ids("without")).toContain(none);
    expect(await ids("without")).not.toContain(given);
    expect(await ids("non_pertinente")).toEqual([given]);
    expect(await ids("accolto")).not.toContain(given);
  });
});
