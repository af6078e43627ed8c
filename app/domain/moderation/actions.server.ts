// Staff decisions on what waits in the moderation queue: publish, reject with a reason, send a
// contribution back to its author, edit its metadata (never the author's words), mark it as a
// duplicate, and bulk publish/reject in one transaction. Comments and amendments are decided by
// the functions their own capabilities already have (publishComment, publishItem, …); called
// inside a bulk transaction they become savepoints of it, so a failure anywhere undoes everything.
import { and, count, eq, inArray } from "drizzle-orm";
import { db, type Tx } from "~/lib/db.server";
import { recordAudit } from "~/domain/audit/audit.server";
import { publishComment, rejectComment, CommentError } from "~/domain/contributions/comments.server";
import { checkTheme, ContributionError, resolvePlace, type PlaceInput } from "~/domain/contributions/contributions.server";
import { publishItem, rejectItem } from "~/domain/drafts/moderation.server";
import { ParticipationError } from "~/domain/drafts/participation.server";
import {
  comuni,
  contributionComuni,
  contributionObjectives,
  contributions,
  contributionTargets,
  contributionZones,
  duplicates,
  flags,
  type ContributionKind,
} from "~db/schema";
import { BULK_MAX, REJECT_REASON_LABELS, type RejectReason } from "./kinds";
import { loadItem, ModerationError, notifyAuthor, setStatus, type ItemRef } from "./items.server";

export { ModerationError, type ItemRef };

export type Decision = { reason: RejectReason; text?: string | null };

/** Errors of the comment and participation capabilities, as moderation errors (same keys, same statuses). */
function foreign<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof CommentError || error instanceof ParticipationError || error instanceof ContributionError) {
      throw new ModerationError(error.key, error.status);
    }
    throw error;
  }
}

/** "Spam — il testo libero": what the author reads as the reason. */
export function reasonText(decision: Decision) {
  const text = (decision.text ?? "").trim().slice(0, 1000);
  return text ? `${REJECT_REASON_LABELS[decision.reason]} — ${text}` : REJECT_REASON_LABELS[decision.reason];
}

// ---------------------------------------------------------------------------------------------
// Publish and reject, one item (inside the caller's transaction)

/** A reported item is decided on its page (restore or hide for good, with a reason), not published or rejected. */
function refuseReported(tx: Tx, ref: ItemRef) {
  const open = tx.select({ n: count() }).from(flags).where(and(eq(flags.itemKind, ref.kind), eq(flags.itemId, ref.id), eq(flags.status, "open"))).get()?.n ?? 0;
  if (open > 0) throw new ModerationError("moderation.error.reported", 409);
}

function publishTx(tx: Tx, actorId: string, ref: ItemRef, now: Date) {
  const item = loadItem(tx, ref);
  refuseReported(tx, ref);
  // Under post-moderation an item is published at once: staff confirm it after reading it.
  if (item.status === "published") {
    recordAudit(tx, { actorId, action: `${ref.kind}.reviewed`, subjectType: ref.kind, subjectId: ref.id, before: { status: "published" }, after: { status: "published" } });
    return;
  }
  switch (ref.kind) {
    case "contribution": {
      if (!["pending", "rejected", "hidden"].includes(item.status)) throw new ModerationError("moderation.error.notModeratable", 409);
      setStatus(tx, ref, "published", now);
      tx.update(contributions).set({ changesRequestedAt: null }).where(eq(contributions.id, ref.id)).run();
      recordAudit(tx, { actorId, action: "contribution.published", subjectType: "contribution", subjectId: ref.id, before: { status: item.status }, after: { status: "published" } });
      notifyAuthor(
        tx,
        item,
        "published",
        "Il tuo contributo è stato pubblicato",
        `Il tuo contributo ${item.label} è stato approvato dalla redazione ed è ora visibile a tutti.`,
      );
      return;
    }
    case "contribution_comment":
      foreign(() => publishComment({ actorId, commentId: ref.id }));
      return;
    case "section_comment":
      foreign(() => publishItem({ actorId, kind: "comment", id: ref.id, now }));
      return;
    case "amendment":
      foreign(() => publishItem({ actorId, kind: "amendment", id: ref.id, now }));
      return;
  }
}

function rejectTx(tx: Tx, actorId: string, ref: ItemRef, decision: Decision, now: Date) {
  const reason = reasonText(decision);
  loadItem(tx, ref);
  refuseReported(tx, ref);
  switch (ref.kind) {
    case "contribution": {
      const item = loadItem(tx, ref);
      if (item.status !== "pending" && item.status !== "published") throw new ModerationError("moderation.error.notModeratable", 409);
      const status = item.status === "pending" ? "rejected" : "hidden";
      setStatus(tx, ref, status, now);
      tx.update(contributions).set({ moderatorMessage: reason, changesRequestedAt: null }).where(eq(contributions.id, ref.id)).run();
      recordAudit(tx, {
        actorId,
        action: `contribution.${status}`,
        subjectType: "contribution",
        subjectId: ref.id,
        before: { status: item.status },
        after: { status, reason: decision.reason, text: (decision.text ?? "").trim() || null },
      });
      const what = status === "rejected" ? "non è stato approvato" : "è stato nascosto";
      notifyAuthor(tx, item, status, `Il tuo contributo ${what}`, `Il tuo contributo ${item.label} ${what} dalla redazione.\n\nMotivo: ${reason}`);
      return;
    }
    case "contribution_comment":
      foreign(() => rejectComment({ actorId, commentId: ref.id, reason }));
      return;
    case "section_comment":
      foreign(() => rejectItem({ actorId, kind: "comment", id: ref.id, reason, now }));
      return;
    case "amendment":
      foreign(() => rejectItem({ actorId, kind: "amendment", id: ref.id, reason, now }));
      return;
  }
}

