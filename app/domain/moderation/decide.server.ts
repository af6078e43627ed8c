// The one path every moderation decision takes (docs/decisions/0016): publish, reject (or hide a
// published item), send back to the author, restore after reports, hide for good — of any kind of
// item, from the queue, an item's page, a contribution's or a section's page, or in bulk. In one
// immediate transaction it checks that the item is still as the moderator saw it (its revision:
// the newest audit entry about it), that it is on the page it was decided from, its state and its
// open reports; then it changes it, writes the audit entry and the message to its author.
import { and, asc, eq, gt } from "drizzle-orm";
import { db, type Reader, type Tx } from "~/lib/db.server";
import { displayName } from "~/domain/accounts/users.server";
import { latestEntryIds, recordAudit } from "~/domain/audit/audit.server";
import { auditEntries, flags, users } from "~db/schema";
import { BULK_MAX, REJECT_REASON_LABELS, type RejectReason } from "./kinds";
import { openFlagCount } from "./flags.server";
import { adapterOf, loadItem, ModerationError, noun, notifyAuthor, setStatus, type Item, type ItemRef } from "./items.server";

export { ModerationError, type ItemRef };

export const DECISIONS = ["publish", "reject", "send_back", "restore", "hide_for_good"] as const;
export type DecisionKind = (typeof DECISIONS)[number];

/** Why: a reason from the list (rejections) and/or a free text for the author. */
export type Reason = { code?: RejectReason | null; text?: string | null };

export type DecisionInput = {
  actorId: string;
  item: ItemRef;
  decision: DecisionKind;
  reason?: Reason;
  /** The item's revision when the moderator looked at it (revisionOf); a different one now is refused. */
  seen?: number;
  /** Decided from the page of this subject (a contribution, a section): an item elsewhere is "not found". */
  within?: { kind: "contribution" | "section"; id: number };
  now?: Date;
};

export type DecisionResult = { status: Item["status"]; event: string };

/** "Spam — il testo libero": what the author reads as the reason (empty when none was given). */
function reasonText(reason: Reason | undefined) {
  const label = reason?.code ? REJECT_REASON_LABELS[reason.code] : "";
  const text = (reason?.text ?? "").trim().slice(0, 1000);
  return [label, text].filter(Boolean).join(" — ");
}

/** The revision of some items of one kind: the newest audit entry about each (0 when none). */
export function revisionsOf(reader: Reader, refs: ItemRef[]): Map<string, number> {
  const byKind = new Map<string, number[]>();
  for (const r of refs) byKind.set(r.kind, [...(byKind.get(r.kind) ?? []), r.id]);
  const result = new Map<string, number>();
  for (const [kind, ids] of byKind) {
    const latest = latestEntryIds(reader, kind, ids);
    for (const id of ids) result.set(`${kind}:${id}`, latest.get(String(id)) ?? 0);
  }
  return result;
}

export function revisionOf(reader: Reader, ref: ItemRef): number {
  return revisionsOf(reader, [ref]).get(`${ref.kind}:${ref.id}`) ?? 0;
}

/** Which event moved the item on since the moderator looked, said in the message of the refusal. */
const EVENT_KEYS: Record<string, string> = {
  published: "moderation.event.published",
  reviewed: "moderation.event.reviewed",
  rejected: "moderation.event.rejected",
  hidden: "moderation.event.hidden",
  sent_back: "moderation.event.sent_back",
  restored: "moderation.event.restored",
  hidden_for_good: "moderation.event.hidden_for_good",
  hidden_pending_review: "moderation.event.hidden_pending_review",
  redacted: "moderation.event.redacted",
  edited: "moderation.event.edited",
  deleted: "moderation.event.deleted",
  withdrawn: "moderation.event.withdrawn",
  created: "moderation.event.flagged",
};

