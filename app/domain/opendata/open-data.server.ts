// Open data of the published contributions (CSV, GeoJSON at /dati, and the `contributi` collection
// of the OGC API): what the public page of each contribution shows, and nothing personal.
//
// - Published only (status 'published'): pending, rejected, hidden and withdrawn never appear.
//   A redaction rewrites the text in the row itself (moderation/flags.server.ts), so reading the
//   row gives the redacted text, as on the page.
// - The author is the organization's name when the contribution was sent for one, otherwise
//   "cittadino/a": never a user's name, e-mail or id.
// - Outcome and section links: the current outcome and its links to public versions only (not
//   'bozza'), as outcomes-read.server.ts gives them to the page.
// - The selection is the public list's own (`selectionWhere` of contributions/browse.server.ts),
//   plus a bbox and a publication interval for the OGC API.
import type { Geometry, Polygon, MultiPolygon, Position } from "geojson";
import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { db } from "~/lib/db.server";
import { romeDate } from "~/lib/dates";
import { chooseDriver, selectionWhere } from "~/domain/contributions/browse.server";
import { hasSelection, type SelectionFilters } from "~/domain/contributions/filters";
import { publishedStats } from "~/domain/contributions/published-stats.server";
import {
  comuni,
  contributionComuni,
  contributionObjectives,
  contributions,
  contributionTargets,
  contributionZones,
  draftSectionTexts,
  draftVersions,
  organizations,
  outcomes,
  sectionLinks,
  zones,
  type ContributionKind,
  type OrganizationKind,
  type Outcome,
  type PlaceKind,
} from "~db/schema";
import { csvRows, toCsv, type CsvSeparator } from "~/lib/csv.server";
import { feature } from "~/lib/geojson";

export const LICENCE = {
  name: "CC BY 4.0",
  title: "Creative Commons Attribuzione 4.0 Internazionale",
  url: "https://creativecommons.org/licenses/by/4.0/",
  attribution: "Città metropolitana di Milano — Concerta, contributi pubblicati alla consultazione sulle STTM (CC BY 4.0)",
  /** The comuni boundaries come from ISTAT through openpolis (README, db/seed/README.md). */
  boundariesAttribution: "Limiti amministrativi: © ISTAT (CC BY), elaborazione openpolis/geojson-italy (CC BY 4.0), giugno 2023",
} as const;

/** The `Link` header of every open-data response: the licence, machine-readable. */
export const LICENCE_LINK_HEADER = `<${LICENCE.url}>; rel="license"`;

/** What stands for the author of a contribution sent in one's own name. */
export const CITIZEN = "cittadino/a";

/** A west, south, east, north box in CRS84 (lon/lat). West > east crosses the antimeridian. */
export type Bbox = [number, number, number, number];

export type ContributionQuery = {
  selection?: SelectionFilters;
  bbox?: Bbox;
  /** Publication instants: from (inclusive) and to (inclusive), either open. */
  published?: { from?: Date; to?: Date };
  /** One contribution (the OGC API's /items/{featureId}). */
  id?: number;
};

export type OpenContribution = {
  id: number;
  url: string;
  title: string;
  body: string;
  kind: ContributionKind;
  strategy: string | null;
  targets: string[];
  objectives: string[];
  /** The organization's name, or "cittadino/a". */
  author: string;
  /** The organization's kind, or "person" (the value of the `orgKind` filter). */
  authorKind: OrganizationKind | "person";
  comuni: { istat: string; name: string }[];
  zones: { id: string; name: string }[];
  placeKind: PlaceKind | null;
  /** Rome calendar date, YYYY-MM-DD. */
  publishedDate: string | null;
  publishedAt: string | null;
  supportCount: number;
  outcome: Outcome | null;
  outcomeResponse: string | null;
  outcomeDate: string | null;
  sections: { label: string; url: string }[];
  lon: number | null;
  lat: number | null;
  /** The drawn place (point, line, area); null when the place is whole comuni, or none. */
  drawnGeometry: Geometry | null;
};

// -------------------------------------------------------------------------------------------
// Selection

const c = contributions;

/**
 * The box holding every published place: a bbox query that covers it matches every contribution
 * with a place, and is answered without the spatial index. Read again when the published count or
 * latest publication changes, and at least every 5 s (a moved place).
 */
