import turfArea from "@turf/area";
import turfBbox from "@turf/bbox";
import type { Feature, FeatureCollection, Polygon, MultiPolygon } from "geojson";
import { sql } from "drizzle-orm";
import type { DB } from "~/lib/db.server";
import { readSeedJson } from "~/lib/seed-files.server";
import { comuni, zones } from "~db/schema";

type ZoneFile = {
  zones: { id: string; name: string; comuni: string[]; source: string }[];
  officialCounts2017: Record<string, { comuni: number; abitanti: number; kmq: number } | string>;
};
type PopulationFile = { source: string; year: number; comuni: Record<string, number> };
type ComuneFeature = Feature<Polygon | MultiPolygon, { istat: string; name: string }>;

/** Inserts or updates the 8 zone entries and the 133 comuni; running it twice changes nothing. */
export function seedTerritory(db: DB) {
  const zoneFile = readSeedJson<ZoneFile>("cmm-zone-omogenee.json");
  const features = readSeedJson<FeatureCollection<Polygon | MultiPolygon, { istat: string; name: string }>>("cmm-comuni.geojson")
    .features as ComuneFeature[];
  const population = readSeedJson<PopulationFile>("cmm-popolazione.json").comuni;
  const zoneOf = new Map<string, string>();
  for (const z of zoneFile.zones) for (const code of z.comuni) zoneOf.set(code, z.id);

  db.transaction((tx) => {
    zoneFile.zones.forEach((z, i) => {
      const official = zoneFile.officialCounts2017[z.id];
      const o = typeof official === "object" ? official : undefined;
      const values = {
        id: z.id,
        name: z.name,
        sortOrder: i,
        isCapoluogo: z.id === "milano",
        officialComuniCount: o?.comuni ?? null,
        officialAreaKm2: o?.kmq ?? null,
        population: o?.abitanti ?? null,
        populationYear: o ? 2017 : null,
        source: z.source,
      };
      tx.insert(zones).values(values).onConflictDoUpdate({ target: zones.id, set: values }).run();
    });
    for (const f of features) {
      const zoneId = zoneOf.get(f.properties.istat);
      if (!zoneId) throw new Error(`Comune ${f.properties.istat} has no zone`);
      const [minLon, minLat, maxLon, maxLat] = turfBbox(f);
      const values = {
        istat: f.properties.istat,
        name: f.properties.name,
        zoneId,
        geometry: JSON.stringify(f.geometry),
        minLon,
        minLat,
        maxLon,
        maxLat,
        areaKm2: Math.round(turfArea(f) / 10_000) / 100,
        population: population[f.properties.istat] ?? null,
      };
      tx.insert(comuni)
        .values(values)
        .onConflictDoUpdate({ target: comuni.istat, set: { ...values, istat: sql`excluded.istat` } })
        .run();
    }
  });
}
