// The meeting report built from a seeded territorial table: every number is checked against
// counts computed here with independent SQL, not with the builder's own queries.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, sqlite } from "~/lib/db.server";
import { seedReference } from "../../../test/db";
import { insertContribution } from "../../../test/contributions";
import { FIRST_PROCESS_SLUG } from "~/domain/processes/processes.server";
import { contributions, meetings, organizations, processes, registrations, type MeetingKind, type MeetingStatus, type RegistrationCapacity } from "~db/schema";
import { flattenSections, itemRefs, type ReportBlock, type ReportDocument, type ReportSection } from "./document";
import { buildMeetingReport, meetingContributionStatusCounts, meetingReportEligibility } from "./meeting-report.server";
import { seedDemoAccounts } from "~/seed/demo/accounts.server";
import { seedDemoMeetings } from "~/seed/demo/meetings.server";
import { seedDemoReports } from "~/seed/demo/kickoff-report.server";
import { findReport, getPublishedReport, listReportVersions } from "./reports.server";

const ZONE = "nord-ovest";
let processId: number;
let table: number;
let doc: ReportDocument;

function user(name: string) {
  const id = randomUUID();
  sqlite.prepare("insert into users (id, email, name, role) values (?, ?, ?, 'participant')").run(id, `${name.toLowerCase().replace(/\W+/g, ".")}@persone.example`, name);
  return id;
}

function org(slug: string) {
  const row = db.select().from(organizations).where(eq(organizations.slug, slug)).get();
  if (!row) throw new Error(slug);
  return row;
}

let meetingCount = 0;
function meeting(kind: MeetingKind, status: MeetingStatus, zoneId: string | null = null, extra: Partial<typeof meetings.$inferInsert> = {}) {
  const startsAt = new Date("2027-02-10T16:30:00Z");
  return db
    .insert(meetings)
    .values({ processId, kind, title: `Incontro del rapporto ${++meetingCount}`, startsAt, endsAt: new Date(startsAt.getTime() + 2 * 3600_000), zoneId, status, agenda: "1. Saluti\n2. Discussione", ...extra })
    .returning({ id: meetings.id })
    .get().id;
}

function registration(meetingId: number, who: string, opts: { org?: string; capacity?: RegistrationCapacity; status?: "confirmed" | "waitlisted" | "cancelled"; attended?: boolean | null }) {
  db.insert(registrations)
    .values({
      meetingId,
      userId: who,
      organizationId: opts.org ? org(opts.org).id : null,
      capacity: opts.capacity ?? (opts.org ? "comune" : "person"),
      status: opts.status ?? "confirmed",
      createdAt: new Date(),
      attended: opts.attended ?? null,
    })
    .run();
}

function atMeeting(id: number, meetingId: number, comuneIstat: string | null = null) {
  db.update(contributions).set({ meetingId, comuneIstat }).where(eq(contributions.id, id)).run();
  return id;
}

const sections = (d: ReportDocument) => flattenSections(d.sections).map((s) => s.section);
const sectionTitled = (d: ReportDocument, title: string) => {
  const s = sections(d).find((x) => x.title === title);
  if (!s) throw new Error(`no section ${title}: ${sections(d).map((x) => x.title).join(", ")}`);
  return s;
};
const blocksOf = <T extends ReportBlock["type"]>(s: ReportSection, type: T) => s.blocks.filter((b): b is Extract<ReportBlock, { type: T }> => b.type === type);
const tableIn = (d: ReportDocument, title: string) => blocksOf(sectionTitled(d, title), "table")[0];
const rowMap = (rows: (string | number)[][]) => Object.fromEntries(rows.map((r) => [String(r[0]), r.slice(1)]));

/** Independent count queries. */
const q = {
  all: <T>(sql: string, ...params: unknown[]) => sqlite.prepare(sql).all(...params) as T[],
  n: (sql: string, ...params: unknown[]) => (sqlite.prepare(sql).get(...params) as { n: number }).n,
};