/** Refuses a decision taken on a stale view, saying who changed the item, how and when. */
function refuseStale(tx: Tx, ref: ItemRef, seen: number): never {
  const since = tx
    .select({ action: auditEntries.action, at: auditEntries.at, actorId: auditEntries.actorId, name: users.name, deletedAt: users.deletedAt })
    .from(auditEntries)
    .leftJoin(users, eq(users.id, auditEntries.actorId))
    .where(and(eq(auditEntries.subjectType, ref.kind), eq(auditEntries.subjectId, String(ref.id)), gt(auditEntries.id, seen)))
    .orderBy(asc(auditEntries.id))
    .all();
  // The first change after the moderator's view is the one they did not see.
  const first = since[0];
  if (!first) throw new ModerationError("moderation.error.changed", 409, { vars: { what: "moderation.event.changed", when: new Date() } });
  const event = first.action.split(".").pop() ?? "";
  const what = EVENT_KEYS[event] ?? "moderation.event.changed";
  const staffDecision = first.action !== "flag.created" && !["edited", "deleted", "withdrawn"].includes(event) && first.actorId != null;
  if (staffDecision) {
    throw new ModerationError("moderation.error.stale", 409, { vars: { who: displayName({ name: first.name, deletedAt: first.deletedAt }), what, when: first.at } });
  }
  throw new ModerationError("moderation.error.changed", 409, { vars: { what, when: first.at } });
}

function resolveFlags(tx: Tx, ref: ItemRef, status: "upheld" | "dismissed", actorId: string, now: Date) {
  return tx
    .update(flags)
    .set({ status, resolvedAt: now, resolvedBy: actorId })
    .where(and(eq(flags.itemKind, ref.kind), eq(flags.itemId, ref.id), eq(flags.status, "open")))
    .run().changes;
}

function requiredText(reason: Reason | undefined, max: number, key: "moderation.error.reasonRequired" | "moderation.error.messageRequired", field: string) {
  const text = (reason?.text ?? "").trim().slice(0, max);
  if (!text) throw new ModerationError(key, 400, { field });
  return text;
}

