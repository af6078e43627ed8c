// Reports (segnalazioni) from signed-in users on published content. One report per person and item
// (a unique index): a second one is not counted. When the open reports reach the threshold of the
// item's process, the item is hidden pending review and waits in the queue as "Segnalato";
// moderators then restore it (reports dismissed) or hide it for good (reports upheld), with a
// reason the author reads — decisions taken, like every other, through decide.server.ts.
import { and, count, eq } from "drizzle-orm";
import { db } from "~/lib/db.server";
import { flags, redactions, type FlagReason } from "~db/schema";
import { recordAudit } from "~/domain/audit/audit.server";
import { flagThresholdOf, loadItem, ModerationError, noun, notifyAuthor, setStatus, type ItemRef, type Reader } from "./items.server";

export type FlagResult = { counted: boolean; hidden: boolean; openFlags: number; threshold: number };

export function openFlagCount(tx: Reader, ref: ItemRef) {
  return (
    tx
      .select({ n: count() })
      .from(flags)
      .where(and(eq(flags.itemKind, ref.kind), eq(flags.itemId, ref.id), eq(flags.status, "open")))
      .get()?.n ?? 0
  );
}

/** A signed-in user reports a published item. A second report by the same person is not counted. */
export function flagItem(input: { reporterId: string; item: ItemRef; reason: FlagReason; note?: string | null; now?: Date }): FlagResult {
  const now = input.now ?? new Date();
  const note = (input.note ?? "").trim().slice(0, 1000) || null;
  return db.transaction(
    (tx) => {
      const item = loadItem(tx, input.item);
      const threshold = flagThresholdOf(tx, item);
      const already = tx
        .select({ id: flags.id })
        .from(flags)
        .where(and(eq(flags.itemKind, item.kind), eq(flags.itemId, item.id), eq(flags.reporterId, input.reporterId)))
        .get();
      if (already) return { counted: false, hidden: item.status === "hidden", openFlags: openFlagCount(tx, item), threshold };
      if (item.deleted || item.status !== "published") throw new ModerationError("moderation.error.notReportable", 409);
      const row = tx
        .insert(flags)
        .values({ itemKind: item.kind, itemId: item.id, reporterId: input.reporterId, reason: input.reason, note, createdAt: now })
        .returning({ id: flags.id })
        .get();
      // The note is not copied into the log: it may quote the very data being reported.
      recordAudit(tx, { actorId: input.reporterId, action: "flag.created", subjectType: item.kind, subjectId: item.id, after: { flagId: row.id, reason: input.reason } });
      const open = openFlagCount(tx, item);
      if (open < threshold) return { counted: true, hidden: false, openFlags: open, threshold };
      setStatus(tx, item, "hidden", now);
      recordAudit(tx, {
        actorId: null,
        action: `${item.kind}.hidden_pending_review`,
        subjectType: item.kind,
        subjectId: item.id,
        before: { status: "published" },
        after: { status: "hidden", openFlags: open, threshold },
      });
      notifyAuthor(
        tx,
        item,
        "hidden",
        `Il tuo ${noun(item.kind)} è stato nascosto in attesa di verifica`,
        `Il tuo ${noun(item.kind)} ${item.label} è stato segnalato da più persone ed è nascosto finché la redazione non lo avrà esaminato. Riceverai un messaggio con la decisione.`
      );
      return { counted: true, hidden: true, openFlags: open, threshold };
    },
    { behavior: "immediate" }
  );
}

/** The reports on an item, oldest first (for its moderation page). */
export function flagsOf(ref: ItemRef) {
  return db
    .select({ id: flags.id, reason: flags.reason, note: flags.note, status: flags.status, createdAt: flags.createdAt, reporterId: flags.reporterId })
    .from(flags)
    .where(and(eq(flags.itemKind, ref.kind), eq(flags.itemId, ref.id)))
    .orderBy(flags.createdAt, flags.id)
    .all();
}

export function redactionsOf(ref: ItemRef) {
  return db
    .select()
    .from(redactions)
    .where(and(eq(redactions.itemKind, ref.kind), eq(redactions.itemId, ref.id)))
    .orderBy(redactions.id)
    .all();
}
