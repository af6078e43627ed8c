// GeoJSON as RFC 7946 wants it, for every public export (open data, OGC API, report data) and the
// checker the tests use on them. Browser-safe: no Node or database imports.
//
// What the RFC asks and this module does: WGS84 lon/lat positions (no `crs` member), polygon rings
// following the right-hand rule (exterior counter-clockwise, holes clockwise, §3.1.6), closed
// rings of at least 4 positions, no GeoJSON object nested inside another of a different kind
// (§7.1), and 6 decimals (about 10 cm) at most, which the RFC recommends (§11.2).
import type { Feature, FeatureCollection, Geometry, GeometryCollection, Position } from "geojson";

const DECIMALS = 1e6;
const round6 = (n: number) => Math.round(n * DECIMALS) / DECIMALS;

function roundPosition(p: Position): Position {
  return p.length > 2 ? [round6(p[0]), round6(p[1]), p[2]] : [round6(p[0]), round6(p[1])];
}

const samePosition = (a: Position, b: Position) => a[0] === b[0] && a[1] === b[1];

/** Rounds a line's positions and drops consecutive duplicates that rounding (or the source) left. */
function cleanLine(line: Position[]): Position[] {
  const out: Position[] = [];
  for (const p of line.map(roundPosition)) if (out.length === 0 || !samePosition(out[out.length - 1], p)) out.push(p);
  return out;
}

/**
 * Twice the signed area of a ring on the lon/lat plane (shoelace): positive when counter-clockwise.
 * The plane is good enough for the orientation of rings that do not cross the antimeridian.
 */
export function ringSignedArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++) sum += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return sum;
}

/** A ring rounded, without repeated positions, closed, and wound as asked (ccw for exteriors). */
function cleanRing(ring: Position[], ccw: boolean): Position[] | null {
  const line = cleanLine(ring);
  if (line.length > 1 && samePosition(line[0], line[line.length - 1])) line.pop();
  if (line.length < 3) return null;
  line.push(line[0]);
  const area = ringSignedArea(line);
  if (area === 0) return null;
  return area > 0 === ccw ? line : line.reverse();
}

function cleanPolygon(rings: Position[][]): Position[][] | null {
  if (rings.length === 0) return null;
  const exterior = cleanRing(rings[0], true);
  if (!exterior) return null;
  const holes = rings.slice(1).flatMap((r) => {
    const hole = cleanRing(r, false);
    return hole ? [hole] : [];
  });
  return [exterior, ...holes];
}

/**
 * The geometry as RFC 7946 wants it: coordinates rounded to 6 decimals, consecutive duplicate
 * positions removed, rings closed with the right-hand rule, nested GeometryCollections flattened.
 * A ring that collapses (fewer than 3 distinct positions, or no area) is dropped; a polygon whose
 * exterior collapses is dropped from its MultiPolygon (a lone Polygon keeps its rounded rings).
 */
export function rfc7946Geometry(g: Geometry): Geometry {
  switch (g.type) {
    case "Point":
      return { type: "Point", coordinates: roundPosition(g.coordinates) };
    case "MultiPoint":
      return { type: "MultiPoint", coordinates: g.coordinates.map(roundPosition) };
    case "LineString": {
      const line = cleanLine(g.coordinates);
      return { type: "LineString", coordinates: line.length >= 2 ? line : g.coordinates.map(roundPosition) };
    }
    case "MultiLineString":
      return { type: "MultiLineString", coordinates: g.coordinates.map(cleanLine).filter((l) => l.length >= 2) };
    case "Polygon":
      return { type: "Polygon", coordinates: cleanPolygon(g.coordinates) ?? g.coordinates.map((r) => r.map(roundPosition)) };
    case "MultiPolygon":
      return { type: "MultiPolygon", coordinates: g.coordinates.map(cleanPolygon).filter((p): p is Position[][] => p !== null) };
    case "GeometryCollection": {
      const flat = (c: GeometryCollection): Geometry[] => c.geometries.flatMap((x) => (x.type === "GeometryCollection" ? flat(x) : [rfc7946Geometry(x)]));
      return { type: "GeometryCollection", geometries: flat(g) };
    }
  }
}