type Extent = { all: Bbox | null };
let extentCache: ({ at: number; count: number; latest: number } & Extent) | null = null;
const EXTENT_MAX_AGE_MS = 5_000;
function extents(now = Date.now()): Extent {
  const { count, latest } = publishedStats(now);
  if (extentCache && extentCache.count === count && extentCache.latest === latest && now - extentCache.at < EXTENT_MAX_AGE_MS && now >= extentCache.at) return extentCache;
  const all = db.get<{ w: number | null; s: number | null; e: number | null; n: number | null }>(
    sql`select min(${c.minLon}) as w, min(${c.minLat}) as s, max(${c.maxLon}) as e, max(${c.maxLat}) as n from ${c} where ${c.status} = 'published'`,
  );
  extentCache = {
    at: now,
    count,
    latest,
    all: all && all.w != null && all.s != null && all.e != null && all.n != null ? [all.w, all.s, all.e, all.n] : null,
  };
  countCache.clear();
  return extentCache;
}

/**
 * numberMatched of a bbox query, kept while nothing is published (and at most 5 s): a GIS client
 * walking the pages of one box asks for the same count at every page.
 */
const countCache = new Map<string, number>();
const COUNT_CACHE_SIZE = 64;

/** Forget the cached extent (tests that move contributions around). */
export function forgetOpenDataCaches() {
  extentCache = null;
  countCache.clear();
  comuniGeometryCache = null;
}

/**
 * The ids of the published contributions whose place meets a box (CRS84; west > east crosses the
 * antimeridian):
 * - a drawn place (point, line, area) when its bbox intersects the box — read on the R*Tree;
 * - a place of whole comuni when the bbox of one of its comuni intersects the box — the comuni on
 *   comuni_bbox_idx, their contributions on contribution_comuni_istat_idx. (Its feature's geometry
 *   is those comuni's outlines; the union of their bboxes would also catch boxes lying between two
 *   distant comuni, which the geometry does not touch.)
 */
function bboxIds([w, s, e, n]: Bbox): SQL {
  const k = comuni;
  const lat = sql`${c.minLat} <= ${n} and ${c.maxLat} >= ${s}`;
  let drawn: SQL;
  if (w <= e) {
    // The R*Tree (migration 0012) finds the candidates; its 32-bit boxes are rounded outwards, so
    // the exact bbox columns are checked again on those rows.
    drawn = sql`select r.id as id from contributions_rtree r cross join ${c} on ${c.id} = r.id
      where r.max_lon >= ${w} and r.min_lon <= ${e} and r.max_lat >= ${s} and r.min_lat <= ${n}
        and ${c.status} = 'published' and ${c.minLon} <= ${e} and ${c.maxLon} >= ${w} and ${lat} and coalesce(${c.placeKind}, '') <> 'comuni'`;
  } else {
    drawn = sql`select ${c.id} as id from ${c}
      where ${c.status} = 'published' and (${c.minLon} <= ${e} or ${c.maxLon} >= ${w}) and ${lat} and coalesce(${c.placeKind}, '') <> 'comuni'`;
  }
  const comuneLon = w <= e ? sql`${k.minLon} <= ${e} and ${k.maxLon} >= ${w}` : sql`(${k.minLon} <= ${e} or ${k.maxLon} >= ${w})`;
  const byComuni = sql`select ${contributionComuni.contributionId} as id from ${contributionComuni}
    where ${contributionComuni.istat} in (select ${k.istat} from ${k} where ${comuneLon} and ${k.minLat} <= ${n} and ${k.maxLat} >= ${s})
      and exists (select 1 from ${c} where ${c.id} = ${contributionComuni.contributionId} and ${c.placeKind} = 'comuni' and ${c.status} = 'published')`;
  return sql`${drawn} union ${byComuni}`;
}

/**
 * The same test as bboxIds, as a condition on one contributions row: for a box that matches a good
 * share of everything, walking the publication-order index and testing each row finds a page
 * sooner than sorting every id the R*Tree gives (a dense box at 100,000: ~50,000 ids to sort).
 */
