import { desc, eq } from "drizzle-orm";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { comuni, contributions, meetings, meetingStrategies, organizations, processes, registrations } from "~db/schema";
import { seedReference } from "../../../test/db";
import { insertContribution, ISTAT } from "../../../test/contributions";
import { insertUser, insertVersionInConsultation } from "../../../test/drafts-participation";
import { insertAmendment, insertSectionComment } from "../../../test/moderation";
import {
  cachedParticipationDashboard,
  classOf,
  dashboardComuniCsv,
  dashboardQueryPlan,
  dashboardZonesCsv,
  forgetDashboardCache,
  participationDashboard,
  RATE_PALETTE,
  rateClasses,
  type Dashboard,
} from "./dashboard.server";

const istatOf = (name: string) => db.select({ istat: comuni.istat }).from(comuni).where(eq(comuni.name, name)).get()!.istat;
const comuneOrg = (istat: string) => db.select().from(organizations).where(eq(organizations.istatCode, istat)).get()!;
const orgBySlug = (slug: string) => db.select().from(organizations).where(eq(organizations.slug, slug)).get()!;
const population = (istat: string) => db.select({ p: comuni.population }).from(comuni).where(eq(comuni.istat, istat)).get()!.p!;

const C: Record<string, string> = {};
let processId: number;

function meeting(opts: { zoneId?: string | null; status?: "held" | "cancelled"; strategy?: string }) {
  const startsAt = new Date("2026-03-01T09:00:00Z");
  const id = db
    .insert(meetings)
    .values({
      processId,
      kind: "tavolo_territoriale",
      title: "Tavolo",
      startsAt,
      endsAt: new Date(startsAt.getTime() + 7_200_000),
      zoneId: opts.zoneId ?? null,
      status: opts.status ?? "held",
    })
    .returning({ id: meetings.id })
    .get().id;
  if (opts.strategy) db.insert(meetingStrategies).values({ meetingId: id, strategyCode: opts.strategy }).run();
  return id;
}

function register(meetingId: number, orgId: number, status: "confirmed" | "cancelled" | "waitlisted", attended: boolean | null = null) {
  const userId = insertUser("Iscritto").id;
  db.insert(registrations)
    .values({
      meetingId,
      userId,
      organizationId: orgId,
      capacity: "organization",
      status,
      attended,
      createdAt: new Date(),
    })
    .run();
}

