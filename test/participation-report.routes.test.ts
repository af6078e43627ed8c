// The participation report pages called as the server would: the staff page (eligibility, texts,
// preview, publish, corrections) and the public page (latest version, earlier ones, 404s).
import { beforeAll, describe, expect, it } from "vitest";
import { registerUser } from "~/domain/accounts/users.server";
import { giveOutcome, setSectionLinks } from "~/domain/moderation/outcomes.server";
import type { ReportDocument } from "~/domain/reports/document";
import { db } from "~/lib/db.server";
import { reportVersions } from "~db/schema";
import * as staffReport from "~/routes/gestione.bozze.$versionId.rapporto";
import * as publicReport from "~/routes/strategie.$code_.bozze.$versionId_.rapporto";
import * as reading from "~/routes/strategie.$code_.bozze.$versionId";
import { insertContribution } from "./contributions";
import { seedReference } from "./db";
import { insertVersionInConsultation, SECTIONS_V01 } from "./drafts-participation";
import { formRequest, getRequest, outcome, sessionCookieFor } from "./requests";

type Args = Parameters<typeof staffReport.action>[0];
const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: {} } as unknown as Args);

let participantCookie: string;
let staffCookie: string;
let versionId: number;
let bozzaId: number;
let contributionId: number;

const staffPath = (id: number) => `/gestione/bozze/${id}/rapporto`;
const publicPath = (id: number, code = "STTM1", query = "") => `/strategie/${code}/bozze/${id}/rapporto${query}`;
const post = (id: number, fields: Record<string, string>, cookie = staffCookie) =>
  outcome(() => staffReport.action(args(formRequest(staffPath(id), fields, cookie), { versionId: String(id) })));
const readStaff = (id: number, cookie = staffCookie) => outcome(() => staffReport.loader(args(getRequest(staffPath(id), cookie), { versionId: String(id) })));
const readPublic = (id: number, code = "STTM1", query = "", cookie?: string) =>
  outcome(() => publicReport.loader(args(getRequest(publicPath(id, code, query), cookie), { code, versionId: String(id) })));

beforeAll(async () => {
  seedReference();
  const participant = await registerUser({ name: "Partecipante Rapporto", email: "p-partecipazione@example.org", password: "password-partecipante" });
  const staff = await registerUser({ name: "Staff Rapporto", email: "s-partecipazione@example.org", password: "password-dello-staff", role: "staff" });
  participantCookie = await sessionCookieFor(participant);
  staffCookie = await sessionCookieFor(staff);
  const v = insertVersionInConsultation({ label: "v0.1", sections: SECTIONS_V01 });
  versionId = v.versionId;
  bozzaId = insertVersionInConsultation({ strategyCode: "STTM2", label: "bozza interna", sections: SECTIONS_V01, status: "bozza" }).versionId;
  contributionId = insertContribution({ title: "Rete verde e fontanili" });
  setSectionLinks({ actorId: staff, itemKind: "contribution", itemId: contributionId, versionId, sectionIds: [v.bySection["2.3"]] });
  giveOutcome({ actorId: staff, itemKind: "contribution", itemId: contributionId, outcome: "accolto", response: "Integrato nel testo della sezione." });
});

