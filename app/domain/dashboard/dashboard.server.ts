// The public participation dashboard (principle P2, territorial equity): published contributions and
// participating organizations per zone and per comune, absolute and per 10,000 inhabitants, and how
// many comuni took part. Everything is aggregated in SQL (GROUP BY over the link tables and their
// indexes); JavaScript only joins the per-zone and per-comune rows to the 8 zones and 133 comuni.
//
// Definitions (shown on the page, keep them in step with app/i18n/*/dashboard.ts):
// - a contribution counts when it is published; it counts for every comune it touches
//   (contribution_comuni) and for the comune named when staff entered it at a meeting without a place
//   (contributions.comune_istat), and once for every zone of those comuni;
// - an organization takes part when it authored a published contribution, was registered for a
//   meeting (confirmed, and not marked absent) that was not cancelled, or published a comment or an
//   amendment on a draft section. It counts for a comune or zone its contributions are about, for the
//   zone of a territorial table it was registered for, and (a Comune) for its own comune and zone;
// - a comune *took part* when its own organization (kind "comune") took part as above;
//   a comune is *touched* when at least one published contribution is about it.
// Populations: ISTAT census 2011 (comuni.population, see db/seed/README.md); a zone's is the sum of its comuni.
import type { Statement } from "better-sqlite3";
import { sqlite } from "~/lib/db.server";
import { listStrategies, type Strategy } from "~/domain/plan/plan.server";
import { getProcessBySlug, type ProcessDetails } from "~/domain/processes/processes.server";
import { CONTRIBUTION_STATUSES } from "~db/schema";
import { toCsv, type CsvSeparator } from "~/lib/csv.server";

export type DashboardFilters = {
  strategyCode?: string | null;
  processId?: number | null;
};

export type Rates = {
  contributions: number;
  organizations: number;
  /** Per 10,000 inhabitants; null when the population is unknown. */
  contributionsPer10k: number | null;
  organizationsPer10k: number | null;
};
export type ZoneStats = Rates & {
  id: string;
  name: string;
  isCapoluogo: boolean;
  population: number;
  comuniCount: number;
  comuniTookPart: number;
  comuniTouched: number;
};
export type ComuneStats = Rates & {
  istat: string;
  name: string;
  zoneId: string;
  population: number | null;
  tookPart: boolean;
  touched: boolean;
};
export type Dashboard = {
  totals: {
    contributions: number;
    /** Published contributions that touch no comune (no place given). */
    contributionsWithoutPlace: number;
    organizations: number;
    comuni: number;
    comuniTookPart: number;
    comuniTouched: number;
    /** Neither took part nor touched. */
    comuniNotInvolved: number;
    population: number;
  };
  zones: ZoneStats[];
  comuni: ComuneStats[];
};

export const POPULATION_SOURCE = {
  year: 2011,
  source: "ISTAT, 15° Censimento generale della popolazione e delle abitazioni",
} as const;

const per10k = (n: number, population: number | null) => (population ? (n * 10_000) / population : null);

/*
 * One statement reads every figure. Contribution rows are wide (title, body, geometry): reading
 * 100,000 of them costs hundreds of milliseconds, so the published ids come from a covering index
 * (status, or STTM + status) into a materialized set, and the link tables and the organization
 * index (organization_id, id) are joined to that set without touching the rows. Only the process
 * filter needs the rows (process_id is in no index). Result rows: (what, key, n).
 */