beforeAll(() => {
  seedReference();
  processId = db.select({ id: processes.id }).from(processes).orderBy(processes.id).get()!.id;
  Object.assign(C, {
    abbiategrasso: istatOf("Abbiategrasso"),
    sesto: istatOf("Sesto San Giovanni"),
    corbetta: istatOf("Corbetta"),
    bollate: istatOf("Bollate"),
    cinisello: istatOf("Cinisello Balsamo"),
  });
  // A: Rho, by the Comune di Rho. B: Rho and Milano, by Legambiente. C: Magenta, by a citizen.
  insertContribution({
    strategyCode: "STTM2",
    comuni: [ISTAT.rho],
    organizationSlug: comuneOrg(ISTAT.rho).slug,
  });
  insertContribution({
    strategyCode: "STTM1",
    comuni: [ISTAT.rho, ISTAT.milano],
    organizationSlug: "legambiente-lombardia",
  });
  insertContribution({ strategyCode: "STTM1", comuni: [ISTAT.magenta] });
  // D: entered at a meeting for the Comune di Melzo, no place but the comune named.
  const d = insertContribution({
    strategyCode: "STTM2",
    comuni: [],
    point: null,
    organizationSlug: comuneOrg(ISTAT.melzo).slug,
  });
  db.update(contributions).set({ comuneIstat: ISTAT.melzo }).where(eq(contributions.id, d)).run();
  // E: no place at all.
  insertContribution({ strategyCode: null, comuni: [], point: null });
  // Not published: never counted, and their authors do not take part through them.
  for (const status of ["pending", "rejected", "hidden", "withdrawn"] as const) {
    insertContribution({
      status,
      comuni: [ISTAT.rho, C.corbetta],
      organizationSlug: comuneOrg(C.corbetta).slug,
    });
  }
  // A territorial table of Magentino e Abbiatense (STTM2): Abbiategrasso attended, Legambiente confirmed;
  // Corbetta cancelled, Bollate was marked absent. A cancelled meeting counts for nobody.
  const table = meeting({ zoneId: "magentino-abbiatense", strategy: "STTM2" });
  register(table, comuneOrg(C.abbiategrasso).id, "confirmed", true);
  register(table, orgBySlug("legambiente-lombardia").id, "confirmed");
  register(table, comuneOrg(C.corbetta).id, "cancelled");
  register(table, comuneOrg(C.bollate).id, "confirmed", false);
  register(meeting({ zoneId: "nord-ovest", status: "cancelled", strategy: "STTM2" }), comuneOrg(ISTAT.milano).id, "confirmed");
  // On the STTM1 draft: a published comment of the Comune di Sesto San Giovanni; a pending amendment of Cinisello.
  const { versionId, sectionIds } = insertVersionInConsultation({
    label: "v0.1",
    sections: [{ number: "1", title: "Uno", body: "Testo." }],
  });
  const author = insertUser("Autrice").id;
  const comment = insertSectionComment({
    versionId,
    sectionId: sectionIds[0],
    authorId: author,
  });
  const amendment = insertAmendment({
    versionId,
    sectionId: sectionIds[0],
    authorId: author,
    status: "pending",
  });
  db.run(`update section_comments set organization_id = ${comuneOrg(C.sesto).id} where id = ${comment}`);
  db.run(`update amendments set organization_id = ${comuneOrg(C.cinisello).id} where id = ${amendment}`);
});

const comune = (d: Dashboard, istat: string) => d.comuni.find((c) => c.istat === istat)!;
const zone = (d: Dashboard, id: string) => d.zones.find((z) => z.id === id)!;

