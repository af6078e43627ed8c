import type { ActionFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/domain/accounts/session.server";
import { previewSchema } from "~/domain/drafts/schemas";
import { formValues, parseForm } from "~/lib/forms";
import { renderMarkdown } from "~/lib/markdown.server";

// Resource route for the section editor's live preview: Markdown in, sanitized HTML out — the same
// rendering the reading view uses. Staff only; POST only (no loader: a GET is a 405).
export async function action({ request }: ActionFunctionArgs) {
  await requirePermission(request, "draft.manage");
  const parsed = parseForm(previewSchema, formValues(await request.formData()));
  if (!parsed.success) return Response.json({ html: "", error: Object.values(parsed.errors)[0] }, { status: 400 });
  return Response.json({ html: renderMarkdown(parsed.data.markdown) });
}
