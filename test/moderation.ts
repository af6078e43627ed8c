// Factories for the moderation tests: comments and amendments from the shared factories
// (app/seed/factories; their forms are other capabilities), and reads of the audit log and the outbox.
import { and, asc, eq } from "drizzle-orm";
import { db } from "~/lib/db.server";
import { createAmendment, createContributionComment, createSectionComment } from "~/seed/factories.server";
import { auditEntries, outbox, type ParticipationStatus } from "~db/schema";

export function insertContributionComment(opts: { contributionId: number; authorId: string; body?: string; status?: ParticipationStatus; createdAt?: Date }) {
  return createContributionComment(opts);
}

export function insertSectionComment(opts: { versionId: number; sectionId: number; authorId: string; body?: string; status?: ParticipationStatus; createdAt?: Date }) {
  return createSectionComment(opts);
}

/** An amendment, pending unless told otherwise. */
export function insertAmendment(opts: { versionId: number; sectionId: number; authorId: string; text?: string; status?: ParticipationStatus; createdAt?: Date }) {
  return createAmendment({ ...opts, proposedText: opts.text, status: opts.status ?? "pending" });
}

export function auditOf(subjectType: string, subjectId: number | string) {
  return db
    .select()
    .from(auditEntries)
    .where(and(eq(auditEntries.subjectType, subjectType), eq(auditEntries.subjectId, String(subjectId))))
    .orderBy(asc(auditEntries.id))
    .all()
    .map((e) => ({ ...e, before: e.before ? JSON.parse(e.before) : null, after: e.after ? JSON.parse(e.after) : null }));
}

export function outboxOf(userId: string) {
  return db.select().from(outbox).where(eq(outbox.userId, userId)).orderBy(asc(outbox.id)).all();
}
