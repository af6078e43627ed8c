// Reports (segnalazioni) from signed-in users on published content, and what moderators decide on
// them. One report per person and item (a unique index): a second one is not counted. When the
// open reports reach the threshold of the item's process, the item is hidden pending review and
// waits in the queue as "Segnalato"; moderators restore it (reports dismissed) or hide it for good
// (reports upheld), with a reason the author reads. Personal data can be redacted: the passage is
// replaced, the rest kept, and the log records where and how long it was — never the passage.
import { and, count, eq } from "drizzle-orm";
import { db, type Tx } from "~/lib/db.server";
import { flags, redactions, type FlagReason } from "~db/schema";
import { recordAudit } from "~/domain/audit/audit.server";
import { REDACTION_PLACEHOLDER } from "./kinds";
import { flagThresholdOf, loadItem, ModerationError, noun, notifyAuthor, setStatus, textFields, writeTextField, type Item, type ItemRef, type Reader } from "./items.server";
import { redactPublishedReports } from "~/domain/reports/reports.server";

export type FlagResult = { counted: boolean; hidden: boolean; openFlags: number; threshold: number };

function openFlagCount(tx: Reader, ref: ItemRef) {
  return tx.select({ n: count() }).from(flags).where(and(eq(flags.itemKind, ref.kind), eq(flags.itemId, ref.id), eq(flags.status, "open"))).get()?.n ?? 0;
}

function resolveFlags(tx: Tx, ref: ItemRef, status: "upheld" | "dismissed", actorId: string, now: Date) {
  return tx
    .update(flags)
    .set({ status, resolvedAt: now, resolvedBy: actorId })
    .where(and(eq(flags.itemKind, ref.kind), eq(flags.itemId, ref.id), eq(flags.status, "open")))
    .run().changes;
}

/** A signed-in user reports a published item. A second report by the same person is not counted. */
export function flagItem(input: { reporterId: string; item: ItemRef; reason: FlagReason; note?: string | null; now?: Date }): FlagResult {
  const now = input.now ?? new Date();
  const note = (input.note ?? "").trim().slice(0, 1000) || null;
  return db.transaction((tx) => {
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
      `Il tuo ${noun(item.kind)} ${item.label} è stato segnalato da più persone ed è nascosto finché la redazione non lo avrà esaminato. Riceverai un messaggio con la decisione.`,
    );
    return { counted: true, hidden: true, openFlags: open, threshold };
  });
}

function checkReason(reason: string) {
  const value = reason.trim().slice(0, 1000);
  if (!value) throw new ModerationError("moderation.error.reasonRequired", 400, "reason");
  return value;
}

function reported(tx: Tx, ref: ItemRef): { item: Item; open: number } {
  const item = loadItem(tx, ref);
  return { item, open: openFlagCount(tx, item) };
}

/** The moderator finds the reports unfounded: the item is published again and its reports dismissed. */
export function restoreItem(input: { actorId: string; item: ItemRef; reason: string; now?: Date }) {
  const now = input.now ?? new Date();
  const reason = checkReason(input.reason);
  db.transaction((tx) => {
    const { item, open } = reported(tx, input.item);
    if (item.deleted || (item.status !== "hidden" && !(item.status === "published" && open > 0))) throw new ModerationError("moderation.error.nothingToRestore", 409);
    setStatus(tx, item, "published", now);
    const dismissed = resolveFlags(tx, item, "dismissed", input.actorId, now);
    recordAudit(tx, {
      actorId: input.actorId,
      action: `${item.kind}.restored`,
      subjectType: item.kind,
      subjectId: item.id,
      before: { status: item.status, openFlags: open },
      after: { status: "published", flagsDismissed: dismissed, reason },
    });
    if (item.status === "hidden") {
      notifyAuthor(
        tx,
        item,
        "restored",
        `Il tuo ${noun(item.kind)} è di nuovo visibile`,
        `La redazione ha esaminato le segnalazioni sul tuo ${noun(item.kind)} ${item.label} e lo ha ripristinato.\n\nMotivo: ${reason}`,
      );
    }
  });
}

/** The moderator upholds the reports: the item stays hidden for good; the author is told why. */
export function hideForGood(input: { actorId: string; item: ItemRef; reason: string; now?: Date }) {
  const now = input.now ?? new Date();
  const reason = checkReason(input.reason);
  db.transaction((tx) => {
    const { item, open } = reported(tx, input.item);
    if (item.deleted || (item.status !== "hidden" && item.status !== "published")) throw new ModerationError("moderation.error.notModeratable", 409);
    if (item.status === "published" && open === 0) throw new ModerationError("moderation.error.notReported", 409);
    setStatus(tx, item, "hidden", now);
    const upheld = resolveFlags(tx, item, "upheld", input.actorId, now);
    recordAudit(tx, {
      actorId: input.actorId,
      action: `${item.kind}.hidden_for_good`,
      subjectType: item.kind,
      subjectId: item.id,
      before: { status: item.status, openFlags: open },
      after: { status: "hidden", flagsUpheld: upheld, reason },
    });
    notifyAuthor(
      tx,
      item,
      "hidden",
      `Il tuo ${noun(item.kind)} è stato nascosto`,
      `La redazione ha esaminato le segnalazioni sul tuo ${noun(item.kind)} ${item.label} e ha deciso di nasconderlo.\n\nMotivo: ${reason}\n\nResta visibile a te.`,
    );
  });
}

/**
 * Replaces every occurrence of an exact passage of the author's text with a placeholder. The
 * redaction is recorded; the audit entry keeps the field, position and length, not the passage.
 */
export function redactPassage(input: { actorId: string; item: ItemRef; passage: string; reason?: string | null; now?: Date }) {
  const now = input.now ?? new Date();
  const passage = input.passage;
  if (!passage.trim()) throw new ModerationError("moderation.error.passageRequired", 400, "passage");
  const reason = (input.reason ?? "").trim().slice(0, 1000) || "Dati personali";
  db.transaction((tx) => {
    const item = loadItem(tx, input.item);
    if (item.deleted || item.status === "withdrawn") throw new ModerationError("moderation.error.notModeratable", 409);
    const found = textFields(tx, item).find((f) => f.text.includes(passage));
    if (!found) throw new ModerationError("moderation.error.passageNotFound", 400, "passage");
    const position = found.text.indexOf(passage);
    const occurrences = found.text.split(passage).length - 1;
    writeTextField(tx, item, found.field, found.text.split(passage).join(REDACTION_PLACEHOLDER));
    const row = tx.insert(redactions).values({ itemKind: item.kind, itemId: item.id, reason, redactedBy: input.actorId, redactedAt: now }).returning({ id: redactions.id }).get();
    // Published reports quote the text: the passage leaves them too, in the same transaction.
    const reportVersionsRedacted = redactPublishedReports(tx, passage, REDACTION_PLACEHOLDER);
    recordAudit(tx, {
      actorId: input.actorId,
      action: `${item.kind}.redacted`,
      subjectType: item.kind,
      subjectId: item.id,
      before: { field: found.field, position, length: passage.length, occurrences },
      after: { field: found.field, placeholder: REDACTION_PLACEHOLDER, redactionId: row.id, reason, reportVersionsRedacted },
    });
    notifyAuthor(
      tx,
      item,
      "redacted",
      `Una parte del tuo ${noun(item.kind)} è stata rimossa`,
      `La redazione ha rimosso dal tuo ${noun(item.kind)} ${item.label} un passaggio che conteneva dati personali; il resto del testo è rimasto com'era.\n\nMotivo: ${reason}`,
    );
  });
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
