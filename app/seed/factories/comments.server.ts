// Factories for comments, on a contribution or on a draft section, written directly (their forms
// and moderation are tested on their own). Published unless told otherwise.
import { db } from "~/lib/db.server";
import { contributionComments, sectionComments, type ParticipationStatus } from "~db/schema";
import type { Handle } from "./reference.server";

type CommentSpec = {
  authorId: string;
  body?: string;
  status?: ParticipationStatus;
  parentId?: number | null;
  /** The organization the author wrote for, if any. */
  organizationId?: number | null;
  createdAt?: Date;
};

/** A comment on a contribution; returns its id. */
export function createContributionComment(spec: CommentSpec & { contributionId: number }, handle: Handle = db): number {
  return handle
    .insert(contributionComments)
    .values({
      contributionId: spec.contributionId,
      parentId: spec.parentId ?? null,
      authorId: spec.authorId,
      organizationId: spec.organizationId ?? null,
      body: spec.body ?? "Un commento di prova.",
      status: spec.status ?? "published",
      createdAt: spec.createdAt ?? new Date(),
    })
    .returning({ id: contributionComments.id })
    .get().id;
}

/** A comment on a section of a draft version; returns its id. */
export function createSectionComment(spec: CommentSpec & { versionId: number; sectionId: number }, handle: Handle = db): number {
  return handle
    .insert(sectionComments)
    .values({
      versionId: spec.versionId,
      sectionId: spec.sectionId,
      parentId: spec.parentId ?? null,
      authorId: spec.authorId,
      organizationId: spec.organizationId ?? null,
      body: spec.body ?? "Un commento sulla sezione.",
      status: spec.status ?? "published",
      createdAt: spec.createdAt ?? new Date(),
    })
    .returning({ id: sectionComments.id })
    .get().id;
}
