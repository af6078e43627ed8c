import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { contributionAttachments, duplicates } from "~db/schema";
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

describe("attachments and duplicate marks on the page", () => {
  it("lists the attachments (name, type, size) of a contribution the viewer may see", async () => {
    const id = insertContribution({});
    db.insert(contributionAttachments)
      .values([
        { contributionId: id, title: "relazione", fileName: "relazione.pdf", mimeType: "application/pdf", sizeBytes: 12_345, sha256: "a".repeat(64) },
        { contributionId: id, title: "foto", fileName: "foto.png", mimeType: "image/png", sizeBytes: 2_048, sha256: "b".repeat(64) },
      ])
      .run();
    const page = await getContributionPage(id, null);
    if (!page || page.withdrawn) throw new Error("expected a full page");
    expect(page.attachments).toEqual([
      expect.objectContaining({ fileName: "relazione.pdf", mimeType: "application/pdf", sizeBytes: 12_345 }),
      expect.objectContaining({ fileName: "foto.png", mimeType: "image/png", sizeBytes: 2_048 }),
    ]);
    expect(JSON.stringify(page.attachments)).not.toContain("a".repeat(64)); // where the bytes are stays on the server
  });

  it("shows the original on a duplicate and the duplicates on the original: the public only published ones, staff all", async () => {
    const staff = { id: insertUser("Redazione", "staff").id, role: "staff" as const };
    const original = insertContribution({ title: "Il contributo originale" });
    const copy = insertContribution({ title: "Lo stesso, di nuovo" });
    const pendingCopy = insertContribution({ title: "Ancora lo stesso, in attesa", status: "pending" });
    const pendingOriginal = insertContribution({ title: "Originale in attesa", status: "pending" });
    const copyOfPending = insertContribution({ title: "Copia di uno in attesa" });
    db.insert(duplicates)
      .values([
        { contributionId: copy, duplicateOf: original },
        { contributionId: pendingCopy, duplicateOf: original },
        { contributionId: copyOfPending, duplicateOf: pendingOriginal },
      ])
      .run();
    const marks = async (id: number, viewer: Parameters<typeof getContributionPage>[1]) => {
      const page = await getContributionPage(id, viewer);
      if (!page || page.withdrawn) throw new Error("expected a full page");
      return page.duplicates;
    };
    expect(await marks(copy, null)).toEqual({ of: { id: original, title: "Il contributo originale", status: "published" }, by: [] });
    expect(await marks(original, null)).toEqual({ of: null, by: [{ id: copy, title: "Lo stesso, di nuovo", status: "published" }] });
    expect((await marks(original, staff)).by.map((d) => d.id)).toEqual([copy, pendingCopy]);
    expect(await marks(copyOfPending, null)).toEqual({ of: null, by: [] });
    expect((await marks(copyOfPending, staff)).of?.id).toBe(pendingOriginal);
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
