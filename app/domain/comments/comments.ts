// Browser-safe part of the comments capability: what a comment is about (its subject), anchors,
// limits and the shape a thread is shown in. One shape for every subject (docs/decisions/0016).
import type { ParticipationStatus } from "~db/schema/enums";

/**
 * What a thread hangs on. A section is the stable section of a draft (its comments follow it
 * from version to version); `versionId` is the version being read, which new comments are made on.
 * A new subject kind (a knowledge-layer feature, a proposal…) adds one adapter in subjects.server.ts.
 */
export type CommentSubject = { kind: "contribution"; id: number } | { kind: "section"; id: number; versionId: number };
export type CommentSubjectKind = CommentSubject["kind"];

export const commentAnchor = (id: number) => `commento-${id}`;

/** How long after posting a comment its author may still edit it. */
export const EDIT_WINDOW_MS = 15 * 60 * 1000;
export const MAX_COMMENT_LENGTH = 5000;

export type CommentView = {
  id: number;
  parentId: number | null;
  /** The draft version a section comment was made on (null for other subjects). */
  version: { id: number; label: string } | null;
  authorName: string;
  organizationName: string | null;
  /** Sanitized HTML of the Markdown body (renderMarkdown); empty for a deleted comment. */
  bodyHtml: string;
  /** The source text, only for the author's own editable comment (to fill the edit form). */
  body: string | null;
  status: ParticipationStatus;
  createdAt: string;
  editedAt: string | null;
  deleted: boolean;
  mine: boolean;
  canEdit: boolean;
  canDelete: boolean;
  /** The moderation revision staff saw (decision forms send it back; see moderation/decide.server.ts). */
  revision: number | null;
  replies: CommentView[];
};

export type CommentThread = { threads: CommentView[]; published: number };

/**
 * The notice a page shows after a comment form or a moderation button (its `?esito=`), as a
 * catalogue key; null for anything else.
 */
export function participationNotice(esito: string | null): string | null {
  if (!esito) return null;
  if (["comment.pending", "comment.published", "edited", "deleted"].includes(esito)) return `comments.ok.${esito}`;
  if (/^(approved|rejected)\.(comment|amendment)$/.test(esito)) return `moderation.ok.page.${esito}`;
  return null;
}
