// The submission form's loader and action as the server runs them: anonymous posts stashed through
// the log-in, steps refused with the values kept, the review creating the contribution (with
// attachments checked by content), and the author-only pages.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";

// Attachments of this file go to a temporary folder (env is read when modules load).
await vi.hoisted(async () => {
  const [nodeFs, nodePath, nodeOs] = await Promise.all([import("node:fs"), import("node:path"), import("node:os")]);
  process.env.UPLOADS_DIR = nodeFs.mkdtempSync(nodePath.join(nodeOs.tmpdir(), "concerta-uploads-"));
});

import { db } from "~/lib/db.server";
import { loadDraft } from "~/lib/form-stash.server";
import { contributionAttachments, contributionComuni, contributions, contributionZones, draftVersions, formStashes, users } from "~db/schema";
import { createContribution } from "~/domain/contributions/contributions.server";
import { seedDemoAccounts } from "~/seed/demo/accounts.server";
import { DEMO_STTM1_LABEL, seedDemoDrafts } from "~/seed/demo/drafts.server";
import { versionSections } from "~/domain/drafts/versions.server";
import * as wizard from "~/routes/contributi.nuovo";
import * as similar from "~/routes/contributi.simili";
import * as supportRoute from "~/routes/contributi.$id_.sostegno";
import * as mine from "~/routes/account.contributi._index";
import * as edit from "~/routes/account.contributi.$id.modifica";
import * as download from "~/routes/contributi.$id_.allegati.$attachmentId";
import { seedReference } from "./db";
import { getRequest, outcome, sessionCookieFor } from "./requests";

const PATH = "/contributi/nuovo";
let author: { id: string; cookie: string };
let other: { id: string; cookie: string };

async function newUser(name: string) {
  const id = randomUUID();
  db.insert(users).values({ id, email: `${name.toLowerCase()}.${id.slice(0, 6)}@example.org`, name, role: "participant" }).run();
  return { id, cookie: await sessionCookieFor(id) };
}

beforeAll(async () => {
  seedReference();
  await seedDemoAccounts();
  await seedDemoDrafts();
  author = await newUser("Autrice");
  other = await newUser("Altro");
});

/** A form post with repeated fields (lists) allowed. */
function post(url: string, fields: [string, string][], cookie?: string) {
  const headers = new Headers({ "Content-Type": "application/x-www-form-urlencoded" });
  if (cookie) headers.set("Cookie", cookie);
  return new Request(`http://localhost${url}`, { method: "POST", headers, body: new URLSearchParams(fields).toString() });
}

function multipart(url: string, files: { name: string; bytes: Uint8Array; type: string }[], cookie?: string) {
  const form = new FormData();
  form.set("intent", "submit");
  for (const f of files) form.append("file", new File([f.bytes as BlobPart], f.name, { type: f.type }));
  const headers = new Headers();
  if (cookie) headers.set("Cookie", cookie);
  return new Request(`http://localhost${url}`, { method: "POST", headers, body: form });
}

const call = <F extends (a: never) => unknown>(fn: F, request: Request, params: Record<string, string> = {}) =>
  outcome(() => fn({ request, params, context: {} } as never) as Promise<unknown>);

const RHO = JSON.stringify({ type: "Point", coordinates: [9.04, 45.53] });
const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");

async function fillWizard(cookie: string, place: [string, string][] = [["geometry", RHO]]) {
  const steps: [string, [string, string][]][] = [
    ["tipo", [["kind", "segnalazione"]]],
    ["tema", [["strategyCode", "STTM2"], ["targetCodes", "STTM2.2"], ["objectiveCodes", "Ob1"]]],
    ["luogo", place],
    ["testo", [["title", "Mancano i marciapiedi verso la stazione"], ["body", "Dalla stazione di Rho al centro non ci sono marciapiedi continui."], ["origin", ""], ["organizationId", ""]]],
  ];
  for (const [step, fields] of steps) {
    const r = await call(wizard.action, post(`${PATH}?passo=${step}`, [...fields, ["intent", "next"]], cookie));
    expect(r.status, step).toBe(302);
  }
}