/** Publishes a pending item (or confirms a published one under post-moderation). */
export function publish(input: { actorId: string; item: ItemRef; now?: Date }) {
  const now = input.now ?? new Date();
  db.transaction((tx) => publishTx(tx, input.actorId, input.item, now));
}

/** Rejects a pending item (or hides a published one); the reason and the text go to the author. */
export function reject(input: { actorId: string; item: ItemRef; decision: Decision; now?: Date }) {
  const now = input.now ?? new Date();
  db.transaction((tx) => rejectTx(tx, input.actorId, input.item, input.decision, now));
}

/**
 * Publishes or rejects many items in ONE transaction: either every item changes, or (when one of
 * them cannot be decided) none does.
 */
export function bulkModerate(input: { actorId: string; action: "publish" | "reject"; items: ItemRef[]; decision?: Decision; now?: Date }): { count: number } {
  const now = input.now ?? new Date();
  if (input.items.length === 0) throw new ModerationError("moderation.error.noSelection", 400);
  if (input.items.length > BULK_MAX) throw new ModerationError("moderation.error.tooMany", 400);
  if (input.action === "reject" && !input.decision) throw new ModerationError("moderation.error.reasonRequired", 400, "reason");
  return db.transaction((tx) => {
    for (const item of input.items) {
      if (input.action === "publish") publishTx(tx, input.actorId, item, now);
      else rejectTx(tx, input.actorId, item, input.decision!, now);
    }
    return { count: input.items.length };
  });
}

// ---------------------------------------------------------------------------------------------
// Contributions only

/** Sends a pending contribution back to its author with a message; it leaves the queue until the author edits it. */
export function sendBack(input: { actorId: string; contributionId: number; message: string; now?: Date }) {
  const now = input.now ?? new Date();
  const message = input.message.trim().slice(0, 2000);
  if (!message) throw new ModerationError("moderation.error.messageRequired", 400, "message");
  db.transaction((tx) => {
    const item = loadItem(tx, { kind: "contribution", id: input.contributionId });
    if (item.status !== "pending") throw new ModerationError("moderation.error.notModeratable", 409);
    const before = tx.select({ changesRequestedAt: contributions.changesRequestedAt }).from(contributions).where(eq(contributions.id, item.id)).get()!;
    tx.update(contributions).set({ changesRequestedAt: now, moderatorMessage: message }).where(eq(contributions.id, item.id)).run();
    recordAudit(tx, {
      actorId: input.actorId,
      action: "contribution.sent_back",
      subjectType: "contribution",
      subjectId: item.id,
      before: { status: "pending", changesRequested: Boolean(before.changesRequestedAt) },
      after: { status: "pending", changesRequested: true, message },
    });
    notifyAuthor(
      tx,
      item,
      "sent_back",
      "La redazione ti chiede di modificare il tuo contributo",
      `La redazione ha letto il tuo contributo ${item.label} e ti chiede di modificarlo prima della pubblicazione.\n\nMessaggio: ${message}\n\nQuando lo avrai modificato tornerà in moderazione.`,
      `/account/contributi/${item.id}/modifica`,
    );
  });
}

/** What staff may change of a contribution: its kind, themes and place. Never its title or text. */
export type MetadataInput = {
  kind: ContributionKind;
  strategyCode: string;
  targetCodes: string[];
  objectiveCodes: string[];
  /** null keeps the current place. */
  place: PlaceInput | null;
};

function metadataOf(tx: Tx, id: number) {
  const c = tx
    .select({ kind: contributions.kind, strategyCode: contributions.strategyCode, placeKind: contributions.placeKind, geometry: contributions.geometry, status: contributions.status })
    .from(contributions)
    .where(eq(contributions.id, id))
    .get();
  if (!c) throw new ModerationError("moderation.error.notFound", 404);
  const list = <T extends { code: string }>(rows: T[]) => rows.map((r) => r.code).sort();
  return {
    status: c.status,
    values: {
      kind: c.kind,
      strategyCode: c.strategyCode,
      targetCodes: list(tx.select({ code: contributionTargets.targetCode }).from(contributionTargets).where(eq(contributionTargets.contributionId, id)).all()),
      objectiveCodes: list(tx.select({ code: contributionObjectives.objectiveCode }).from(contributionObjectives).where(eq(contributionObjectives.contributionId, id)).all()),
      placeKind: c.placeKind,
      comuni: list(tx.select({ code: contributionComuni.istat }).from(contributionComuni).where(eq(contributionComuni.contributionId, id)).all()),
      geometry: c.geometry,
    },
  };
}

