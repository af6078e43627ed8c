// Threaded comments on published contributions, moderated like the comments on draft sections
// (docs/decisions/0007): pre-moderation unless the contribution's process says "post"; a pending
// comment is visible to its author only (and to staff) until approved; the author may delete their
// own (a soft delete that keeps the thread's shape); staff approve, reject or hide with a reason
// sent to the author. Every decision, its audit entry and the message to the author commit together.
import { and, asc, eq, or } from "drizzle-orm";
import { z } from "zod";
import { db, type Tx } from "~/lib/db.server";
import { renderMarkdown } from "~/lib/markdown.server";
import { recordAudit } from "~/domain/audit/audit.server";
import { enqueue } from "~/domain/notifications/outbox.server";
import { isApprovedMember } from "~/domain/accounts/organizations.server";
import { displayName } from "~/domain/accounts/users.server";
import type { MessageKey } from "~/i18n";
import { contributionComments, contributions, organizations, processes, users, type ModerationMode, type ParticipationStatus, type Role } from "~db/schema";
import { commentAnchor, contributionPath, MAX_COMMENT_LENGTH, type ContributionCommentView } from "./page";

export type Viewer = { id: string; role: Role } | null;
const isStaff = (viewer: Viewer) => viewer?.role === "admin" || viewer?.role === "staff";

/** A refusal: `key` is a catalogue key the route translates, `status` the HTTP status it answers with. */
export class CommentError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly status: 400 | 403 | 404 | 409,
  ) {
    super(key);
  }
}

/** Pre-moderation unless the contribution's process says "post" (the safe default). */
export function moderationModeOf(tx: Tx | typeof db, contributionId: number): ModerationMode {
  const row = tx
    .select({ mode: processes.moderationMode })
    .from(contributions)
    .innerJoin(processes, eq(processes.id, contributions.processId))
    .where(eq(contributions.id, contributionId))
    .get();
  return row?.mode === "post" ? "post" : "pre";
}

function cleanBody(text: string) {
  const value = text.replace(/\r\n?/g, "\n").trim();
  if (!value) throw new CommentError("browse.comments.error.empty", 400);
  if (value.length > MAX_COMMENT_LENGTH) throw new CommentError("browse.comments.error.tooLong", 400);
  return value;
}

export type NewContributionComment = {
  userId: string;
  contributionId: number;
  body: string;
  parentId?: number | null;
  organizationId?: number | null;
  now?: Date;
};

/** A comment or a reply on a published contribution; its status follows the process's moderation mode. */
export async function addComment(input: NewContributionComment): Promise<{ id: number; status: ParticipationStatus }> {
  const now = input.now ?? new Date();
  const body = cleanBody(input.body);
  const contribution = db.select({ status: contributions.status }).from(contributions).where(eq(contributions.id, input.contributionId)).get();
  if (!contribution) throw new CommentError("browse.comments.error.notFound", 404);
  if (contribution.status !== "published") throw new CommentError("browse.comments.error.closed", 409);
  if (input.organizationId != null && !(await isApprovedMember(input.userId, input.organizationId))) {
    throw new CommentError("browse.comments.error.notMember", 403);
  }
  if (input.parentId != null) {
    const parent = db.select().from(contributionComments).where(eq(contributionComments.id, input.parentId)).get();
    const visible = parent && (parent.status === "published" || parent.authorId === input.userId);
    if (!parent || parent.contributionId !== input.contributionId || parent.deletedAt || !visible) {
      throw new CommentError("browse.comments.error.parentInvalid", 400);
    }
  }
  const status: ParticipationStatus = moderationModeOf(db, input.contributionId) === "post" ? "published" : "pending";
  const row = db
    .insert(contributionComments)
    .values({
      contributionId: input.contributionId,
      parentId: input.parentId ?? null,
      authorId: input.userId,
      organizationId: input.organizationId ?? null,
      body,
      status,
      createdAt: now,
    })
    .returning({ id: contributionComments.id })
    .get();
  return { id: row.id, status };
}

