import { and, desc, eq, inArray, max, type SQL } from "drizzle-orm";
import type { DB, Reader, Tx } from "~/lib/db.server";
import { auditEntries } from "~db/schema";

export type AuditInput = {
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string | number;
  before?: unknown;
  after?: unknown;
};

/**
 * Appends an audit entry inside the caller's transaction, so the record and the change
 * commit together. Entries hold ids and changed values, never e-mails or names.
 */
export function recordAudit(tx: Tx, entry: AuditInput) {
  tx.insert(auditEntries)
    .values({
      actorId: entry.actorId,
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: String(entry.subjectId),
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
    })
    .run();
}

export async function auditTrail(db: DB, filter: { subjectType?: string; subjectId?: string; actorId?: string }, limit = 100) {
  const conditions: SQL[] = [];
  if (filter.subjectType) conditions.push(eq(auditEntries.subjectType, filter.subjectType));
  if (filter.subjectId) conditions.push(eq(auditEntries.subjectId, filter.subjectId));
  if (filter.actorId) conditions.push(eq(auditEntries.actorId, filter.actorId));
  return db
    .select()
    .from(auditEntries)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(auditEntries.id))
    .limit(limit)
    .all();
}

/**
 * The newest audit entry of each item (0 when it has none): the revision a moderator saw. Every
 * change of an item's state writes an entry, so a different number means someone changed it since.
 */
export function latestEntryIds(reader: Reader, subjectType: string, ids: (number | string)[]): Map<string, number> {
  if (ids.length === 0) return new Map();
  const rows = reader
    .select({ subjectId: auditEntries.subjectId, id: max(auditEntries.id) })
    .from(auditEntries)
    .where(and(eq(auditEntries.subjectType, subjectType), inArray(auditEntries.subjectId, [...new Set(ids.map(String))])))
    .groupBy(auditEntries.subjectId)
    .all();
  return new Map(rows.map((r) => [r.subjectId, r.id ?? 0]));
}
