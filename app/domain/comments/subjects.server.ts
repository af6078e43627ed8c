// What differs between the subjects comments hang on, and nothing else: where their comments are
// stored, when the subject takes new comments (and how they are moderated), and how a comment is
// labelled. Everything else — threads, replies, the 15-minute edit, deletion, on behalf of an
// organization, counts — is written once in comments.server.ts against this small adapter.
// A new subject kind (a knowledge-layer feature, a supra-municipal proposal) adds one entry here.
import { eq } from "drizzle-orm";
import type { Reader, Tx } from "~/lib/db.server";
import type { MessageKey } from "~/i18n";
import { contributionModeration } from "~/domain/contributions/moderation-mode.server";
import { openSection, ParticipationError, versionLabels } from "~/domain/drafts/window.server";
import { contributionComments, sectionComments, type ModerationMode } from "~db/schema";
import { CommentError } from "./errors";
import type { CommentSubject, CommentSubjectKind } from "./comments";

/** The columns every comment table has (contribution_comments and section_comments share them). */
export type CommentTable = typeof contributionComments | typeof sectionComments;

export type NewCommentRow = {
  parentId: number | null;
  authorId: string;
  organizationId: number | null;
  body: string;
  status: "pending" | "published";
  createdAt: Date;
};

export type SubjectAdapter = {
  /** The kind of item moderation knows a comment on this subject by. */
  itemKind: "contribution_comment" | "section_comment";
  table: CommentTable;
  /** The column holding the subject's id. */
  subjectColumn: typeof contributionComments.contributionId | typeof sectionComments.sectionId;
  /** The subject's id on a stored comment. */
  subjectIdOf(row: CommentRow): number;
  /**
   * Checks that the subject takes a new comment now (else throws a refusal with its reason) and
   * says how it is moderated.
   */
  openForComments(reader: Reader, subject: CommentSubject, now: Date): { mode: ModerationMode };
  /** Checks that a comment may still be edited as far as its subject is concerned (the 15 minutes are checked by the caller). */
  openForEditing(reader: Reader, subject: CommentSubject, row: CommentRow, now: Date): { mode: ModerationMode };
  /** Stores a new comment (the subject's own columns added). */
  insert(tx: Tx, subject: CommentSubject, row: NewCommentRow): number;
  /** The version a comment was made on, when the subject has versions. */
  versionsOf(reader: Reader, rows: CommentRow[]): Map<number, { id: number; label: string }>;
  /** The message shown when the subject does not exist or the comment is not on it. */
  notFound: MessageKey;
};

/** A stored comment, as both tables hold it (versionId only for section comments). */
export type CommentRow = typeof contributionComments.$inferSelect | typeof sectionComments.$inferSelect;

/** Refusals of the drafts capability are comment refusals with the same key, status and values. */
function asCommentError<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof ParticipationError) throw new CommentError(error.key, error.status, { vars: error.vars, field: error.field });
    throw error;
  }
}

const contribution: SubjectAdapter = {
  itemKind: "contribution_comment",
  table: contributionComments,
  subjectColumn: contributionComments.contributionId,
  subjectIdOf: (row) => ("contributionId" in row ? row.contributionId : 0),
  openForComments(reader, subject) {
    const c = contributionModeration(subject.id, reader);
    if (!c) throw new CommentError("comments.error.subjectNotFound", 404);
    if (c.status !== "published") throw new CommentError("browse.comments.error.closed", 409);
    return { mode: c.mode };
  },
  openForEditing(reader, subject) {
    return this.openForComments(reader, subject, new Date());
  },
  insert(tx, subject, row) {
    return tx
      .insert(contributionComments)
      .values({ ...row, contributionId: subject.id })
      .returning({ id: contributionComments.id })
      .get().id;
  },
  versionsOf: () => new Map(),
  notFound: "comments.error.notFound",
};

const section: SubjectAdapter = {
  itemKind: "section_comment",
  table: sectionComments,
  subjectColumn: sectionComments.sectionId,
  subjectIdOf: (row) => ("sectionId" in row ? row.sectionId : 0),
  openForComments(reader, subject, now) {
    if (subject.kind !== "section") throw new CommentError("comments.error.subjectNotFound", 404);
    return asCommentError(() => openSection(subject.versionId, subject.id, now, reader));
  },
  openForEditing(reader, subject, row, now) {
    // A comment is edited on the version it was made on, while that version's consultation is open.
    if (!("versionId" in row) || subject.kind !== "section" || row.versionId !== subject.versionId) throw new CommentError("comments.error.notEditable", 409);
    return asCommentError(() => openSection(row.versionId, row.sectionId, now, reader));
  },
  insert(tx, subject, row) {
    if (subject.kind !== "section") throw new CommentError("comments.error.subjectNotFound", 404);
    return tx
      .insert(sectionComments)
      .values({ ...row, sectionId: subject.id, versionId: subject.versionId })
      .returning({ id: sectionComments.id })
      .get().id;
  },
  versionsOf(reader, rows) {
    const ids = rows.flatMap((r) => ("versionId" in r ? [r.versionId] : []));
    const labels = versionLabels(ids, reader);
    return new Map([...labels].map(([id, label]) => [id, { id, label }]));
  },
  notFound: "comments.error.notFound",
};

export const SUBJECTS: Record<CommentSubjectKind, SubjectAdapter> = { contribution, section };

export const adapterOf = (subject: CommentSubject) => SUBJECTS[subject.kind];

/** The comment with this id, on any subject of the adapter's kind. */
export function findComment(reader: Reader, adapter: SubjectAdapter, id: number): CommentRow | undefined {
  return reader.select().from(adapter.table).where(eq(adapter.table.id, id)).get();
}
