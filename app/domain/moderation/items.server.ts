// One way to read and change any moderated item, inside the caller's transaction: a small adapter
// per kind (a contribution, a comment on it, a comment on a draft section, an amendment). The
// decisions (decide.server.ts), reports, redactions, outcomes and the queue are written once
// against this. A new kind of moderated item (a knowledge-layer feature, a proposal) adds one adapter.
import { and, desc, eq, sql } from "drizzle-orm";
import type { Reader, Tx } from "~/lib/db.server";
import { DomainError } from "~/lib/domain-error";
import { enqueue } from "~/domain/notifications/outbox.server";
import { commentAnchor } from "~/domain/comments/comments";
import { contributionPath } from "~/domain/contributions/page";
import { amendmentAnchor, sectionPagePath } from "~/domain/drafts/participation";
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

export type { Reader };
export type ItemRef = { kind: ModeratedKind; id: number };

/** A refusal of moderation: catalogue key, HTTP status, field at fault, values. */
export class ModerationError extends DomainError {}

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
  /** What the item is said on (a comment's contribution, a section): pages decide only on their own items. */
  subject: { kind: "contribution" | "section"; id: number } | null;
  /** How the author recognises it in a message, e.g. «Parchi agricoli a Rho». */
  label: string;
  /** The public page that shows it (site-relative). */
  link: string;
};

type TextField = { field: string; text: string };

