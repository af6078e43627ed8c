import { comuniGeoJson, openDataHeaders } from "~/domain/opendata/open-data.server";

// Resource route: GET /dati/comuni.geojson — the 133 comuni with zone, population (ISTAT 2011) and area.
export async function loader() {
  return new Response(JSON.stringify(comuniGeoJson()), {
    headers: openDataHeaders("application/geo+json; charset=utf-8", {
      "Content-Disposition": 'attachment; filename="comuni-citta-metropolitana-milano.geojson"',
      "Cache-Control": "public, max-age=3600",
    }),
  });
}