function dashboardSql(f: { sttm: boolean; process: boolean }) {
  const pubWhere = ["c.status = 'published'", f.sttm ? "c.strategy_code = :sttm" : "", f.process ? "c.process_id = :process" : ""]
    .filter(Boolean)
    .join(" and ");
  const meetingWhere = [
    "m.status <> 'cancelled'",
    f.sttm ? "exists (select 1 from meeting_strategies ms where ms.meeting_id = m.id and ms.strategy_code = :sttm)" : "",
    f.process ? "m.process_id = :process" : "",
  ]
    .filter(Boolean)
    .join(" and ");
  const versionWhere = [
    f.sttm ? "v.strategy_code = :sttm" : "",
    f.process ? "v.strategy_code in (select ps.strategy_code from process_strategies ps where ps.process_id = :process)" : "",
  ]
    .filter(Boolean)
    .map((w) => ` and ${w}`)
    .join("");
  // Confirmed and not marked absent (attendance is recorded only on confirmed registrations).
  const registrationWhere = "r.organization_id is not null and r.status = 'confirmed' and coalesce(r.attended, 1) = 1";
  // Membership test of a contribution id: against the published set when filtered, and against the
  // (ten times smaller) set of unpublished ids when not: probing a small set is much cheaper.
  const filtered = f.sttm || f.process;
  const isPub = (col: string) => (filtered ? `${col} in pub` : `${col} not in unpub`);
  return `
with
pub(id) as materialized (select c.id from contributions c where ${pubWhere}),
unpub(id) as materialized (select c.id from contributions c where c.status in (${UNPUBLISHED})),
-- Contributions entered at a meeting for a comune, without a place (few: read through their index).
named(id, organization_id, istat, zone_id) as materialized (
  select c.id, c.organization_id, c.comune_istat, k.zone_id
  from contributions c indexed by contributions_comune_idx join comuni k on k.istat = c.comune_istat
  where c.comune_istat is not null and ${isPub("c.id")}),
authored(id, org_id) as materialized (
  select c.id, c.organization_id from contributions c indexed by contributions_org_idx
  where c.organization_id is not null and ${isPub("c.id")}),
participants(org_id) as materialized (
  select org_id from authored
  union select r.organization_id from registrations r join meetings m on m.id = r.meeting_id where ${registrationWhere} and ${meetingWhere}
  union select sc.organization_id from section_comments sc join draft_versions v on v.id = sc.version_id
    where sc.organization_id is not null and sc.status = 'published' and sc.deleted_at is null${versionWhere}
  union select a.organization_id from amendments a join draft_versions v on v.id = a.version_id
    where a.organization_id is not null and a.status = 'published'${versionWhere}),
comune_participants(org_id, istat, zone_id) as materialized (
  select o.id, o.istat_code, k.zone_id from organizations o join comuni k on k.istat = o.istat_code
  where o.kind = 'comune' and o.id in (select org_id from participants)),
-- (comune, organization) once each: the comuni its published contributions are about, and a Comune's own.
-- Zones follow from the comuni (contribution_zones holds exactly the zones of contribution_comuni).
org_places(istat, org_id) as materialized (
  select cc.istat, a.org_id from authored a join contribution_comuni cc on cc.contribution_id = a.id
  union select istat, organization_id from named where organization_id is not null
  union select istat, org_id from comune_participants)
select 'total' as what, 'contributions' as key, (select count(*) from contributions c where ${pubWhere}) as n
-- Without a place: neither in contribution_comuni (counted by a streaming distinct over its primary key) nor named.
union all select 'total', 'withoutPlace', (select count(*) from contributions c where ${pubWhere})
  - (select count(*) from (select distinct cc.contribution_id from contribution_comuni cc where ${isPub("cc.contribution_id")}))
  - (select count(*) from named n where not exists (select 1 from contribution_comuni x where x.contribution_id = n.id))
union all select 'total', 'organizations', (select count(*) from participants)
union all select 'tookPart', istat, 1 from comune_participants
union all select 'comuneContributions', istat, count(*) from (
  select cc.istat from contribution_comuni cc where ${isPub("cc.contribution_id")}
  union all
  select n.istat from named n where not exists (select 1 from contribution_comuni x where x.contribution_id = n.id and x.istat = n.istat)
) group by istat
union all select 'zoneContributions', zone_id, count(*) from (
  select cz.zone_id from contribution_zones cz where ${isPub("cz.contribution_id")}
  union all
  select n.zone_id from named n where not exists (select 1 from contribution_zones x where x.contribution_id = n.id and x.zone_id = n.zone_id)
) group by zone_id
union all select 'comuneOrganizations', istat, count(*) from org_places group by istat
union all select 'zoneOrganizations', zone_id, count(*) from (
  select k.zone_id, p.org_id from org_places p join comuni k on k.istat = p.istat
  union select m.zone_id, r.organization_id from registrations r join meetings m on m.id = r.meeting_id
    where m.zone_id is not null and ${registrationWhere} and ${meetingWhere}
) group by zone_id`;
}

