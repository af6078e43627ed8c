// Acceptance (issue 7): no personal data — e-mail addresses, names of individual people — appears
// in any public export. The demo data (accounts, 150 synthetic contributions by citizens with
// comments and supports, drafts, meetings, the published reports) plus a held territorial table
// with citizens registered and a contribution, whose report is published; then every public export
// is fetched through its route and searched for every e-mail and name in the users table.
import mammoth from "mammoth";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoAccounts } from "~/seed/demo/accounts.server";
import { seedDemoContributions } from "~/seed/demo/contributions.server";
import { seedDemoDrafts } from "~/seed/demo/drafts.server";
import { seedDemoMeetings } from "~/seed/demo/meetings.server";
import { seedDemoReports } from "~/seed/demo/kickoff-report.server";
import { buildMeetingReport } from "~/domain/reports/meeting-report.server";
import { seedDemoParticipationReport } from "~/seed/demo/participation-report.server";
import { closePdfBrowser } from "~/domain/reports/pdf.server";
import { publishReportVersion } from "~/domain/reports/reports.server";
import { db } from "~/lib/db.server";
import { comuni, contributions, meetings, organizations, registrations, reports, reportVersions, users } from "~db/schema";
import * as datiCsv from "~/routes/dati.contributi[.]csv";
import * as datiGeojson from "~/routes/dati.contributi[.]geojson";
import * as datiPage from "~/routes/dati._index";
import * as ogcItems from "~/routes/ogc.collections.$collectionId.items._index";
import * as dashboard from "~/routes/partecipazione";
import * as dashboardComuni from "~/routes/partecipazione.comuni[.]csv";
import * as dashboardZone from "~/routes/partecipazione.zone[.]csv";
import * as reportFiles from "~/routes/rapporti.$reportId.$file";
import * as reportPrint from "~/routes/rapporti.$reportId.$version.stampa";
import * as meetingReportPage from "~/routes/incontri.$id_.rapporto";
import * as participationReportPage from "~/routes/strategie.$code_.bozze.$versionId_.rapporto";
import { insertContribution } from "./contributions";
import { seedReference } from "./db";
import { insertUser } from "./drafts-participation";
import { getRequest, outcome } from "./requests";

type AnyLoader = (args: never) => Promise<unknown>;
async function fetchBody(loader: AnyLoader, path: string, params: Record<string, string> = {}): Promise<string> {
  const result = await outcome(() => (loader as (a: unknown) => Promise<unknown>)({ request: getRequest(path), params, context: {} }));
  expect(result.status, path).toBe(200);
  if (result.body instanceof Response) {
    const type = result.body.headers.get("Content-Type") ?? "";
    if (type.includes("wordprocessingml")) {
      const buffer = Buffer.from(await result.body.arrayBuffer());
      return (await mammoth.extractRawText({ buffer })).value;
    }
    return result.body.text();
  }
  return JSON.stringify(result.body);
}

const exported: { path: string; body: string }[] = [];

