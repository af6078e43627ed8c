import { beforeAll, describe, expect, it } from "vitest";
import { seedReference } from "../../../test/db";
import { insertContribution, ISTAT } from "../../../test/contributions";
import { insertUser } from "../../../test/drafts-participation";
import { getContributionPage, publicSupportSummary } from "./page.server";
import { cosignContribution, supportContribution, supportState } from "./supports.server";
import { approveMember } from "../../../test/drafts-participation";

beforeAll(() => seedReference());

describe("getContributionPage", () => {
  it("gives a withdrawn contribution as a stub without its text, place or comments", async () => {
    const id = insertContribution({ title: "Ritirata", body: "Il testo segreto", status: "withdrawn", withdrawnAt: new Date("2025-05-01T10:00:00Z") });
    const page = await getContributionPage(id, null);
    expect(page).toMatchObject({ withdrawn: true, title: "Ritirata", withdrawnAt: "2025-05-01T10:00:00.000Z" });
    expect(JSON.stringify(page)).not.toContain("segreto");
    expect(page).not.toHaveProperty("bodyHtml");
    expect(page).not.toHaveProperty("comments");
  });

  it("names the organization, or a citizen", async () => {
    const org = await getContributionPage(insertContribution({ organizationSlug: "comune-di-rho" }), null);
    expect(org?.author).toEqual({ kind: "organization", name: "Comune di Rho", organizationKind: "comune" });
    const person = await getContributionPage(insertContribution({ authorId: insertUser("Anna").id }), null);
    expect(person?.author).toEqual({ kind: "person", name: null, organizationKind: null });
  });

  it("draws whole comuni as their outlines", async () => {
    const page = await getContributionPage(insertContribution({ point: [9.1, 45.5], placeKind: "comuni", geometry: null, comuni: [ISTAT.rho, ISTAT.magenta] }), null);
    if (!page || page.withdrawn) throw new Error("expected a full page");
    expect(page.place.geometry).toBeNull();
    expect(page.place.outlines.map((o) => o.name)).toEqual(["Magenta", "Rho"]);
    expect(page.zones.map((z) => z.id).sort()).toEqual(["magentino-abbiatense", "nord-ovest"]);
  });

  it("keeps rejected and hidden contributions from the public", async () => {
    const author = insertUser("Autore");
    for (const status of ["rejected", "hidden", "pending"] as const) {
      const id = insertContribution({ status, authorId: author.id });
      expect(await getContributionPage(id, null)).toBeNull();
      expect(await getContributionPage(id, { id: author.id, role: "participant" })).toMatchObject({ status });
    }
  });
});

describe("publicSupportSummary", () => {
  it("says what supportState says to the public, from indexed reads", async () => {
    const id = insertContribution({});
    const a = insertUser("Sostenitrice");
    const b = insertUser("Sostenitore");
    await supportContribution(a.id, id);
    await supportContribution(b.id, id);
    const org = approveMember(b.id, "legambiente-lombardia");
    await cosignContribution(b.id, id, org.id);
    expect(publicSupportSummary(id)).toEqual(await supportState(id, null));
    expect(publicSupportSummary(id)).toMatchObject({ count: 3, people: 2, organizations: [{ id: org.id, name: "Legambiente Lombardia" }] });
  });
});
