import type { Feature, FeatureCollection, Geometry, Position } from "geojson";
import { asc, eq, max, min } from "drizzle-orm";
import { db } from "~/lib/db.server";
import { comuni, zones } from "~db/schema";

export type ComuneSummary = { istat: string; name: string };
export type ZoneWithComuni = {
  id: string;
  name: string;
  isCapoluogo: boolean;
  comuni: ComuneSummary[];
};
export type ComuneProperties = { istat: string; name: string; zoneId: string; zoneName: string };
export type ComuniFeatureCollection = FeatureCollection<Geometry, ComuneProperties>;
/** [[south, west], [north, east]], the order Leaflet's fitBounds takes. */
export type LatLngBounds = [[number, number], [number, number]];

// Comune names sorted the Italian way (case and accents do not split "San…" from "Sant'…").
const collator = new Intl.Collator("it", { sensitivity: "base" });

/** The 8 zone entries in their official order, each with its comuni sorted by name. */
export async function listZonesWithComuni(): Promise<ZoneWithComuni[]> {
  const [zoneRows, comuneRows] = await Promise.all([
    db.select({ id: zones.id, name: zones.name, isCapoluogo: zones.isCapoluogo }).from(zones).orderBy(asc(zones.sortOrder)),
    db.select({ istat: comuni.istat, name: comuni.name, zoneId: comuni.zoneId }).from(comuni),
  ]);
  const byZone = new Map<string, ComuneSummary[]>(zoneRows.map((z) => [z.id, []]));
  for (const c of comuneRows) byZone.get(c.zoneId)?.push({ istat: c.istat, name: c.name });
  return zoneRows.map((z) => ({
    ...z,
    comuni: (byZone.get(z.id) ?? []).sort((a, b) => collator.compare(a.name, b.name)),
  }));
}

/** The bounding box of the whole metropolitan territory, or null before the territory is seeded. */
export async function territoryBounds(): Promise<LatLngBounds | null> {
  const [row] = await db
    .select({ west: min(comuni.minLon), south: min(comuni.minLat), east: max(comuni.maxLon), north: max(comuni.maxLat) })
    .from(comuni);
  if (!row || row.west == null || row.south == null || row.east == null || row.north == null) return null;
  return [
    [row.south, row.west],
    [row.north, row.east],
  ];
}

const round5 = (n: number) => Math.round(n * 1e5) / 1e5;

/** Rounds every coordinate to 5 decimals (about 1 m): plenty for a map, and it halves the payload. */
function roundGeometry(geometry: Geometry): Geometry {
  const roundDeep = (c: unknown): unknown =>
    typeof c === "number" ? round5(c) : Array.isArray(c) ? c.map(roundDeep) : c;
  if (geometry.type === "GeometryCollection") {
    return { ...geometry, geometries: geometry.geometries.map(roundGeometry) };
  }
  return { ...geometry, coordinates: roundDeep(geometry.coordinates) as Position[][] } as Geometry;
}

/** Every comune as a GeoJSON feature carrying its zone, for the territory map. */
export async function comuniFeatureCollection(): Promise<ComuniFeatureCollection> {
  const rows = await db
    .select({ istat: comuni.istat, name: comuni.name, geometry: comuni.geometry, zoneId: zones.id, zoneName: zones.name })
    .from(comuni)
    .innerJoin(zones, eq(comuni.zoneId, zones.id))
    .orderBy(asc(comuni.istat));
  const features: Feature<Geometry, ComuneProperties>[] = rows.map((r) => ({
    type: "Feature",
    properties: { istat: r.istat, name: r.name, zoneId: r.zoneId, zoneName: r.zoneName },
    geometry: roundGeometry(JSON.parse(r.geometry) as Geometry),
  }));
  return { type: "FeatureCollection", features };
}
