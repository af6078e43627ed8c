import { index, integer, real, sqliteTable, text } from "drizzle-orm/sqlite-core";

/** A zona omogenea, or the capoluogo (Milano), which belongs to no zone but has its own entry. */
export const zones = sqliteTable("zones", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  sortOrder: integer("sort_order").notNull(),
  isCapoluogo: integer("is_capoluogo", { mode: "boolean" }).notNull().default(false),
  officialComuniCount: integer("official_comuni_count"),
  officialAreaKm2: real("official_area_km2"),
  population: integer("population"),
  populationYear: integer("population_year"),
  source: text("source"),
});

export const comuni = sqliteTable(
  "comuni",
  {
    /** 6-digit ISTAT code, e.g. "015146" for Milano. */
    istat: text("istat").primaryKey(),
    name: text("name").notNull(),
    zoneId: text("zone_id")
      .notNull()
      .references(() => zones.id),
    /** GeoJSON geometry (WGS84) as text. */
    geometry: text("geometry").notNull(),
    minLon: real("min_lon").notNull(),
    minLat: real("min_lat").notNull(),
    maxLon: real("max_lon").notNull(),
    maxLat: real("max_lat").notNull(),
    areaKm2: real("area_km2").notNull(),
    /** Resident population (ISTAT census 2011, see db/seed/README.md), for rates per 10,000 inhabitants. */
    population: integer("population"),
  },
  (t) => [
    index("comuni_zone_idx").on(t.zoneId, t.name),
    index("comuni_name_idx").on(t.name),
    index("comuni_bbox_idx").on(t.minLon, t.maxLon, t.minLat, t.maxLat),
  ],
);
