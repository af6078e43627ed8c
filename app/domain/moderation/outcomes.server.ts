// The outcome (esito) staff give a published contribution or amendment, with a reasoned response in
// Markdown (controdeduzione), and the draft sections the item is linked to. An outcome can be
// revised: the current row changes, and every revision — the first included — is kept in
// outcome_revisions. Each change, its audit entry and the message to the author commit together.
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { db } from "~/lib/db.server";
import { contributions, draftSectionTexts, draftVersions, outcomeRevisions, outcomes, sectionLinks, users, type Outcome } from "~db/schema";
import { recordAudit } from "~/domain/audit/audit.server";
import { loadItem, ModerationError, noun, notifyAuthor } from "./items.server";
import { MAX_RESPONSE_LENGTH } from "./kinds";

export type OutcomeKind = "contribution" | "amendment";

const OUTCOME_LABELS: Record<Outcome, string> = {
  accolto: "accolto",
  parzialmente_accolto: "parzialmente accolto",
  non_accolto: "non accolto",
  non_pertinente: "non pertinente",
};

/** Gives (or revises) the outcome of a published contribution or amendment. */
export function giveOutcome(input: { actorId: string; itemKind: OutcomeKind; itemId: number; outcome: Outcome; response: string; now?: Date }): { revision: number } {
  const now = input.now ?? new Date();
  const response = input.response.replace(/\r\n?/g, "\n").trim();
  if (!response) throw new ModerationError("moderation.error.responseRequired", 400, { field: "response" });
  if (response.length > MAX_RESPONSE_LENGTH) throw new ModerationError("moderation.error.responseTooLong", 400, { field: "response" });
  return db.transaction((tx) => {
    const item = loadItem(tx, { kind: input.itemKind, id: input.itemId });
    if (item.status !== "published") throw new ModerationError("moderation.error.outcomeNotPublished", 409);
    const current = tx.select().from(outcomes).where(and(eq(outcomes.itemKind, input.itemKind), eq(outcomes.itemId, input.itemId))).get();
    let outcomeId: number;
    let revision: number;
    if (current) {
      revision = current.revision + 1;
      outcomeId = current.id;
      tx.update(outcomes).set({ outcome: input.outcome, response, decidedBy: input.actorId, decidedAt: now, revision }).where(eq(outcomes.id, current.id)).run();
    } else {
      revision = 1;
      outcomeId = tx
        .insert(outcomes)
        .values({ itemKind: input.itemKind, itemId: input.itemId, outcome: input.outcome, response, decidedBy: input.actorId, decidedAt: now, revision })
        .returning({ id: outcomes.id })
        .get().id;
    }
    tx.insert(outcomeRevisions).values({ outcomeId, revision, outcome: input.outcome, response, decidedBy: input.actorId, decidedAt: now }).run();
    recordAudit(tx, {
      actorId: input.actorId,
      action: current ? "outcome.revised" : "outcome.given",
      subjectType: input.itemKind,
      subjectId: input.itemId,
      before: current ? { outcome: current.outcome, revision: current.revision } : null,
      after: { outcome: input.outcome, revision },
    });
    const label = OUTCOME_LABELS[input.outcome];
    notifyAuthor(
      tx,
      item,
      "outcome",
      current ? `L'esito del tuo ${noun(item.kind)} è stato aggiornato` : `Il tuo ${noun(item.kind)} ha ricevuto un esito`,
      `La redazione ha ${current ? "aggiornato l'esito del" : "dato un esito al"} tuo ${noun(item.kind)} ${item.label}: ${label}.\n\nLa risposta motivata è nella pagina del ${noun(item.kind)}.`,
    );
    return { revision };
  });
}

/** The current outcome and every revision, newest first (for staff). */
export function outcomeHistory(itemKind: OutcomeKind, itemId: number) {
  const current = db.select().from(outcomes).where(and(eq(outcomes.itemKind, itemKind), eq(outcomes.itemId, itemId))).get();
  if (!current) return null;
  const revisions = db
    .select({ revision: outcomeRevisions.revision, outcome: outcomeRevisions.outcome, response: outcomeRevisions.response, decidedAt: outcomeRevisions.decidedAt, decidedByName: users.name })
    .from(outcomeRevisions)
    .leftJoin(users, eq(users.id, outcomeRevisions.decidedBy))
    .where(eq(outcomeRevisions.outcomeId, current.id))
    .orderBy(desc(outcomeRevisions.revision))
    .all();
  return { current, revisions };
}