describe("participationDashboard", () => {
  it("counts published contributions per comune, with the comune named at a meeting", () => {
    const d = participationDashboard();
    const counts = Object.fromEntries(d.comuni.filter((c) => c.contributions > 0).map((c) => [c.istat, c.contributions]));
    expect(counts).toEqual({
      [ISTAT.rho]: 2,
      [ISTAT.milano]: 1,
      [ISTAT.magenta]: 1,
      [ISTAT.melzo]: 1,
    });
    expect(d.comuni).toHaveLength(133);
    expect(comune(d, C.corbetta).contributions).toBe(0);
  });

  it("counts each contribution once per zone", () => {
    const d = participationDashboard();
    const counts = Object.fromEntries(d.zones.filter((z) => z.contributions > 0).map((z) => [z.id, z.contributions]));
    expect(counts).toEqual({
      "nord-ovest": 2,
      milano: 1,
      "magentino-abbiatense": 1,
      "adda-martesana": 1,
    });
    expect(d.zones.map((z) => z.id)).toEqual([
      "milano",
      "alto-milanese",
      "magentino-abbiatense",
      "nord-ovest",
      "nord-milano",
      "adda-martesana",
      "sud-est",
      "sud-ovest",
    ]);
  });

  it("gives the totals: contributions, those without a place, organizations", () => {
    const { totals } = participationDashboard();
    expect(totals.contributions).toBe(5);
    expect(totals.contributionsWithoutPlace).toBe(1);
    // Comune di Rho, Legambiente, Comune di Melzo, Comune di Abbiategrasso, Comune di Sesto San Giovanni.
    expect(totals.organizations).toBe(5);
    expect(totals.population).toBe(3_038_420);
  });

  it("counts participating organizations per comune and per zone", () => {
    const d = participationDashboard();
    const byComune = Object.fromEntries(d.comuni.filter((c) => c.organizations > 0).map((c) => [c.istat, c.organizations]));
    expect(byComune).toEqual({
      [ISTAT.rho]: 2,
      [ISTAT.milano]: 1,
      [ISTAT.melzo]: 1,
      [C.abbiategrasso]: 1,
      [C.sesto]: 1,
    });
    const byZone = Object.fromEntries(d.zones.filter((z) => z.organizations > 0).map((z) => [z.id, z.organizations]));
    expect(byZone).toEqual({
      "nord-ovest": 2,
      milano: 1,
      "magentino-abbiatense": 2,
      "adda-martesana": 1,
      "nord-milano": 1,
    });
  });

  it("computes the rates per 10,000 inhabitants from the census population", () => {
    const d = participationDashboard();
    const rho = comune(d, ISTAT.rho);
    expect(rho.population).toBe(50_052);
    expect(rho.contributionsPer10k).toBeCloseTo((2 * 10_000) / 50_052, 10);
    expect(rho.organizationsPer10k).toBeCloseTo((2 * 10_000) / 50_052, 10);
    expect(comune(d, ISTAT.milano).contributionsPer10k).toBeCloseTo(10_000 / 1_242_123, 10);
    const nordOvest = zone(d, "nord-ovest");
    expect(nordOvest.population).toBe(308_924);
    expect(nordOvest.contributionsPer10k).toBeCloseTo((2 * 10_000) / 308_924, 10);
    expect(zone(d, "magentino-abbiatense").organizationsPer10k).toBeCloseTo((2 * 10_000) / 207_368, 10);
    expect(comune(d, C.corbetta).contributionsPer10k).toBe(0);
    expect(population(ISTAT.melzo)).toBe(18_203);
  });

  it("counts the comuni that took part and those touched by contributions", () => {
    const d = participationDashboard();
    expect(
      d.comuni
        .filter((c) => c.tookPart)
        .map((c) => c.istat)
        .sort()
    ).toEqual([ISTAT.rho, ISTAT.melzo, C.abbiategrasso, C.sesto].sort());
    expect(d.totals.comuniTookPart).toBe(4);
    expect(d.totals.comuniTouched).toBe(4);
    expect(d.totals.comuniNotInvolved).toBe(133 - 6);
    expect(zone(d, "magentino-abbiatense")).toMatchObject({
      comuniCount: 28,
      comuniTookPart: 1,
      comuniTouched: 1,
    });
  });

  it("leaves out unpublished contributions, cancelled registrations and meetings, absentees, unpublished amendments", () => {
    const d = participationDashboard();
    for (const code of [C.corbetta, C.bollate, C.cinisello])
      expect(comune(d, code)).toMatchObject({
        tookPart: false,
        organizations: 0,
      });
    expect(comune(d, ISTAT.milano).tookPart).toBe(false);
  });

  it("filters by STTM", () => {
    const d = participationDashboard({ strategyCode: "STTM1" });
    expect(d.totals.contributions).toBe(2);
    expect(comune(d, ISTAT.rho).contributions).toBe(1);
    expect(comune(d, ISTAT.melzo).contributions).toBe(0);
    // Legambiente (contribution B) and Sesto (comment on the STTM1 draft); the STTM2 table does not count.
    expect(d.totals.organizations).toBe(2);
    expect(d.comuni.filter((c) => c.tookPart).map((c) => c.istat)).toEqual([C.sesto]);
    expect(zone(d, "magentino-abbiatense").organizations).toBe(0);
    expect(participationDashboard({ strategyCode: "STTM3" }).totals).toMatchObject({ contributions: 0, organizations: 0, comuniTookPart: 0 });
  });

  it("filters by process", () => {
    expect(participationDashboard({ processId }).totals.contributions).toBe(5);
    expect(participationDashboard({ processId: processId + 1000 }).totals).toMatchObject({ contributions: 0, organizations: 0 });
  });
});

