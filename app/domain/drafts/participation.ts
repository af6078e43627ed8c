import type { Outcome } from "~db/schema/enums";
// Browser-safe part of section participation: URLs, anchors, limits and the shapes the section page
// receives. Comments on sections are the comments capability's (domain/comments).
import type { ParticipationStatus } from "~db/schema/enums";

/** The section page of a version. */
export function sectionPagePath(strategyCode: string, versionId: number, sectionId: number) {
  return `/strategie/${encodeURIComponent(strategyCode)}/bozze/${versionId}/sezioni/${sectionId}`;
}

export const amendmentAnchor = (id: number) => `emendamento-${id}`;

export const MAX_AMENDMENT_LENGTH = 20000;
export const MAX_RATIONALE_LENGTH = 5000;

export type DiffPart = { kind: "same" | "added" | "removed"; text: string };

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
  /** The moderation revision staff saw (null for others); decision forms send it back. */
  revision: number | null;
  /** Staff's reasoned answer (controdeduzione), once given. */
  outcome: { decision: Outcome; responseHtml: string; decidedAt: string } | null;
};