/** The author deletes their comment (soft: replies keep their place). Always allowed. */
export function deleteComment(input: { userId: string; commentId: number; now?: Date }) {
  const now = input.now ?? new Date();
  return db.transaction((tx) => {
    const comment = tx.select().from(contributionComments).where(eq(contributionComments.id, input.commentId)).get();
    if (!comment) throw new CommentError("browse.comments.error.notFound", 404);
    if (comment.authorId !== input.userId) throw new CommentError("browse.comments.error.notAuthor", 403);
    if (comment.deletedAt) throw new CommentError("browse.comments.error.alreadyDeleted", 409);
    tx.update(contributionComments).set({ deletedAt: now }).where(eq(contributionComments.id, comment.id)).run();
    recordAudit(tx, { actorId: input.userId, action: "contribution_comment.deleted", subjectType: "contribution_comment", subjectId: comment.id, before: { status: comment.status } });
    return { id: comment.id, contributionId: comment.contributionId };
  });
}

export type CommentModeration = { actorId: string; commentId: number; reason?: string | null };

function loadForModeration(tx: Tx, commentId: number) {
  const comment = tx
    .select({ c: contributionComments, title: contributions.title })
    .from(contributionComments)
    .innerJoin(contributions, eq(contributions.id, contributionComments.contributionId))
    .where(eq(contributionComments.id, commentId))
    .get();
  if (!comment) throw new CommentError("browse.comments.error.notFound", 404);
  return comment;
}

/** Staff publish a pending comment (or restore a rejected or hidden one). */
export function publishComment(input: CommentModeration): { status: ParticipationStatus; contributionId: number } {
  return db.transaction((tx) => {
    const { c, title } = loadForModeration(tx, input.commentId);
    if (c.deletedAt || !["pending", "rejected", "hidden"].includes(c.status)) throw new CommentError("browse.comments.error.notModeratable", 409);
    tx.update(contributionComments).set({ status: "published" }).where(eq(contributionComments.id, c.id)).run();
    recordAudit(tx, {
      actorId: input.actorId,
      action: "contribution_comment.published",
      subjectType: "contribution_comment",
      subjectId: c.id,
      before: { status: c.status },
      after: { status: "published" },
    });
    enqueue(tx, {
      userId: c.authorId,
      kind: "contribution_comment.published",
      subject: "Il tuo commento è stato pubblicato",
      body: `Il tuo commento al contributo «${title}» è stato approvato dalla redazione ed è ora visibile a tutti.`,
      link: `${contributionPath(c.contributionId)}#${commentAnchor(c.id)}`,
    });
    return { status: "published" as const, contributionId: c.contributionId };
  });
}

/** Staff reject a pending comment ("rejected") or hide a published one ("hidden"); the reason goes to the author. */
export function rejectComment(input: CommentModeration): { status: ParticipationStatus; contributionId: number } {
  const reason = (input.reason ?? "").trim().slice(0, 1000);
  return db.transaction((tx) => {
    const { c, title } = loadForModeration(tx, input.commentId);
    if (c.deletedAt || (c.status !== "pending" && c.status !== "published")) throw new CommentError("browse.comments.error.notModeratable", 409);
    const status: ParticipationStatus = c.status === "pending" ? "rejected" : "hidden";
    tx.update(contributionComments).set({ status }).where(eq(contributionComments.id, c.id)).run();
    recordAudit(tx, {
      actorId: input.actorId,
      action: `contribution_comment.${status}`,
      subjectType: "contribution_comment",
      subjectId: c.id,
      before: { status: c.status },
      after: { status, reason: reason || null },
    });
    const what = status === "rejected" ? "non è stato approvato" : "è stato nascosto";
    enqueue(tx, {
      userId: c.authorId,
      kind: `contribution_comment.${status}`,
      subject: `Il tuo commento ${what}`,
      body: `Il tuo commento al contributo «${title}» ${what} dalla redazione.${reason ? `\n\nMotivo: ${reason}` : ""}\n\nResta visibile a te nella pagina del contributo.`,
      link: `${contributionPath(c.contributionId)}#${commentAnchor(c.id)}`,
    });
    return { status, contributionId: c.contributionId };
  });
}

