import { openDataHeaders, zoneGeoJson } from "~/domain/opendata/open-data.server";

// Resource route: GET /dati/zone.geojson — the zone omogenee (and the capoluogo) as the MultiPolygons of their comuni.
export async function loader() {
  return new Response(JSON.stringify(zoneGeoJson()), {
    headers: openDataHeaders("application/geo+json; charset=utf-8", {
      "Content-Disposition": 'attachment; filename="zone-omogenee-citta-metropolitana-milano.geojson"',
      "Cache-Control": "public, max-age=3600",
    }),
  });
}
