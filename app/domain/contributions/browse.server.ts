// The public list of contributions: every filter of the URL turned into one SQL condition, all
// combined with AND, on published contributions only. The map endpoint selects its points with the
// same conditions (`selectionWhere`), so list and map always agree.
//
// How each filter reaches an index (checked with EXPLAIN QUERY PLAN in browse.server.test.ts):
//   status + date range + order   contributions_public_list_idx (status, published_at, id)
//   sttm / kind                   contributions_strategy_idx / contributions_kind_idx (…, status, published_at)
//   target / zone / comune        EXISTS on the primary key (contribution_id, code) of the link table
//   organization kind             organization_id IN (organizations of that kind) — organizations_kind_idx
//   search                        id IN (rowids of the FTS5 index contributions_fts)
//   outcome                       the seam in outcomes-read.server.ts
import { and, asc, eq, inArray, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { db } from "~/lib/db.server";
import { romeToUtc } from "~/lib/dates";
import {
  comuni,
  contributionComuni,
  contributions,
  contributionTargets,
  contributionZones,
  organizations,
  strategies,
  targets,
  zones,
  type ContributionKind,
  type OrganizationKind,
  type PlaceKind,
} from "~db/schema";
import { hasSelection, MAX_PAGE, PAGE_SIZE, type Filters, type SelectionFilters } from "./filters";
import { outcomeCondition } from "./outcomes-read.server";
import { publishedStats } from "./published-stats.server";
import { ftsAllTerms } from "./search";

/**
 * Counting a filtered list stops here: "più di 100" is as useful as the exact figure, and costs a
 * bounded walk. The unfiltered list shows the exact total (published-stats.server.ts).
 */
export const COUNT_CAP = 100;
/**
 * A set filter (search, comune, zone, target, organization kind) matching fewer rows than this
 * drives the query: its rows are fetched and sorted (cheap, bounded). Larger sets are checked row
 * by row while walking the date index, which finds a page quickly because they are not selective.
 */
export const DRIVE_LIMIT = 2000;

function nextDay(date: string) {
  const [y, m, d] = date.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/** The FTS5 expression for the search box, or null when nothing searchable was typed (then the search is ignored). */
export function searchExpression(q: string | undefined): string | null {
  return q ? ftsAllTerms(q) : null;
}

/** The filters answered by a set of ids from an index of their own. */
export type SetFilter = "q" | "comune" | "zone" | "target" | "orgKind";
const SET_FILTERS: SetFilter[] = ["q", "comune", "zone", "target", "orgKind"];

function orgsOfKind(kind: OrganizationKind) {
  return db.select({ id: organizations.id }).from(organizations).where(eq(organizations.kind, kind));
}

/**
 * One SQL condition per filter that is set (published only, always first), combined with AND.
 * `driver`: the set filter the query should start from (its condition is written so that SQLite
 * uses it as the index, the others with a unary `+` so that they are only checked); null lets
 * SQLite choose, which walks an index in date order.
 */
export function selectionConditions(f: SelectionFilters, driver: SetFilter | null = null): SQL[] {
  const c = contributions;
  // `+col` keeps SQLite from using an index on col: with a driver, nothing competes with it.
  const col = (column: AnyColumn) => (driver ? sql`+${column}` : sql`${column}`);
  const conditions: SQL[] = [sql`${col(c.status)} = 'published'`];
  if (f.sttm) conditions.push(sql`${col(c.strategyCode)} = ${f.sttm}`);
  if (f.kind) conditions.push(sql`${col(c.kind)} = ${f.kind}`);
  const link = (table: typeof contributionTargets | typeof contributionZones | typeof contributionComuni, key: SQL, value: string, drive: boolean) =>
    drive
      ? sql`${c.id} in (select ${table.contributionId} from ${table} where ${key} = ${value})`
      : sql`exists (select 1 from ${table} where ${table.contributionId} = ${c.id} and ${key} = ${value})`;
  if (f.target) conditions.push(link(contributionTargets, sql`${contributionTargets.targetCode}`, f.target, driver === "target"));
  if (f.zone) conditions.push(link(contributionZones, sql`${contributionZones.zoneId}`, f.zone, driver === "zone"));
  if (f.comune) conditions.push(link(contributionComuni, sql`${contributionComuni.istat}`, f.comune, driver === "comune"));
  if (f.orgKind === "person") conditions.push(sql`${col(c.organizationId)} is null`);
  else if (f.orgKind) {
    const column = driver === "orgKind" ? sql`${c.organizationId}` : sql`+${c.organizationId}`;
    conditions.push(sql`${column} in ${orgsOfKind(f.orgKind)}`);
  }
  if (f.outcome) conditions.push(outcomeCondition(f.outcome));
  if (f.from) conditions.push(sql`${col(c.publishedAt)} >= ${Math.floor(romeToUtc(f.from).getTime() / 1000)}`);
  if (f.to) conditions.push(sql`${col(c.publishedAt)} < ${Math.floor(romeToUtc(nextDay(f.to)).getTime() / 1000)}`);
  const match = searchExpression(f.q);
  if (match) {
    const column = driver === "q" ? sql`${c.id}` : sql`+${c.id}`;
    conditions.push(sql`${column} in (select rowid from contributions_fts where contributions_fts match ${match})`);
  }
  return conditions;
}

export function selectionWhere(f: SelectionFilters, driver: SetFilter | null = null): SQL {
  return and(...selectionConditions(f, driver))!;
}

/** How many rows each set filter selects, counted up to DRIVE_LIMIT (cheap: covering indexes). */
function setSizes(f: SelectionFilters): Partial<Record<SetFilter, number>> {
  const capped = (inner: SQL) => db.get<{ n: number }>(sql`select count(*) as n from (${inner} limit ${DRIVE_LIMIT})`)!.n;
  const sizes: Partial<Record<SetFilter, number>> = {};
  const match = searchExpression(f.q);
  if (match) sizes.q = capped(sql`select rowid from contributions_fts where contributions_fts match ${match}`);
  if (f.comune) sizes.comune = capped(sql`select 1 from ${contributionComuni} where ${contributionComuni.istat} = ${f.comune}`);
  if (f.zone) sizes.zone = capped(sql`select 1 from ${contributionZones} where ${contributionZones.zoneId} = ${f.zone}`);
  if (f.target) sizes.target = capped(sql`select 1 from ${contributionTargets} where ${contributionTargets.targetCode} = ${f.target}`);
  if (f.orgKind && f.orgKind !== "person") sizes.orgKind = capped(sql`select 1 from ${contributions} where ${contributions.organizationId} in ${orgsOfKind(f.orgKind)}`);
  return sizes;
}

/** The smallest set filter under DRIVE_LIMIT, or null (then SQLite walks an index in date order). */
export function chooseDriver(f: SelectionFilters): SetFilter | null {
  const sizes = setSizes(f);
  let best: SetFilter | null = null;
  for (const key of SET_FILTERS) {
    const size = sizes[key];
    if (size === undefined || size >= DRIVE_LIMIT) continue;
    if (best === null || size < sizes[best]!) best = key;
  }
  return best;
}

export type ContributionCard = {
  id: number;
  title: string;
  kind: ContributionKind;
  strategyCode: string | null;
  placeKind: PlaceKind | null;
  /** Names of the comuni it touches (at most 3) and how many more. */
  comuni: string[];
  moreComuni: number;
  organization: { name: string; kind: OrganizationKind } | null;
  publishedAt: string | null;
  supportCount: number;
};

export type BrowsePage = {
  items: ContributionCard[];
  /** Matching contributions, counted up to COUNT_CAP. */
  total: number;
  /** True when there are more than `total` (the count stopped at the cap). */
  totalCapped: boolean;
  page: number;
  /** Pages known to exist (from the capped count). */
  pageCount: number;
  hasNext: boolean;
};

const SHOWN_COMUNI = 3;

type ListPlan = { from: SQL; where: SQL; order: SQL };

/**
 * How the list query runs. A search with many matches walks the FTS5 index itself, newest id first,
 * checking the other filters row by row and stopping at the page: the cost is the page's, not the
 * number of matches (materialising 20,000 matching rowids costs more than the rest of the page).
 * So, when searching, "newest" means most recently sent (highest id), the order FTS5 gives for
 * free, in every variant of the query. Otherwise the date index or the driving set decides.
 */
export function listPlan(f: Filters): ListPlan {
  const c = contributions;
  const match = searchExpression(f.q);
  // With the search as the only set filter there is nothing to choose between: skip the probes.
  const otherSets = f.comune || f.zone || f.target || (f.orgKind && f.orgKind !== "person");
  const driver = match && f.sort === "newest" && !otherSets ? null : chooseDriver(f);
  if (match && f.sort === "newest" && (driver === null || driver === "q")) {
    return {
      // CROSS JOIN keeps the FTS5 table as the outer loop; each match is then one primary-key lookup.
      from: sql`contributions_fts cross join ${c} on ${c.id} = contributions_fts.rowid`,
      where: and(sql`contributions_fts match ${match}`, ...selectionConditions({ ...f, q: undefined }, null))!,
      order: sql`contributions_fts.rowid desc`,
    };
  }
  const order =
    f.sort === "supported" ? sql`${c.supportCount} desc, ${c.publishedAt} desc, ${c.id} desc` : match ? sql`${c.id} desc` : sql`${c.publishedAt} desc, ${c.id} desc`;
  return { from: sql`${c}`, where: selectionWhere(f, driver), order };
}

type ListRow = {
  id: number;
  title: string;
  kind: ContributionKind;
  strategyCode: string | null;
  placeKind: PlaceKind | null;
  comuneIstat: string | null;
  publishedAt: number | null;
  supportCount: number;
  organizationName: string | null;
  organizationKind: OrganizationKind | null;
};

/** One page of published contributions matching the filters, newest or most supported first. */
export async function browseContributions(filters: Filters): Promise<BrowsePage> {
  const c = contributions;
  const plan = listPlan(filters);
  const offset = (filters.page - 1) * PAGE_SIZE;
  const rows = db.all<ListRow>(sql`
    select ${c.id} as id, ${c.title} as title, ${c.kind} as kind, ${c.strategyCode} as strategyCode, ${c.placeKind} as placeKind,
      ${c.comuneIstat} as comuneIstat, ${c.publishedAt} as publishedAt, ${c.supportCount} as supportCount,
      ${organizations.name} as organizationName, ${organizations.kind} as organizationKind
    from ${plan.from} left join ${organizations} on ${organizations.id} = ${c.organizationId}
    where ${plan.where}
    order by ${plan.order}
    limit ${PAGE_SIZE + 1} offset ${offset}`);
  const hasNext = rows.length > PAGE_SIZE;
  const pageRows = rows.slice(0, PAGE_SIZE);

  // The count starts where the page is, so a deep page costs no more than the first one
  // (past the last page it starts again from the top, to say how many there are).
  const countFrom = (from: number) =>
    db.get<{ n: number }>(sql`select count(*) as n from (select 1 from ${plan.from} where ${plan.where} limit ${COUNT_CAP + 1} offset ${from})`)!.n;
  let total: number;
  let totalCapped = false;
  if (!hasSelection(filters)) {
    total = publishedStats().count;
  } else {
    let countOffset = offset;
    let counted = countFrom(offset);
    if (counted === 0 && offset > 0) {
      countOffset = 0;
      counted = countFrom(0);
    }
    total = countOffset + Math.min(counted, COUNT_CAP);
    totalCapped = counted > COUNT_CAP;
  }

  const comuniOf = comuniNames(pageRows.map((r) => r.id));
  const fallback = comuneNamesByIstat(pageRows.filter((r) => !comuniOf.has(r.id) && r.comuneIstat).map((r) => r.comuneIstat!));

  const items: ContributionCard[] = pageRows.map((r) => {
    const names = comuniOf.get(r.id) ?? (r.comuneIstat && fallback.has(r.comuneIstat) ? [fallback.get(r.comuneIstat)!] : []);
    return {
      id: r.id,
      title: r.title,
      kind: r.kind,
      strategyCode: r.strategyCode,
      placeKind: r.placeKind,
      comuni: names.slice(0, SHOWN_COMUNI),
      moreComuni: Math.max(0, names.length - SHOWN_COMUNI),
      organization: r.organizationName && r.organizationKind ? { name: r.organizationName, kind: r.organizationKind } : null,
      publishedAt: r.publishedAt == null ? null : new Date(r.publishedAt * 1000).toISOString(),
      supportCount: r.supportCount,
    };
  });
  return {
    items,
    total,
    totalCapped,
    page: filters.page,
    // Pages past MAX_PAGE are not served: the filters narrow the list instead.
    pageCount: Math.min(MAX_PAGE, Math.max(1, Math.ceil(total / PAGE_SIZE))),
    hasNext: hasNext && filters.page < MAX_PAGE,
  };
}

const collator = new Intl.Collator("it", { sensitivity: "base" });

/** The comuni touched by each contribution, by name. */
function comuniNames(ids: number[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  if (ids.length === 0) return out;
  const rows = db
    .select({ id: contributionComuni.contributionId, name: comuni.name })
    .from(contributionComuni)
    .innerJoin(comuni, eq(comuni.istat, contributionComuni.istat))
    .where(inArray(contributionComuni.contributionId, ids))
    .orderBy(asc(contributionComuni.contributionId))
    .all();
  for (const r of rows) {
    const list = out.get(r.id) ?? [];
    list.push(r.name);
    out.set(r.id, list);
  }
  for (const list of out.values()) list.sort(collator.compare);
  return out;
}

function comuneNamesByIstat(codes: string[]): Map<string, string> {
  if (codes.length === 0) return new Map();
  const rows = db.select({ istat: comuni.istat, name: comuni.name }).from(comuni).where(inArray(comuni.istat, [...new Set(codes)])).all();
  return new Map(rows.map((r) => [r.istat, r.name]));
}

export type FilterOptions = {
  /** [[south, west], [north, east]] of the metropolitan area (for the map's first frame), or null before the territory is seeded. */
  bounds: [[number, number], [number, number]] | null;
  strategies: { code: string; number: number; title: string }[];
  targets: { code: string; strategyCode: string; title: string }[];
  zones: { id: string; name: string; isCapoluogo: boolean; comuni: { istat: string; name: string }[] }[];
};

let optionsCache: { at: number; value: FilterOptions } | null = null;
const OPTIONS_TTL_MS = 5 * 60_000;

/** The choices of the filter form (reference data: it changes only when the territory or plan is re-seeded). */
export function filterOptions(now = Date.now()): FilterOptions {
  if (optionsCache && now - optionsCache.at < OPTIONS_TTL_MS) return optionsCache.value;
  const strategyRows = db.select({ code: strategies.code, number: strategies.number, title: strategies.title }).from(strategies).orderBy(asc(strategies.number)).all();
  const targetRows = db
    .select({ code: targets.code, strategyCode: targets.strategyCode, title: targets.title })
    .from(targets)
    .orderBy(asc(targets.strategyCode), asc(targets.sortOrder))
    .all();
  const zoneRows = db.select({ id: zones.id, name: zones.name, isCapoluogo: zones.isCapoluogo }).from(zones).orderBy(asc(zones.sortOrder)).all();
  const comuneRows = db
    .select({ istat: comuni.istat, name: comuni.name, zoneId: comuni.zoneId, w: comuni.minLon, s: comuni.minLat, e: comuni.maxLon, n: comuni.maxLat })
    .from(comuni)
    .all();
  const value: FilterOptions = {
    bounds:
      comuneRows.length > 0
        ? [
            [Math.min(...comuneRows.map((c) => c.s)), Math.min(...comuneRows.map((c) => c.w))],
            [Math.max(...comuneRows.map((c) => c.n)), Math.max(...comuneRows.map((c) => c.e))],
          ]
        : null,
    strategies: strategyRows,
    targets: targetRows,
    zones: zoneRows.map((z) => ({
      ...z,
      comuni: comuneRows
        .filter((c) => c.zoneId === z.id)
        .map((c) => ({ istat: c.istat, name: c.name }))
        .sort((a, b) => collator.compare(a.name, b.name)),
    })),
  };
  optionsCache = { at: now, value };
  return value;
}
