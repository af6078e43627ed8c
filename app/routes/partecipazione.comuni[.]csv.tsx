import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "~/lib/zod.server";
import { csvResponse, csvSeparator } from "~/lib/csv.server";
import { cachedParticipationDashboard, dashboardComuniCsv, resolveDashboardFilters } from "~/domain/dashboard/dashboard.server";

const querySchema = () =>
  z.object({
    sttm: z.string().max(20).optional().catch(undefined),
    processo: z.string().max(120).optional().catch(undefined),
  });

// Resource route: GET /partecipazione/comuni.csv[?sttm=…&processo=…&sep=;] — the dashboard's comuni table (UTF-8 with BOM).
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const q = querySchema().parse(Object.fromEntries(url.searchParams));
  const { filters, strategy } = await resolveDashboardFilters(q.sttm, q.processo);
  const { data } = cachedParticipationDashboard(filters);
  return csvResponse(dashboardComuniCsv(data, csvSeparator(url)), `partecipazione-comuni${strategy ? `-${strategy.code}` : ""}.csv`);
}
