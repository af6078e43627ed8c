import type { Outcome } from "~db/schema/enums";
// Browser-safe part of section participation: URLs, anchors, limits and the shapes the section page receives.
import type { ParticipationStatus } from "~db/schema/enums";

/** The section page of a version. */
export function sectionPagePath(strategyCode: string, versionId: number, sectionId: number) {
  return `/strategie/${encodeURIComponent(strategyCode)}/bozze/${versionId}/sezioni/${sectionId}`;
}

export const commentAnchor = (id: number) => `commento-${id}`;
export const amendmentAnchor = (id: number) => `emendamento-${id}`;

/** How long after posting a comment its author may still edit it. */
export const EDIT_WINDOW_MS = 15 * 60 * 1000;
export const MAX_COMMENT_LENGTH = 5000;
export const MAX_AMENDMENT_LENGTH = 20000;
export const MAX_RATIONALE_LENGTH = 5000;

export type DiffPart = { kind: "same" | "added" | "removed"; text: string };

export type CommentView = {
  id: number;
  parentId: number | null;
  versionId: number;
  versionLabel: string;
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
  replies: CommentView[];
};

export type AmendmentView = {
  id: number;
  versionId: number;
  versionLabel: string;
  authorName: string;
  organizationName: string | null;
  proposedText: string;
  /** Sanitized HTML (renderMarkdown). */
  rationaleHtml: string;
  diff: DiffPart[];
  status: ParticipationStatus;
  createdAt: string;
  mine: boolean;
  canWithdraw: boolean;
  /** Staff's reasoned answer (controdeduzione), once given. */
  outcome: { decision: Outcome; responseHtml: string; decidedAt: string } | null;
};
