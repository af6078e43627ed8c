import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/domain/accounts/session.server";
import { meetingSummary, registrationsCsv } from "~/domain/meetings/registration-lists.server";
import { invariantFound } from "~/lib/http.server";

// Resource route: GET /gestione/incontri/:id/iscrizioni.csv[?sep=;] — the live registrations of a
// meeting for staff, as CSV (UTF-8 with BOM; `;` for spreadsheets set to Italian).
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "registration.manage");
  const id = Number(params.id);
  const meeting = Number.isInteger(id) && id > 0 ? await meetingSummary(id) : undefined;
  invariantFound(meeting, request, "errors.notFound.meeting");
  const separator = new URL(request.url).searchParams.get("sep") === ";" ? ";" : ",";
  const csv = await registrationsCsv(id, { separator });
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="iscrizioni-incontro-${id}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
