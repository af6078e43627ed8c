// The meeting report pages called as the server would: the staff page (texts, preview, publish,
// corrections) and the public page (latest version, earlier versions, nothing before publishing).
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { registerUser } from "~/domain/accounts/users.server";
import { FIRST_PROCESS_SLUG } from "~/domain/processes/processes.server";
import { meetings, processes, reports, reportVersions, type MeetingStatus } from "~db/schema";
import type { ReportDocument } from "~/domain/reports/document";
import * as staffReport from "~/routes/gestione.incontri.$id.rapporto";
import * as publicReport from "~/routes/incontri.$id_.rapporto";
import * as publicPage from "~/routes/incontri.$id";
import { seedReference } from "./db";
import { formRequest, getRequest, outcome, sessionCookieFor } from "./requests";

type Args = Parameters<typeof staffReport.action>[0];
const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: {} }) as unknown as Args;

let participantCookie: string;
let staffCookie: string;
let held: number;
let upcoming: number;

function meeting(status: MeetingStatus, title: string) {
  const processId = db.select().from(processes).where(eq(processes.slug, FIRST_PROCESS_SLUG)).get()!.id;
  const startsAt = new Date("2027-02-10T16:30:00Z");
  return db
    .insert(meetings)
    .values({ processId, kind: "tavolo_territoriale", zoneId: "sud-ovest", title, startsAt, endsAt: new Date(startsAt.getTime() + 7_200_000), status })
    .returning({ id: meetings.id })
    .get().id;
}

const staffPath = (id: number) => `/gestione/incontri/${id}/rapporto`;
const publicPath = (id: number, query = "") => `/incontri/${id}/rapporto${query}`;
const post = (id: number, fields: Record<string, string>, cookie = staffCookie) => outcome(() => staffReport.action(args(formRequest(staffPath(id), fields, cookie), { id: String(id) })));
const readPublic = (id: number, query = "", cookie?: string) => outcome(() => publicReport.loader(args(getRequest(publicPath(id, query), cookie), { id: String(id) })));

beforeAll(async () => {
  seedReference();
  const participant = await registerUser({ name: "Partecipante Rapporti", email: "p-rapporto@example.org", password: "password-partecipante" });
  const staff = await registerUser({ name: "Staff Rapporti", email: "s-rapporto@example.org", password: "password-dello-staff", role: "staff" });
  participantCookie = await sessionCookieFor(participant);
  staffCookie = await sessionCookieFor(staff);
  held = meeting("held", "Tavolo territoriale Sud Ovest — rapporto");
  upcoming = meeting("registration_open", "Tavolo non ancora svolto");
});

describe("the staff page", () => {
  it("refuses participants (403) on the page and the action, and sends anonymous users to log in", async () => {
    expect((await outcome(() => staffReport.loader(args(getRequest(staffPath(held), participantCookie), { id: String(held) })))).status).toBe(403);
    expect((await post(held, { intent: "publish", introduction: "x", conclusions: "" }, participantCookie)).status).toBe(403);
    const anonymous = await outcome(() => staffReport.loader(args(getRequest(staffPath(held)), { id: String(held) })));
    expect(anonymous.status).toBe(302);
    expect(anonymous.location).toContain("/accedi");
    expect(db.select().from(reportVersions).all()).toHaveLength(0);
  });

  it("shows staff the eligibility and a live preview of a held meeting, and says why an upcoming one cannot have a report", async () => {
    const page = await outcome(() => staffReport.loader(args(getRequest(staffPath(held), staffCookie), { id: String(held) })));
    expect(page.status).toBe(200);
    const body = page.body as Awaited<ReturnType<typeof staffReport.loader>>;
    expect(body.eligible).toBe(true);
    expect(body.preview?.document.kind).toBe("meeting");
    expect(body.reportId).not.toBeNull();
    const notYet = (await outcome(() => staffReport.loader(args(getRequest(staffPath(upcoming), staffCookie), { id: String(upcoming) })))).body as typeof body;
    expect(notYet.eligible).toBe(false);
    expect(notYet.preview).toBeNull();
    expect((await post(upcoming, { intent: "publish", introduction: "", conclusions: "" })).status).toBe(409);
    expect((await outcome(() => staffReport.loader(args(getRequest(staffPath(999_999), staffCookie), { id: "999999" })))).status).toBe(404);
  });

  it("refuses a text over 50,000 characters with 400 and gives back everything typed", async () => {
    const long = "Introduzione molto lunga. ".repeat(2_000);
    expect(long.length).toBeGreaterThan(50_000);
    const result = await post(held, { intent: "save", introduction: long, conclusions: "Conclusioni da tenere", correctionNote: "nota" });
    expect(result.status).toBe(400);
    const body = result.body as { errors: Record<string, string>; values: Record<string, string> };
    expect(body.errors.introduction).toBe("reports.meeting.error.tooLong");
    expect(body.values).toEqual({ introduction: long, conclusions: "Conclusioni da tenere", correctionNote: "nota" });
    const report = db.select().from(reports).where(eq(reports.meetingId, held)).get();
    expect(report?.introduction ?? "").toBe("");
  });

  it("previews the texts of the form without saving them", async () => {
    const result = await post(held, { intent: "preview", introduction: "Testo **in prova**", conclusions: "" });
    expect(result.status).toBe(200);
    const body = result.body as { preview: { document: ReportDocument } };
    expect(body.preview.document.sections[0]).toMatchObject({ id: "s-introduzione", title: "Introduzione" });
    expect(db.select().from(reports).where(eq(reports.meetingId, held)).get()?.introduction ?? "").toBe("");
  });
});