describe("the submission form", () => {
  it("anonymous GET is sent to log in; anonymous POST is stashed and comes back after log-in into the draft", async () => {
    const g = await call(wizard.loader, getRequest(`${PATH}?passo=testo`));
    expect(g.status).toBe(302);
    expect(g.location).toBe(`/accedi?redirectTo=${encodeURIComponent(`${PATH}?passo=testo`)}`);

    const fields: [string, string][] = [["title", "Il titolo scritto prima"], ["body", "Il testo scritto prima che la sessione scadesse."], ["origin", ""], ["intent", "next"]];
    const r = await call(wizard.action, post(`${PATH}?passo=testo`, fields));
    expect(r.status).toBe(302);
    const back = decodeURIComponent(new URL(r.location!, "http://localhost").searchParams.get("redirectTo")!);
    const token = new URL(back, "http://localhost").searchParams.get("ripristina")!;
    expect(back).toBe(`${PATH}?passo=testo&ripristina=${token}`);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(db.select().from(formStashes).where(eq(formStashes.token, token)).get()?.userId).toBeNull();

    // After log-in the GETs only read: the values are shown in their step, the draft store is untouched.
    const before = db.select().from(formStashes).all();
    const restored = await call(wizard.loader, getRequest(back, author.cookie));
    expect(restored.status).toBe(302);
    const shown = `${PATH}?passo=testo&ripristinato=1&ripristina=${token}`;
    expect(restored.location).toBe(shown);
    const page = await call(wizard.loader, getRequest(shown, author.cookie));
    expect(page.body).toMatchObject({ step: "testo", notice: "restored", carry: { ripristina: token }, draft: { title: "Il titolo scritto prima" } });
    expect(db.select().from(formStashes).all()).toEqual(before);
    expect(loadDraft(author.id, PATH)).toBeNull();

    // The step's next POST (carrying the token) stores them and uses the token up: nothing is restored twice.
    const sent = await call(wizard.action, post(`${PATH}?passo=testo`, [...fields.filter(([k]) => k !== "intent"), ["_ripristina", token], ["intent", "save"]], author.cookie));
    expect(sent.body).toEqual({ kind: "saved" });
    expect(loadDraft(author.id, PATH)).toMatchObject({ title: "Il titolo scritto prima", body: "Il testo scritto prima che la sessione scadesse." });
    expect(db.select().from(formStashes).where(eq(formStashes.token, token)).get()).toBeUndefined();
    const again = await call(wizard.loader, getRequest(shown, author.cookie));
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ notice: null, carry: {}, draft: { title: "Il titolo scritto prima" } });
  });

  it("an anonymous autosave is answered 401 without a stash", async () => {
    const before = db.select().from(formStashes).all().length;
    const r = await call(wizard.action, post(`${PATH}?passo=testo`, [["title", "x"], ["intent", "autosave"]]));
    expect(r.status).toBe(401);
    expect(db.select().from(formStashes).all().length).toBe(before);
  });

  it("a refused step comes back with its errors and keeps what was typed in the draft", async () => {
    const u = await newUser("Errori");
    const bowTie = JSON.stringify({ type: "Polygon", coordinates: [[[9.03, 45.52], [9.06, 45.55], [9.06, 45.52], [9.03, 45.55], [9.03, 45.52]]] });
    const r = await call(wizard.action, post(`${PATH}?passo=luogo`, [["geometry", bowTie], ["intent", "next"]], u.cookie));
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ kind: "errors", step: "luogo", errors: { geometry: "errors.geometry.selfIntersecting" } });
    expect(loadDraft(u.id, PATH)?.geometry).toBe(bowTie);

    const t = await call(wizard.action, post(`${PATH}?passo=testo`, [["title", "ab"], ["body", ""], ["intent", "next"]], u.cookie));
    expect(t.body).toMatchObject({ errors: { title: "contributions.error.titleShort", body: "contributions.error.bodyShort" } });
    const th = await call(wizard.action, post(`${PATH}?passo=tema`, [["strategyCode", "STTM1"], ["targetCodes", "STTM3.1"], ["intent", "next"]], u.cookie));
    expect(th.body).toMatchObject({ errors: { targetCodes: "contributions.error.targetsOfStrategy" } });
    // Unticking every target empties the list (an unticked checkbox is not posted).
    await call(wizard.action, post(`${PATH}?passo=tema`, [["strategyCode", "STTM1"], ["intent", "save"]], u.cookie));
    expect(loadDraft(u.id, PATH)?.targetCodes).toEqual([]);
  });

  it("the review creates the contribution with its attachment (checked by content) and clears the draft", async () => {
    const u = await newUser("Invio");
    await fillWizard(u.cookie);
    const review = await call(wizard.loader, getRequest(`${PATH}?passo=riepilogo`, u.cookie));
    expect(review.body).toMatchObject({ problems: [], review: { comuniTouched: ["Rho"] } });

    // A file named .pdf that is not a PDF is refused, and nothing is created.
    const fake = await call(wizard.action, multipart(`${PATH}?passo=riepilogo`, [{ name: "relazione.pdf", bytes: new TextEncoder().encode("<html>not a pdf</html>"), type: "application/pdf" }], u.cookie));
    expect(fake.status).toBe(400);
    expect(fake.body).toMatchObject({ errors: { attachments: "contributions.attachment.type" } });
    const tooMany = await call(wizard.action, multipart(`${PATH}?passo=riepilogo`, Array.from({ length: 4 }, (_, i) => ({ name: `f${i}.pdf`, bytes: PDF, type: "application/pdf" })), u.cookie));
    expect(tooMany.body).toMatchObject({ errors: { attachments: "contributions.attachment.tooMany" } });
    const big = new Uint8Array(5 * 1024 * 1024 + 10);
    big.set(PDF.subarray(0, 8));
    const tooBig = await call(wizard.action, multipart(`${PATH}?passo=riepilogo`, [{ name: "grande.pdf", bytes: big, type: "application/pdf" }], u.cookie));
    expect(tooBig.body).toMatchObject({ errors: { attachments: "contributions.attachment.tooLarge" } });
    expect(db.select().from(contributions).where(eq(contributions.authorId, u.id)).all()).toHaveLength(0);

    const sent = await call(wizard.action, multipart(`${PATH}?passo=riepilogo`, [{ name: "relazione tecnica.pdf", bytes: PDF, type: "application/octet-stream" }], u.cookie));
    expect(sent.status).toBe(302);
    expect(sent.location).toBe("/account/contributi?esito=pending");
    const [c] = db.select().from(contributions).where(eq(contributions.authorId, u.id)).all();
    expect(c).toMatchObject({ kind: "segnalazione", strategyCode: "STTM2", status: "pending", placeKind: "point" });
    expect(db.select().from(contributionComuni).where(eq(contributionComuni.contributionId, c.id)).all().map((r) => r.istat)).toEqual(["015182"]);
    expect(db.select().from(contributionZones).where(eq(contributionZones.contributionId, c.id)).all().map((r) => r.zoneId)).toEqual(["nord-ovest"]);
    const [a] = db.select().from(contributionAttachments).where(eq(contributionAttachments.contributionId, c.id)).all();
    expect(a).toMatchObject({ fileName: "relazione tecnica.pdf", mimeType: "application/pdf", sizeBytes: PDF.byteLength });
    expect(loadDraft(u.id, PATH)).toBeNull();

    // The attachment of a pending contribution: its author yes, others and the public no.
    const dl = (cookie?: string) => call(download.loader, getRequest(`/contributi/${c.id}/allegati/${a.id}`, cookie), { id: String(c.id), attachmentId: String(a.id) });
    const mineDl = await dl(u.cookie);
    expect(mineDl.status).toBe(200);
    expect((mineDl.body as Response).headers.get("Content-Disposition")).toContain("attachment");
    expect((await dl(other.cookie)).status).toBe(404);
    expect((await dl()).status).toBe(404);
  });

  it("opened from a draft section: shown linked to it and to its STTM without writing; the first POST stores it; an unknown section is ignored", async () => {
    const u = await newUser("Sezione");
    const v1 = db.select().from(draftVersions).where(eq(draftVersions.label, DEMO_STTM1_LABEL)).get()!;
    const section = versionSections(v1.id)[1];
    const origin = `section:${v1.id}:${section.sectionId}`;
    // A draft of another STTM is there already: the GET shows the section's STTM, and stores nothing.
    await call(wizard.action, post(`${PATH}?passo=tema`, [["strategyCode", "STTM2"], ["targetCodes", "STTM2.2"], ["intent", "save"]], u.cookie));
    const before = db.select().from(formStashes).all();
    const opened = `${PATH}?sezione=${section.sectionId}&versione=${v1.id}`;
    const r = await call(wizard.loader, getRequest(opened, u.cookie));
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      step: "tipo",
      notice: "section",
      carry: { sezione: origin },
      stepQuery: `&sezione=${section.sectionId}&versione=${v1.id}`,
      draft: { origin, strategyCode: "STTM1", targetCodes: [] },
      options: { section: { value: origin, number: section.number } },
    });
    expect(db.select().from(formStashes).all()).toEqual(before);
    expect(loadDraft(u.id, PATH)).toMatchObject({ origin: "", strategyCode: "STTM2", targetCodes: ["STTM2.2"] });

    // The step's form carries it: its first POST stores the link and the STTM with the step's own field.
    const next = await call(wizard.action, post(`${PATH}?passo=tipo`, [["kind", "proposta"], ["_sezione", origin], ["intent", "next"]], u.cookie));
    expect(next).toMatchObject({ status: 302, location: `${PATH}?passo=tema` });
    expect(loadDraft(u.id, PATH)).toMatchObject({ kind: "proposta", origin, strategyCode: "STTM1", targetCodes: [] });
    const page = await call(wizard.loader, getRequest(`${PATH}?passo=testo`, u.cookie));
    expect(page.body).toMatchObject({ notice: null, options: { section: { value: origin, number: section.number } } });

    // A section that is not one of a public version is neither shown nor stored.
    const bogus = await call(wizard.loader, getRequest(`${PATH}?sezione=999999&versione=${v1.id}`, u.cookie));
    expect(bogus.location).toBe(`${PATH}?passo=tipo`);
    const stale = await newUser("SezioneFalsa");
    await call(wizard.action, post(`${PATH}?passo=tipo`, [["kind", "proposta"], ["_sezione", `section:${v1.id}:999999`], ["intent", "next"]], stale.cookie));
    expect(loadDraft(stale.id, PATH)).toMatchObject({ kind: "proposta", origin: "" });
  });

  it("whole comuni chosen from the list (no JavaScript needed)", async () => {
    const u = await newUser("Lista");
    await fillWizard(u.cookie, [["comuni", "015182"], ["comuni", "015170"], ["geometry", ""]]);
    const sent = await call(wizard.action, multipart(`${PATH}?passo=riepilogo`, [], u.cookie));
    expect(sent.status).toBe(302);
    const [c] = db.select().from(contributions).where(eq(contributions.authorId, u.id)).all();
    expect(c.placeKind).toBe("comuni");
    expect(db.select().from(contributionComuni).where(eq(contributionComuni.contributionId, c.id)).all().map((r) => r.istat).sort()).toEqual(["015170", "015182"]);
  });
});

