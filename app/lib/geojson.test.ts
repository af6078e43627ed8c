import type { Feature, FeatureCollection, Geometry, Polygon } from "geojson";
import { checkRfc7946, feature, featureCollection, rfc7946Geometry, ringSignedArea } from "./geojson";

// A square around the Duomo, drawn clockwise (the wrong way for an exterior), with a hole drawn counter-clockwise.
const cwSquare = [
  [9.18, 45.46],
  [9.18, 45.47],
  [9.2, 45.47],
  [9.2, 45.46],
  [9.18, 45.46],
];
const ccwHole = [
  [9.185, 45.462],
  [9.195, 45.462],
  [9.195, 45.468],
  [9.185, 45.468],
  [9.185, 45.462],
];

describe("rfc7946Geometry", () => {
  it("rewinds the exterior counter-clockwise and holes clockwise", () => {
    const g = rfc7946Geometry({ type: "Polygon", coordinates: [cwSquare, ccwHole] }) as Polygon;
    expect(ringSignedArea(g.coordinates[0])).toBeGreaterThan(0);
    expect(ringSignedArea(g.coordinates[1])).toBeLessThan(0);
    expect(checkRfc7946(g)).toEqual([]);
    expect(checkRfc7946({ type: "Polygon", coordinates: [cwSquare, ccwHole] })).toHaveLength(2);
  });

  it("rounds to 6 decimals and drops the duplicates rounding leaves, keeping rings closed", () => {
    const g = rfc7946Geometry({
      type: "Polygon",
      coordinates: [[[9.1234567891, 45.1], [9.12345679, 45.1], [9.2, 45.1], [9.2, 45.2], [9.1234567891, 45.1]]],
    }) as Polygon;
    expect(g.coordinates[0]).toEqual([
      [9.123457, 45.1],
      [9.2, 45.1],
      [9.2, 45.2],
      [9.123457, 45.1],
    ]);
    expect(checkRfc7946(g)).toEqual([]);
  });

  it("closes an open ring and flattens nested geometry collections", () => {
    const open = rfc7946Geometry({ type: "Polygon", coordinates: [cwSquare.slice(0, 4)] }) as Polygon;
    expect(open.coordinates[0]).toHaveLength(5);
    const nested = rfc7946Geometry({
      type: "GeometryCollection",
      geometries: [{ type: "Point", coordinates: [9.1, 45.4] }, { type: "GeometryCollection", geometries: [{ type: "Point", coordinates: [9.2, 45.5] }] }],
    });
    expect(nested).toEqual({ type: "GeometryCollection", geometries: [{ type: "Point", coordinates: [9.1, 45.4] }, { type: "Point", coordinates: [9.2, 45.5] }] });
    expect(checkRfc7946(nested)).toEqual([]);
  });

  it("builds features and collections that pass the checker", () => {
    const fc = featureCollection([
      feature(1, { type: "MultiPolygon", coordinates: [[cwSquare, ccwHole]] }, { nome: "Città" }),
      feature("b", null, {}),
      feature(3, { type: "LineString", coordinates: [[9.1, 45.4], [9.1000000001, 45.4], [9.2, 45.5]] }, { a: 1 }),
    ]);
    expect(checkRfc7946(fc)).toEqual([]);
    expect((fc.features[2].geometry as { coordinates: unknown[] }).coordinates).toHaveLength(2);
  });
});

describe("checkRfc7946", () => {
  const ok = (geometry: unknown): Feature => ({ type: "Feature", geometry, properties: {} }) as Feature;

  it("catches a clockwise exterior ring", () => {
    const errors = checkRfc7946(featureCollection([ok({ type: "Polygon", coordinates: [cwSquare] })]));
    expect(errors.join("\n")).toMatch(/clockwise/);
  });

  it("catches latitudes beyond 90 and longitudes beyond 180", () => {
    expect(checkRfc7946({ type: "Point", coordinates: [9.1, 91] }).join()).toMatch(/latitude 91/);
    expect(checkRfc7946({ type: "Point", coordinates: [181, 45] }).join()).toMatch(/longitude 181/);
  });

  it("catches a FeatureCollection nested in a Feature or in a collection", () => {
    const inner: FeatureCollection<Geometry | null> = featureCollection([feature(1, { type: "Point", coordinates: [9, 45] }, {})]);
    expect(checkRfc7946({ type: "Feature", geometry: inner, properties: {} }).join()).toMatch(/nesting/);
    expect(checkRfc7946({ type: "Feature", geometry: null, properties: {}, features: [] }).join()).toMatch(/nesting/);
    expect(checkRfc7946({ type: "FeatureCollection", features: [inner] }).join()).toMatch(/FeatureCollection/);
  });

  it("catches crs, open or short rings, bad properties and unknown types", () => {
    expect(checkRfc7946({ type: "FeatureCollection", crs: { type: "name" }, features: [] }).join()).toMatch(/crs/);
    expect(checkRfc7946({ type: "Polygon", coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1]]] }).join()).toMatch(/not closed/);
    expect(checkRfc7946({ type: "Polygon", coordinates: [[[0, 0], [1, 0], [0, 0]]] }).join()).toMatch(/at least 4/);
    expect(checkRfc7946({ type: "Feature", geometry: null, properties: [1] }).join()).toMatch(/properties/);
    expect(checkRfc7946({ type: "Feature", geometry: null }).join()).toMatch(/properties/);
    expect(checkRfc7946({ type: "Thing" })).toHaveLength(1);
    expect(checkRfc7946(null)).toHaveLength(1);
  });

  it("accepts a valid collection", () => {
    expect(checkRfc7946(featureCollection([ok({ type: "Point", coordinates: [9.19, 45.46] }), { type: "Feature", geometry: null, properties: null } as Feature<Geometry | null>]))).toEqual([]);
  });
});