beforeAll(async () => {
  seedReference();
  await seedDemoAccounts();
  await seedDemoDrafts();
  seedDemoMeetings(db);
  seedDemoContributions();
  await seedDemoReports();
  await seedDemoParticipationReport();

  // A held territorial table: citizens and a comune registered and present, a citizen's contribution.
  const staff = insertUser("Redattrice Esportazioni", "staff");
  const table = db.select().from(meetings).where(eq(meetings.kind, "tavolo_territoriale")).get()!;
  db.update(meetings).set({ status: "held", startsAt: new Date("2026-10-01T15:00:00Z"), endsAt: new Date("2026-10-01T17:00:00Z") }).where(eq(meetings.id, table.id)).run();
  const citizen = insertUser("Ottavia Cittadinanza");
  const rep = insertUser("Rodolfo Rappresentante");
  const comuneOrg = db
    .select({ id: organizations.id })
    .from(organizations)
    .innerJoin(comuni, eq(comuni.istat, organizations.istatCode))
    .where(and(eq(organizations.kind, "comune"), eq(comuni.zoneId, table.zoneId!)))
    .get()!;
  db.insert(registrations).values({ meetingId: table.id, userId: citizen.id, capacity: "person", status: "confirmed", attended: true, createdAt: new Date() }).run();
  db.insert(registrations).values({ meetingId: table.id, userId: rep.id, organizationId: comuneOrg.id, capacity: "comune", status: "confirmed", attended: true, createdAt: new Date() }).run();
  const id = insertContribution({ authorId: citizen.id, title: "Pista ciclabile lungo il canale", body: "Proposta raccolta al tavolo." });
  db.update(contributions).set({ meetingId: table.id }).where(eq(contributions.id, id)).run();
  const document = (await buildMeetingReport(table.id, { introduction: "Introduzione.", conclusions: "" }))!;
  publishReportVersion({ actorId: staff.id, subject: { kind: "meeting", meetingId: table.id }, document });

  const get = async (loader: AnyLoader, path: string, params: Record<string, string> = {}) => exported.push({ path, body: await fetchBody(loader, path, params) });
  await get(datiPage.loader, "/dati");
  await get(datiCsv.loader, "/dati/contributi.csv");
  await get(datiCsv.loader, "/dati/contributi.csv?sep=;");
  await get(datiGeojson.loader, "/dati/contributi.geojson");
  await get(dashboard.loader, "/partecipazione");
  await get(dashboardComuni.loader, "/partecipazione/comuni.csv");
  await get(dashboardZone.loader, "/partecipazione/zone.csv");
  for (const collectionId of ["contributi", "comuni", "zone"]) {
    let path: string | null = `/ogc/collections/${collectionId}/items?limit=100`;
    while (path) {
      const body = await fetchBody(ogcItems.loader, path, { collectionId });
      exported.push({ path, body });
      const next = (JSON.parse(body) as { links: { rel: string; href: string }[] }).links.find((l) => l.rel === "next");
      path = next ? new URL(next.href).pathname + new URL(next.href).search : null;
    }
  }
  const published = db.select({ reportId: reportVersions.reportId, number: reportVersions.number, kind: reports.kind, meetingId: reports.meetingId, versionId: reports.draftVersionId }).from(reportVersions).innerJoin(reports, eq(reports.id, reportVersions.reportId)).all();
  expect(published.length).toBeGreaterThanOrEqual(3);
  for (const v of published) {
    for (const ext of ["md", "csv", "geojson", "docx"]) {
      await get(reportFiles.loader, `/rapporti/${v.reportId}/${v.number}.${ext}`, { reportId: String(v.reportId), file: `${v.number}.${ext}` });
    }
    await get(reportPrint.loader, `/rapporti/${v.reportId}/${v.number}/stampa`, { reportId: String(v.reportId), version: String(v.number) });
    if (v.meetingId) await get(meetingReportPage.loader, `/incontri/${v.meetingId}/rapporto`, { id: String(v.meetingId) });
    if (v.versionId) await get(participationReportPage.loader, `/strategie/STTM1/bozze/${v.versionId}/rapporto`, { code: "STTM1", versionId: String(v.versionId) });
  }
}, 120_000);

afterAll(() => closePdfBrowser());

describe("public exports hold no personal data", () => {
  it("the exports carry the published content (the search below is not vacuous)", () => {
    const all = exported.map((e) => e.body).join("\n");
    expect(all).toContain("Pista ciclabile lungo il canale");
    expect(all).toContain("cittadino/a");
    expect(exported.length).toBeGreaterThan(20);
  });

  it("no e-mail address and no person's name appears in any of them", () => {
    const people = db.select({ email: users.email, name: users.name }).from(users).all();
    expect(people.length).toBeGreaterThan(40);
    const leaks: string[] = [];
    for (const { path, body } of exported) {
      const text = body.toLowerCase();
      for (const p of people) {
        if (p.email && text.includes(p.email.toLowerCase())) leaks.push(`${path}: ${p.email}`);
        if (p.name && p.name.length > 3 && text.includes(p.name.toLowerCase())) leaks.push(`${path}: ${p.name}`);
      }
      if (/[\w.+-]+@[\w-]+\.[\w.]+/.test(body.replace(/https?:\/\/\S+/g, ""))) leaks.push(`${path}: something shaped like an e-mail`);
    }
    expect(leaks).toEqual([]);
  });
});
