// One comments capability for every subject (docs/decisions/0016): threaded comments, moderated
// before or after publication by the subject's rules; a pending comment is seen by its author and
// by moderators only; the author may edit within 15 minutes (under pre-moderation the edited text
// goes back to moderation) and delete (a soft delete that keeps the thread's shape); comments may
// be made on behalf of an organization one represents. Decisions on comments (publish, reject,
// hide, restore) are moderation's: moderation/decide.server.ts.
import { and, asc, count, eq, inArray, isNull, or } from "drizzle-orm";
import { db, type Reader } from "~/lib/db.server";
import { renderMarkdown } from "~/lib/markdown.server";
import { can } from "~/domain/accounts/permissions";
import { isApprovedMember } from "~/domain/accounts/organizations.server";
import { displayName } from "~/domain/accounts/users.server";
import { latestEntryIds, recordAudit } from "~/domain/audit/audit.server";
import { organizations, users, type ParticipationStatus, type Role } from "~db/schema";
import { EDIT_WINDOW_MS, MAX_COMMENT_LENGTH, type CommentSubject, type CommentSubjectKind, type CommentThread, type CommentView } from "./comments";
import { CommentError } from "./errors";
import { adapterOf, findComment, SUBJECTS, type CommentRow, type SubjectAdapter } from "./subjects.server";

export { CommentError };

export type Viewer = { id: string; role: Role } | null;

function cleanBody(text: string) {
  const value = text.replace(/\r\n?/g, "\n").trim();
  if (!value) throw new CommentError("comments.error.empty", 400, { field: "body" });
  if (value.length > MAX_COMMENT_LENGTH) throw new CommentError("comments.error.tooLong", 400, { field: "body" });
  return value;
}

async function onBehalfOf(userId: string, organizationId: number | null | undefined) {
  if (organizationId == null) return null;
  if (!(await isApprovedMember(userId, organizationId))) throw new CommentError("comments.error.notMember", 403, { field: "organizationId" });
  return organizationId;
}

/** The comment, checked to be on this subject: a comment of another subject is "not found" here. */
function commentOn(reader: Reader, subject: CommentSubject, commentId: number): { adapter: SubjectAdapter; comment: CommentRow } {
  const adapter = adapterOf(subject);
  const comment = findComment(reader, adapter, commentId);
  if (!comment || adapter.subjectIdOf(comment) !== subject.id) throw new CommentError(adapter.notFound, 404);
  return { adapter, comment };
}

/** Who acts: the signed-in person. */
export type Actor = { id: string; role: Role };

export type NewComment = {
  actor: Actor;
  subject: CommentSubject;
  body: string;
  parentId?: number | null;
  organizationId?: number | null;
  now?: Date;
};

/** A comment or a reply; its status follows the subject's moderation mode. */
export async function addComment(input: NewComment): Promise<{ id: number; status: ParticipationStatus }> {
  const now = input.now ?? new Date();
  if (!can(input.actor, "comment.create")) throw new CommentError("errors.403", 403);
  const body = cleanBody(input.body);
  const organizationId = await onBehalfOf(input.actor.id, input.organizationId);
  const adapter = adapterOf(input.subject);
  return db.transaction(
    (tx) => {
      const { mode } = adapter.openForComments(tx, input.subject, now);
      if (input.parentId != null) {
        const parent = findComment(tx, adapter, input.parentId);
        const visible = parent && (parent.status === "published" || parent.authorId === input.actor.id);
        if (!parent || adapter.subjectIdOf(parent) !== input.subject.id || parent.deletedAt || !visible) {
          throw new CommentError("comments.error.parentInvalid", 400, { field: "body" });
        }
      }
      const status = mode === "post" ? "published" : "pending";
      const id = adapter.insert(tx, input.subject, { parentId: input.parentId ?? null, authorId: input.actor.id, organizationId, body, status, createdAt: now });
      return { id, status };
    },
    { behavior: "immediate" },
  );
}

/**
 * The author edits their comment within 15 minutes of posting it, while the subject takes comments.
 * Under pre-moderation an edited comment goes back to moderation (an approved text must not change unseen).
 */
export function editComment(input: { actor: Actor; subject: CommentSubject; commentId: number; body: string; now?: Date }) {
  const now = input.now ?? new Date();
  const body = cleanBody(input.body);
  return db.transaction(
    (tx) => {
      const { adapter, comment } = commentOn(tx, input.subject, input.commentId);
      if (!can(input.actor, "comment.edit", { ownerId: comment.authorId })) throw new CommentError("comments.error.notAuthor", 403);
      if (comment.deletedAt) throw new CommentError("comments.error.alreadyDeleted", 409);
      if (comment.status !== "pending" && comment.status !== "published") throw new CommentError("comments.error.notEditable", 409);
      if (now.getTime() - comment.createdAt.getTime() > EDIT_WINDOW_MS) throw new CommentError("comments.error.editExpired", 409);
      const { mode } = adapter.openForEditing(tx, input.subject, comment, now);
      const status: ParticipationStatus = mode === "pre" ? "pending" : comment.status;
      tx.update(adapter.table).set({ body, editedAt: now, status }).where(eq(adapter.table.id, comment.id)).run();
      // An entry of its own: a moderator who read the earlier text sees the item has changed.
      recordAudit(tx, { actorId: input.actor.id, action: `${adapter.itemKind}.edited`, subjectType: adapter.itemKind, subjectId: comment.id, before: { status: comment.status }, after: { status } });
      return { id: comment.id, status };
    },
    { behavior: "immediate" },
  );
}