/**
 * Staff correct a contribution's kind, themes (STTM, work targets, objectives) or place. The input
 * type has no title or text, and only these fields are read: the author's words never change here.
 * The previous values are kept in the audit entry.
 */
export async function editMetadata(input: { actorId: string; contributionId: number; metadata: MetadataInput; now?: Date }) {
  const m = input.metadata;
  let theme: Awaited<ReturnType<typeof checkTheme>>;
  let place: Awaited<ReturnType<typeof resolvePlace>> | null = null;
  try {
    theme = await checkTheme({ strategyCode: m.strategyCode, targetCodes: m.targetCodes, objectiveCodes: m.objectiveCodes });
    if (m.place) place = await resolvePlace(m.place);
  } catch (error) {
    if (error instanceof ContributionError) throw new ModerationError(error.key, 400, error.field);
    throw error;
  }
  const kind = m.kind;
  db.transaction((tx) => {
    const before = metadataOf(tx, input.contributionId);
    if (before.status === "withdrawn") throw new ModerationError("moderation.error.notModeratable", 409);
    const id = input.contributionId;
    tx.update(contributions).set({ kind, strategyCode: theme.strategyCode }).where(eq(contributions.id, id)).run();
    tx.delete(contributionTargets).where(eq(contributionTargets.contributionId, id)).run();
    tx.delete(contributionObjectives).where(eq(contributionObjectives.contributionId, id)).run();
    for (const targetCode of theme.targetCodes) tx.insert(contributionTargets).values({ contributionId: id, targetCode }).run();
    for (const objectiveCode of theme.objectiveCodes) tx.insert(contributionObjectives).values({ contributionId: id, objectiveCode }).run();
    if (place) {
      const [minLon, minLat, maxLon, maxLat] = place.bbox;
      tx.update(contributions)
        .set({ placeKind: place.placeKind, geometry: place.geometry, minLon, minLat, maxLon, maxLat, lon: place.point[0], lat: place.point[1], comuneIstat: null })
        .where(eq(contributions.id, id))
        .run();
      tx.delete(contributionComuni).where(eq(contributionComuni.contributionId, id)).run();
      tx.delete(contributionZones).where(eq(contributionZones.contributionId, id)).run();
      for (const { istat } of place.comuni) tx.insert(contributionComuni).values({ contributionId: id, istat }).run();
      for (const zoneId of [...new Set(place.comuni.map((x) => x.zoneId))].sort()) tx.insert(contributionZones).values({ contributionId: id, zoneId }).run();
    }
    const after = metadataOf(tx, id);
    recordAudit(tx, { actorId: input.actorId, action: "contribution.metadata_edited", subjectType: "contribution", subjectId: id, before: before.values, after: after.values });
  });
}

/** Marks a contribution as a duplicate of another: both stay, linked. */
export function markDuplicate(input: { actorId: string; contributionId: number; duplicateOf: number; now?: Date }) {
  const now = input.now ?? new Date();
  if (input.contributionId === input.duplicateOf) throw new ModerationError("moderation.error.duplicateSelf", 400, "duplicateOf");
  db.transaction((tx) => {
    const found = tx.select({ id: contributions.id }).from(contributions).where(inArray(contributions.id, [input.contributionId, input.duplicateOf])).all();
    if (!found.some((r) => r.id === input.contributionId)) throw new ModerationError("moderation.error.notFound", 404);
    if (!found.some((r) => r.id === input.duplicateOf)) throw new ModerationError("moderation.error.duplicateTarget", 400, "duplicateOf");
    const reverse = tx
      .select({ id: duplicates.contributionId })
      .from(duplicates)
      .where(and(eq(duplicates.contributionId, input.duplicateOf), eq(duplicates.duplicateOf, input.contributionId)))
      .get();
    if (reverse) throw new ModerationError("moderation.error.duplicateCycle", 409, "duplicateOf");
    const previous = tx.select({ duplicateOf: duplicates.duplicateOf }).from(duplicates).where(eq(duplicates.contributionId, input.contributionId)).get();
    tx.insert(duplicates)
      .values({ contributionId: input.contributionId, duplicateOf: input.duplicateOf, markedBy: input.actorId, markedAt: now })
      .onConflictDoUpdate({ target: duplicates.contributionId, set: { duplicateOf: input.duplicateOf, markedBy: input.actorId, markedAt: now } })
      .run();
    recordAudit(tx, {
      actorId: input.actorId,
      action: "contribution.duplicate_marked",
      subjectType: "contribution",
      subjectId: input.contributionId,
      before: { duplicateOf: previous?.duplicateOf ?? null },
      after: { duplicateOf: input.duplicateOf },
    });
  });
}

/** The comuni offered by the place editor (name order). */
export function comuniChoices() {
  return db.select({ istat: comuni.istat, name: comuni.name }).from(comuni).orderBy(comuni.name).all();
}
