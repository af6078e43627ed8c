// The moderation item page as the server builds it for staff (place, attachments, author and
// organization, the section it was sent from proposed as its link), and who may download the
// attachments it previews: staff and the author while pending, everyone once published.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";

// Attachments of this file go to a temporary folder (env is read when modules load).
await vi.hoisted(async () => {
  const [nodeFs, nodePath, nodeOs] = await Promise.all([import("node:fs"), import("node:path"), import("node:os")]);
  process.env.UPLOADS_DIR = nodeFs.mkdtempSync(nodePath.join(nodeOs.tmpdir(), "concerta-uploads-"));
});

import { db } from "~/lib/db.server";
import { contributions } from "~db/schema";
import { attachmentsOf, insertAttachments, prepareAttachments } from "~/domain/contributions/attachments.server";
import * as item from "~/routes/gestione.moderazione.$kind.$id";
import * as publicPage from "~/routes/contributi.$id._index";
import * as download from "~/routes/contributi.$id_.allegati.$attachmentId";
import { seedReference } from "./db";
import { insertContribution, ISTAT } from "./contributions";
import { insertUser, insertVersionInConsultation, SECTIONS_V01 } from "./drafts-participation";
import { getRequest, outcome, sessionCookieFor } from "./requests";

const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: { clientAddress: "10.0.0.1" } }) as never;

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");

let staff: string;
let authorCookie: string;
let other: string;
let version: ReturnType<typeof insertVersionInConsultation>;
let id: number;
let files: { id: number; fileName: string }[];

beforeAll(async () => {
  seedReference();
  const author = insertUser("Maria Rossi");
  staff = await sessionCookieFor(insertUser("Redazione", "staff").id);
  authorCookie = await sessionCookieFor(author.id);
  other = await sessionCookieFor(insertUser("Un altro").id);
  version = insertVersionInConsultation({ label: "v0.1", sections: SECTIONS_V01 });
  id = insertContribution({ status: "pending", authorId: author.id, organizationSlug: "comune-di-rho", point: [9.04, 45.53], comuni: [ISTAT.rho] });
  db.update(contributions).set({ draftVersionId: version.versionId, draftSectionId: version.bySection["2.3"] }).where(eq(contributions.id, id)).run();
  const prepared = await prepareAttachments([new File([PNG], "foto del luogo.png", { type: "image/png" }), new File([PDF], "relazione.pdf", { type: "application/pdf" })]);
  db.transaction((tx) => insertAttachments(tx, id, prepared));
  files = (await attachmentsOf(id)).map((a) => ({ id: a.id, fileName: a.fileName }));
});

const itemPage = async (query = "") =>
  (await item.loader(args(getRequest(`/gestione/moderazione/contributo/${id}${query}`, staff), { kind: "contributo", id: String(id) }))) as Awaited<ReturnType<typeof item.loader>>;

describe("the moderation item page of a contribution", () => {
  it("shows its place, its attachments, its author and organization and the section it was sent from", async () => {
    const d = await itemPage();
    const s23 = version.bySection["2.3"];
    expect(d.item).toMatchObject({
      authorName: "Comune di Rho",
      personName: "Maria Rossi",
      organizationName: "Comune di Rho",
      section: { number: "2.3", title: "Rete verde metropolitana", strategyCode: "STTM1", versionLabel: "v0.1", path: `/strategie/STTM1/bozze/${version.versionId}/sezioni/${s23}` },
    });
    expect(d.contribution?.place).toMatchObject({ comuni: [{ name: "Rho" }], zones: [{ id: "nord-ovest" }], map: { kind: "point", geometry: { type: "Point" } } });
    expect(d.attachments).toEqual([
      expect.objectContaining({ fileName: "foto del luogo.png", mimeType: "image/png", sizeBytes: PNG.byteLength }),
      expect.objectContaining({ fileName: "relazione.pdf", mimeType: "application/pdf", sizeBytes: PDF.byteLength }),
    ]);
  });

  it("proposes the section it was sent from as its link, ticked in the version it was sent from, not saved", async () => {
    const d = await itemPage();
    const s23 = version.bySection["2.3"];
    expect(d.links).toEqual([]);
    expect(d.proposedLink).toMatchObject({ versionId: version.versionId, sectionId: s23 });
    expect(d.chosenVersionId).toBe(version.versionId);
    expect(d.sections.filter((s) => s.proposed).map((s) => s.sectionId)).toEqual([s23]);
    expect(d.sections.every((s) => !s.linked)).toBe(true);
  });
});

describe("its attachments are served only to who may see them", () => {
  const get = (attachmentId: number, cookie?: string) =>
    outcome(() => download.loader(args(getRequest(`/contributi/${id}/allegati/${attachmentId}`, cookie), { id: String(id), attachmentId: String(attachmentId) })));

  it("pending: staff and the author get them, the public and other participants do not", async () => {
    for (const f of files) {
      const s = await get(f.id, staff);
      expect(s.status, f.fileName).toBe(200);
      expect((s.body as Response).headers.get("Content-Type")).toBe(f.fileName.endsWith(".png") ? "image/png" : "application/pdf");
      expect((await get(f.id, authorCookie)).status).toBe(200);
      expect((await get(f.id)).status).toBe(404);
      expect((await get(f.id, other)).status).toBe(404);
    }
  });

  it("published: everyone gets them, and the public page lists them", async () => {
    db.update(contributions).set({ status: "published", publishedAt: new Date() }).where(eq(contributions.id, id)).run();
    for (const f of files) expect((await get(f.id)).status).toBe(200);
    const page = (await publicPage.loader(args(getRequest(`/contributi/${id}`), { id: String(id) }))) as Awaited<ReturnType<typeof publicPage.loader>>;
    if (page.page.withdrawn) throw new Error("expected a full page");
    expect(page.page.attachments.map((a) => a.fileName)).toEqual(["foto del luogo.png", "relazione.pdf"]);
    // Hidden again: gone for the public, still there for staff.
    db.update(contributions).set({ status: "hidden" }).where(eq(contributions.id, id)).run();
    expect((await get(files[0].id)).status).toBe(404);
    expect((await get(files[0].id, staff)).status).toBe(200);
  });
});