function bboxCondition([w, s, e, n]: Bbox): SQL {
  const k = comuni;
  const byComuni = sql`select ${contributionComuni.contributionId} from ${contributionComuni}
    where ${contributionComuni.istat} in (select ${k.istat} from ${k} where ${k.minLon} <= ${e} and ${k.maxLon} >= ${w} and ${k.minLat} <= ${n} and ${k.maxLat} >= ${s})`;
  return sql`((coalesce(${c.placeKind}, '') <> 'comuni' and ${c.minLon} <= ${e} and ${c.maxLon} >= ${w} and ${c.minLat} <= ${n} and ${c.maxLat} >= ${s})
    or (${c.placeKind} = 'comuni' and ${c.id} in (${byComuni})))`;
}

/** Above this share of the published contributions, a box's pages walk the date index (bboxCondition). */
const DENSE_BOX_SHARE = 0.02;

/** Whether a box holds a good share of all places, judged from the R*Tree alone (no row is read). */
function isDenseBox([w, s, e, n]: Bbox): boolean {
  if (w > e) return false;
  const candidates = db.get<{ n: number }>(sql`select count(*) as n from contributions_rtree where max_lon >= ${w} and min_lon <= ${e} and max_lat >= ${s} and min_lat <= ${n}`)?.n ?? 0;
  return candidates > DENSE_BOX_SHARE * publishedStats().count;
}

type Plan = { from: SQL; where: SQL; order: SQL };

/** The query of a selection: which index drives it, its conditions, and a stable order for paging. */
function plan(q: ContributionQuery, opts: { denseBox?: boolean } = {}): Plan {
  const selection = q.selection ?? {};
  const extra: SQL[] = [];
  if (q.id !== undefined) extra.push(sql`${c.id} = ${q.id}`);
  if (q.published?.from) extra.push(sql`${c.publishedAt} >= ${Math.ceil(q.published.from.getTime() / 1000)}`);
  if (q.published?.to) extra.push(sql`${c.publishedAt} <= ${Math.floor(q.published.to.getTime() / 1000)}`);
  // Publication order, oldest first: new publications land on the last page, earlier pages stay put.
  const order = sql`${c.publishedAt} asc, ${c.id} asc`;
  const all = q.bbox ? extents().all : null;
  if (q.bbox && all && q.bbox[0] <= q.bbox[2] && q.bbox[0] <= all[0] && q.bbox[1] <= all[1] && q.bbox[2] >= all[2] && q.bbox[3] >= all[3]) {
    // The box holds every published place: all of them meet it (those without a place never do).
    const driver = q.id === undefined && hasSelection(selection) ? chooseDriver(selection) : null;
    return { from: sql`${c}`, where: and(selectionWhere(selection, driver), sql`${c.minLon} is not null`, ...extra)!, order };
  }
  if (q.bbox && opts.denseBox && q.bbox[0] <= q.bbox[2]) {
    const driver = q.id === undefined && hasSelection(selection) ? chooseDriver(selection) : null;
    return { from: sql`${c}`, where: and(selectionWhere(selection, driver), bboxCondition(q.bbox), ...extra)!, order };
  }
  if (q.bbox) {
    // The box drives (CROSS JOIN keeps its ids as the outer loop); the list's filters are checks.
    return {
      from: sql`(${bboxIds(q.bbox)}) as bbox_ids cross join ${c} on ${c.id} = bbox_ids.id`,
      where: and(selectionWhere(selection, null), ...extra)!,
      order,
    };
  }
  // Otherwise the public list's own choice: a small set filter drives, else the date index.
  const driver = q.id === undefined && hasSelection(selection) ? chooseDriver(selection) : null;
  return { from: sql`${c}`, where: and(selectionWhere(selection, driver), ...extra)!, order };
}

/** How many published contributions match (exact). */
export function countPublished(q: ContributionQuery): number {
  if (!q.bbox && !q.published && q.id === undefined && !hasSelection(q.selection ?? {})) return publishedStats().count;
  const key = q.bbox ? JSON.stringify(q) : null;
  if (key) {
    extents(); // clears the counts when something was published
    const cached = countCache.get(key);
    if (cached !== undefined) return cached;
  }
  const p = plan(q, { denseBox: q.bbox ? isDenseBox(q.bbox) : false });
  const n = db.get<{ n: number }>(sql`select count(*) as n from ${p.from} where ${p.where}`)?.n ?? 0;
  if (key) {
    if (countCache.size >= COUNT_CACHE_SIZE) countCache.delete(countCache.keys().next().value!);
    countCache.set(key, n);
  }
  return n;
}