const UNPUBLISHED = CONTRIBUTION_STATUSES.filter((st) => st !== "published")
  .map((st) => `'${st}'`)
  .join(", ");

const statements = new Map<string, Statement>();
function statementFor(f: { sttm: boolean; process: boolean }): Statement {
  const key = `${f.sttm}|${f.process}`;
  let st = statements.get(key);
  if (!st) statements.set(key, (st = sqlite.prepare(dashboardSql(f))));
  return st;
}

/** The dashboard's figures for the published participation, optionally for one STTM and/or one process. */
export function participationDashboard(filters: DashboardFilters = {}): Dashboard {
  const f = {
    sttm: Boolean(filters.strategyCode),
    process: filters.processId != null,
  };
  const params: Record<string, string | number> = {};
  if (f.sttm) params.sttm = filters.strategyCode!;
  if (f.process) params.process = filters.processId!;
  // One read transaction: every figure from the same snapshot.
  const { figures, comuneRows, zoneRows } = sqlite.transaction(() => ({
    figures: statementFor(f).all(params) as {
      what: string;
      key: string;
      n: number;
    }[],
    comuneRows: sqlite.prepare("select istat, name, zone_id as zoneId, population from comuni order by name collate nocase").all() as {
      istat: string;
      name: string;
      zoneId: string;
      population: number | null;
    }[],
    zoneRows: sqlite.prepare("select id, name, is_capoluogo as isCapoluogo from zones order by sort_order").all() as {
      id: string;
      name: string;
      isCapoluogo: number;
    }[],
  }))();
  const by = (what: string) => new Map(figures.filter((r) => r.what === what).map((r) => [r.key, r.n]));
  const totals = by("total");
  const tookPart = by("tookPart");
  const comuneContributions = by("comuneContributions");
  const comuneOrganizations = by("comuneOrganizations");
  const zoneContributions = by("zoneContributions");
  const zoneOrganizations = by("zoneOrganizations");

  const comuniStats: ComuneStats[] = comuneRows.map((c) => {
    const contributions = comuneContributions.get(c.istat) ?? 0;
    const organizations = comuneOrganizations.get(c.istat) ?? 0;
    return {
      istat: c.istat,
      name: c.name,
      zoneId: c.zoneId,
      population: c.population,
      contributions,
      organizations,
      contributionsPer10k: per10k(contributions, c.population),
      organizationsPer10k: per10k(organizations, c.population),
      tookPart: tookPart.has(c.istat),
      touched: contributions > 0,
    };
  });
  const zoneStats: ZoneStats[] = zoneRows.map((z) => {
    const members = comuniStats.filter((c) => c.zoneId === z.id);
    const population = members.reduce((n, c) => n + (c.population ?? 0), 0);
    const contributions = zoneContributions.get(z.id) ?? 0;
    const organizations = zoneOrganizations.get(z.id) ?? 0;
    return {
      id: z.id,
      name: z.name,
      isCapoluogo: Boolean(z.isCapoluogo),
      population,
      comuniCount: members.length,
      comuniTookPart: members.filter((c) => c.tookPart).length,
      comuniTouched: members.filter((c) => c.touched).length,
      contributions,
      organizations,
      contributionsPer10k: per10k(contributions, population),
      organizationsPer10k: per10k(organizations, population),
    };
  });
  return {
    totals: {
      contributions: totals.get("contributions") ?? 0,
      contributionsWithoutPlace: totals.get("withoutPlace") ?? 0,
      organizations: totals.get("organizations") ?? 0,
      comuni: comuniStats.length,
      comuniTookPart: comuniStats.filter((c) => c.tookPart).length,
      comuniTouched: comuniStats.filter((c) => c.touched).length,
      comuniNotInvolved: comuniStats.filter((c) => !c.tookPart && !c.touched).length,
      population: comuniStats.reduce((n, c) => n + (c.population ?? 0), 0),
    },
    zones: zoneStats,
    comuni: comuniStats,
  };
}

