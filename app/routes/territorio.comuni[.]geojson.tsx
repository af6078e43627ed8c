import { comuniFeatureCollection } from "~/domain/territory/territory.server";

// Resource route: GET /territorio/comuni.geojson, the comuni with their zone for the territory map
// (and anyone who wants the data). Public, like the page.
export async function loader() {
  const collection = await comuniFeatureCollection();
  return new Response(JSON.stringify(collection), {
    headers: {
      "Content-Type": "application/geo+json; charset=utf-8",
      // The boundaries change only when the reference data is re-seeded (a deploy).
      "Cache-Control": "public, max-age=3600, stale-while-revalidate=86400",
      "Content-Disposition": 'inline; filename="comuni-citta-metropolitana-milano.geojson"',
    },
  });
}