describe("publishing and reading", () => {
  it("shows nothing to the public before a version is published (404), and no link on the meeting page", async () => {
    expect((await readPublic(held)).status).toBe(404);
    expect((await readPublic(held, "", staffCookie)).status).toBe(404);
    const page = (await outcome(() => publicPage.loader(args(getRequest(`/incontri/${held}`), { id: String(held) })))).body as { report: unknown };
    expect(page.report).toBeNull();
  });

  it("publishes version 1; a second publish needs a correction note (400), then makes version 2 and version 1 stays readable", async () => {
    const first = await post(held, { intent: "publish", introduction: "Prima introduzione", conclusions: "Conclusioni", correctionNote: "" });
    expect(first.status).toBe(302);
    expect(first.location).toBe(`${staffPath(held)}?ok=published&n=1`);

    const anonymous = await readPublic(held);
    expect(anonymous.status).toBe(200);
    const v1 = anonymous.body as Awaited<ReturnType<typeof publicReport.loader>>;
    expect(v1.version.number).toBe(1);
    expect(JSON.stringify(v1.prepared.document)).toContain("Prima introduzione");
    const page = (await outcome(() => publicPage.loader(args(getRequest(`/incontri/${held}`), { id: String(held) })))).body as { report: { number: number } };
    expect(page.report).toMatchObject({ number: 1 });

    const refused = await post(held, { intent: "publish", introduction: "Seconda introduzione", conclusions: "Conclusioni", correctionNote: "   " });
    expect(refused.status).toBe(400);
    const body = refused.body as { errors: Record<string, string>; values: Record<string, string> };
    expect(body.errors.correctionNote).toBe("reports.meeting.error.noteRequired");
    expect(body.values.introduction).toBe("Seconda introduzione");
    expect(db.select().from(reports).where(eq(reports.meetingId, held)).get()?.introduction).toBe("Prima introduzione");

    const second = await post(held, { intent: "publish", introduction: "Seconda introduzione", conclusions: "Conclusioni", correctionNote: "Corretto il conteggio dei presenti" });
    expect(second.status).toBe(302);
    expect(second.location).toContain("n=2");

    const latest = (await readPublic(held)).body as typeof v1;
    expect(latest.version).toMatchObject({ number: 2, correctionNote: "Corretto il conteggio dei presenti" });
    expect(JSON.stringify(latest.prepared.document)).toContain("Seconda introduzione");
    expect(latest.versions.map((v) => v.number)).toEqual([2, 1]);

    const earlier = await readPublic(held, "?versione=1");
    expect(earlier.status).toBe(200);
    const old = earlier.body as typeof v1;
    expect(old.version.number).toBe(1);
    expect(old.latest.number).toBe(2);
    expect(JSON.stringify(old.prepared.document)).toContain("Prima introduzione");
    expect(JSON.stringify(old.prepared.document)).not.toContain("Seconda introduzione");
  });

  it("answers 404, not 500, for an unknown version or meeting", async () => {
    expect((await readPublic(held, "?versione=3")).status).toBe(404);
    expect((await readPublic(held, "?versione=0")).status).toBe(404);
    expect((await readPublic(held, "?versione=abc")).status).toBe(404);
    expect((await readPublic(999_999)).status).toBe(404);
    expect((await readPublic(upcoming)).status).toBe(404);
  });
});
