// One way to read and change any moderated item (a contribution, a comment on it, a comment on a
// draft section, an amendment), inside the caller's transaction. The moderation queue, reports,
// redactions and outcomes are written once against this instead of once per table.
import { and, desc, eq, sql } from "drizzle-orm";
import type { DB, Tx } from "~/lib/db.server";
import { enqueue } from "~/domain/notifications/outbox.server";
import { commentAnchor as contributionCommentAnchor, contributionPath } from "~/domain/contributions/page";
import { amendmentAnchor, commentAnchor as sectionCommentAnchor, sectionPagePath } from "~/domain/drafts/participation";
import type { MessageKey } from "~/i18n";
import {
  amendments,
  contributionComments,
  contributions,
  draftSectionTexts,
  draftVersions,
  processes,
  processStrategies,
  sectionComments,
  type ContributionStatus,
  type ModeratedKind,
} from "~db/schema";

export type Reader = Tx | DB;
export type ItemRef = { kind: ModeratedKind; id: number };

/** A refusal: `key` is a catalogue key the route translates, `status` the HTTP status it answers with. */
export class ModerationError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly status: 400 | 403 | 404 | 409 = 400,
    readonly field: string | null = null,
  ) {
    super(key);
  }
}

/** Statuses are the same five words for every kind (contributions and participation share them). */
export type ItemStatus = ContributionStatus;

export type Item = {
  kind: ModeratedKind;
  id: number;
  status: ItemStatus;
  authorId: string | null;
  deleted: boolean;
  /** The STTM it concerns, when known. */
  strategyCode: string | null;
  /** The process it belongs to (contributions and their comments). */
  processId: number | null;
  /** How the author recognises it in a message, e.g. «Parchi agricoli a Rho». */
  label: string;
  /** The public page that shows it (site-relative). */
  link: string;
};

const DEFAULT_FLAG_THRESHOLD = 3;

function sectionLabel(tx: Reader, versionId: number, sectionId: number) {
  const row = tx
    .select({ strategyCode: draftVersions.strategyCode, versionLabel: draftVersions.label, number: draftSectionTexts.number, title: draftSectionTexts.title })
    .from(draftVersions)
    .leftJoin(draftSectionTexts, and(eq(draftSectionTexts.versionId, draftVersions.id), eq(draftSectionTexts.sectionId, sectionId)))
    .where(eq(draftVersions.id, versionId))
    .get();
  return {
    strategyCode: row?.strategyCode ?? null,
    label: row ? `sezione ${row.number ?? ""} «${row.title ?? ""}» di ${row.strategyCode} ${row.versionLabel}` : "sezione",
    path: row ? sectionPagePath(row.strategyCode, versionId, sectionId) : "/strategie",
  };
}

/** The item, or undefined when it does not exist. */
export function findItem(tx: Reader, ref: ItemRef): Item | undefined {
  switch (ref.kind) {
    case "contribution": {
      const c = tx
        .select({ status: contributions.status, authorId: contributions.authorId, strategyCode: contributions.strategyCode, processId: contributions.processId, title: contributions.title })
        .from(contributions)
        .where(eq(contributions.id, ref.id))
        .get();
      if (!c) return undefined;
      return { ...ref, status: c.status, authorId: c.authorId, deleted: false, strategyCode: c.strategyCode, processId: c.processId, label: `«${c.title}»`, link: contributionPath(ref.id) };
    }
    case "contribution_comment": {
      const c = tx
        .select({ status: contributionComments.status, authorId: contributionComments.authorId, deletedAt: contributionComments.deletedAt, contributionId: contributionComments.contributionId, strategyCode: contributions.strategyCode, processId: contributions.processId, title: contributions.title })
        .from(contributionComments)
        .innerJoin(contributions, eq(contributions.id, contributionComments.contributionId))
        .where(eq(contributionComments.id, ref.id))
        .get();
      if (!c) return undefined;
      return {
        ...ref,
        status: c.status,
        authorId: c.authorId,
        deleted: Boolean(c.deletedAt),
        strategyCode: c.strategyCode,
        processId: c.processId,
        label: `al contributo «${c.title}»`,
        link: `${contributionPath(c.contributionId)}#${contributionCommentAnchor(ref.id)}`,
      };
    }
    case "section_comment": {
      const c = tx.select().from(sectionComments).where(eq(sectionComments.id, ref.id)).get();
      if (!c) return undefined;
      const s = sectionLabel(tx, c.versionId, c.sectionId);
      return { ...ref, status: c.status, authorId: c.authorId, deleted: Boolean(c.deletedAt), strategyCode: s.strategyCode, processId: null, label: `sulla ${s.label}`, link: `${s.path}#${sectionCommentAnchor(ref.id)}` };
    }
    case "amendment": {
      const a = tx.select().from(amendments).where(eq(amendments.id, ref.id)).get();
      if (!a) return undefined;
      const s = sectionLabel(tx, a.versionId, a.sectionId);
      return { ...ref, status: a.status, authorId: a.authorId, deleted: false, strategyCode: s.strategyCode, processId: null, label: `sulla ${s.label}`, link: `${s.path}#${amendmentAnchor(ref.id)}` };
    }
  }
}

