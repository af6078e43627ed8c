import type { LoaderFunctionArgs } from "@remix-run/node";
import { parseFilters, selectionOf } from "~/domain/contributions/filters";
import { contributionsGeoJsonStream, openDataHeaders } from "~/domain/opendata/open-data.server";

// Resource route: GET /dati/contributi.geojson — the published contributions matching the filters
// of /contributi, as an RFC 7946 FeatureCollection (licence and attribution as foreign members).
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const selection = selectionOf(parseFilters(url.searchParams));
  return new Response(contributionsGeoJsonStream({ selection }, url.origin), {
    headers: openDataHeaders("application/geo+json; charset=utf-8", {
      "Content-Disposition": 'attachment; filename="contributi-concerta.geojson"',
      "Cache-Control": "public, max-age=300",
    }),
  });
}
