import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { z } from "~/lib/zod.server";
import { requirePermission } from "~/domain/accounts/session.server";
import { REPORT_NOTICE_ID, reportAnchor } from "~/components/moderation/ReportForm";
import { flagItem } from "~/domain/moderation/flags.server";
import { ModerationError } from "~/domain/moderation/items.server";
import { deliverSoon } from "~/domain/notifications/outbox.server";
import { FLAG_REASONS, MODERATED_KINDS } from "~db/schema/enums";

// POST /segnalazioni: a signed-in user reports a published item (once per item: a second report is
// answered, not counted). Answers with a redirect back to the page the form was on.

const schema = () =>
  z.object({
    itemKind: z.enum(MODERATED_KINDS),
    itemId: z.coerce.number().int().positive().max(2 ** 31),
    reason: z.enum(FLAG_REASONS),
    note: z.string().max(1000).optional().default(""),
    // Only a path of this site (no scheme, no "//host").
    redirectTo: z.string().max(500).regex(/^\/(?!\/)[^\s\\]*$/).catch("/"),
  });

export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "flag.create");
  const parsed = schema().safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) throw new Response("Segnalazione non valida", { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const { itemKind, itemId, reason, note, redirectTo } = parsed.data;
  let outcome: "counted" | "hidden" | "already";
  try {
    const r = flagItem({ reporterId: user.id, item: { kind: itemKind, id: itemId }, reason, note });
    outcome = !r.counted ? "already" : r.hidden ? "hidden" : "counted";
  } catch (error) {
    if (error instanceof ModerationError) throw new Response(error.key === "moderation.error.notFound" ? "Contenuto non trovato" : "Questo contenuto non si può segnalare", { status: error.status });
    throw error;
  }
  deliverSoon();
  const [path, search = ""] = redirectTo.split("#")[0].split("?");
  const params = new URLSearchParams(search);
  params.set("segnalazione", outcome);
  params.set("voce", `${itemKind}-${itemId}`);
  // A hidden item is no longer on the page: the answer is shown at the top of the page instead.
  return redirect(`${path}?${params.toString()}#${outcome === "hidden" ? REPORT_NOTICE_ID : reportAnchor(itemKind, itemId)}`);
}