/** One decision inside the caller's transaction (bulk decisions run many of these in one). */
function decideTx(tx: Tx, input: DecisionInput, now: Date): DecisionResult {
  const ref = input.item;
  const item = loadItem(tx, ref);
  if (input.within && (item.subject?.kind !== input.within.kind || item.subject.id !== input.within.id)) throw new ModerationError("moderation.error.notFound", 404);
  if (input.seen !== undefined && revisionOf(tx, ref) !== input.seen) refuseStale(tx, ref, input.seen);
  if (item.deleted || item.status === "withdrawn") throw new ModerationError("moderation.error.notModeratable", 409);
  const open = openFlagCount(tx, ref);
  const adapter = adapterOf(ref.kind);
  const what = noun(ref.kind);
  const audit = (event: string, before: Record<string, unknown>, after: Record<string, unknown>) =>
    recordAudit(tx, { actorId: input.actorId, action: `${ref.kind}.${event}`, subjectType: ref.kind, subjectId: ref.id, before, after });
  const change = (status: Item["status"]) => setStatus(tx, ref, status, now);

  switch (input.decision) {
    case "publish": {
      // A reported item is decided with restore or hide for good (its reports are closed then), never published over them.
      if (open > 0) throw new ModerationError("moderation.error.reported", 409);
      if (item.status === "published") {
        // Under post-moderation an item is published at once: staff confirm it after reading it.
        audit("reviewed", { status: "published" }, { status: "published" });
        return { status: "published", event: "reviewed" };
      }
      change("published");
      audit("published", { status: item.status }, { status: "published" });
      notifyAuthor(tx, item, "published", `Il tuo ${what} è stato pubblicato`, `Il tuo ${what} ${item.label} è stato approvato dalla redazione ed è ora visibile a tutti.`);
      return { status: "published", event: "published" };
    }
    case "reject": {
      if (open > 0) throw new ModerationError("moderation.error.reported", 409);
      if (item.status !== "pending" && item.status !== "published") throw new ModerationError("moderation.error.notModeratable", 409);
      const status = item.status === "pending" ? "rejected" : "hidden";
      const reason = reasonText(input.reason);
      change(status);
      adapter.keepModeratorMessage?.(tx, ref.id, reason, null);
      audit(status, { status: item.status }, { status, reason: input.reason?.code ?? null, text: (input.reason?.text ?? "").trim() || null });
      const verb = status === "rejected" ? "non è stato approvato" : "è stato nascosto";
      const body = [`Il tuo ${what} ${item.label} ${verb} dalla redazione.`, reason ? `Motivo: ${reason}` : "", adapter.stillVisibleNote].filter(Boolean).join("\n\n");
      notifyAuthor(tx, item, status, `Il tuo ${what} ${verb}`, body);
      return { status, event: status };
    }
    case "send_back": {
      if (!adapter.keepModeratorMessage) throw new ModerationError("errors.unknownIntent", 400);
      if (item.status !== "pending") throw new ModerationError("moderation.error.notModeratable", 409);
      const message = requiredText(input.reason, 2000, "moderation.error.messageRequired", "message");
      adapter.keepModeratorMessage(tx, ref.id, message, now);
      audit("sent_back", { status: "pending" }, { status: "pending", changesRequested: true, message });
      notifyAuthor(
        tx,
        item,
        "sent_back",
        `La redazione ti chiede di modificare il tuo ${what}`,
        `La redazione ha letto il tuo ${what} ${item.label} e ti chiede di modificarlo prima della pubblicazione.\n\nMessaggio: ${message}\n\nQuando lo avrai modificato tornerà in moderazione.`,
        `/account/contributi/${item.id}/modifica`,
      );
      return { status: "pending", event: "sent_back" };
    }
    case "restore": {
      const reason = requiredText(input.reason, 1000, "moderation.error.reasonRequired", "reason");
      if (item.status !== "hidden" && !(item.status === "published" && open > 0)) throw new ModerationError("moderation.error.nothingToRestore", 409);
      change("published");
      const dismissed = resolveFlags(tx, ref, "dismissed", input.actorId, now);
      audit("restored", { status: item.status, openFlags: open }, { status: "published", flagsDismissed: dismissed, reason });
      if (item.status === "hidden") {
        notifyAuthor(
          tx,
          item,
          "restored",
          `Il tuo ${what} è di nuovo visibile`,
          `La redazione ha esaminato le segnalazioni sul tuo ${what} ${item.label} e lo ha ripristinato.\n\nMotivo: ${reason}`,
        );
      }
      return { status: "published", event: "restored" };
    }
    case "hide_for_good": {
      const reason = requiredText(input.reason, 1000, "moderation.error.reasonRequired", "reason");
      if (item.status !== "hidden" && item.status !== "published") throw new ModerationError("moderation.error.notModeratable", 409);
      if (item.status === "published" && open === 0) throw new ModerationError("moderation.error.notReported", 409);
      change("hidden");
      const upheld = resolveFlags(tx, ref, "upheld", input.actorId, now);
      audit("hidden_for_good", { status: item.status, openFlags: open }, { status: "hidden", flagsUpheld: upheld, reason });
      notifyAuthor(
        tx,
        item,
        "hidden",
        `Il tuo ${what} è stato nascosto`,
        `La redazione ha esaminato le segnalazioni sul tuo ${what} ${item.label} e ha deciso di nasconderlo.\n\nMotivo: ${reason}\n\nResta visibile a te.`,
      );
      return { status: "hidden", event: "hidden_for_good" };
    }
  }
}

/** Takes one moderation decision (see the top of this file); the author's message is queued with it. */
export function decide(input: DecisionInput): DecisionResult {
  const now = input.now ?? new Date();
  return db.transaction((tx) => decideTx(tx, input, now), { behavior: "immediate" });
}

/**
 * Publishes or rejects many items in ONE transaction: either every item changes, or (when one of
 * them cannot be decided, or changed since the moderator's view) none does.
 */
export function decideMany(input: {
  actorId: string;
  decision: "publish" | "reject";
  items: { ref: ItemRef; seen?: number }[];
  reason?: Reason;
  now?: Date;
}): { count: number } {
  const now = input.now ?? new Date();
  if (input.items.length === 0) throw new ModerationError("moderation.error.noSelection", 400);
  if (input.items.length > BULK_MAX) throw new ModerationError("moderation.error.tooMany", 400);
  if (input.decision === "reject" && !input.reason?.code) throw new ModerationError("moderation.error.reasonRequired", 400, { field: "reason" });
  return db.transaction(
    (tx) => {
      for (const { ref, seen } of input.items) decideTx(tx, { actorId: input.actorId, item: ref, decision: input.decision, reason: input.reason, seen }, now);
      return { count: input.items.length };
    },
    { behavior: "immediate" },
  );
}