describe("the staff page", () => {
  it("refuses participants (403) on the page and its actions, and sends anonymous users to log in", async () => {
    expect((await readStaff(versionId, participantCookie)).status).toBe(403);
    for (const intent of ["save", "preview", "publish"]) {
      expect((await post(versionId, { intent, introduction: "x", conclusions: "" }, participantCookie)).status, intent).toBe(403);
    }
    const anonymous = await outcome(() => staffReport.loader(args(getRequest(staffPath(versionId)), { versionId: String(versionId) })));
    expect(anonymous.status).toBe(302);
    expect(anonymous.location).toContain("/accedi");
    expect(db.select().from(reportVersions).all()).toHaveLength(0);
  });

  it("says a bozza is not eligible, and refuses to publish its report", async () => {
    const page = await readStaff(bozzaId);
    expect(page.status).toBe(200);
    const body = page.body as Awaited<ReturnType<typeof staffReport.loader>>;
    expect(body.eligible).toBe(false);
    expect(body.notEligibleKey).toBe("reports.participation.notEligible.bozza");
    expect(body.preview).toBeNull();
    const refused = await post(bozzaId, { intent: "publish", introduction: "", conclusions: "" });
    expect(refused.status).toBe(409);
    expect(db.select().from(reportVersions).all()).toHaveLength(0);
    expect((await readStaff(999_999)).status).toBe(404);
  });

  it("shows the preview with its counts to staff", async () => {
    const page = await readStaff(versionId);
    const body = page.body as Awaited<ReturnType<typeof staffReport.loader>>;
    expect(body.eligible).toBe(true);
    expect(body.counts).toEqual({ items: 1, withoutOutcome: 0, pending: 0 });
    expect(JSON.stringify(body.preview?.document)).toContain("Integrato nel testo della sezione.");
    expect(body.reportId).not.toBeNull();
  });

  it("answers bad input with 400 and the values typed, never a 500", async () => {
    const long = "a".repeat(50_001);
    const result = await post(versionId, { intent: "save", introduction: long, conclusions: "Conclusioni scritte." });
    expect(result.status).toBe(400);
    const body = result.body as { errors: Record<string, string>; values: Record<string, string> };
    expect(body.errors.introduction).toBe("reports.participation.error.tooLong");
    expect(body.values).toMatchObject({ introduction: long, conclusions: "Conclusioni scritte." });
    expect((await post(versionId, { intent: "boh", introduction: "", conclusions: "" })).status).toBe(400);
  });

  it("publishes version 1, then refuses a correction without a note (400) and publishes one with it", async () => {
    const saved = await post(versionId, { intent: "save", introduction: "Introduzione della redazione.", conclusions: "" });
    expect(saved.status).toBe(302);
    const first = await post(versionId, { intent: "publish", introduction: "Introduzione della redazione.", conclusions: "Conclusioni." });
    expect(first.status).toBe(302);
    expect(first.location).toBe(`${staffPath(versionId)}?ok=published&n=1`);

    const noNote = await post(versionId, { intent: "publish", introduction: "Introduzione corretta.", conclusions: "Conclusioni.", correctionNote: "  " });
    expect(noNote.status).toBe(400);
    const body = noNote.body as { errors: Record<string, string>; values: Record<string, string> };
    expect(body.errors.correctionNote).toBe("reports.participation.error.noteRequired");
    expect(body.values.introduction).toBe("Introduzione corretta.");

    const second = await post(versionId, {
      intent: "publish",
      introduction: "Introduzione corretta.",
      conclusions: "Conclusioni.",
      correctionNote: "Corretto un refuso.",
    });
    expect(second.location).toBe(`${staffPath(versionId)}?ok=published&n=2`);
    const stored = db.select().from(reportVersions).all();
    expect(stored.map((r) => r.number)).toEqual([1, 2]);
    const doc = JSON.parse(stored[1].document) as ReportDocument;
    expect(doc.kind).toBe("participation");
    expect(doc.sections[0]).toMatchObject({ title: "Introduzione", blocks: [{ type: "text", markdown: "Introduzione corretta." }] });
  });
});

describe("the public page", () => {
  it("lets anyone read the latest published version, and earlier ones with ?versione=N", async () => {
    const latest = await readPublic(versionId);
    expect(latest.status).toBe(200);
    const body = latest.body as Awaited<ReturnType<typeof publicReport.loader>>;
    expect(body.shown.number).toBe(2);
    expect(body.latest).toBe(2);
    expect(body.shown.correctionNote).toBe("Corretto un refuso.");
    expect(JSON.stringify(body.prepared.document)).toContain(`Contributo n. ${contributionId}`);
    const older = await readPublic(versionId, "STTM1", "?versione=1", participantCookie);
    expect((older.body as typeof body).shown.number).toBe(1);
  });

  it("is a 404 for an unknown report version, a wrong STTM in the URL, a bozza, an unknown version, and before publication", async () => {
    expect((await readPublic(versionId, "STTM1", "?versione=3")).status).toBe(404);
    expect((await readPublic(versionId, "STTM1", "?versione=abc")).status).toBe(404);
    expect((await readPublic(versionId, "STTM2")).status).toBe(404);
    expect((await readPublic(versionId, "STTM9")).status).toBe(404);
    expect((await readPublic(bozzaId, "STTM2")).status).toBe(404);
    expect((await readPublic(999_999)).status).toBe(404);
    const unpublished = insertVersionInConsultation({ strategyCode: "STTM3", label: "v0.1", sections: SECTIONS_V01 }).versionId;
    expect((await readPublic(unpublished, "STTM3")).status).toBe(404);
    // Staff opening the staff page makes the (empty) report row: still nothing public.
    await readStaff(unpublished);
    expect((await readPublic(unpublished, "STTM3")).status).toBe(404);
  });

  it("the reading view links to the report once it is published", async () => {
    const read = (id: number, code: string) =>
      outcome(() => reading.loader(args(getRequest(`/strategie/${code}/bozze/${id}`), { code, versionId: String(id) })));
    expect(((await read(versionId, "STTM1")).body as { reportPublished: boolean }).reportPublished).toBe(true);
    const other = insertVersionInConsultation({ strategyCode: "STTM3", label: "v0.2", sections: SECTIONS_V01 }).versionId;
    expect(((await read(other, "STTM3")).body as { reportPublished: boolean }).reportPublished).toBe(false);
  });
});
