import { and, asc, count, eq, inArray, isNull, or } from "drizzle-orm";
import { diffWords } from "diff";
import { db } from "~/lib/db.server";
import { renderMarkdown } from "~/lib/markdown.server";
import { recordAudit } from "~/domain/audit/audit.server";
import { isApprovedMember } from "~/domain/accounts/organizations.server";
import { displayName } from "~/domain/accounts/users.server";
import { translator, type MessageKey } from "~/i18n";
import {
  amendments,
  draftSectionTexts,
  draftVersions,
  organizations,
  outcomes,
  processes,
  processStrategies,
  sectionComments,
  strategies,
  users,
  type ModerationMode,
  type ParticipationStatus,
  type Role,
} from "~db/schema";
import { commentsOpen } from "./lifecycle.server";
import { EDIT_WINDOW_MS, MAX_AMENDMENT_LENGTH, MAX_COMMENT_LENGTH, MAX_RATIONALE_LENGTH, type AmendmentView, type CommentView, type DiffPart } from "./participation";

export { EDIT_WINDOW_MS };

export type Viewer = { id: string; role: Role } | null;

const isStaff = (viewer: Viewer) => viewer?.role === "admin" || viewer?.role === "staff";

/**
 * A refusal with a reason for the participant: `key` is a catalogue key (the route translates it,
 * with `vars`), `message` is the Italian text, `status` the HTTP status the route answers with.
 */
export class ParticipationError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly status: 400 | 403 | 404 | 409,
    readonly vars: Record<string, string | number | Date | null> = {},
  ) {
    const t = translator("it");
    const text: Record<string, string> = {};
    for (const [k, v] of Object.entries(vars)) text[k] = v instanceof Date ? italianDateTime(v) : v === null ? t("participation.dateUnset") : String(v);
    super(t(key, text));
  }
}

function italianDateTime(d: Date) {
  return new Intl.DateTimeFormat("it-IT", { timeZone: "Europe/Rome", dateStyle: "long", timeStyle: "short" }).format(d);
}

// ---------------------------------------------------------------------------------------------
// The consultation window and the moderation mode

type VersionRow = typeof draftVersions.$inferSelect;

export type ParticipationWindow =
  | { open: true; from: Date | null; until: Date | null }
  | { open: false; reason: "notInConsultation" | "notYetOpen" | "closed"; from: Date | null; until: Date | null };

/**
 * Open while the version is in consultation and `now` is within [commentsOpenFrom, commentsOpenUntil]:
 * the same rule as the drafts life cycle (`commentsOpen`), plus the reason when it is not.
 */
export function participationWindow(version: Pick<VersionRow, "status" | "commentsOpenFrom" | "commentsOpenUntil">, now = new Date()): ParticipationWindow {
  const from = version.commentsOpenFrom ?? null;
  const until = version.commentsOpenUntil ?? null;
  if (commentsOpen(version, now)) return { open: true, from, until };
  // A version in consultation always has both dates (publishVersion sets them); without them it is not open.
  if (version.status !== "in_consultazione" || !from || !until) return { open: false, reason: "notInConsultation", from, until };
  if (now.getTime() < from.getTime()) return { open: false, reason: "notYetOpen", from, until };
  return { open: false, reason: "closed", from, until };
}

function assertWindowOpen(version: VersionRow, now: Date) {
  const w = participationWindow(version, now);
  if (w.open) return;
  const key: MessageKey =
    w.reason === "notInConsultation" ? "participation.error.notInConsultation" : w.reason === "notYetOpen" ? "participation.error.notYetOpen" : "participation.error.closed";
  throw new ParticipationError(key, 409, { version: version.label, from: w.from, until: w.until });
}

/**
 * The moderation mode of the active process(es) that concern the STTM. Pre-moderation unless every
 * active process concerning it says "post" (none at all also means pre: the safe default).
 */
export async function moderationModeFor(strategyCode: string): Promise<ModerationMode> {
  const rows = await db
    .select({ mode: processes.moderationMode })
    .from(processStrategies)
    .innerJoin(processes, eq(processes.id, processStrategies.processId))
    .where(and(eq(processStrategies.strategyCode, strategyCode), eq(processes.status, "active")))
    .all();
  if (rows.length === 0 || rows.some((r) => r.mode === "pre")) return "pre";
  return "post";
}

const initialStatus = (mode: ModerationMode): ParticipationStatus => (mode === "post" ? "published" : "pending");