/** The STTM and the (public) process named in the URL, when they exist; unknown values mean "all". */
export async function resolveDashboardFilters(sttm: string | undefined, processSlug: string | undefined) {
  const strategies = await listStrategies();
  const strategy: Strategy | null = strategies.find((s) => s.code === sttm) ?? null;
  const found = processSlug ? await getProcessBySlug(processSlug) : null;
  const process: ProcessDetails | null = found && found.status !== "draft" ? found : null;
  return { strategies, strategy, process, filters: { strategyCode: strategy?.code ?? null, processId: process?.id ?? null } satisfies DashboardFilters };
}

// The figures cost up to a few hundred milliseconds at 100,000 contributions (better-sqlite3 blocks
// the event loop meanwhile): keep them per filter while nothing was written to the database, and at
// most 5 s when something was (like the published count, decision record 12). `data_version` sees
// writes by other processes, `total_changes()` ours.
export const DASHBOARD_MAX_AGE_MS = 5_000;
const cache = new Map<string, { at: number; version: string; data: Dashboard }>();
const changes = () => `${sqlite.pragma("data_version", { simple: true })}|${sqlite.prepare("select total_changes()").pluck().get()}`;

/** `participationDashboard`, cached; `computedAt` says when the figures were read. */
export function cachedParticipationDashboard(filters: DashboardFilters = {}, now = Date.now()): { data: Dashboard; computedAt: number } {
  const key = `${filters.strategyCode ?? ""}|${filters.processId ?? ""}`;
  const version = changes();
  const hit = cache.get(key);
  if (hit && (hit.version === version || (now - hit.at < DASHBOARD_MAX_AGE_MS && now >= hit.at))) return { data: hit.data, computedAt: hit.at };
  const data = participationDashboard(filters);
  if (cache.size >= 32) cache.delete(cache.keys().next().value!);
  cache.set(key, { at: now, version: changes(), data });
  return { data, computedAt: now };
}

/** Forget the cached figures (tests). */
export function forgetDashboardCache() {
  cache.clear();
}

/** The statement's query plan, for the performance test. */
export function dashboardQueryPlan(filters: { sttm: boolean; process: boolean }): string[] {
  return (
    sqlite.prepare(`explain query plan ${dashboardSql(filters)}`).all({
      ...(filters.sttm ? { sttm: "STTM1" } : {}),
      ...(filters.process ? { process: 1 } : {}),
    }) as { detail: string }[]
  ).map((r) => r.detail);
}

// ---------------------------------------------------------------- classes for the choropleth

/** ColorBrewer YlGnBu, 5 classes: sequential, colour-blind safe, prints in greyscale in order. */
export const RATE_PALETTE = ["#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494"] as const;
export type RateClass = { min: number; max: number; color: string };

/**
 * Up to 5 classes (quantiles) of the positive rates; a comune with no contribution is in none of
 * them (drawn with its own pattern). Fewer distinct values give fewer classes.
 */
