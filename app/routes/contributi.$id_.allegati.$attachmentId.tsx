import type { LoaderFunctionArgs } from "@remix-run/node";
import { can } from "~/domain/accounts/permissions";
import { getUser } from "~/domain/accounts/session.server";
import { attachmentResponse, getAttachment } from "~/domain/contributions/attachments.server";
import { contributionVisibility } from "~/domain/contributions/contributions.server";
import { notFound } from "~/lib/http.server";

// GET /contributi/:id/allegati/:attachmentId — an attachment, downloaded (never shown inline).
// Anyone may have those of a published contribution; the author and staff those of the others.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = Number(params.id);
  const attachmentId = Number(params.attachmentId);
  if (!Number.isInteger(id) || id <= 0 || !Number.isInteger(attachmentId) || attachmentId <= 0) notFound("Allegato non trovato");
  const c = await contributionVisibility(id);
  if (!c) notFound("Allegato non trovato");
  if (c.status !== "published") {
    const user = await getUser(request);
    if (!user || (user.id !== c.authorId && !can(user, "staff.area"))) notFound("Allegato non trovato");
  }
  const attachment = await getAttachment(id, attachmentId);
  if (!attachment) notFound("Allegato non trovato");
  return attachmentResponse(attachment);
}