async function versionOf(versionId: number) {
  return db.select().from(draftVersions).where(eq(draftVersions.id, versionId)).get();
}

async function sectionTextOf(versionId: number, sectionId: number) {
  return db
    .select()
    .from(draftSectionTexts)
    .where(and(eq(draftSectionTexts.versionId, versionId), eq(draftSectionTexts.sectionId, sectionId)))
    .get();
}

async function assertMayActFor(userId: string, organizationId: number | null | undefined) {
  if (organizationId == null) return null;
  if (!(await isApprovedMember(userId, organizationId))) throw new ParticipationError("participation.error.notMember", 403);
  return organizationId;
}

function cleanText(text: string, max: number, tooLong: MessageKey) {
  const value = text.replace(/\r\n?/g, "\n").trim();
  if (!value) throw new ParticipationError("participation.error.empty", 400);
  if (value.length > max) throw new ParticipationError(tooLong, 400);
  return value;
}

// ---------------------------------------------------------------------------------------------
// Writing: comments

export type NewComment = {
  userId: string;
  versionId: number;
  sectionId: number;
  body: string;
  organizationId?: number | null;
  /** A reply: the comment answered, on the same section (whichever version it was made on). */
  parentId?: number | null;
  now?: Date;
};

/** A comment or a reply, made on the version in consultation; its status follows the process's moderation mode. */
export async function addComment(input: NewComment): Promise<{ id: number; status: ParticipationStatus }> {
  const now = input.now ?? new Date();
  const body = cleanText(input.body, MAX_COMMENT_LENGTH, "participation.error.bodyTooLong");
  const version = await versionOf(input.versionId);
  const text = version ? await sectionTextOf(version.id, input.sectionId) : undefined;
  if (!version || !text) throw new ParticipationError("participation.error.sectionNotInVersion", 404);
  assertWindowOpen(version, now);
  const organizationId = await assertMayActFor(input.userId, input.organizationId);
  if (input.parentId != null) {
    const parent = await db.select().from(sectionComments).where(eq(sectionComments.id, input.parentId)).get();
    const visible = parent && (parent.status === "published" || parent.authorId === input.userId);
    if (!parent || parent.sectionId !== input.sectionId || parent.deletedAt || !visible) {
      throw new ParticipationError("participation.error.parentInvalid", 400);
    }
  }
  const status = initialStatus(await moderationModeFor(version.strategyCode));
  const row = await db
    .insert(sectionComments)
    .values({
      sectionId: input.sectionId,
      versionId: version.id,
      parentId: input.parentId ?? null,
      authorId: input.userId,
      organizationId,
      body,
      status,
      createdAt: now,
    })
    .returning({ id: sectionComments.id })
    .get();
  return { id: row.id, status };
}

async function ownComment(userId: string, commentId: number) {
  const comment = await db.select().from(sectionComments).where(eq(sectionComments.id, commentId)).get();
  if (!comment) throw new ParticipationError("participation.error.notFound", 404);
  if (comment.authorId !== userId) throw new ParticipationError("participation.error.notAuthor", 403);
  if (comment.deletedAt) throw new ParticipationError("participation.error.alreadyDeleted", 409);
  return comment;
}

/**
 * The author edits a comment within 15 minutes of posting it, while the consultation is open.
 * Under pre-moderation an edited comment goes back to moderation (an approved text must not change unseen).
 */
export async function editComment(input: { userId: string; commentId: number; body: string; now?: Date }) {
  const now = input.now ?? new Date();
  const comment = await ownComment(input.userId, input.commentId);
  const body = cleanText(input.body, MAX_COMMENT_LENGTH, "participation.error.bodyTooLong");
  if (comment.status !== "pending" && comment.status !== "published") throw new ParticipationError("participation.error.notEditable", 409);
  if (now.getTime() - comment.createdAt.getTime() > EDIT_WINDOW_MS) throw new ParticipationError("participation.error.editExpired", 409);
  const version = (await versionOf(comment.versionId))!;
  assertWindowOpen(version, now);
  const mode = await moderationModeFor(version.strategyCode);
  const status: ParticipationStatus = mode === "pre" ? "pending" : comment.status;
  await db.update(sectionComments).set({ body, editedAt: now, status }).where(eq(sectionComments.id, comment.id)).run();
  return { id: comment.id, status };
}

/**
 * The author deletes a comment: a soft delete (the row stays so that replies keep their place;
 * the page shows "commento eliminato dall'autore" when it has replies, nothing otherwise).
 * Always allowed, even after the consultation closed.
 */
