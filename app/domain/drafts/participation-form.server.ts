import { z } from "zod";
import { MAX_AMENDMENT_LENGTH, MAX_COMMENT_LENGTH, MAX_RATIONALE_LENGTH } from "./participation";

// The section page's forms, parsed in its action. Kept in a server module so that zod stays out of
// the page's browser bundle (the page validates nothing in the browser: it works without JavaScript).

const id = z.coerce.number().int().positive();
const optionalId = z.preprocess((v) => (v === "" || v == null ? null : v), id.nullable());
const text = (max: number) => z.string().trim().min(1, { message: "errors.required" }).max(max, { message: "errors.tooLong" });

export const participationActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("comment"), body: text(MAX_COMMENT_LENGTH), parentId: optionalId, organizationId: optionalId }),
  z.object({ intent: z.literal("edit"), commentId: id, body: text(MAX_COMMENT_LENGTH) }),
  z.object({ intent: z.literal("delete"), commentId: id }),
  z.object({
    intent: z.literal("amend"),
    proposedText: text(MAX_AMENDMENT_LENGTH),
    rationale: z.string().trim().max(MAX_RATIONALE_LENGTH, { message: "errors.tooLong" }).optional().default(""),
    organizationId: optionalId,
  }),
  z.object({ intent: z.literal("withdraw"), amendmentId: id }),
  z.object({ intent: z.enum(["approve", "reject"]), kind: z.enum(["comment", "amendment"]), itemId: id, reason: z.string().max(1000).optional().default("") }),
]);

/** Which form on the page a submission came from, so a refusal is shown there with what was typed. */
export function formIdOf(values: Record<string, string>) {
  switch (values.intent) {
    case "comment":
      return values.parentId ? `reply-${values.parentId}` : "comment";
    case "edit":
      return `edit-${values.commentId}`;
    case "delete":
      return `delete-${values.commentId}`;
    case "amend":
      return "amend";
    case "withdraw":
      return `withdraw-${values.amendmentId}`;
    case "approve":
    case "reject":
      return `moderate-${values.kind}-${values.itemId}`;
    default:
      return "form";
  }
}