export function loadItem(tx: Reader, ref: ItemRef): Item {
  const item = findItem(tx, ref);
  if (!item) throw new ModerationError("moderation.error.notFound", 404);
  return item;
}

/** Sets the status of any kind of item (publishedAt of a contribution is set the first time it is published). */
export function setStatus(tx: Tx, ref: ItemRef, status: ItemStatus, now: Date) {
  switch (ref.kind) {
    case "contribution":
      tx.update(contributions)
        .set({ status, publishedAt: status === "published" ? sql`coalesce(${contributions.publishedAt}, ${Math.floor(now.getTime() / 1000)})` : undefined })
        .where(eq(contributions.id, ref.id))
        .run();
      return;
    case "contribution_comment":
      tx.update(contributionComments).set({ status }).where(eq(contributionComments.id, ref.id)).run();
      return;
    case "section_comment":
      tx.update(sectionComments).set({ status }).where(eq(sectionComments.id, ref.id)).run();
      return;
    case "amendment":
      tx.update(amendments).set({ status }).where(eq(amendments.id, ref.id)).run();
      return;
  }
}

/** The subject type written in the audit log for an item (the kind itself). */
export const subjectType = (kind: ModeratedKind) => kind;

export const noun = (kind: ModeratedKind) => (kind === "contribution" ? "contributo" : kind === "amendment" ? "emendamento" : "commento");

/** A message to the item's author (nothing when the item has no author, e.g. entered by staff). */
export function notifyAuthor(tx: Tx, item: Item, event: string, subject: string, body: string, link = item.link) {
  if (!item.authorId) return;
  enqueue(tx, { userId: item.authorId, kind: `${item.kind}.${event}`, subject, body, link });
}

/**
 * How many distinct reporters hide an item: the threshold of its process (contributions and their
 * comments), else of the newest active process concerning its STTM, else 3.
 */
export function flagThresholdOf(tx: Reader, item: Item): number {
  if (item.processId != null) {
    const p = tx.select({ threshold: processes.flagThreshold }).from(processes).where(eq(processes.id, item.processId)).get();
    if (p) return p.threshold;
  }
  if (item.strategyCode) {
    const p = tx
      .select({ threshold: processes.flagThreshold })
      .from(processStrategies)
      .innerJoin(processes, eq(processes.id, processStrategies.processId))
      .where(and(eq(processStrategies.strategyCode, item.strategyCode), eq(processes.status, "active")))
      .orderBy(desc(processes.id))
      .get();
    if (p) return p.threshold;
  }
  return DEFAULT_FLAG_THRESHOLD;
}

/** The text the author wrote, by field (an amendment has two). */
export function textFields(tx: Reader, ref: ItemRef): { field: string; text: string }[] {
  switch (ref.kind) {
    case "contribution": {
      const c = tx.select({ body: contributions.body }).from(contributions).where(eq(contributions.id, ref.id)).get();
      return c ? [{ field: "body", text: c.body }] : [];
    }
    case "contribution_comment": {
      const c = tx.select({ body: contributionComments.body }).from(contributionComments).where(eq(contributionComments.id, ref.id)).get();
      return c ? [{ field: "body", text: c.body }] : [];
    }
    case "section_comment": {
      const c = tx.select({ body: sectionComments.body }).from(sectionComments).where(eq(sectionComments.id, ref.id)).get();
      return c ? [{ field: "body", text: c.body }] : [];
    }
    case "amendment": {
      const a = tx.select({ proposedText: amendments.proposedText, rationale: amendments.rationale }).from(amendments).where(eq(amendments.id, ref.id)).get();
      return a ? [{ field: "proposedText", text: a.proposedText }, { field: "rationale", text: a.rationale }] : [];
    }
  }
}

export function writeTextField(tx: Tx, ref: ItemRef, field: string, text: string) {
  switch (ref.kind) {
    case "contribution":
      tx.update(contributions).set({ body: text }).where(eq(contributions.id, ref.id)).run();
      return;
    case "contribution_comment":
      tx.update(contributionComments).set({ body: text }).where(eq(contributionComments.id, ref.id)).run();
      return;
    case "section_comment":
      tx.update(sectionComments).set({ body: text }).where(eq(sectionComments.id, ref.id)).run();
      return;
    case "amendment":
      tx.update(amendments)
        .set(field === "rationale" ? { rationale: text } : { proposedText: text })
        .where(eq(amendments.id, ref.id))
        .run();
      return;
  }
}
