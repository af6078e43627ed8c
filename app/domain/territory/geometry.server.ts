import turfArea from "@turf/area";
import turfBbox from "@turf/bbox";
import booleanIntersects from "@turf/boolean-intersects";
import booleanPointInPolygon from "@turf/boolean-point-in-polygon";
import { feature } from "@turf/helpers";
import kinks from "@turf/kinks";
import turfLength from "@turf/length";
import pointOnFeature from "@turf/point-on-feature";
import { and, gte, lte } from "drizzle-orm";
import type { FeatureCollection, Geometry, LineString, MultiPolygon, Point, Polygon, Position } from "geojson";
import { db } from "~/lib/db.server";
import { DomainError, type DomainErrorStatus } from "~/lib/domain-error";
import { readSeedJson } from "~/lib/seed-files.server";
import { comuni } from "~db/schema";

/** Limits on what a participant may draw. */
export const GEOMETRY_LIMITS = {
  /** Characters of GeoJSON text accepted before parsing (a 500-vertex polygon is ~25 KB). */
  maxTextLength: 100_000,
  maxVertices: 500,
  maxAreaKm2: 200,
  maxLineKm: 100,
} as const;

export type PlaceGeometry = Point | LineString | Polygon;

/** Why a geometry is refused; each maps to an Italian message in the catalogue ("errors.geometry.<code>"). */
export type GeometryProblem = "tooLarge" | "malformed" | "type" | "coordinates" | "tooManyVertices" | "ringNotClosed" | "selfIntersecting" | "areaTooLarge" | "lineTooLong" | "outside";

export type CheckedPlace = {
  geometry: PlaceGeometry;
  bbox: [number, number, number, number];
  /** A representative point for the map (the point itself, or a point on the line or area). */
  point: [number, number];
  comuni: { istat: string; zoneId: string }[];
};

/** A refused place; its key names the problem ("errors.geometry.outside"). */
export class GeometryError extends DomainError {
  declare readonly key: `errors.geometry.${GeometryProblem}`;
  constructor(key: `errors.geometry.${GeometryProblem}`, status: DomainErrorStatus = 400) {
    super(key, status);
  }

  get problem(): GeometryProblem {
    return this.key.slice("errors.geometry.".length) as GeometryProblem;
  }
}

let boundary: MultiPolygon | Polygon | null = null;
function metropolitanBoundary() {
  boundary ??= readSeedJson<FeatureCollection<MultiPolygon | Polygon>>("cmm-boundary.geojson").features[0].geometry;
  return boundary;
}

function isPosition(p: unknown): p is Position {
  return (
    Array.isArray(p) &&
    (p.length === 2 || p.length === 3) &&
    p.every((n) => typeof n === "number" && Number.isFinite(n)) &&
    Math.abs(p[0] as number) <= 180 &&
    Math.abs(p[1] as number) <= 90
  );
}

/** Parses and checks the shape of a GeoJSON geometry, without touching the territory. */
export function parseGeometry(text: string): PlaceGeometry {
  // Refuse oversized input before parsing it: a 2 MB upload costs nothing.
  if (text.length > GEOMETRY_LIMITS.maxTextLength) throw new GeometryError("errors.geometry.tooLarge");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new GeometryError("errors.geometry.malformed");
  }
  // Accept a bare geometry or a Feature wrapping one.
  if (value && typeof value === "object" && (value as { type?: string }).type === "Feature") value = (value as { geometry?: unknown }).geometry;
  const g = value as { type?: unknown; coordinates?: unknown };
  if (!g || typeof g !== "object") throw new GeometryError("errors.geometry.malformed");
  switch (g.type) {
    case "Point":
      if (!isPosition(g.coordinates)) throw new GeometryError("errors.geometry.coordinates");
      return { type: "Point", coordinates: g.coordinates.slice(0, 2) };
    case "LineString": {
      const c = g.coordinates;
      if (!Array.isArray(c) || c.length < 2 || !c.every(isPosition)) throw new GeometryError("errors.geometry.coordinates");
      if (c.length > GEOMETRY_LIMITS.maxVertices) throw new GeometryError("errors.geometry.tooManyVertices");
      return { type: "LineString", coordinates: c.map((p) => p.slice(0, 2)) };
    }
    case "Polygon": {
      const rings = g.coordinates;
      // One outer ring; holes are not something participants draw.
      if (!Array.isArray(rings) || rings.length !== 1) throw new GeometryError("errors.geometry.coordinates");
      const ring = rings[0];
      if (!Array.isArray(ring) || !ring.every(isPosition)) throw new GeometryError("errors.geometry.coordinates");
      if (ring.length > GEOMETRY_LIMITS.maxVertices + 1) throw new GeometryError("errors.geometry.tooManyVertices");
      if (ring.length < 4) throw new GeometryError("errors.geometry.coordinates");
      const first = ring[0];
      const last = ring[ring.length - 1];
      if (first[0] !== last[0] || first[1] !== last[1]) throw new GeometryError("errors.geometry.ringNotClosed");
      return { type: "Polygon", coordinates: [ring.map((p) => p.slice(0, 2))] };
    }
    default:
      throw new GeometryError("errors.geometry.type");
  }
}

