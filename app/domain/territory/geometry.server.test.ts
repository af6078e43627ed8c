import { beforeAll, describe, expect, it } from "vitest";
import { seedReference } from "../../../test/db";
import { checkPlace, GeometryError, placeOfComuni } from "./geometry.server";

beforeAll(() => {
  seedReference();
});

async function problemOf(text: string) {
  try {
    await checkPlace(text);
    return null;
  } catch (e) {
    if (e instanceof GeometryError) return e.problem;
    throw e;
  }
}

const point = (lon: number, lat: number) => JSON.stringify({ type: "Point", coordinates: [lon, lat] });
const polygon = (ring: number[][]) => JSON.stringify({ type: "Polygon", coordinates: [ring] });

describe("checkPlace", () => {
  it("stores a point in Rho with comune Rho and zone Nord Ovest", async () => {
    const place = await checkPlace(point(9.04, 45.53));
    expect(place.comuni).toEqual([{ istat: "015182", zoneId: "nord-ovest" }]);
    expect(place.point).toEqual([9.04, 45.53]);
  });

  it("finds both comuni for a polygon across the Rho–Pero border", async () => {
    const place = await checkPlace(polygon([[9.07, 45.51], [9.1, 45.51], [9.1, 45.525], [9.07, 45.525], [9.07, 45.51]]));
    const codes = place.comuni.map((c) => c.istat);
    expect(codes).toContain("015182");
    expect(codes).toContain("015170");
    // RFC 7946 winding: counter-clockwise exterior ring.
    expect(place.geometry.type).toBe("Polygon");
  });

  it("accepts a line and gives a representative point on it", async () => {
    const place = await checkPlace(JSON.stringify({ type: "LineString", coordinates: [[9.03, 45.52], [9.06, 45.53], [9.09, 45.51]] }));
    expect(place.comuni.length).toBeGreaterThan(0);
    expect(place.point[0]).toBeGreaterThan(9.02);
  });

  it("refuses a point in Pavia", async () => {
    expect(await problemOf(point(9.158, 45.185))).toBe("outside");
  });

  it("refuses a bow-tie polygon", async () => {
    expect(await problemOf(polygon([[9.03, 45.52], [9.06, 45.55], [9.06, 45.52], [9.03, 45.55], [9.03, 45.52]]))).toBe("selfIntersecting");
  });

  it("refuses an area over 200 km² and more than 500 vertices", async () => {
    expect(await problemOf(polygon([[8.9, 45.35], [9.3, 45.35], [9.3, 45.6], [8.9, 45.6], [8.9, 45.35]]))).toBe("areaTooLarge");
    const ring = Array.from({ length: 600 }, (_, i) => [9.04 + 0.001 * Math.cos((2 * Math.PI * i) / 600), 45.53 + 0.001 * Math.sin((2 * Math.PI * i) / 600)]);
    ring.push(ring[0]);
    expect(await problemOf(polygon(ring))).toBe("tooManyVertices");
  });

  it("refuses a 2 MB GeoJSON at once, without parsing it", async () => {
    const big = JSON.stringify({ type: "LineString", coordinates: Array.from({ length: 80_000 }, () => [9.04123456, 45.53123456]) });
    expect(big.length).toBeGreaterThan(2_000_000);
    const started = performance.now();
    expect(await problemOf(big)).toBe("tooLarge");
    expect(performance.now() - started).toBeLessThan(50);
  });

  it("refuses malformed input with a reason", async () => {
    expect(await problemOf("{not json")).toBe("malformed");
    expect(await problemOf(JSON.stringify({ type: "MultiPoint", coordinates: [] }))).toBe("type");
    expect(await problemOf(JSON.stringify({ type: "Point", coordinates: [9.04, "45"] }))).toBe("coordinates");
    expect(await problemOf(polygon([[9.03, 45.52], [9.06, 45.55], [9.06, 45.52], [9.04, 45.5]]))).toBe("ringNotClosed");
  });

  it("places whole comuni", async () => {
    const place = await placeOfComuni(["015182", "015170"]);
    expect(place?.comuni.map((c) => c.zoneId)).toEqual(["nord-ovest", "nord-ovest"]);
    expect(await placeOfComuni(["999999"])).toBeNull();
  });
});