export function rateClasses(rates: number[]): RateClass[] {
  const values = rates.filter((r) => r > 0).sort((a, b) => a - b);
  if (!values.length) return [];
  const k = RATE_PALETTE.length;
  const uppers: number[] = [];
  for (let i = 1; i <= k; i++) {
    const upper = values[Math.min(values.length - 1, Math.ceil((i * values.length) / k) - 1)];
    if (!uppers.length || upper > uppers[uppers.length - 1]) uppers.push(upper);
  }
  // Spread the colours over the whole palette when there are fewer classes than colours.
  const colorAt = (i: number) => RATE_PALETTE[uppers.length === 1 ? k - 1 : Math.round((i * (k - 1)) / (uppers.length - 1))];
  return uppers.map((max, i) => ({
    min: i === 0 ? values[0] : values.find((v) => v > uppers[i - 1]) ?? max,
    max,
    color: colorAt(i),
  }));
}

/** The class of a rate (null: no contribution). */
export function classOf(rate: number | null, classes: RateClass[]): RateClass | null {
  if (rate == null || rate <= 0) return null;
  return classes.find((c) => rate <= c.max) ?? classes[classes.length - 1] ?? null;
}

// ---------------------------------------------------------------- order and CSV

const collator = new Intl.Collator("it", { sensitivity: "base" });

/** Least heard first: by contributions per 10,000 inhabitants, then the larger population first, then by name. */
export function byRateAscending(a: ComuneStats, b: ComuneStats) {
  return (a.contributionsPer10k ?? 0) - (b.contributionsPer10k ?? 0) || (b.population ?? 0) - (a.population ?? 0) || collator.compare(a.name, b.name);
}

/** A rate with 4 decimals; with `;` as separator the decimal comma that spreadsheets set to Italian expect. */
function rateCell(rate: number | null, separator: CsvSeparator) {
  if (rate == null) return "";
  const text = rate.toFixed(4);
  return separator === ";" ? text.replace(".", ",") : text;
}
const yesNo = (b: boolean) => (b ? "sì" : "no");

/** The comuni table as CSV (UTF-8 with BOM), least heard first. */
export function dashboardComuniCsv(d: Dashboard, separator: CsvSeparator = ","): string {
  const zoneName = new Map(d.zones.map((z) => [z.id, z.name]));
  const header = [
    "istat",
    "comune",
    "zona",
    `abitanti_${POPULATION_SOURCE.year}`,
    "contributi",
    "contributi_per_10000_abitanti",
    "organizzazioni",
    "organizzazioni_per_10000_abitanti",
    "comune_ha_partecipato",
    "toccato_da_contributi",
  ];
  const rows = [...d.comuni]
    .sort(byRateAscending)
    .map((c) => [
      c.istat,
      c.name,
      zoneName.get(c.zoneId) ?? c.zoneId,
      c.population,
      c.contributions,
      rateCell(c.contributionsPer10k, separator),
      c.organizations,
      rateCell(c.organizationsPer10k, separator),
      yesNo(c.tookPart),
      yesNo(c.touched),
    ]);
  return toCsv(header, rows, { separator });
}

/** The zones table as CSV (UTF-8 with BOM), in the official order. */
export function dashboardZonesCsv(d: Dashboard, separator: CsvSeparator = ","): string {
  const header = [
    "zona_id",
    "zona",
    "comuni",
    `abitanti_${POPULATION_SOURCE.year}`,
    "contributi",
    "contributi_per_10000_abitanti",
    "organizzazioni",
    "organizzazioni_per_10000_abitanti",
    "comuni_che_hanno_partecipato",
    "comuni_toccati_da_contributi",
  ];
  const rows = d.zones.map((z) => [
    z.id,
    z.name,
    z.comuniCount,
    z.population,
    z.contributions,
    rateCell(z.contributionsPer10k, separator),
    z.organizations,
    rateCell(z.organizationsPer10k, separator),
    z.comuniTookPart,
    z.comuniTouched,
  ]);
  return toCsv(header, rows, { separator });
}