/** RFC 7946: exterior rings counter-clockwise. */
function rewindCounterClockwise(polygon: Polygon): Polygon {
  const ring = polygon.coordinates[0];
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++) sum += (ring[i + 1][0] - ring[i][0]) * (ring[i + 1][1] + ring[i][1]);
  return sum > 0 ? { type: "Polygon", coordinates: [[...ring].reverse()] } : polygon;
}

function vertices(geometry: PlaceGeometry): Position[] {
  if (geometry.type === "Point") return [geometry.coordinates];
  if (geometry.type === "LineString") return geometry.coordinates;
  return geometry.coordinates[0];
}

/** The comuni (with their zone) a geometry touches: bbox prefilter on the index, then exact intersection. */
export async function comuniTouchedBy(geometry: Geometry): Promise<{ istat: string; zoneId: string }[]> {
  const [minLon, minLat, maxLon, maxLat] = turfBbox(geometry);
  const candidates = await db
    .select({ istat: comuni.istat, zoneId: comuni.zoneId, geometry: comuni.geometry })
    .from(comuni)
    .where(and(lte(comuni.minLon, maxLon), gte(comuni.maxLon, minLon), lte(comuni.minLat, maxLat), gte(comuni.maxLat, minLat)))
    .all();
  return candidates
    .filter((c) => booleanIntersects(geometry, JSON.parse(c.geometry) as Geometry))
    .map((c) => ({ istat: c.istat, zoneId: c.zoneId }))
    .sort((a, b) => a.istat.localeCompare(b.istat));
}

/**
 * Checks a place drawn by a participant: well-formed, at most 500 vertices, polygons not
 * self-intersecting and at most 200 km², every vertex inside the metropolitan boundary;
 * returns it normalised with its bbox, a representative point and the comuni it touches.
 */
export async function checkPlace(text: string): Promise<CheckedPlace> {
  let geometry = parseGeometry(text);
  if (geometry.type === "Polygon") {
    if (kinks(feature(geometry)).features.length > 0) throw new GeometryError("errors.geometry.selfIntersecting");
    if (turfArea(geometry) / 1_000_000 > GEOMETRY_LIMITS.maxAreaKm2) throw new GeometryError("errors.geometry.areaTooLarge");
    geometry = rewindCounterClockwise(geometry);
  }
  if (geometry.type === "LineString" && turfLength(feature(geometry), { units: "kilometers" }) > GEOMETRY_LIMITS.maxLineKm) {
    throw new GeometryError("errors.geometry.lineTooLong");
  }
  const area = metropolitanBoundary();
  if (!vertices(geometry).every((p) => booleanPointInPolygon(p, area))) throw new GeometryError("errors.geometry.outside");
  const touched = await comuniTouchedBy(geometry);
  if (touched.length === 0) throw new GeometryError("errors.geometry.outside");
  const bbox = turfBbox(geometry) as [number, number, number, number];
  const point = (geometry.type === "Point" ? geometry.coordinates : pointOnFeature(geometry).geometry.coordinates) as [number, number];
  return { geometry, bbox, point, comuni: touched };
}

/** A representative point and bbox for a place given as whole comuni. */
export async function placeOfComuni(istatCodes: string[]) {
  const rows = await db.select().from(comuni).all();
  const chosen = rows.filter((r) => istatCodes.includes(r.istat));
  if (chosen.length === 0 || chosen.length !== new Set(istatCodes).size) return null;
  const bbox: [number, number, number, number] = [
    Math.min(...chosen.map((c) => c.minLon)),
    Math.min(...chosen.map((c) => c.minLat)),
    Math.max(...chosen.map((c) => c.maxLon)),
    Math.max(...chosen.map((c) => c.maxLat)),
  ];
  const point = pointOnFeature(JSON.parse(chosen[0].geometry) as Geometry).geometry.coordinates as [number, number];
  return { bbox, point, comuni: chosen.map((c) => ({ istat: c.istat, zoneId: c.zoneId })) };
}