/** The author deletes their comment (soft: replies keep their place). Always allowed. */
export function deleteComment(input: { actor: Actor; subject: CommentSubject; commentId: number; now?: Date }) {
  const now = input.now ?? new Date();
  return db.transaction(
    (tx) => {
      const { adapter, comment } = commentOn(tx, input.subject, input.commentId);
      if (!can(input.actor, "comment.delete", { ownerId: comment.authorId })) throw new CommentError("comments.error.notAuthor", 403);
      if (comment.deletedAt) throw new CommentError("comments.error.alreadyDeleted", 409);
      tx.update(adapter.table).set({ deletedAt: now }).where(eq(adapter.table.id, comment.id)).run();
      recordAudit(tx, { actorId: input.actor.id, action: `${adapter.itemKind}.deleted`, subjectType: adapter.itemKind, subjectId: comment.id, before: { status: comment.status } });
      return { id: comment.id };
    },
    { behavior: "immediate" },
  );
}

/**
 * The comments on a subject as threads, as this viewer may see them: the public sees what is
 * published; the author also sees their own (with the status); moderators see everything. A reply
 * whose parent the viewer cannot see is not shown either; a deleted comment stays as a placeholder
 * only while something visible hangs under it. `editable` says whether the subject takes edits now.
 */
export function commentThread(subject: CommentSubject, viewer: Viewer, options: { editable: boolean; now?: Date }): CommentThread {
  const now = options.now ?? new Date();
  const adapter = adapterOf(subject);
  const t = adapter.table;
  const seesAll = can(viewer, "participation.readUnpublished", { ownerId: null });
  const own = viewer ? or(eq(t.status, "published"), eq(t.authorId, viewer.id)) : eq(t.status, "published");
  const rows = db
    .select({ c: t, authorName: users.name, authorDeletedAt: users.deletedAt, organizationName: organizations.name })
    .from(t)
    .innerJoin(users, eq(users.id, t.authorId))
    .leftJoin(organizations, eq(organizations.id, t.organizationId))
    .where(seesAll ? eq(adapter.subjectColumn, subject.id) : and(eq(adapter.subjectColumn, subject.id), own))
    .orderBy(asc(t.createdAt), asc(t.id))
    .all();
  const versions = adapter.versionsOf(db, rows.map((r) => r.c));
  const revisions = can(viewer, "moderation.decide") ? latestEntryIds(db, adapter.itemKind, rows.map((r) => r.c.id)) : null;
  const currentVersion = subject.kind === "section" ? subject.versionId : null;
  const nodes = new Map<number, CommentView>();
  for (const { c, ...r } of rows) {
    const deleted = Boolean(c.deletedAt);
    const mine = viewer?.id === c.authorId;
    const versionId = "versionId" in c ? c.versionId : null;
    const editable =
      options.editable &&
      mine &&
      !deleted &&
      (c.status === "pending" || c.status === "published") &&
      (currentVersion === null || versionId === currentVersion) &&
      now.getTime() - c.createdAt.getTime() <= EDIT_WINDOW_MS;
    nodes.set(c.id, {
      id: c.id,
      parentId: c.parentId,
      version: versionId != null ? (versions.get(versionId) ?? null) : null,
      authorName: deleted ? "" : displayName({ name: r.authorName, deletedAt: r.authorDeletedAt }),
      organizationName: deleted ? null : r.organizationName,
      bodyHtml: deleted ? "" : renderMarkdown(c.body),
      body: editable ? c.body : null,
      status: c.status,
      createdAt: c.createdAt.toISOString(),
      editedAt: c.editedAt?.toISOString() ?? null,
      deleted,
      mine,
      canEdit: editable,
      canDelete: mine && !deleted,
      revision: revisions ? (revisions.get(String(c.id)) ?? 0) : null,
      replies: [],
    });
  }
  const roots: CommentView[] = [];
  for (const node of nodes.values()) {
    if (node.parentId == null) roots.push(node);
    else nodes.get(node.parentId)?.replies.push(node);
  }
  const prune = (list: CommentView[]): CommentView[] =>
    list.filter((n) => {
      n.replies = prune(n.replies);
      return !n.deleted || n.replies.length > 0;
    });
  const published = rows.filter((r) => r.c.status === "published" && !r.c.deletedAt).length;
  return { threads: prune(roots), published };
}

/** Published comments (not deleted) per subject, for lists and tables of contents: one grouped query. */
export function publishedCommentCounts(kind: CommentSubjectKind, subjectIds: number[], reader: Reader = db): Map<number, number> {
  if (subjectIds.length === 0) return new Map();
  const adapter = SUBJECTS[kind];
  const t = adapter.table;
  const rows = reader
    .select({ subjectId: adapter.subjectColumn, n: count() })
    .from(t)
    .where(and(inArray(adapter.subjectColumn, subjectIds), eq(t.status, "published"), isNull(t.deletedAt)))
    .groupBy(adapter.subjectColumn)
    .all();
  return new Map(rows.map((r) => [r.subjectId, r.n]));
}
