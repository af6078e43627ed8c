import { z } from "zod";
import { commentFormId, commentIntents } from "~/domain/comments/form.server";
import { pageDecisionFormId, pageDecisionIntent } from "~/domain/moderation/page-decisions.server";
import { MAX_AMENDMENT_LENGTH, MAX_RATIONALE_LENGTH } from "./participation";

// The section page's forms, parsed in its action: the thread's (comments capability), the
// amendments' (here) and staff's approve/reject buttons (moderation). Kept in a server module so
// that zod stays out of the page's browser bundle (the page works without JavaScript).

const id = z.coerce.number().int().positive().max(2 ** 31);
const optionalId = z.preprocess((v) => (v === "" || v == null ? null : v), id.nullable());

export const participationActionSchema = z.discriminatedUnion("intent", [
  ...commentIntents,
  z.object({
    intent: z.literal("amend"),
    proposedText: z.string().trim().min(1, { message: "errors.required" }).max(MAX_AMENDMENT_LENGTH, { message: "errors.tooLong" }),
    rationale: z.string().trim().max(MAX_RATIONALE_LENGTH, { message: "errors.tooLong" }).optional().default(""),
    organizationId: optionalId,
  }),
  z.object({ intent: z.literal("withdraw"), amendmentId: id }),
  pageDecisionIntent,
]);

/** Which form on the page a submission came from, so a refusal is shown there with what was typed. */
export function formIdOf(values: Record<string, string>) {
  const comment = commentFormId(values);
  if (comment) return comment;
  switch (values.intent) {
    case "amend":
      return "amend";
    case "withdraw":
      return `withdraw-${values.amendmentId}`;
    case "approve":
    case "reject":
      return pageDecisionFormId(values.kind, values.itemId);
    default:
      return "form";
  }
}