beforeAll(async () => {
  seedReference();
  processId = db.select().from(processes).where(eq(processes.slug, FIRST_PROCESS_SLUG)).get()!.id;
  table = meeting("tavolo_territoriale", "closed", ZONE, { minutes: "### Sintesi\n\nDiscussione sui servizi.", minutesPublishedAt: new Date("2027-02-20T10:00:00Z"), attendeesCount: 9 });

  // Comuni of the zone: Rho and Arese present, Pero absent, Pregnana registered but not marked, Cornaredo waitlisted, Lainate cancelled.
  registration(table, user("Ufficiale Rho Zanetti"), { org: "comune-di-rho", attended: true });
  registration(table, user("Ufficiale Arese Brambillona"), { org: "comune-di-arese", attended: true });
  registration(table, user("Ufficiale Pero Colombarotti"), { org: "comune-di-pero", attended: false });
  registration(table, user("Ufficiale Pregnana Fumagallini"), { org: "comune-di-pregnana-milanese", attended: null });
  registration(table, user("Ufficiale Cornaredo Bianchetti"), { org: "comune-di-cornaredo", status: "waitlisted" });
  registration(table, user("Ufficiale Lainate Galbiatone"), { org: "comune-di-lainate", status: "cancelled", attended: true });
  // Observers: a comune of another zone, an association, a person in her own name.
  registration(table, user("Ufficiale Magenta Sormanelli"), { org: "comune-di-magenta", capacity: "observer", attended: true });
  registration(table, user("Socia Legambiente Pirovanini"), { org: "legambiente-lombardia", capacity: "observer", attended: true });
  const citizen = user("Cittadina Ermenegilda Vertemati");
  registration(table, citizen, { capacity: "observer", attended: true });
  registration(table, user("Cittadino Assente Quadrelloni"), { capacity: "observer", attended: false });

  // Contributions gathered at the table: a point, a line, an area, one by whole comune, one by a citizen.
  atMeeting(insertContribution({ title: "Rete verde lungo l'Olona", kind: "proposta", strategyCode: "STTM1", targets: ["STTM1.1", "STTM1.3"], organizationSlug: "comune-di-rho", comuni: ["015182"] }), table);
  atMeeting(
    insertContribution({
      title: "Ciclabile Rho–Arese",
      kind: "osservazione",
      strategyCode: "STTM2",
      targets: ["STTM2.2"],
      organizationSlug: "legambiente-lombardia",
      placeKind: "line",
      point: [9.05, 45.53],
      geometry: JSON.stringify({ type: "LineString", coordinates: [[9.04, 45.53], [9.07, 45.55]] }),
    }),
    table,
  );
  atMeeting(
    insertContribution({
      title: "Area dismessa da rigenerare",
      kind: "segnalazione",
      strategyCode: "STTM1",
      targets: ["STTM1.2"],
      organizationSlug: "comune-di-pero",
      placeKind: "polygon",
      point: [9.08, 45.51],
      geometry: JSON.stringify({ type: "Polygon", coordinates: [[[9.08, 45.51], [9.09, 45.51], [9.09, 45.52], [9.08, 45.51]]] }),
    }),
    table,
  );
  atMeeting(insertContribution({ title: "Servizi condivisi tra Comuni", kind: "buona_pratica", strategyCode: null, organizationSlug: "comune-di-arese", point: null, placeKind: null }), table, "015009");
  atMeeting(insertContribution({ title: "Parere di una cittadina", kind: "osservazione", strategyCode: "STTM3", authorId: citizen }), table);
  atMeeting(insertContribution({ title: "Contributo ANCORA IN MODERAZIONE", status: "pending", organizationSlug: "comune-di-rho" }), table);
  atMeeting(insertContribution({ title: "Contributo RESPINTO", status: "rejected", organizationSlug: "comune-di-rho" }), table);
  insertContribution({ title: "Contributo di un ALTRO INCONTRO", organizationSlug: "comune-di-rho" });

  doc = (await buildMeetingReport(table, { introduction: "Introduzione **dello staff**.", conclusions: "" }, new Date("2027-03-01T09:00:00Z")))!;
});

