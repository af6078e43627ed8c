import type { LoaderFunctionArgs } from "@remix-run/node";
import { can } from "~/domain/accounts/permissions";
import { getUser } from "~/domain/accounts/session.server";
import { attachmentResponse, getAttachment } from "~/domain/contributions/attachments.server";
import { contributionVisibility } from "~/domain/contributions/contributions.server";
import { invariantFound } from "~/lib/http.server";

// GET /contributi/:id/allegati/:attachmentId — an attachment, downloaded (never shown inline).
// Anyone may have those of a published contribution; the author and staff those of the others.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = Number(params.id);
  const attachmentId = Number(params.attachmentId);
  invariantFound(Number.isInteger(id) && id > 0 && Number.isInteger(attachmentId) && attachmentId > 0, request, "errors.notFound.attachment");
  const c = await contributionVisibility(id);
  invariantFound(c, request, "errors.notFound.attachment");
  if (c.status !== "published") {
    const user = await getUser(request);
    invariantFound(user && (user.id === c.authorId || can(user, "staff.area")), request, "errors.notFound.attachment");
  }
  const attachment = await getAttachment(id, attachmentId);
  invariantFound(attachment, request, "errors.notFound.attachment");
  return attachmentResponse(attachment);
}