/** The ids a box matches through either plan, in page order (tests: the two must agree). */
export function matchingIdsFor(q: ContributionQuery, denseBox: boolean): number[] {
  const p = plan(q, { denseBox });
  return db.all<{ id: number }>(sql`select ${c.id} as id from ${p.from} where ${p.where} order by ${p.order}`).map((r) => r.id);
}

/** The query plan SQLite picks for a page of a selection (EXPLAIN QUERY PLAN details; tests check the indexes). */
export function publishedQueryPlan(q: ContributionQuery, opts: { denseBox?: boolean } = {}): string[] {
  const p = plan(q, opts);
  return db.all<{ detail: string }>(sql`explain query plan select ${c.id} from ${p.from} where ${p.where} order by ${p.order} limit 10 offset 0`).map((r) => r.detail);
}

type Row = {
  id: number;
  title: string;
  body: string;
  kind: ContributionKind;
  strategyCode: string | null;
  placeKind: PlaceKind | null;
  geometry: string | null;
  lon: number | null;
  lat: number | null;
  comuneIstat: string | null;
  publishedAt: number | null;
  supportCount: number;
  organizationName: string | null;
  organizationKind: OrganizationKind | null;
};

function selectRows(p: Plan, extra: SQL | null, limit: number, offset: number): Row[] {
  return db.all<Row>(sql`
    select ${c.id} as id, ${c.title} as title, ${c.body} as body, ${c.kind} as kind, ${c.strategyCode} as strategyCode,
      ${c.placeKind} as placeKind, ${c.geometry} as geometry, ${c.lon} as lon, ${c.lat} as lat, ${c.comuneIstat} as comuneIstat,
      ${c.publishedAt} as publishedAt, ${c.supportCount} as supportCount,
      ${organizations.name} as organizationName, ${organizations.kind} as organizationKind
    from ${p.from} left join ${organizations} on ${organizations.id} = ${c.organizationId}
    where ${extra ? and(p.where, extra) : p.where}
    order by ${p.order}
    limit ${limit} offset ${offset}`);
}

/** One page of matching published contributions (LIMIT/OFFSET in SQL), in publication order. */
export function listPublished(q: ContributionQuery, page: { limit: number; offset: number }, origin: string): OpenContribution[] {
  const denseBox = q.bbox !== undefined && countPublished(q) > DENSE_BOX_SHARE * publishedStats().count;
  return complete(selectRows(plan(q, { denseBox }), null, page.limit, page.offset), origin);
}

/** Every matching published contribution, in batches walked by key (publication date, id): for the downloads. */
export function* iteratePublished(q: ContributionQuery, origin: string, batch = 500): Generator<OpenContribution[]> {
  const p = plan(q);
  let after: { publishedAt: number; id: number } | null = null;
  for (;;) {
    const key: SQL | null = after ? sql`(${c.publishedAt}, ${c.id}) > (${after.publishedAt}, ${after.id})` : null;
    const rows = selectRows(p, key, batch, 0);
    if (rows.length === 0) return;
    yield complete(rows, origin);
    if (rows.length < batch) return;
    const last = rows[rows.length - 1];
    after = { publishedAt: last.publishedAt ?? 0, id: last.id };
  }
}

// -------------------------------------------------------------------------------------------
// The rest of each row, read for the whole batch at once (one query per link table).

function groupBy<T, V>(rows: T[], key: (r: T) => number, value: (r: T) => V): Map<number, V[]> {
  const out = new Map<number, V[]>();
  for (const r of rows) {
    const list = out.get(key(r)) ?? [];
    list.push(value(r));
    out.set(key(r), list);
  }
  return out;
}

