import type { LoaderFunctionArgs } from "@remix-run/node";
import { similarContributions } from "~/domain/contributions/contributions.server";

// Resource route: GET /contributi/simili?titolo=… → up to five published contributions similar to
// the title being typed ({ items: [{ id, title, kind, supportCount }] }), for the submission form.
// Public like the contributions themselves; `escludi` leaves out the one being edited.
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const title = (url.searchParams.get("titolo") ?? "").slice(0, 200);
  const exclude = Number(url.searchParams.get("escludi"));
  const items = await similarContributions(title, { excludeId: Number.isInteger(exclude) && exclude > 0 ? exclude : undefined });
  return Response.json({ items }, { headers: { "Cache-Control": "no-store" } });
}