describe("the report of a territorial table", () => {
  it("lists exactly the zone's comuni that did not attend, with 'n di N comuni presenti'", () => {
    const expected = q
      .all<{ name: string }>(
        `select c.name from comuni c where c.zone_id = ? and c.istat not in (
           select o.istat_code from registrations r join organizations o on o.id = r.organization_id
           where r.meeting_id = ? and r.status = 'confirmed' and r.attended = 1 and o.istat_code is not null)
         order by c.name`,
        ZONE,
        table,
      )
      .map((r) => r.name);
    const zoneTotal = q.n("select count(*) n from comuni where zone_id = ?", ZONE);
    const s = sectionTitled(doc, "Comuni della zona non presenti");
    const list = blocksOf(s, "list")[0];
    expect(list.items).toEqual(expected);
    expect(list.items).toContain("Pero");
    expect(list.items).toContain("Pregnana Milanese");
    expect(list.items).toContain("Lainate");
    expect(list.items).not.toContain("Rho");
    expect(list.items).not.toContain("Arese");
    expect(list.items).not.toContain("Magenta");
    expect(blocksOf(s, "text")[0].markdown).toContain(`${zoneTotal - expected.length} di ${zoneTotal} comuni presenti`);
  });

  it("counts registered and attended, by kind and by zone, as the database does", () => {
    const confirmed = q.n("select count(*) n from registrations where meeting_id = ? and status = 'confirmed'", table);
    const attended = q.n("select count(*) n from registrations where meeting_id = ? and status = 'confirmed' and attended = 1", table);
    const facts = Object.fromEntries(blocksOf(sectionTitled(doc, "Partecipazione"), "facts")[0].items.map((f) => [f.label, f.value]));
    expect(facts["Iscrizioni confermate"]).toBe(String(confirmed));
    expect(facts["Presenti (registro delle presenze)"]).toBe(String(attended));
    expect(facts["In lista d'attesa (senza posto)"]).toBe(String(q.n("select count(*) n from registrations where meeting_id = ? and status = 'waitlisted'", table)));

    const byKind = tableIn(doc, "Partecipanti per tipo");
    expect(byKind.columns).toEqual(["Tipo di partecipante", "Iscritti", "Presenti"]);
    expect(byKind.totals).toEqual(["Totale", confirmed, attended]);
    const kindRows = rowMap(byKind.rows);
    const labels: Record<string, string> = { comune: "Comune", association: "Associazione", person: "Cittadini (a titolo personale)" };
    const expectedKinds = q.all<{ kind: string; confirmed: number; attended: number }>(
      `select coalesce(o.kind, 'person') kind, count(*) confirmed, sum(r.attended = 1) attended
       from registrations r left join organizations o on o.id = r.organization_id
       where r.meeting_id = ? and r.status = 'confirmed' group by 1`,
      table,
    );
    expect(Object.keys(kindRows).sort()).toEqual(expectedKinds.map((k) => labels[k.kind]).sort());
    for (const k of expectedKinds) expect(kindRows[labels[k.kind]]).toEqual([k.confirmed, k.attended]);

    const byZone = tableIn(doc, "Partecipanti per zona omogenea");
    expect(byZone.totals).toEqual(["Totale", confirmed, attended]);
    const zoneRows = rowMap(byZone.rows);
    const expectedZones = q.all<{ zone: string | null; confirmed: number; attended: number }>(
      `select z.name zone, count(*) confirmed, sum(r.attended = 1) attended
       from registrations r join organizations o on o.id = r.organization_id join comuni c on c.istat = o.istat_code join zones z on z.id = c.zone_id
       where r.meeting_id = ? and r.status = 'confirmed' group by z.id`,
      table,
    );
    for (const z of expectedZones) expect(zoneRows[z.zone!]).toEqual([z.confirmed, z.attended]);
    expect(zoneRows["Nord Ovest"]).toEqual([4, 2]);
    expect(zoneRows["Magentino e Abbiatense"] ?? zoneRows[Object.keys(zoneRows).find((k) => k.startsWith("Magentino"))!]).toEqual([1, 1]);
    expect(zoneRows["Organizzazioni non territoriali (—)"]).toEqual([1, 1]);
    expect(zoneRows["Cittadini (a titolo personale)"]).toEqual([2, 1]);
  });

  it("counts the published contributions by STTM, target and kind as the database does", () => {
    const published = q.n("select count(*) n from contributions where meeting_id = ? and status = 'published'", table);
    expect(published).toBe(5);

    const bySttm = tableIn(doc, "Contributi per STTM");
    expect(bySttm.totals).toEqual(["Totale", published]);
    const sttmRows = rowMap(bySttm.rows);
    const expectedSttm = q.all<{ code: string | null; n: number }>(
      "select strategy_code code, count(*) n from contributions where meeting_id = ? and status = 'published' group by strategy_code",
      table,
    );
    expect(bySttm.rows).toHaveLength(expectedSttm.length);
    for (const s of expectedSttm) {
      const label = Object.keys(sttmRows).find((k) => (s.code ? k.startsWith(`STTM ${s.code.slice(4)} —`) : k === "Nessuna STTM indicata"));
      expect(label, String(s.code)).toBeDefined();
      expect(sttmRows[label!]).toEqual([s.n]);
    }

    const byTarget = tableIn(doc, "Contributi per bersaglio di lavoro");
    const expectedTargets = q.all<{ code: string; title: string; n: number }>(
      `select t.code, t.title, count(*) n from contribution_targets ct join contributions c on c.id = ct.contribution_id join targets t on t.code = ct.target_code
       where c.meeting_id = ? and c.status = 'published' group by t.code order by t.code`,
      table,
    );
    const targetRows = rowMap(byTarget.rows);
    for (const t of expectedTargets) expect(targetRows[`${t.code} — ${t.title}`]?.[1]).toBe(t.n);
    const withoutTarget = q.n(
      "select count(*) n from contributions c where meeting_id = ? and status = 'published' and not exists (select 1 from contribution_targets ct where ct.contribution_id = c.id)",
      table,
    );
    expect(targetRows["Nessun bersaglio indicato"]?.[1]).toBe(withoutTarget);
    expect(byTarget.rows).toHaveLength(expectedTargets.length + (withoutTarget ? 1 : 0));
    expect(byTarget.totals?.at(-1)).toBe(published);

    const byKind = tableIn(doc, "Contributi per tipo");
    const kindRows = rowMap(byKind.rows);
    const labels: Record<string, string> = { proposta: "Proposta", osservazione: "Osservazione", segnalazione: "Segnalazione", buona_pratica: "Buona pratica" };
    const expectedKinds = q.all<{ kind: string; n: number }>("select kind, count(*) n from contributions where meeting_id = ? and status = 'published' group by kind", table);
    expect(byKind.rows).toHaveLength(expectedKinds.length);
    for (const k of expectedKinds) expect(kindRows[labels[k.kind]]).toEqual([k.n]);
    expect(byKind.totals).toEqual(["Totale", published]);
  });

  it("lists each published contribution once, never the pending, rejected or other meetings' ones", () => {
    const ids = q.all<{ id: number }>("select id from contributions where meeting_id = ? and status = 'published' order by id", table).map((r) => r.id);
    expect(itemRefs(doc).map((r) => r.id)).toEqual(ids);
    expect(doc.data.map((r) => r.ref.id)).toEqual(ids);
    const text = JSON.stringify(doc);
    expect(text).not.toContain("ANCORA IN MODERAZIONE");
    expect(text).not.toContain("RESPINTO");
    expect(text).not.toContain("ALTRO INCONTRO");
  });

  it("has no e-mail and no person's name anywhere", () => {
    const text = JSON.stringify(doc);
    const people = q.all<{ email: string | null; name: string | null }>("select email, name from users");
    expect(people.length).toBeGreaterThan(5);
    for (const p of people) {
      if (p.email) expect(text).not.toContain(p.email);
      if (p.name) expect(text).not.toContain(p.name);
    }
    expect(text).not.toMatch(/@[a-z0-9.-]+\.[a-z]{2,}/i);
    const citizenRow = doc.data.find((r) => r.title === "Parere di una cittadina")!;
    expect(citizenRow.organization).toBe("cittadino/a");
  });

  it("maps every contribution with a place, frames the zone and outlines the comuni of those placed by comune", () => {
    const withGeometry = q.all<{ id: number; geometry: string }>("select id, geometry from contributions where meeting_id = ? and status = 'published' and geometry is not null order by id", table);
    const map = sections(doc).flatMap((s) => blocksOf(s, "map"))[0];
    expect(map.features.map((f) => f.id)).toEqual(withGeometry.map((r) => r.id));
    for (const f of map.features) expect(f.geometry).toEqual(JSON.parse(withGeometry.find((r) => r.id === f.id)!.geometry));
    expect(new Set(map.features.map((f) => f.geometry.type))).toEqual(new Set(["Point", "LineString", "Polygon"]));
    const zoneComuni = q.all<{ istat: string }>("select istat from comuni where zone_id = ?", ZONE).map((r) => r.istat);
    for (const istat of zoneComuni) expect(map.focusComuni).toContain(istat);
    expect(map.focusComuni).toContain("015009"); // Arese, placed by comune
    expect(map.description).toContain("Servizi condivisi tra Comuni");
    // Each listed contribution gives its symbol's number (its position among the features).
    const items = sections(doc).flatMap((s) => blocksOf(s, "item"));
    map.features.forEach((f, k) => {
      const item = items.find((i) => i.ref.id === f.id)!;
      expect(item.facts.find((x) => x.label === "Luogo")?.value).toBe(`sulla mappa, simbolo n. ${k + 1}`);
    });
  });

  it("has the sections in order with stable anchors, the staff's texts and the minutes", () => {
    expect(doc.kind).toBe("meeting");
    expect(doc.sections.map((s) => s.title)).toEqual(["Introduzione", "Dati dell'incontro", "Partecipazione", "Contributi raccolti", "Verbale"]);
    expect(doc.sections.map((s) => s.id)).toEqual(["s-introduzione", "s-dati-dell-incontro", "s-partecipazione", "s-contributi-raccolti", "s-verbale"]);
    const ids = sections(doc).map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(JSON.stringify(sectionTitled(doc, "Verbale"))).toContain("Discussione sui servizi.");
    const facts = blocksOf(sectionTitled(doc, "Dati dell'incontro"), "facts")[0].items;
    expect(facts.find((f) => f.label === "Data e ora")?.value).toBe("mercoledì 10 febbraio 2027, dalle 17:30 alle 19:30 (ora italiana)");
    expect(facts.find((f) => f.label === "Zona omogenea")?.value).toBe("Nord Ovest");
  });
});