function complete(rows: Row[], origin: string): OpenContribution[] {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const targetsOf = groupBy(
    db.select({ id: contributionTargets.contributionId, code: contributionTargets.targetCode }).from(contributionTargets).where(inArray(contributionTargets.contributionId, ids)).orderBy(asc(contributionTargets.targetCode)).all(),
    (r) => r.id,
    (r) => r.code,
  );
  const objectivesOf = groupBy(
    db
      .select({ id: contributionObjectives.contributionId, code: contributionObjectives.objectiveCode })
      .from(contributionObjectives)
      .where(inArray(contributionObjectives.contributionId, ids))
      .orderBy(asc(contributionObjectives.objectiveCode))
      .all(),
    (r) => r.id,
    (r) => r.code,
  );
  const comuniOf = groupBy(
    db
      .select({ id: contributionComuni.contributionId, istat: comuni.istat, name: comuni.name })
      .from(contributionComuni)
      .innerJoin(comuni, eq(comuni.istat, contributionComuni.istat))
      .where(inArray(contributionComuni.contributionId, ids))
      .orderBy(asc(comuni.name))
      .all(),
    (r) => r.id,
    (r) => ({ istat: r.istat, name: r.name }),
  );
  // A contribution entered at a meeting may name its comune without links (as on its page).
  const named = new Map(
    db
      .select({ istat: comuni.istat, name: comuni.name })
      .from(comuni)
      .where(inArray(comuni.istat, [...new Set(rows.filter((r) => r.comuneIstat && !comuniOf.has(r.id)).map((r) => r.comuneIstat!))]))
      .all()
      .map((r) => [r.istat, r]),
  );
  const zonesOf = groupBy(
    db
      .select({ id: contributionZones.contributionId, zoneId: zones.id, name: zones.name })
      .from(contributionZones)
      .innerJoin(zones, eq(zones.id, contributionZones.zoneId))
      .where(inArray(contributionZones.contributionId, ids))
      .orderBy(asc(zones.sortOrder))
      .all(),
    (r) => r.id,
    (r) => ({ id: r.zoneId, name: r.name }),
  );
  const outcomeOf = new Map(
    db
      .select({ id: outcomes.itemId, outcome: outcomes.outcome, response: outcomes.response, decidedAt: outcomes.decidedAt })
      .from(outcomes)
      .where(and(eq(outcomes.itemKind, "contribution"), inArray(outcomes.itemId, ids)))
      .all()
      .map((r) => [r.id, r]),
  );
  const sectionsOf = groupBy(
    db
      .select({
        id: sectionLinks.itemId,
        strategyCode: draftVersions.strategyCode,
        versionId: sectionLinks.versionId,
        versionLabel: draftVersions.label,
        sectionId: sectionLinks.sectionId,
        number: draftSectionTexts.number,
        title: draftSectionTexts.title,
      })
      .from(sectionLinks)
      .innerJoin(draftVersions, eq(draftVersions.id, sectionLinks.versionId))
      .innerJoin(draftSectionTexts, and(eq(draftSectionTexts.versionId, sectionLinks.versionId), eq(draftSectionTexts.sectionId, sectionLinks.sectionId)))
      .where(and(eq(sectionLinks.itemKind, "contribution"), inArray(sectionLinks.itemId, ids), sql`${draftVersions.status} <> 'bozza'`))
      .orderBy(asc(draftVersions.id), asc(draftSectionTexts.position))
      .all(),
    (r) => r.id,
    (r) => ({
      label: `${r.strategyCode} ${r.versionLabel} § ${r.number} ${r.title}`,
      url: `${origin}/strategie/${r.strategyCode}/bozze/${r.versionId}/sezioni/${r.sectionId}`,
    }),
  );

  return rows.map((r) => {
    const outcome = outcomeOf.get(r.id);
    let drawn: Geometry | null = null;
    if (r.geometry) {
      try {
        drawn = JSON.parse(r.geometry) as Geometry;
      } catch {
        drawn = null;
      }
    }
    const published = r.publishedAt == null ? null : new Date(r.publishedAt * 1000);
    return {
      id: r.id,
      url: `${origin}/contributi/${r.id}`,
      title: r.title,
      body: r.body,
      kind: r.kind,
      strategy: r.strategyCode,
      targets: targetsOf.get(r.id) ?? [],
      objectives: objectivesOf.get(r.id) ?? [],
      author: r.organizationName ?? CITIZEN,
      authorKind: r.organizationName ? (r.organizationKind ?? "other") : "person",
      comuni: comuniOf.get(r.id) ?? (r.comuneIstat && named.has(r.comuneIstat) ? [named.get(r.comuneIstat)!] : []),
      zones: zonesOf.get(r.id) ?? [],
      placeKind: r.placeKind,
      publishedDate: published ? romeDate(published) : null,
      publishedAt: published ? published.toISOString() : null,
      supportCount: r.supportCount,
      outcome: outcome?.outcome ?? null,
      outcomeResponse: outcome?.response ?? null,
      outcomeDate: outcome ? romeDate(outcome.decidedAt) : null,
      sections: sectionsOf.get(r.id) ?? [],
      lon: r.lon,
      lat: r.lat,
      drawnGeometry: drawn,
    };
  });
}

