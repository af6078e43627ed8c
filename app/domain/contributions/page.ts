// Browser-safe part of the contribution page: its URL, anchors, limits and the shapes it receives.
import type { ParticipationStatus } from "~db/schema/enums";

export const contributionPath = (id: number) => `/contributi/${id}`;
export const commentAnchor = (id: number) => `commento-${id}`;

export const MAX_COMMENT_LENGTH = 5000;

export type ContributionCommentView = {
  id: number;
  parentId: number | null;
  authorName: string;
  organizationName: string | null;
  /** Sanitized HTML of the Markdown body (renderMarkdown); empty for a deleted comment. */
  bodyHtml: string;
  status: ParticipationStatus;
  createdAt: string;
  deleted: boolean;
  mine: boolean;
  canDelete: boolean;
  replies: ContributionCommentView[];
};