export async function deleteComment(input: { userId: string; commentId: number; now?: Date }) {
  const now = input.now ?? new Date();
  const comment = await ownComment(input.userId, input.commentId);
  db.transaction((tx) => {
    tx.update(sectionComments).set({ deletedAt: now }).where(eq(sectionComments.id, comment.id)).run();
    recordAudit(tx, { actorId: input.userId, action: "section_comment.deleted", subjectType: "section_comment", subjectId: comment.id, before: { status: comment.status } });
  });
  return { id: comment.id };
}

// ---------------------------------------------------------------------------------------------
// Writing: amendments

export type NewAmendment = {
  userId: string;
  versionId: number;
  sectionId: number;
  proposedText: string;
  rationale?: string | null;
  organizationId?: number | null;
  now?: Date;
};

const normalizeForCompare = (s: string) => s.replace(/\r\n?/g, "\n").trim();

/** A replacement text for the section, which must differ from the current one; rationale optional. */
export async function proposeAmendment(input: NewAmendment): Promise<{ id: number; status: ParticipationStatus }> {
  const now = input.now ?? new Date();
  const proposedText = cleanText(input.proposedText, MAX_AMENDMENT_LENGTH, "participation.error.textTooLong");
  const rationale = (input.rationale ?? "").replace(/\r\n?/g, "\n").trim();
  if (rationale.length > MAX_RATIONALE_LENGTH) throw new ParticipationError("participation.error.textTooLong", 400);
  const version = await versionOf(input.versionId);
  const text = version ? await sectionTextOf(version.id, input.sectionId) : undefined;
  if (!version || !text) throw new ParticipationError("participation.error.sectionNotInVersion", 404);
  assertWindowOpen(version, now);
  if (proposedText === normalizeForCompare(text.body)) throw new ParticipationError("participation.error.sameText", 400);
  const organizationId = await assertMayActFor(input.userId, input.organizationId);
  const status = initialStatus(await moderationModeFor(version.strategyCode));
  const row = await db
    .insert(amendments)
    .values({
      sectionId: input.sectionId,
      versionId: version.id,
      authorId: input.userId,
      organizationId,
      proposedText,
      rationale,
      status,
      createdAt: now,
    })
    .returning({ id: amendments.id })
    .get();
  return { id: row.id, status };
}

/** The author withdraws an amendment (any time): it leaves the public page, the row stays for the record. */
export async function withdrawAmendment(input: { userId: string; amendmentId: number; now?: Date }) {
  const now = input.now ?? new Date();
  const amendment = await db.select().from(amendments).where(eq(amendments.id, input.amendmentId)).get();
  if (!amendment) throw new ParticipationError("participation.error.notFound", 404);
  if (amendment.authorId !== input.userId) throw new ParticipationError("participation.error.notAuthor", 403);
  if (amendment.status === "withdrawn") throw new ParticipationError("participation.error.alreadyWithdrawn", 409);
  db.transaction((tx) => {
    tx.update(amendments).set({ status: "withdrawn", withdrawnAt: now }).where(eq(amendments.id, amendment.id)).run();
    recordAudit(tx, {
      actorId: input.userId,
      action: "amendment.withdrawn",
      subjectType: "amendment",
      subjectId: amendment.id,
      before: { status: amendment.status },
      after: { status: "withdrawn" },
    });
  });
  return { id: amendment.id };
}

// ---------------------------------------------------------------------------------------------
// Reading: the section page

/** Word-level differences between two texts, as plain text parts (rendered as text, never as HTML). */
export function amendmentDiff(original: string, proposed: string): DiffPart[] {
  return diffWords(normalizeForCompare(original), normalizeForCompare(proposed)).map((c) => ({
    kind: c.added ? "added" : c.removed ? "removed" : "same",
    text: c.value,
  }));
}

export type SectionPage = NonNullable<Awaited<ReturnType<typeof getSectionPage>>>;

/**
 * Everything the section page shows: the section in the given version, and every comment and
 * amendment made on the (stable) section in any version, labelled with that version. The public
 * sees what is published; the author also sees their own items with their status; staff see all.
 * Null when the version/section does not exist, or the version is an internal draft and the viewer is not staff.
 */
