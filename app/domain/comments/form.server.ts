// How a page mounts a thread, server side: the forms of the comments (new comment or reply, edit,
// delete) as zod schemas a page's action adds to its own, and the one function that carries them
// out on the page's subject. The page's moderation buttons are moderation's (page-decisions.server.ts).
import { z } from "zod";
import { commentAnchor, MAX_COMMENT_LENGTH, type CommentSubject } from "./comments";
import { addComment, deleteComment, editComment, type Actor } from "./comments.server";

const id = z.coerce.number().int().positive().max(2 ** 31);
const optionalId = z.preprocess((v) => (v === "" || v == null ? null : v), id.nullable());
const body = z.string().trim().min(1, { message: "comments.error.empty" }).max(MAX_COMMENT_LENGTH, { message: "comments.error.tooLong" });

export const commentIntents = [
  z.object({ intent: z.literal("comment"), body, parentId: optionalId, organizationId: optionalId }),
  z.object({ intent: z.literal("edit"), commentId: id, body }),
  z.object({ intent: z.literal("delete"), commentId: id }),
] as const;

export type CommentIntent = z.infer<(typeof commentIntents)[number]>;

export const isCommentIntent = (input: { intent: string }): input is CommentIntent => input.intent === "comment" || input.intent === "edit" || input.intent === "delete";

/** Which form of the thread a submission came from (so a refusal is shown there, with what was typed); null if none. */
export function commentFormId(values: Record<string, string>): string | null {
  switch (values.intent) {
    case "comment":
      return values.parentId ? `reply-${values.parentId}` : "comment";
    case "edit":
      return `edit-${values.commentId}`;
    case "delete":
      return `delete-${values.commentId}`;
    default:
      return null;
  }
}

/**
 * Carries out a comment form on the page's subject. Returns the outcome notice (`esito`) and the
 * anchor to land on; refusals are thrown as CommentError, before anything is written.
 */
export async function runCommentIntent(input: CommentIntent, actor: Actor, subject: CommentSubject): Promise<{ esito: string; anchor: string }> {
  switch (input.intent) {
    case "comment": {
      const r = await addComment({ actor, subject, body: input.body, parentId: input.parentId, organizationId: input.organizationId });
      return { esito: `comment.${r.status === "published" ? "published" : "pending"}`, anchor: commentAnchor(r.id) };
    }
    case "edit": {
      const r = editComment({ actor, subject, commentId: input.commentId, body: input.body });
      return { esito: "edited", anchor: commentAnchor(r.id) };
    }
    case "delete":
      deleteComment({ actor, subject, commentId: input.commentId });
      return { esito: "deleted", anchor: "comments-title" };
  }
}