// -------------------------------------------------------------------------------------------
// Geometry of a feature: the drawn place; for a place made of whole comuni, their outlines (what
// the public page draws as the place); a point only when nothing else is known.

let comuniGeometryCache: { at: number; byIstat: Map<string, Geometry> } | null = null;
const REFERENCE_TTL_MS = 5 * 60_000;

function comuneGeometries(now = Date.now()): Map<string, Geometry> {
  if (comuniGeometryCache && now - comuniGeometryCache.at < REFERENCE_TTL_MS) return comuniGeometryCache.byIstat;
  const rows = db.select({ istat: comuni.istat, geometry: comuni.geometry }).from(comuni).all();
  comuniGeometryCache = { at: now, byIstat: new Map(rows.map((r) => [r.istat, JSON.parse(r.geometry) as Geometry])) };
  return comuniGeometryCache.byIstat;
}

/** The polygons of several Polygon/MultiPolygon geometries as one MultiPolygon. */
export function mergePolygons(geometries: Geometry[]): MultiPolygon {
  const polygons: Position[][][] = [];
  for (const g of geometries) {
    if (g.type === "Polygon") polygons.push((g as Polygon).coordinates);
    else if (g.type === "MultiPolygon") polygons.push(...(g as MultiPolygon).coordinates);
  }
  return { type: "MultiPolygon", coordinates: polygons };
}

function placeGeometry(x: OpenContribution): Geometry | null {
  if (x.drawnGeometry) return x.drawnGeometry;
  const byIstat = comuneGeometries();
  const outlines = x.comuni.map((k) => byIstat.get(k.istat)).filter((g): g is Geometry => Boolean(g));
  if (outlines.length > 0) return mergePolygons(outlines);
  return x.lon != null && x.lat != null ? { type: "Point", coordinates: [x.lon, x.lat] } : null;
}

/** The flat properties of a contribution (the same names as the CSV columns, lists as arrays). */
export function contributionProperties(x: OpenContribution): Record<string, unknown> {
  return {
    id: x.id,
    url: x.url,
    titolo: x.title,
    testo: x.body,
    tipo: x.kind,
    strategia: x.strategy,
    bersagli: x.targets,
    obiettivi: x.objectives,
    autore: x.author,
    tipo_autore: x.authorKind,
    comuni: x.comuni.map((k) => k.name),
    comuni_istat: x.comuni.map((k) => k.istat),
    zone: x.zones.map((z) => z.name),
    zone_id: x.zones.map((z) => z.id),
    tipo_luogo: x.placeKind,
    data_pubblicazione: x.publishedDate,
    sostegni: x.supportCount,
    esito: x.outcome,
    controdeduzione: x.outcomeResponse,
    data_esito: x.outcomeDate,
    sezioni: x.sections.map((s) => s.label),
    sezioni_url: x.sections.map((s) => s.url),
    lon: x.lon,
    lat: x.lat,
  };
}

export function contributionFeature(x: OpenContribution) {
  return feature(x.id, placeGeometry(x), contributionProperties(x));
}

// -------------------------------------------------------------------------------------------
// Comuni and zones (the /dati downloads and the OGC collections `comuni` and `zone`)

function comuniBboxWhere(bbox: Bbox | undefined): SQL | undefined {
  if (!bbox) return undefined;
  const [w, s, e, n] = bbox;
  // comuni_bbox_idx (min_lon, max_lon, min_lat, max_lat)
  const lon = w <= e ? sql`${comuni.minLon} <= ${e} and ${comuni.maxLon} >= ${w}` : sql`(${comuni.minLon} <= ${e} or ${comuni.maxLon} >= ${w})`;
  return sql`${lon} and ${comuni.minLat} <= ${n} and ${comuni.maxLat} >= ${s}`;
}