/** A Feature with its geometry normalised (`null` geometry stays null: a feature without a place). */
export function feature(id: string | number, geometry: Geometry | null, properties: Record<string, unknown>): Feature<Geometry | null> {
  return { type: "Feature", id, geometry: geometry ? rfc7946Geometry(geometry) : null, properties };
}

/** A FeatureCollection of the given features (built with `feature`, so already normalised). */
export function featureCollection(features: Feature<Geometry | null>[]): FeatureCollection<Geometry | null> {
  return { type: "FeatureCollection", features };
}

// ---------------------------------------------------------------------------------------------
// The checker: every way an object breaks RFC 7946, as readable strings (empty when it is valid).

const GEOMETRY_TYPES = ["Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon", "GeometryCollection"] as const;
type GeometryType = (typeof GEOMETRY_TYPES)[number];
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isGeometryType = (t: unknown): t is GeometryType => typeof t === "string" && (GEOMETRY_TYPES as readonly string[]).includes(t);

/** Members that belong to another kind of GeoJSON object (§7.1: they must not appear). */
const FOREIGN_MEMBERS: Record<"Feature" | "FeatureCollection" | "Geometry", string[]> = {
  Feature: ["coordinates", "geometries", "features"],
  FeatureCollection: ["coordinates", "geometries", "geometry", "properties"],
  Geometry: ["geometry", "properties", "features"],
};

function checkPosition(p: unknown, path: string, out: string[]): p is Position {
  if (!Array.isArray(p) || p.length < 2 || p.length > 3 || !p.every((n) => typeof n === "number" && Number.isFinite(n))) {
    out.push(`${path}: a position is 2 or 3 finite numbers`);
    return false;
  }
  const [lon, lat] = p as number[];
  if (lon < -180 || lon > 180) out.push(`${path}: longitude ${lon} outside −180..180 (WGS84)`);
  if (lat < -90 || lat > 90) out.push(`${path}: latitude ${lat} outside −90..90 (WGS84)`);
  return true;
}

function checkPositions(ps: unknown, path: string, out: string[], min: number): ps is Position[] {
  if (!Array.isArray(ps)) {
    out.push(`${path}: expected an array of positions`);
    return false;
  }
  let ok = true;
  ps.forEach((p, i) => {
    if (!checkPosition(p, `${path}[${i}]`, out)) ok = false;
  });
  if (ps.length < min) {
    out.push(`${path}: at least ${min} positions expected, found ${ps.length}`);
    ok = false;
  }
  return ok;
}

function checkRing(ring: unknown, path: string, out: string[], exterior: boolean) {
  if (!checkPositions(ring, path, out, 4)) return;
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (first[0] !== last[0] || first[1] !== last[1]) {
    out.push(`${path}: ring not closed (first and last positions differ)`);
    return;
  }
  const area = ringSignedArea(ring);
  if (area === 0) out.push(`${path}: ring without area`);
  else if (exterior && area < 0) out.push(`${path}: exterior ring is clockwise (right-hand rule wants counter-clockwise)`);
  else if (!exterior && area > 0) out.push(`${path}: hole is counter-clockwise (right-hand rule wants clockwise)`);
}

function checkPolygonRings(rings: unknown, path: string, out: string[]) {
  if (!Array.isArray(rings) || rings.length === 0) {
    out.push(`${path}: a polygon is a non-empty array of rings`);
    return;
  }
  rings.forEach((r, i) => checkRing(r, `${path}[${i}]`, out, i === 0));
}

function checkBbox(o: Record<string, unknown>, path: string, out: string[]) {
  if (!("bbox" in o)) return;
  const b = o.bbox;
  if (!Array.isArray(b) || (b.length !== 4 && b.length !== 6) || !b.every((n) => typeof n === "number" && Number.isFinite(n))) out.push(`${path}.bbox: 4 or 6 numbers expected`);
}