describe("author-only pages", () => {
  let hers: number;
  beforeAll(async () => {
    hers = (
      await createContribution(other.id, {
        kind: "proposta",
        strategyCode: "STTM1",
        targetCodes: ["STTM1.1"],
        objectiveCodes: [],
        title: "Il contributo di un altro",
        body: "Un testo che solo il suo autore può modificare.",
        place: { comuni: ["015182"] },
        meetingId: null,
        draftVersionId: null,
        draftSectionId: null,
        organizationId: null,
      })
    ).id;
  });

  it("someone else's contribution cannot be edited or withdrawn: 404", async () => {
    const params = { id: String(hers) };
    expect((await call(edit.loader, getRequest(`/account/contributi/${hers}/modifica`, author.cookie), params)).status).toBe(404);
    const save = await call(edit.action, post(`/account/contributi/${hers}/modifica`, [["intent", "save"], ["kind", "proposta"], ["title", "Cambiato da me"]], author.cookie), params);
    expect(save.status).toBe(404);
    const withdraw = await call(mine.action, post("/account/contributi", [["intent", "withdraw"], ["id", String(hers)]], author.cookie));
    expect(withdraw.status).toBe(404);
    expect(db.select().from(contributions).where(eq(contributions.id, hers)).get()).toMatchObject({ title: "Il contributo di un altro", status: "pending" });
    // Its author can.
    expect((await call(edit.loader, getRequest(`/account/contributi/${hers}/modifica`, other.cookie), params)).status).toBe(200);
  });

  it("an anonymous edit is stashed through the log-in", async () => {
    const r = await call(edit.action, post(`/account/contributi/${hers}/modifica`, [["intent", "save"], ["title", "Titolo corretto"]]), { id: String(hers) });
    expect(r.status).toBe(302);
    expect(decodeURIComponent(r.location!)).toMatch(new RegExp(`^/accedi\\?redirectTo=/account/contributi/${hers}/modifica\\?ripristina=[A-Za-z0-9_-]{43}$`));
  });

  it("my contributions lists only mine", async () => {
    const r = await call(mine.loader, getRequest("/account/contributi", other.cookie));
    const body = r.body as { rows: { id: number }[] };
    expect(body.rows.map((x) => x.id)).toContain(hers);
    const mineRows = ((await call(mine.loader, getRequest("/account/contributi", author.cookie))).body as { rows: { id: number }[] }).rows;
    expect(mineRows.map((x) => x.id)).not.toContain(hers);
  });
});