/**
 * The comments of a contribution as threads, as this viewer may see them: the public sees what
 * is published; the author also sees their own (with the status); staff see everything. A reply
 * whose parent the viewer cannot see is not shown either; a deleted comment stays as a placeholder
 * only while something visible hangs under it.
 */
export function commentsFor(contributionId: number, viewer: Viewer): { threads: ContributionCommentView[]; published: number } {
  const staff = isStaff(viewer);
  const scope = staff
    ? eq(contributionComments.contributionId, contributionId)
    : and(
        eq(contributionComments.contributionId, contributionId),
        viewer ? or(eq(contributionComments.status, "published"), eq(contributionComments.authorId, viewer.id)) : eq(contributionComments.status, "published"),
      );
  const rows = db
    .select({ c: contributionComments, authorName: users.name, authorDeletedAt: users.deletedAt, organizationName: organizations.name })
    .from(contributionComments)
    .innerJoin(users, eq(users.id, contributionComments.authorId))
    .leftJoin(organizations, eq(organizations.id, contributionComments.organizationId))
    .where(scope)
    .orderBy(asc(contributionComments.createdAt), asc(contributionComments.id))
    .all();
  const nodes = new Map<number, ContributionCommentView>();
  for (const r of rows) {
    const c = r.c;
    const deleted = Boolean(c.deletedAt);
    const mine = viewer?.id === c.authorId;
    nodes.set(c.id, {
      id: c.id,
      parentId: c.parentId,
      authorName: deleted ? "" : displayName({ name: r.authorName, deletedAt: r.authorDeletedAt }),
      organizationName: deleted ? null : r.organizationName,
      bodyHtml: deleted ? "" : renderMarkdown(c.body),
      status: c.status,
      createdAt: c.createdAt.toISOString(),
      deleted,
      mine,
      canDelete: mine && !deleted,
      replies: [],
    });
  }
  const roots: ContributionCommentView[] = [];
  for (const node of nodes.values()) {
    if (node.parentId == null) roots.push(node);
    else nodes.get(node.parentId)?.replies.push(node);
  }
  const prune = (list: ContributionCommentView[]): ContributionCommentView[] =>
    list.filter((n) => {
      n.replies = prune(n.replies);
      return !n.deleted || n.replies.length > 0;
    });
  const published = rows.filter((r) => r.c.status === "published" && !r.c.deletedAt).length;
  return { threads: prune(roots), published };
}

// The forms of the contribution page, parsed in its action (zod stays out of the browser bundle).
const formId = z.coerce.number().int().positive();
const optionalId = z.preprocess((v) => (v === "" || v == null ? null : v), formId.nullable());
export const commentActionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("comment"),
    body: z.string().trim().min(1, { message: "browse.comments.error.empty" }).max(MAX_COMMENT_LENGTH, { message: "browse.comments.error.tooLong" }),
    parentId: optionalId,
    organizationId: optionalId,
  }),
  z.object({ intent: z.literal("delete"), commentId: formId }),
  z.object({ intent: z.enum(["approve", "reject"]), kind: z.literal("comment"), itemId: formId, reason: z.string().max(1000).optional().default("") }),
]);

/** Which form of the page a submission came from, so a refusal is shown there with what was typed. */
export function commentFormId(values: Record<string, string>) {
  switch (values.intent) {
    case "comment":
      return values.parentId ? `reply-${values.parentId}` : "comment";
    case "delete":
      return `delete-${values.commentId}`;
    case "approve":
    case "reject":
      return `moderate-comment-${values.itemId}`;
    default:
      return "form";
  }
}
