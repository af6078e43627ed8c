import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db, sqlite } from "~/lib/db.server";
import { seedReference } from "../../../test/db";
import { seedTerritory } from "~/seed/territory.server";
import { comuniFeatureCollection, listZonesWithComuni, territoryBounds } from "./territory.server";

const EXPECTED_COUNTS: Record<string, number> = {
  milano: 1,
  "alto-milanese": 22,
  "magentino-abbiatense": 28,
  "nord-ovest": 16,
  "nord-milano": 6,
  "adda-martesana": 29,
  "sud-est": 15,
  "sud-ovest": 16,
};

/** Row counts and a digest of every column of both territory tables. */
function territorySnapshot() {
  const zoneRows = sqlite.prepare("SELECT * FROM zones ORDER BY id").all();
  const comuneRows = sqlite.prepare("SELECT * FROM comuni ORDER BY istat").all();
  const checksum = createHash("sha256").update(JSON.stringify([zoneRows, comuneRows])).digest("hex");
  return { zones: zoneRows.length, comuni: comuneRows.length, checksum };
}

beforeAll(() => {
  seedReference();
});

describe("listZonesWithComuni", () => {
  it("returns the 8 zone entries holding the 133 comuni, each comune in exactly one zone", async () => {
    const zones = await listZonesWithComuni();
    expect(zones.map((z) => z.id)).toEqual(Object.keys(EXPECTED_COUNTS));
    const codes = zones.flatMap((z) => z.comuni.map((c) => c.istat));
    expect(codes).toHaveLength(133);
    expect(new Set(codes).size).toBe(133);
  });

  it("has the expected number of comuni per zone", async () => {
    const zones = await listZonesWithComuni();
    expect(Object.fromEntries(zones.map((z) => [z.id, z.comuni.length]))).toEqual(EXPECTED_COUNTS);
    expect(zones.filter((z) => z.isCapoluogo).map((z) => z.id)).toEqual(["milano"]);
    expect(zones.find((z) => z.id === "milano")!.comuni).toEqual([{ istat: "015146", name: "Milano" }]);
  });

  it("puts Rho (015182) in Nord Ovest", async () => {
    const zones = await listZonesWithComuni();
    const holding = zones.filter((z) => z.comuni.some((c) => c.istat === "015182"));
    expect(holding.map((z) => z.id)).toEqual(["nord-ovest"]);
    expect(holding[0].comuni.find((c) => c.istat === "015182")!.name).toBe("Rho");
  });

  it("sorts the comuni of each zone by name", async () => {
    const collator = new Intl.Collator("it", { sensitivity: "base" });
    for (const z of await listZonesWithComuni()) {
      const names = z.comuni.map((c) => c.name);
      expect(names).toEqual([...names].sort(collator.compare));
    }
  });
});

describe("comuniFeatureCollection", () => {
  it("serves one feature per comune with its zone, coordinates rounded to 5 decimals", async () => {
    const fc = await comuniFeatureCollection();
    expect(fc.type).toBe("FeatureCollection");
    expect(fc.features).toHaveLength(133);
    const rho = fc.features.find((f) => f.properties.istat === "015182")!;
    expect(rho.properties).toEqual({ istat: "015182", name: "Rho", zoneId: "nord-ovest", zoneName: "Nord Ovest" });
    expect(rho.geometry.type).toMatch(/Polygon$/);
    const coords = JSON.stringify(fc.features.map((f) => f.geometry)).match(/-?\d+\.\d+/g)!;
    expect(coords.length).toBeGreaterThan(1000);
    expect(coords.every((n) => n.split(".")[1].length <= 5)).toBe(true);
  });

  it("frames the metropolitan area", async () => {
    const [[south, west], [north, east]] = (await territoryBounds())!;
    // Roughly 45.2–45.7 N, 8.7–9.6 E.
    expect(south).toBeGreaterThan(45.1);
    expect(north).toBeLessThan(45.8);
    expect(west).toBeGreaterThan(8.6);
    expect(east).toBeLessThan(9.7);
    expect(south).toBeLessThan(north);
    expect(west).toBeLessThan(east);
  });
});

describe("seedTerritory", () => {
  it("changes nothing when run again", () => {
    const before = territorySnapshot();
    expect(before.zones).toBe(8);
    expect(before.comuni).toBe(133);
    seedTerritory(db);
    seedTerritory(db);
    expect(territorySnapshot()).toEqual(before);
  });
});
