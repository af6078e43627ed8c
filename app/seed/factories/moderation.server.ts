// Factories for what moderation leaves behind: an item's links to draft sections, its outcome
// (with its first revision, as the app records every outcome) and duplicate marks, written directly — the moderation
// capability's own functions are tested on their own.
import { db } from "~/lib/db.server";
import { duplicates, outcomeRevisions, outcomes, sectionLinks, type Outcome } from "~db/schema";
import { inTransaction, type Handle } from "./reference.server";

type ItemKind = "contribution" | "amendment";

/** Links a contribution (or an amendment) to a section of a version. */
export function linkToSection(spec: { itemKind?: ItemKind; itemId: number; versionId: number; sectionId: number; linkedBy?: string | null; linkedAt?: Date }, handle: Handle = db) {
  handle.insert(sectionLinks)
    .values({
      itemKind: spec.itemKind ?? "contribution",
      itemId: spec.itemId,
      versionId: spec.versionId,
      sectionId: spec.sectionId,
      linkedBy: spec.linkedBy ?? null,
      linkedAt: spec.linkedAt ?? new Date(),
    })
    .run();
}

/** Gives a contribution (or an amendment) its outcome with the reasoned response; returns the outcome's id. */
export function createOutcome(spec: { itemKind?: ItemKind; itemId: number; outcome: Outcome; response: string; decidedBy?: string | null; decidedAt?: Date }, handle: Handle = db): number {
  const decidedAt = spec.decidedAt ?? new Date();
  const values = { outcome: spec.outcome, response: spec.response, decidedBy: spec.decidedBy ?? null, decidedAt, revision: 1 };
  return inTransaction(handle, (tx) => {
    const { id } = tx
      .insert(outcomes)
      .values({ itemKind: spec.itemKind ?? "contribution", itemId: spec.itemId, ...values })
      .returning({ id: outcomes.id })
      .get();
    tx.insert(outcomeRevisions).values({ outcomeId: id, ...values }).run();
    return id;
  });
}

/** Marks a contribution as a duplicate of another. */
export function markDuplicate(spec: { contributionId: number; duplicateOf: number; markedBy?: string | null; markedAt?: Date }, handle: Handle = db) {
  handle.insert(duplicates)
    .values({ contributionId: spec.contributionId, duplicateOf: spec.duplicateOf, markedBy: spec.markedBy ?? null, ...(spec.markedAt ? { markedAt: spec.markedAt } : {}) })
    .run();
}
