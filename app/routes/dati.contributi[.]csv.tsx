import type { LoaderFunctionArgs } from "@remix-run/node";
import { parseFilters, selectionOf } from "~/domain/contributions/filters";
import { csvResponse, csvSeparator } from "~/lib/csv.server";
import { contributionsCsvStream, openDataHeaders } from "~/domain/opendata/open-data.server";

// Resource route: GET /dati/contributi.csv — the published contributions matching the filters of
// /contributi (same parameters), as CSV (UTF-8 with BOM; `?sep=;` for spreadsheets set to Italian).
// Open data, CC BY 4.0: the licence is in the Link header and described at /dati.
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const selection = selectionOf(parseFilters(url.searchParams));
  const headers = openDataHeaders("text/csv; charset=utf-8");
  return csvResponse(contributionsCsvStream({ selection }, url.origin, csvSeparator(url)), "contributi-concerta.csv", { headers });
}
