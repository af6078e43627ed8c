// The map of contributions: per viewport and zoom, clusters (a count at a place) or, zoomed in,
// the contributions themselves — never every point. See docs/decisions/0012-contribution-browsing-at-scale.md.
//
// How: one supercluster index per filter combination, built from the same SQL conditions as the
// list (browse.server.ts), kept in a small LRU cache. A request then costs a KD-tree range query
// (well under a millisecond at 100,000 points) plus the titles of the points it returns.
// The cache is checked against the published set (count and latest publication date) at most every
// few seconds, and rebuilt when it changed, or after MAX_AGE_MS whatever happens.
import { and, eq, inArray, isNotNull } from "drizzle-orm";
import Supercluster from "supercluster";
import { db } from "~/lib/db.server";
import { contributions, type ContributionKind } from "~db/schema";
import { filtersToSearchParams, type SelectionFilters } from "./filters";
import { chooseDriver, selectionWhere } from "./browse.server";
import { forgetPublishedStats, publishedStats } from "./published-stats.server";

/** Clusters are formed up to this zoom; beyond it every contribution is its own marker. */
export const CLUSTER_MAX_ZOOM = 16;
/** Cluster radius in screen pixels (Leaflet's 256 px tiles). */
const RADIUS_PX = 60;
/** At most this many markers per answer (clusters and points): ≈ 60 KB of JSON at worst. */
export const MAX_ITEMS = 600;
/** A viewport larger than this (in pixels at the asked zoom) is answered at a lower zoom. */
const MAX_VIEW_PX = 4096;
const TITLE_LENGTH = 80;
const MAX_AGE_MS = 10 * 60_000;
const MAX_ENTRIES = 32;
/** Points held by all cached indexes together (a 100,000-point index takes ~20 MB). */
const MAX_CACHED_POINTS = 1_500_000;

export type Bbox = [west: number, south: number, east: number, north: number];

export type MapItem =
  | { lon: number; lat: number; count: number }
  | { lon: number; lat: number; count: 1; id: number; kind: ContributionKind; title: string };

export type MapAnswer = {
  /** The zoom the answer was computed at (lower than asked when the viewport was too large or too full). */
  zoom: number;
  /** Contributions on the map matching the filters (all of them, not only in the viewport). */
  total: number;
  clusters: MapItem[];
};

type Props = { id: number };
type Entry = { index: Supercluster<Props>; points: number; builtAt: number; fingerprint: string; lastUsed: number };

const cache = new Map<string, Entry>();
/** What changes when contributions are published, withdrawn or hidden (read at most every 5 s). */
function publishedFingerprint(now: number) {
  const { count, latest } = publishedStats(now);
  return `${count}:${latest}`;
}

/** Forget every index (tests; after a bulk import). */
export function clearMapCache() {
  cache.clear();
  forgetPublishedStats();
}

function build(filters: SelectionFilters): { index: Supercluster<Props>; points: number } {
  const rows = db
    .select({ id: contributions.id, lon: contributions.lon, lat: contributions.lat })
    .from(contributions)
    .where(and(selectionWhere(filters, chooseDriver(filters)), isNotNull(contributions.lon), isNotNull(contributions.lat)))
    .all();
  const index = new Supercluster<Props>({ radius: RADIUS_PX, extent: 256, maxZoom: CLUSTER_MAX_ZOOM, minPoints: 2 });
  index.load(rows.map((r) => ({ type: "Feature" as const, properties: { id: r.id }, geometry: { type: "Point" as const, coordinates: [r.lon!, r.lat!] } })));
  return { index, points: rows.length };
}

function indexFor(filters: SelectionFilters, now: number): Entry {
  const key = filtersToSearchParams(filters).toString();
  const fingerprint = publishedFingerprint(now);
  let entry = cache.get(key);
  if (!entry || entry.fingerprint !== fingerprint || now - entry.builtAt > MAX_AGE_MS) {
    cache.delete(key);
    entry = { ...build(filters), builtAt: now, fingerprint, lastUsed: now };
    cache.set(key, entry);
    // Least recently used out, by number of entries and by points held.
    let held = [...cache.values()].reduce((n, e) => n + e.points, 0);
    for (const [k, e] of [...cache.entries()].sort((a, b) => a[1].lastUsed - b[1].lastUsed)) {
      if (cache.size <= MAX_ENTRIES && held <= MAX_CACHED_POINTS) break;
      if (e === entry) continue;
      cache.delete(k);
      held -= e.points;
    }
  }
  entry.lastUsed = now;
  return entry;
}

/** The viewport's width and height in pixels at zoom z (Web Mercator, 256 px tiles). */
function viewportPixels([w, s, e, n]: Bbox, z: number) {
  const scale = 256 * 2 ** z;
  const y = (lat: number) => {
    const sin = Math.sin((Math.max(-85, Math.min(85, lat)) * Math.PI) / 180);
    return (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * scale;
  };
  return { width: ((e - w) / 360) * scale, height: Math.abs(y(s) - y(n)) };
}

const round5 = (n: number) => Math.round(n * 1e5) / 1e5;

/**
 * The clusters and points of a viewport at a zoom, for the contributions matching the filters.
 * A viewport too large for its zoom, or one that would hold more than MAX_ITEMS markers, is
 * answered at a lower zoom (which the answer says).
 */
export function mapClusters(filters: SelectionFilters, bbox: Bbox, zoom: number, now = Date.now()): MapAnswer {
  const entry = indexFor(filters, now);
  let z = Math.max(0, Math.min(20, Math.floor(zoom)));
  while (z > 0) {
    const { width, height } = viewportPixels(bbox, z);
    if (width <= MAX_VIEW_PX && height <= MAX_VIEW_PX) break;
    z--;
  }
  let features = entry.index.getClusters(bbox, z);
  while (features.length > MAX_ITEMS && z > 0) features = entry.index.getClusters(bbox, --z);

  const pointIds = features.filter((f) => !(f.properties as { cluster?: boolean }).cluster).map((f) => (f.properties as Props).id);
  const details = new Map<number, { kind: ContributionKind; title: string }>();
  for (let i = 0; i < pointIds.length; i += 500) {
    const rows = db
      .select({ id: contributions.id, kind: contributions.kind, title: contributions.title })
      .from(contributions)
      .where(and(inArray(contributions.id, pointIds.slice(i, i + 500)), eq(contributions.status, "published")))
      .all();
    for (const r of rows) details.set(r.id, { kind: r.kind, title: r.title.length > TITLE_LENGTH ? `${r.title.slice(0, TITLE_LENGTH - 1)}…` : r.title });
  }

  const clusters: MapItem[] = [];
  for (const f of features) {
    const [lon, lat] = f.geometry.coordinates;
    const p = f.properties as Props & { cluster?: boolean; point_count?: number };
    if (p.cluster) {
      clusters.push({ lon: round5(lon), lat: round5(lat), count: p.point_count ?? 0 });
      continue;
    }
    const d = details.get(p.id);
    if (d) clusters.push({ lon: round5(lon), lat: round5(lat), count: 1, id: p.id, kind: d.kind, title: d.title });
  }
  return { zoom: z, total: entry.points, clusters };
}