export function comuneFeatures(q: { bbox?: Bbox; limit: number; offset: number; istat?: string }) {
  const where = and(comuniBboxWhere(q.bbox), q.istat ? eq(comuni.istat, q.istat) : undefined);
  const rows = db
    .select({ istat: comuni.istat, name: comuni.name, zoneId: comuni.zoneId, zoneName: zones.name, population: comuni.population, area: comuni.areaKm2, geometry: comuni.geometry })
    .from(comuni)
    .innerJoin(zones, eq(zones.id, comuni.zoneId))
    .where(where)
    .orderBy(asc(comuni.istat))
    .limit(q.limit)
    .offset(q.offset)
    .all();
  const matched = db.get<{ n: number }>(sql`select count(*) as n from ${comuni} ${where ? sql`where ${where}` : sql``}`)?.n ?? 0;
  const features = rows.map((r) =>
    feature(r.istat, JSON.parse(r.geometry) as Geometry, {
      istat: r.istat,
      nome: r.name,
      zona_id: r.zoneId,
      zona: r.zoneName,
      popolazione: r.population,
      popolazione_fonte: "ISTAT, censimento 2011",
      superficie_km2: Math.round(r.area * 100) / 100,
    }),
  );
  return { features, matched };
}

export function zoneFeatures(q: { bbox?: Bbox; limit: number; offset: number; id?: string }) {
  const z = zones;
  const k = comuni;
  const having: SQL[] = [];
  if (q.bbox) {
    const [w, s, e, n] = q.bbox;
    having.push(sql`min(${k.minLat}) <= ${n} and max(${k.maxLat}) >= ${s}`);
    having.push(w <= e ? sql`min(${k.minLon}) <= ${e} and max(${k.maxLon}) >= ${w}` : sql`(min(${k.minLon}) <= ${e} or max(${k.maxLon}) >= ${w})`);
  }
  const grouped = sql`
    select ${z.id} as id, ${z.name} as name, ${z.isCapoluogo} as isCapoluogo, ${z.sortOrder} as sortOrder, count(*) as comuniCount,
      sum(${k.population}) as population, sum(${k.areaKm2}) as area
    from ${z} join ${k} on ${k.zoneId} = ${z.id}
    ${q.id ? sql`where ${z.id} = ${q.id}` : sql``}
    group by ${z.id}
    ${having.length ? sql`having ${sql.join(having, sql` and `)}` : sql``}`;
  const rows = db.all<{ id: string; name: string; isCapoluogo: number; comuniCount: number; population: number | null; area: number }>(
    sql`${grouped} order by sortOrder limit ${q.limit} offset ${q.offset}`,
  );
  const matched = db.get<{ n: number }>(sql`select count(*) as n from (${grouped})`)?.n ?? 0;
  const members = rows.length
    ? db.select({ zoneId: k.zoneId, istat: k.istat, geometry: k.geometry }).from(k).where(inArray(k.zoneId, rows.map((r) => r.id))).orderBy(asc(k.istat)).all()
    : [];
  const features = rows.map((r) =>
    feature(
      r.id,
      mergePolygons(members.filter((m) => m.zoneId === r.id).map((m) => JSON.parse(m.geometry) as Geometry)),
      {
        id: r.id,
        nome: r.name,
        capoluogo: Boolean(r.isCapoluogo),
        numero_comuni: r.comuniCount,
        popolazione: r.population,
        popolazione_fonte: "ISTAT, censimento 2011 (somma dei comuni)",
        superficie_km2: Math.round(r.area * 100) / 100,
      },
    ),
  );
  return { features, matched };
}

/** The properties of a comune and of a zone feature, in order (described on /dati). */
export const COMUNE_FIELDS = ["istat", "nome", "zona_id", "zona", "popolazione", "popolazione_fonte", "superficie_km2"] as const;
export const ZONE_FIELDS = ["id", "nome", "capoluogo", "numero_comuni", "popolazione", "popolazione_fonte", "superficie_km2"] as const;