/**
 * Sets the sections of one draft version an item is linked to (the others of that version are
 * unlinked; links to other versions stay).
 */
export function setSectionLinks(input: { actorId: string; itemKind: OutcomeKind; itemId: number; versionId: number; sectionIds: number[]; now?: Date }) {
  const now = input.now ?? new Date();
  const wanted = [...new Set(input.sectionIds)].sort((a, b) => a - b);
  db.transaction((tx) => {
    const item = loadItem(tx, { kind: input.itemKind, id: input.itemId });
    if (item.status === "withdrawn") throw new ModerationError("moderation.error.notModeratable", 409);
    const version = tx.select({ id: draftVersions.id }).from(draftVersions).where(eq(draftVersions.id, input.versionId)).get();
    if (!version) throw new ModerationError("moderation.error.versionNotFound", 400, { field: "versionId" });
    if (wanted.length) {
      const present = tx
        .select({ sectionId: draftSectionTexts.sectionId })
        .from(draftSectionTexts)
        .where(and(eq(draftSectionTexts.versionId, input.versionId), inArray(draftSectionTexts.sectionId, wanted)))
        .all();
      if (present.length !== wanted.length) throw new ModerationError("moderation.error.sectionNotInVersion", 400, { field: "sectionIds" });
    }
    const mine = and(eq(sectionLinks.itemKind, input.itemKind), eq(sectionLinks.itemId, input.itemId), eq(sectionLinks.versionId, input.versionId));
    const before = tx.select({ sectionId: sectionLinks.sectionId }).from(sectionLinks).where(mine).all().map((r) => r.sectionId).sort((a, b) => a - b);
    if (before.join() === wanted.join()) return;
    tx.delete(sectionLinks).where(mine).run();
    for (const sectionId of wanted) {
      tx.insert(sectionLinks).values({ itemKind: input.itemKind, itemId: input.itemId, sectionId, versionId: input.versionId, linkedBy: input.actorId, linkedAt: now }).run();
    }
    recordAudit(tx, {
      actorId: input.actorId,
      action: "section_links.updated",
      subjectType: input.itemKind,
      subjectId: input.itemId,
      before: { versionId: input.versionId, sectionIds: before },
      after: { versionId: input.versionId, sectionIds: wanted },
    });
  });
}

/** The sections an item is linked to, in every version (staff see internal drafts too). */
export function linksOf(itemKind: OutcomeKind, itemId: number) {
  return db
    .select({
      versionId: sectionLinks.versionId,
      sectionId: sectionLinks.sectionId,
      strategyCode: draftVersions.strategyCode,
      versionLabel: draftVersions.label,
      versionStatus: draftVersions.status,
      number: draftSectionTexts.number,
      title: draftSectionTexts.title,
    })
    .from(sectionLinks)
    .innerJoin(draftVersions, eq(draftVersions.id, sectionLinks.versionId))
    .leftJoin(draftSectionTexts, and(eq(draftSectionTexts.versionId, sectionLinks.versionId), eq(draftSectionTexts.sectionId, sectionLinks.sectionId)))
    .where(and(eq(sectionLinks.itemKind, itemKind), eq(sectionLinks.itemId, itemId)))
    .orderBy(asc(draftVersions.id), asc(draftSectionTexts.position))
    .all();
}

export type LinkedContribution = { id: number; title: string; outcome: Outcome | null };

/** For the reading view: the published contributions linked to each section of a version, with their outcome. */
export function contributionsLinkedToVersion(versionId: number): Record<number, LinkedContribution[]> {
  const rows = db
    .select({ sectionId: sectionLinks.sectionId, id: contributions.id, title: contributions.title, outcome: outcomes.outcome })
    .from(sectionLinks)
    .innerJoin(contributions, eq(contributions.id, sectionLinks.itemId))
    .leftJoin(outcomes, and(eq(outcomes.itemKind, "contribution"), eq(outcomes.itemId, contributions.id)))
    .where(and(eq(sectionLinks.versionId, versionId), eq(sectionLinks.itemKind, "contribution"), eq(contributions.status, "published")))
    .orderBy(asc(contributions.id))
    .all();
  const out: Record<number, LinkedContribution[]> = {};
  for (const r of rows) (out[r.sectionId] ??= []).push({ id: r.id, title: r.title, outcome: r.outcome ?? null });
  return out;
}