describe("other meetings", () => {
  it("without attendance marks, says so and lists the zone's comuni that did not register", async () => {
    const id = meeting("tavolo_territoriale", "held", ZONE, { minutes: "Bozza interna del verbale" });
    registration(id, user("Ufficiale Rho Secondo Tavolo"), { org: "comune-di-rho" });
    const d = (await buildMeetingReport(id, { introduction: "", conclusions: "Fine." }))!;
    const partecipazione = JSON.stringify(sectionTitled(d, "Partecipazione"));
    expect(partecipazione).toContain("Le presenze non sono state registrate");
    expect(tableIn(d, "Partecipanti per tipo").columns).toEqual(["Tipo di partecipante", "Iscritti"]);
    const list = blocksOf(sectionTitled(d, "Comuni della zona non iscritti"), "list")[0];
    const zoneTotal = q.n("select count(*) n from comuni where zone_id = ?", ZONE);
    expect(list.items).toHaveLength(zoneTotal - 1);
    expect(list.items).not.toContain("Rho");
    // A held meeting's minutes are still staff's draft: not in the report.
    expect(JSON.stringify(d)).not.toContain("Bozza interna");
    expect(d.sections.map((s) => s.title)).toEqual(["Dati dell'incontro", "Partecipazione", "Contributi raccolti", "Verbale", "Conclusioni"]);
  });

  it("may be made only for a held or closed meeting", async () => {
    expect(await meetingReportEligibility(table)).toEqual({ eligible: true, reason: null });
    const upcoming = await meetingReportEligibility(meeting("altro", "registration_open"));
    expect(upcoming?.eligible).toBe(false);
    expect(upcoming?.reason).toContain("iscrizioni aperte");
    expect(await meetingReportEligibility(999_999)).toBeUndefined();
    expect(await buildMeetingReport(999_999, { introduction: "", conclusions: "" })).toBeUndefined();
  });

  it("counts the contributions of a meeting by status, for staff", async () => {
    expect(await meetingContributionStatusCounts(table)).toMatchObject({ published: 5, pending: 1, rejected: 1 });
  });
});

describe("the demo", () => {
  it("publishes the report of the held kick-off once: running the seed again adds nothing", async () => {
    await seedDemoAccounts();
    seedDemoMeetings(db);
    expect(await seedDemoReports()).toBe(1);
    expect(await seedDemoReports()).toBe(0);
    const kickoff = db.select().from(meetings).where(eq(meetings.title, "Kick-off meeting delle 3 STTM")).get()!;
    const report = (await findReport({ kind: "meeting", meetingId: kickoff.id }))!;
    expect(await listReportVersions(report.id)).toHaveLength(1);
    const published = (await getPublishedReport(report.id))!;
    expect(published.document.sections.map((s) => s.title)).toEqual(["Introduzione", "Dati dell'incontro", "Partecipazione", "Contributi raccolti", "Verbale", "Conclusioni"]);
    const text = JSON.stringify(published.document);
    expect(text).toContain("il verbale indica 62 partecipanti");
    expect(text).toContain("Temi emersi");
  });
});