export async function getSectionPage(input: { strategyCode: string; versionId: number; sectionId: number; viewer: Viewer; now?: Date }) {
  const now = input.now ?? new Date();
  const viewer = input.viewer;
  const staff = isStaff(viewer);
  const version = await versionOf(input.versionId);
  if (!version || version.strategyCode !== input.strategyCode) return null;
  if (version.status === "bozza" && !staff) return null;
  const [text, strategy] = await Promise.all([
    sectionTextOf(version.id, input.sectionId),
    db.select().from(strategies).where(eq(strategies.code, version.strategyCode)).get(),
  ]);
  if (!text || !strategy) return null;

  const toc = await db
    .select({ sectionId: draftSectionTexts.sectionId, number: draftSectionTexts.number, title: draftSectionTexts.title })
    .from(draftSectionTexts)
    .where(eq(draftSectionTexts.versionId, version.id))
    .orderBy(asc(draftSectionTexts.position))
    .all();
  const at = toc.findIndex((s) => s.sectionId === text.sectionId);

  // What this viewer may see: published for everyone, plus their own; staff everything.
  const commentScope = staff
    ? eq(sectionComments.sectionId, text.sectionId)
    : and(eq(sectionComments.sectionId, text.sectionId), viewer ? or(eq(sectionComments.status, "published"), eq(sectionComments.authorId, viewer.id)) : eq(sectionComments.status, "published"));
  const amendmentScope = staff
    ? eq(amendments.sectionId, text.sectionId)
    : and(eq(amendments.sectionId, text.sectionId), viewer ? or(eq(amendments.status, "published"), eq(amendments.authorId, viewer.id)) : eq(amendments.status, "published"));

  const [commentRows, amendmentRows, versionTexts, mode] = await Promise.all([
    db
      .select({
        c: sectionComments,
        versionLabel: draftVersions.label,
        authorName: users.name,
        authorDeletedAt: users.deletedAt,
        organizationName: organizations.name,
      })
      .from(sectionComments)
      .innerJoin(draftVersions, eq(draftVersions.id, sectionComments.versionId))
      .innerJoin(users, eq(users.id, sectionComments.authorId))
      .leftJoin(organizations, eq(organizations.id, sectionComments.organizationId))
      .where(commentScope)
      .orderBy(asc(sectionComments.createdAt), asc(sectionComments.id))
      .all(),
    db
      .select({
        a: amendments,
        versionLabel: draftVersions.label,
        authorName: users.name,
        authorDeletedAt: users.deletedAt,
        organizationName: organizations.name,
      })
      .from(amendments)
      .innerJoin(draftVersions, eq(draftVersions.id, amendments.versionId))
      .innerJoin(users, eq(users.id, amendments.authorId))
      .leftJoin(organizations, eq(organizations.id, amendments.organizationId))
      .where(amendmentScope)
      .orderBy(asc(amendments.createdAt), asc(amendments.id))
      .all(),
    db
      .select({ versionId: draftSectionTexts.versionId, body: draftSectionTexts.body })
      .from(draftSectionTexts)
      .where(eq(draftSectionTexts.sectionId, text.sectionId))
      .all(),
    moderationModeFor(version.strategyCode),
  ]);

  const window = participationWindow(version, now);

  // Threads: a comment whose parent this viewer cannot see is not shown either.
  const nodes = new Map<number, CommentView>();
  for (const r of commentRows) {
    const c = r.c;
    const mine = viewer?.id === c.authorId;
    const deleted = Boolean(c.deletedAt);
    const editable = mine && !deleted && (c.status === "pending" || c.status === "published") && now.getTime() - c.createdAt.getTime() <= EDIT_WINDOW_MS;
    nodes.set(c.id, {
      id: c.id,
      parentId: c.parentId,
      versionId: c.versionId,
      versionLabel: r.versionLabel,
      authorName: deleted ? "" : displayName({ name: r.authorName, deletedAt: r.authorDeletedAt }),
      organizationName: deleted ? null : r.organizationName,
      bodyHtml: deleted ? "" : renderMarkdown(c.body),
      body: null,
      status: c.status,
      createdAt: c.createdAt.toISOString(),
      editedAt: c.editedAt?.toISOString() ?? null,
      deleted,
      mine,
      // Editing also needs the consultation open on the version the comment was made on.
      canEdit: editable && c.versionId === version.id && window.open,
      canDelete: mine && !deleted,
      replies: [],
    });
    if (editable && c.versionId === version.id && window.open) nodes.get(c.id)!.body = c.body;
  }
  const roots: CommentView[] = [];
  for (const node of nodes.values()) {
    if (node.parentId == null) roots.push(node);
    else nodes.get(node.parentId)?.replies.push(node);
  }
  // A deleted comment stays as a placeholder only while it has something visible under it.
  const prune = (list: CommentView[]): CommentView[] =>
    list.filter((n) => {
      n.replies = prune(n.replies);
      return !n.deleted || n.replies.length > 0;
    });
  const comments = prune(roots);

  const originalText = new Map(versionTexts.map((v) => [v.versionId, v.body]));
  // The answers given to these amendments, read in one query (outcomes are written by moderation).
  const amendmentIds = amendmentRows.map((r) => r.a.id);
  const outcomeRows = amendmentIds.length
    ? db
        .select({ itemId: outcomes.itemId, outcome: outcomes.outcome, response: outcomes.response, decidedAt: outcomes.decidedAt })
        .from(outcomes)
        .where(and(eq(outcomes.itemKind, "amendment"), inArray(outcomes.itemId, amendmentIds)))
        .all()
    : [];
  const outcomeOf = new Map(outcomeRows.map((o) => [o.itemId, o]));
  const amendmentViews: AmendmentView[] = amendmentRows
    .filter((r) => r.a.status !== "withdrawn" || staff || viewer?.id === r.a.authorId)
    .map((r) => {
      const a = r.a;
      const mine = viewer?.id === a.authorId;
      return {
        id: a.id,
        versionId: a.versionId,
        versionLabel: r.versionLabel,
        authorName: displayName({ name: r.authorName, deletedAt: r.authorDeletedAt }),
        organizationName: r.organizationName,
        proposedText: a.proposedText,
        rationaleHtml: renderMarkdown(a.rationale),
        diff: amendmentDiff(originalText.get(a.versionId) ?? "", a.proposedText),
        status: a.status,
        createdAt: a.createdAt.toISOString(),
        mine,
        canWithdraw: mine && a.status !== "withdrawn" && a.status !== "rejected" && a.status !== "hidden",
        outcome: (() => {
          const o = outcomeOf.get(a.id);
          return o ? { decision: o.outcome, responseHtml: renderMarkdown(o.response), decidedAt: o.decidedAt.toISOString() } : null;
        })(),
      };
    });

  const publishedComments = commentRows.filter((r) => r.c.status === "published" && !r.c.deletedAt).length;
  return {
    strategy: { code: strategy.code, number: strategy.number, title: strategy.title },
    version: {
      id: version.id,
      label: version.label,
      status: version.status,
      commentsOpenFrom: version.commentsOpenFrom?.toISOString() ?? null,
      commentsOpenUntil: version.commentsOpenUntil?.toISOString() ?? null,
    },
    section: { sectionId: text.sectionId, number: text.number, title: text.title, body: text.body, bodyHtml: renderMarkdown(text.body) },
    previous: at > 0 ? toc[at - 1] : null,
    next: at >= 0 && at < toc.length - 1 ? toc[at + 1] : null,
    window: window.open ? { open: true as const, reason: null } : { open: false as const, reason: window.reason },
    moderationMode: mode,
    comments,
    publishedComments,
    amendments: amendmentViews,
  };
}