type KindAdapter = {
  find(reader: Reader, id: number): Item | undefined;
  setStatus(tx: Tx, id: number, status: ItemStatus, now: Date): void;
  /** The text the author wrote, by field (an amendment has two). */
  textFields(reader: Reader, id: number): TextField[];
  writeTextField(tx: Tx, id: number, field: string, text: string): void;
  /** How a message about it ends, telling the author where they still see it; "" when nowhere. */
  stillVisibleNote: string;
  /** Keeps the moderators' last message on the item, where the author reads it (contributions). */
  keepModeratorMessage?(tx: Tx, id: number, message: string, sentBackAt: Date | null): void;
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

/** An item said on a section of a draft (a comment or an amendment), told in the words of its section. */
function onSection(
  tx: Reader,
  item: { kind: ModeratedKind; id: number; deleted: boolean; anchor: string },
  row: { status: ItemStatus; authorId: string; versionId: number; sectionId: number },
): Item {
  const s = sectionLabel(tx, row.versionId, row.sectionId);
  return {
    kind: item.kind,
    id: item.id,
    status: row.status,
    authorId: row.authorId,
    deleted: item.deleted,
    strategyCode: s.strategyCode,
    processId: null,
    subject: { kind: "section", id: row.sectionId },
    label: `sulla ${s.label}`,
    link: `${s.path}#${item.anchor}`,
  };
}

/** Reading and writing the one text field ("body") of a table that has one (a contribution, a comment). */
function bodyField(table: typeof contributions | typeof contributionComments | typeof sectionComments): Pick<KindAdapter, "textFields" | "writeTextField"> {
  return {
    textFields(tx, id) {
      const row = tx.select({ body: table.body }).from(table).where(eq(table.id, id)).get();
      return row ? [{ field: "body", text: row.body }] : [];
    },
    writeTextField(tx, id, _field, text) {
      tx.update(table).set({ body: text }).where(eq(table.id, id)).run();
    },
  };
}

/** The status of a comment, whichever table holds it. */
const commentStatus = (table: typeof contributionComments | typeof sectionComments): KindAdapter["setStatus"] => (tx, id, status) => {
  tx.update(table).set({ status }).where(eq(table.id, id)).run();
};

const ADAPTERS: Record<ModeratedKind, KindAdapter> = {
  contribution: {
    find(tx, id) {
      const c = tx
        .select({ status: contributions.status, authorId: contributions.authorId, strategyCode: contributions.strategyCode, processId: contributions.processId, title: contributions.title })
        .from(contributions)
        .where(eq(contributions.id, id))
        .get();
      if (!c) return undefined;
      return { kind: "contribution", id, status: c.status, authorId: c.authorId, deleted: false, strategyCode: c.strategyCode, processId: c.processId, subject: null, label: `«${c.title}»`, link: contributionPath(id) };
    },
    setStatus(tx, id, status, now) {
      // publishedAt is set the first time it is published; a decision clears a pending "sent back".
      tx.update(contributions)
        .set({ status, changesRequestedAt: null, publishedAt: status === "published" ? sql`coalesce(${contributions.publishedAt}, ${Math.floor(now.getTime() / 1000)})` : undefined })
        .where(eq(contributions.id, id))
        .run();
    },
    ...bodyField(contributions),
    stillVisibleNote: "",
    keepModeratorMessage(tx, id, message, sentBackAt) {
      tx.update(contributions).set({ moderatorMessage: message, changesRequestedAt: sentBackAt }).where(eq(contributions.id, id)).run();
    },
  },
  contribution_comment: {
    find(tx, id) {
      const c = tx
        .select({
          status: contributionComments.status,
          authorId: contributionComments.authorId,
          deletedAt: contributionComments.deletedAt,
          contributionId: contributionComments.contributionId,
          strategyCode: contributions.strategyCode,
          processId: contributions.processId,
          title: contributions.title,
        })
        .from(contributionComments)
        .innerJoin(contributions, eq(contributions.id, contributionComments.contributionId))
        .where(eq(contributionComments.id, id))
        .get();
      if (!c) return undefined;
      return {
        kind: "contribution_comment",
        id,
        status: c.status,
        authorId: c.authorId,
        deleted: Boolean(c.deletedAt),
        strategyCode: c.strategyCode,
        processId: c.processId,
        subject: { kind: "contribution", id: c.contributionId },
        label: `al contributo «${c.title}»`,
        link: `${contributionPath(c.contributionId)}#${commentAnchor(id)}`,
      };
    },
    setStatus: commentStatus(contributionComments),
    ...bodyField(contributionComments),
    stillVisibleNote: "Resta visibile a te nella pagina del contributo.",
  },
  section_comment: {
    find(tx, id) {
      const c = tx.select().from(sectionComments).where(eq(sectionComments.id, id)).get();
      return c ? onSection(tx, { kind: "section_comment", id, deleted: Boolean(c.deletedAt), anchor: commentAnchor(id) }, c) : undefined;
    },
    setStatus: commentStatus(sectionComments),
    ...bodyField(sectionComments),
    stillVisibleNote: "Resta visibile a te nella pagina della sezione.",
  },
  amendment: {
    find(tx, id) {
      const a = tx.select().from(amendments).where(eq(amendments.id, id)).get();
      return a ? onSection(tx, { kind: "amendment", id, deleted: false, anchor: amendmentAnchor(id) }, a) : undefined;
    },
    setStatus(tx, id, status) {
      tx.update(amendments).set({ status }).where(eq(amendments.id, id)).run();
    },
    textFields(tx, id) {
      const a = tx.select({ proposedText: amendments.proposedText, rationale: amendments.rationale }).from(amendments).where(eq(amendments.id, id)).get();
      return a ? [{ field: "proposedText", text: a.proposedText }, { field: "rationale", text: a.rationale }] : [];
    },
    writeTextField(tx, id, field, text) {
      tx.update(amendments)
        .set(field === "rationale" ? { rationale: text } : { proposedText: text })
        .where(eq(amendments.id, id))
        .run();
    },
    stillVisibleNote: "Resta visibile a te nella pagina della sezione.",
  },
};

export const adapterOf = (kind: ModeratedKind) => ADAPTERS[kind];

/** The item, or undefined when it does not exist. */
export function findItem(tx: Reader, ref: ItemRef): Item | undefined {
  return ADAPTERS[ref.kind].find(tx, ref.id);
}

export function loadItem(tx: Reader, ref: ItemRef): Item {
  const item = findItem(tx, ref);
  if (!item) throw new ModerationError("moderation.error.notFound", 404);
  return item;
}

/** Sets the status of any kind of item. */
export function setStatus(tx: Tx, ref: ItemRef, status: ItemStatus, now: Date) {
  ADAPTERS[ref.kind].setStatus(tx, ref.id, status, now);
}

export function textFields(tx: Reader, ref: ItemRef): TextField[] {
  return ADAPTERS[ref.kind].textFields(tx, ref.id);
}

export function writeTextField(tx: Tx, ref: ItemRef, field: string, text: string) {
  ADAPTERS[ref.kind].writeTextField(tx, ref.id, field, text);
}

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
