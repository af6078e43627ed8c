import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/domain/accounts/session.server";
import { exportPersonalData } from "~/domain/accounts/users.server";
import { invariantFound } from "~/lib/http.server";

/** GDPR access and portability: everything tied to the account, as a JSON download. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const body = await exportPersonalData(user.id);
  invariantFound(body, request, "errors.notFound.account");
  const date = new Date().toISOString().slice(0, 10);
  return new Response(JSON.stringify(body, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="concerta-dati-personali-${date}.json"`,
      "Cache-Control": "no-store",
    },
  });
}
