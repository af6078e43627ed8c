// Factories for the moderation tests: comments and amendments written directly (their forms are
// other capabilities), and reads of the audit log and the outbox.
import { and, asc, eq } from "drizzle-orm";
import { db } from "~/lib/db.server";
import { amendments, auditEntries, contributionComments, outbox, sectionComments, type ParticipationStatus } from "~db/schema";

export function insertContributionComment(opts: { contributionId: number; authorId: string; body?: string; status?: ParticipationStatus; createdAt?: Date }) {
  return db
    .insert(contributionComments)
    .values({ contributionId: opts.contributionId, authorId: opts.authorId, body: opts.body ?? "Un commento di prova.", status: opts.status ?? "published", createdAt: opts.createdAt ?? new Date() })
    .returning({ id: contributionComments.id })
    .get().id;
}

export function insertSectionComment(opts: { versionId: number; sectionId: number; authorId: string; body?: string; status?: ParticipationStatus; createdAt?: Date }) {
  return db
    .insert(sectionComments)
    .values({ versionId: opts.versionId, sectionId: opts.sectionId, authorId: opts.authorId, body: opts.body ?? "Un commento sulla sezione.", status: opts.status ?? "published", createdAt: opts.createdAt ?? new Date() })
    .returning({ id: sectionComments.id })
    .get().id;
}

export function insertAmendment(opts: { versionId: number; sectionId: number; authorId: string; text?: string; status?: ParticipationStatus; createdAt?: Date }) {
  return db
    .insert(amendments)
    .values({ versionId: opts.versionId, sectionId: opts.sectionId, authorId: opts.authorId, proposedText: opts.text ?? "Un nuovo testo per la sezione.", status: opts.status ?? "pending", createdAt: opts.createdAt ?? new Date() })
    .returning({ id: amendments.id })
    .get().id;
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