describe("rate classes", () => {
  it("makes up to 5 quantile classes of the positive rates", () => {
    const classes = rateClasses([0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(classes.map((c) => [c.min, c.max])).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
      [7, 8],
      [9, 10],
    ]);
    expect(classes.map((c) => c.color)).toEqual([...RATE_PALETTE]);
    expect(classOf(0, classes)).toBeNull();
    expect(classOf(null, classes)).toBeNull();
    expect(classOf(4, classes)?.color).toBe(RATE_PALETTE[1]);
    expect(classOf(10, classes)?.color).toBe(RATE_PALETTE[4]);
  });

  it("gives fewer classes for fewer distinct values, spread over the palette", () => {
    expect(rateClasses([])).toEqual([]);
    expect(rateClasses([2, 2, 2])).toEqual([{ min: 2, max: 2, color: RATE_PALETTE[4] }]);
    expect(rateClasses([1, 3]).map((c) => c.color)).toEqual([RATE_PALETTE[0], RATE_PALETTE[4]]);
  });
});

describe("CSV", () => {
  it("parses back, accents intact, one row per comune, least heard first", () => {
    const csv = dashboardComuniCsv(participationDashboard(), ",");
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const rows = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(133);
    const rho = rows.find((r) => r.istat === ISTAT.rho)!;
    expect(rho).toMatchObject({
      comune: "Rho",
      contributi: "2",
      organizzazioni: "2",
      comune_ha_partecipato: "sì",
      abitanti_2011: "50052",
    });
    expect(Number(rho.contributi_per_10000_abitanti)).toBeCloseTo(0.3996, 4);
    expect(rows.map((r) => r.comune)).toContain("Cassina de' Pecchi");
    expect(rows.some((r) => r.zona === "Magentino e Abbiatense")).toBe(true);
    expect(rows[0].contributi).toBe("0");
    // Melzo has the highest rate (1 for 18,203 inhabitants), Rho comes before it (2 for 50,052).
    expect(rows.slice(-3).map((r) => r.istat)).toEqual([ISTAT.rho, ISTAT.magenta, ISTAT.melzo]);
  });

  it("uses ; and decimal commas when asked, for spreadsheets set to Italian", () => {
    const rows = parse(dashboardZonesCsv(participationDashboard(), ";"), {
      bom: true,
      columns: true,
      delimiter: ";",
    }) as Record<string, string>[];
    expect(rows).toHaveLength(8);
    const nordOvest = rows.find((r) => r.zona === "Nord Ovest")!;
    expect(nordOvest.contributi).toBe("2");
    expect(nordOvest.contributi_per_10000_abitanti).toBe("0,0647");
  });
});

describe("cachedParticipationDashboard", () => {
  it("keeps the figures while nothing is written, reads them again after a write", () => {
    forgetDashboardCache();
    const first = cachedParticipationDashboard({}, 1_000);
    expect(cachedParticipationDashboard({}, 500_000).computedAt).toBe(1_000);
    insertContribution({ comuni: [ISTAT.rho] });
    // Within 5 s the cached figures may still be served…
    expect(cachedParticipationDashboard({}, 4_000).data.totals.contributions).toBe(first.data.totals.contributions);
    // …then the write is seen.
    const later = cachedParticipationDashboard({}, 7_000);
    expect(later.computedAt).toBe(7_000);
    expect(later.data.totals.contributions).toBe(first.data.totals.contributions + 1);
    db.delete(contributions)
      .where(eq(contributions.id, db.select({ id: contributions.id }).from(contributions).orderBy(desc(contributions.id)).get()!.id))
      .run();
  });

  it("reads each filter on its own", () => {
    forgetDashboardCache();
    expect(cachedParticipationDashboard({ strategyCode: "STTM1" }).data.totals.contributions).toBe(2);
    expect(cachedParticipationDashboard({}).data.totals.contributions).toBe(5);
  });

  it("reads every figure from covering indexes, the contribution rows untouched when there is no process filter", () => {
    for (const sttm of [false, true]) {
      const plan = dashboardQueryPlan({ sttm, process: false });
      const contributionSteps = plan.filter((d) => /\b(SCAN|SEARCH) c\b/.test(d));
      expect(contributionSteps.length).toBeGreaterThan(0);
      for (const step of contributionSteps) expect(step).toMatch(/COVERING INDEX|contributions_comune_idx/);
    }
  });
});
