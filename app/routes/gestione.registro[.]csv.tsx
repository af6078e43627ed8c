import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/domain/accounts/session.server";
import { auditCsv, auditFilters } from "~/domain/audit/audit-log.server";

// Resource route: GET /gestione/registro.csv?… — the audit log's current selection as CSV (UTF-8 with BOM).
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "moderation.audit");
  const csv = auditCsv(auditFilters(new URL(request.url)));
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="registro-azioni-${new Date().toISOString().slice(0, 10)}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