// ---------------------------------------------------------------------------------------------
// Counts for the table of contents

/**
 * Published comments and amendments per section of a version (for the table of contents).
 * Counts everything published on the section, whichever version it was made on; comments
 * deleted by their author are not counted.
 */
export async function participationCounts(versionId: number): Promise<Record<number, { comments: number; amendments: number }>> {
  const sections = await db.select({ sectionId: draftSectionTexts.sectionId }).from(draftSectionTexts).where(eq(draftSectionTexts.versionId, versionId)).all();
  const ids = sections.map((s) => s.sectionId);
  const result: Record<number, { comments: number; amendments: number }> = {};
  for (const id of ids) result[id] = { comments: 0, amendments: 0 };
  if (ids.length === 0) return result;
  const [c, a] = await Promise.all([
    db
      .select({ sectionId: sectionComments.sectionId, n: count() })
      .from(sectionComments)
      .where(and(inArray(sectionComments.sectionId, ids), eq(sectionComments.status, "published"), isNull(sectionComments.deletedAt)))
      .groupBy(sectionComments.sectionId)
      .all(),
    db
      .select({ sectionId: amendments.sectionId, n: count() })
      .from(amendments)
      .where(and(inArray(amendments.sectionId, ids), eq(amendments.status, "published")))
      .groupBy(amendments.sectionId)
      .all(),
  ]);
  for (const r of c) result[r.sectionId].comments = r.n;
  for (const r of a) result[r.sectionId].amendments = r.n;
  return result;
}