/** Every comune, for /dati/comuni.geojson (licence and attribution as foreign members). */
export function comuniGeoJson() {
  const { features } = comuneFeatures({ limit: 10_000, offset: 0 });
  return { type: "FeatureCollection" as const, name: "comuni", license: LICENCE.name, license_url: LICENCE.url, attribution: LICENCE.boundariesAttribution, features };
}

/** Every zone, for /dati/zone.geojson. */
export function zoneGeoJson() {
  const { features } = zoneFeatures({ limit: 10_000, offset: 0 });
  return { type: "FeatureCollection" as const, name: "zone_omogenee", license: LICENCE.name, license_url: LICENCE.url, attribution: LICENCE.boundariesAttribution, features };
}

// -------------------------------------------------------------------------------------------
// The downloads

/** The CSV columns, in order: the GeoJSON property names plus `geometria` (the drawn place as GeoJSON text). */
export const CSV_COLUMNS = [
  "id",
  "url",
  "titolo",
  "testo",
  "tipo",
  "strategia",
  "bersagli",
  "obiettivi",
  "autore",
  "tipo_autore",
  "comuni",
  "comuni_istat",
  "zone",
  "zone_id",
  "tipo_luogo",
  "data_pubblicazione",
  "sostegni",
  "esito",
  "controdeduzione",
  "data_esito",
  "sezioni",
  "sezioni_url",
  "lon",
  "lat",
  "geometria",
] as const;

/** Lists inside one CSV cell. */
const LIST_SEPARATOR = " | ";

function csvRecord(x: OpenContribution): (string | number | null)[] {
  const p = contributionProperties(x);
  // A place of whole comuni has no drawn geometry: its place is the comuni_istat column (the
  // outlines would not fit a spreadsheet cell; the GeoJSON carries them).
  const geometry = x.drawnGeometry ? JSON.stringify(feature(x.id, x.drawnGeometry, {}).geometry) : null;
  return CSV_COLUMNS.map((col) => {
    if (col === "geometria") return geometry;
    const v = p[col];
    return Array.isArray(v) ? v.join(LIST_SEPARATOR) : (v as string | number | null);
  });
}

const encoder = new TextEncoder();

function streamOf(first: string, batches: Generator<string>, last = ""): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(encoder.encode(first));
    },
    pull(controller) {
      const next = batches.next();
      if (next.done) {
        if (last) controller.enqueue(encoder.encode(last));
        controller.close();
      } else if (next.value) {
        controller.enqueue(encoder.encode(next.value));
      }
    },
    cancel() {
      batches.return(undefined);
    },
  });
}

/** The matching published contributions as CSV, streamed in batches (UTF-8 with BOM, CRLF). */
export function contributionsCsvStream(q: ContributionQuery, origin: string, separator: CsvSeparator): ReadableStream<Uint8Array> {
  function* rows() {
    for (const batch of iteratePublished(q, origin)) yield csvRows(batch.map(csvRecord), { separator });
  }
  return streamOf(toCsv([...CSV_COLUMNS], [], { separator }), rows());
}

/**
 * The matching published contributions as a GeoJSON FeatureCollection, streamed. Foreign members
 * (allowed by RFC 7946 § 6.1) carry the licence and the attribution.
 */
export function contributionsGeoJsonStream(q: ContributionQuery, origin: string): ReadableStream<Uint8Array> {
  const head = JSON.stringify({ type: "FeatureCollection", name: "contributi", license: LICENCE.name, license_url: LICENCE.url, attribution: LICENCE.attribution });
  let first = true;
  function* features() {
    for (const batch of iteratePublished(q, origin)) {
      const text = batch.map((x) => JSON.stringify(contributionFeature(x))).join(",");
      yield (first ? "" : ",") + text;
      first = false;
    }
  }
  return streamOf(`${head.slice(0, -1)},"features":[`, features(), "]}");
}

/** The headers every open-data response carries: CORS for any origin, the licence as a Link. */
export function openDataHeaders(contentType: string, extra: Record<string, string> = {}): Headers {
  const headers = new Headers(extra);
  headers.set("Content-Type", contentType);
  headers.set("Access-Control-Allow-Origin", "*");
  headers.append("Link", LICENCE_LINK_HEADER);
  return headers;
}