describe("similar contributions and supports", () => {
  it("/contributi/simili answers JSON with published contributions only", async () => {
    const { id } = await createContribution(other.id, {
      kind: "buona_pratica",
      strategyCode: "STTM1",
      targetCodes: ["STTM1.3"],
      objectiveCodes: [],
      title: "Giardini della pioggia nelle scuole di Rho",
      body: "Raccogliere l'acqua piovana dei tetti delle scuole in giardini della pioggia.",
      place: { comuni: ["015182"] },
      meetingId: null,
      draftVersionId: null,
      draftSectionId: null,
      organizationId: null,
    });
    const ask = async () => ((await similar.loader({ request: getRequest("/contributi/simili?titolo=giardino%20della%20pioggia"), params: {}, context: {} } as never)) as Response).json();
    expect((await ask()).items).toEqual([]);
    db.update(contributions).set({ status: "published", publishedAt: new Date() }).where(eq(contributions.id, id)).run();
    expect((await ask()).items).toEqual([{ id, title: "Giardini della pioggia nelle scuole di Rho", kind: "buona_pratica", supportCount: 0 }]);
  });

  it("the support action: anonymous → log in and back to the page; a signed-in person supports once", async () => {
    const c = db.select().from(contributions).where(eq(contributions.status, "published")).get()!;
    const params = { id: String(c.id) };
    const anon = await call(supportRoute.action, post(`/contributi/${c.id}/sostegno`, [["intent", "support"]]), params);
    expect(anon.location).toBe(`/accedi?redirectTo=${encodeURIComponent(`/contributi/${c.id}`)}`);
    const ok = await call(supportRoute.action, post(`/contributi/${c.id}/sostegno`, [["intent", "support"]], author.cookie), params);
    expect(ok).toMatchObject({ status: 303, location: `/contributi/${c.id}?sostegno=contributions.support.done.support#sostegno` });
    const twice = await call(supportRoute.action, post(`/contributi/${c.id}/sostegno`, [["intent", "support"]], author.cookie), params);
    expect(twice.location).toContain("sostegno=contributions.support.already");
    expect(db.select().from(contributions).where(eq(contributions.id, c.id)).get()!.supportCount).toBe(1);
    const unknown = await call(supportRoute.action, post("/contributi/999999/sostegno", [["intent", "support"]], author.cookie), { id: "999999" });
    expect(unknown.status).toBe(404);
  });
});