function checkCommon(o: Record<string, unknown>, path: string, out: string[], kind: keyof typeof FOREIGN_MEMBERS) {
  if ("crs" in o) out.push(`${path}: "crs" member not allowed (RFC 7946 uses WGS84 only)`);
  for (const m of FOREIGN_MEMBERS[kind]) if (m in o) out.push(`${path}: member "${m}" does not belong to a ${kind} (no extra nesting)`);
  checkBbox(o, path, out);
}

function checkGeometry(g: unknown, path: string, out: string[], insideCollection = false) {
  if (!isObject(g)) {
    out.push(`${path}: a geometry must be an object`);
    return;
  }
  if (!isGeometryType(g.type)) {
    out.push(`${path}: "${String(g.type)}" is not a geometry type${g.type === "Feature" || g.type === "FeatureCollection" ? " (no extra nesting)" : ""}`);
    return;
  }
  checkCommon(g, path, out, "Geometry");
  const c = g.coordinates;
  const at = `${path}.coordinates`;
  switch (g.type) {
    case "Point":
      checkPosition(c, at, out);
      break;
    case "MultiPoint":
      checkPositions(c, at, out, 0);
      break;
    case "LineString":
      checkPositions(c, at, out, 2);
      break;
    case "MultiLineString":
      if (!Array.isArray(c)) out.push(`${at}: expected an array of lines`);
      else c.forEach((l, i) => checkPositions(l, `${at}[${i}]`, out, 2));
      break;
    case "Polygon":
      checkPolygonRings(c, at, out);
      break;
    case "MultiPolygon":
      if (!Array.isArray(c)) out.push(`${at}: expected an array of polygons`);
      else c.forEach((p, i) => checkPolygonRings(p, `${at}[${i}]`, out));
      break;
    case "GeometryCollection":
      if ("coordinates" in g) out.push(`${path}: a GeometryCollection has no "coordinates"`);
      if (insideCollection) out.push(`${path}: nested GeometryCollection (no extra nesting)`);
      if (!Array.isArray(g.geometries)) out.push(`${path}.geometries: expected an array`);
      else g.geometries.forEach((x, i) => checkGeometry(x, `${path}.geometries[${i}]`, out, true));
      break;
  }
}

function checkFeature(f: unknown, path: string, out: string[]) {
  if (!isObject(f) || f.type !== "Feature") {
    out.push(`${path}: expected a Feature${isObject(f) && f.type === "FeatureCollection" ? " (no FeatureCollection nested in a collection)" : ""}`);
    return;
  }
  checkCommon(f, path, out, "Feature");
  if ("id" in f && typeof f.id !== "string" && typeof f.id !== "number") out.push(`${path}.id: a string or a number`);
  if (!("geometry" in f)) out.push(`${path}: a Feature has a "geometry" member (possibly null)`);
  else if (f.geometry !== null) checkGeometry(f.geometry, `${path}.geometry`, out);
  if (!("properties" in f)) out.push(`${path}: a Feature has a "properties" member (possibly null)`);
  else if (f.properties !== null && !isObject(f.properties)) out.push(`${path}.properties: an object or null`);
  else if (isObject(f.properties) && (f.properties.type === "Feature" || f.properties.type === "FeatureCollection")) out.push(`${path}.properties: a GeoJSON object nested in properties (no extra nesting)`);
}

/** Every RFC 7946 rule the object breaks, as messages with the path of the culprit; empty when valid. */
export function checkRfc7946(obj: unknown): string[] {
  const out: string[] = [];
  if (!isObject(obj)) return ["$: a GeoJSON text is an object"];
  if (obj.type === "FeatureCollection") {
    checkCommon(obj, "$", out, "FeatureCollection");
    if (!Array.isArray(obj.features)) out.push(`$.features: expected an array`);
    else obj.features.forEach((f, i) => checkFeature(f, `$.features[${i}]`, out));
  } else if (obj.type === "Feature") {
    checkFeature(obj, "$", out);
  } else if (isGeometryType(obj.type)) {
    checkGeometry(obj, "$", out);
  } else {
    out.push(`$: "${String(obj.type)}" is not a GeoJSON type`);
  }
  return out;
}
