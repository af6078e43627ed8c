// Factories for draft versions: a version with its section texts, written directly (the drafts
// editor, import and lifecycle are tested on their own), and the amendments proposed on its sections.
// A version made from Markdown goes through the app's own parser and section matcher, so its
// sections keep their identity across versions by the same rules as an import.
import { and, asc, eq } from "drizzle-orm";
import { parseMarkdownDocument } from "~/domain/drafts/import-markdown";
import { matchSections } from "~/domain/drafts/match-sections";
import { db } from "~/lib/db.server";
import { amendments, draftSections, draftSectionTexts, draftVersions, type DraftVersionStatus, type ParticipationStatus } from "~db/schema";
import { inTransaction, type Handle } from "./reference.server";

const DAY = 86_400_000;

export type SectionSpec = {
  number: string;
  title: string;
  body: string;
  /** Default: from the number ("2.3" → 2). */
  depth?: number;
  /** A stable section to carry over from an earlier version; a new one otherwise. */
  sectionId?: number;
};

export type DraftVersionSpec = {
  strategyCode: string;
  label: string;
  sections: SectionSpec[];
  /** Default "bozza". */
  status?: DraftVersionStatus;
  basedOnVersionId?: number | null;
  notes?: string;
  /** Default: now, except for a bozza (never published). */
  publishedAt?: Date | null;
  /** The comment window; default from a day ago for 30 days, none for a bozza. */
  openFrom?: Date | null;
  openUntil?: Date | null;
  /** Default: now for a closed or adopted version. */
  closedAt?: Date | null;
  now?: Date;
};

export type CreatedDraftVersion = {
  id: number;
  strategyCode: string;
  label: string;
  /** Stable section id by section number ("2.3" → id). */
  sectionIds: Record<string, number>;
  /** This version's text of each section, by number. */
  sectionTextIds: Record<string, number>;
  /** The same, in the order of the version. */
  sections: { number: string; sectionId: number; sectionTextId: number }[];
};

/** Inserts a version with its sections (in the order given); returns the ids by section number. */
export function createDraftVersion(spec: DraftVersionSpec, handle: Handle = db): CreatedDraftVersion {
  const now = spec.now ?? new Date();
  const status = spec.status ?? "bozza";
  const draft = status === "bozza";
  return inTransaction(handle, (tx) => {
    const { id } = tx
      .insert(draftVersions)
      .values({
        strategyCode: spec.strategyCode,
        label: spec.label,
        versionDate: now.toISOString().slice(0, 10),
        notes: spec.notes ?? "",
        status,
        publishedAt: spec.publishedAt !== undefined ? spec.publishedAt : draft ? null : now,
        commentsOpenFrom: spec.openFrom !== undefined ? spec.openFrom : draft ? null : new Date(now.getTime() - DAY),
        commentsOpenUntil: spec.openUntil !== undefined ? spec.openUntil : draft ? null : new Date(now.getTime() + 30 * DAY),
        closedAt: spec.closedAt !== undefined ? spec.closedAt : status === "chiusa" || status === "adottata" ? now : null,
        basedOnVersionId: spec.basedOnVersionId ?? null,
      })
      .returning({ id: draftVersions.id })
      .get();
    const sections = spec.sections.map((s, position) => {
      const sectionId = s.sectionId ?? tx.insert(draftSections).values({ strategyCode: spec.strategyCode }).returning({ id: draftSections.id }).get().id;
      const sectionTextId = tx
        .insert(draftSectionTexts)
        .values({ versionId: id, sectionId, number: s.number, title: s.title, body: s.body, depth: s.depth ?? s.number.split(".").length, position })
        .returning({ id: draftSectionTexts.id })
        .get().id;
      return { number: s.number, sectionId, sectionTextId };
    });
    return {
      id,
      strategyCode: spec.strategyCode,
      label: spec.label,
      sectionIds: Object.fromEntries(sections.map((s) => [s.number, s.sectionId])),
      sectionTextIds: Object.fromEntries(sections.map((s) => [s.number, s.sectionTextId])),
      sections,
    };
  });
}

/**
 * The sections of a Markdown text (the app's parser), each carrying over the stable section of
 * `previousVersionId` that the app's matcher pairs it with.
 */
export function sectionsFromMarkdown(markdown: string, previousVersionId?: number | null, handle: Handle = db): SectionSpec[] {
  const { sections } = parseMarkdownDocument(markdown);
  const previous = previousVersionId ? sectionTexts(previousVersionId, handle) : [];
  const matches = matchSections(previous, sections);
  return sections.map((s, i) => {
    const j = matches[i];
    return { number: s.number, title: s.title, body: s.body, depth: s.depth, sectionId: j !== null ? previous[j].sectionId : undefined };
  });
}

/** A version's section texts in order. */
export function sectionTexts(versionId: number, handle: Handle = db) {
  return handle
    .select({ sectionId: draftSectionTexts.sectionId, number: draftSectionTexts.number, title: draftSectionTexts.title, body: draftSectionTexts.body, depth: draftSectionTexts.depth })
    .from(draftSectionTexts)
    .where(eq(draftSectionTexts.versionId, versionId))
    .orderBy(asc(draftSectionTexts.position))
    .all();
}

/** The STTM codes that have a version in consultation now (one at a time per STTM). */
export function strategiesInConsultation(): Set<string> {
  return new Set(
    db
      .select({ code: draftVersions.strategyCode })
      .from(draftVersions)
      .where(eq(draftVersions.status, "in_consultazione"))
      .all()
      .map((r) => r.code),
  );
}

/** The first STTM of `order` with no version in consultation (so a test may open one). */
export function freeStrategy(order = ["STTM2", "STTM3", "STTM1"]) {
  const busy = strategiesInConsultation();
  const code = order.find((c) => !busy.has(c));
  if (!code) throw new Error("every STTM has a version in consultation");
  return code;
}

/**
 * A version in consultation on the first free STTM of `order`, chosen and written in one IMMEDIATE
 * transaction, so that two test processes never open a consultation on the same STTM.
 */
export function createConsultation(spec: Omit<DraftVersionSpec, "strategyCode" | "status"> & { order?: string[] }): CreatedDraftVersion {
  return db.transaction(() => createDraftVersion({ ...spec, strategyCode: freeStrategy(spec.order), status: "in_consultazione" }), { behavior: "immediate" });
}

/** Closes a version (status "chiusa", closed now), keeping its rows. */
export function closeVersion(versionId: number, now = new Date()) {
  db.update(draftVersions).set({ status: "chiusa", closedAt: now }).where(eq(draftVersions.id, versionId)).run();
}

/** Closes whatever version of the STTM is in consultation (one at a time per STTM), keeping the rows. */
export function closeConsultationsOf(strategyCode: string, now = new Date()) {
  db.update(draftVersions)
    .set({ status: "chiusa", closedAt: now })
    .where(and(eq(draftVersions.strategyCode, strategyCode), eq(draftVersions.status, "in_consultazione")))
    .run();
}

/** Sets a version's status (its closing date is set once, when first closed). */
export function setVersionStatus(versionId: number, status: DraftVersionStatus, now = new Date()) {
  const row = db.select({ closedAt: draftVersions.closedAt }).from(draftVersions).where(eq(draftVersions.id, versionId)).get();
  db.update(draftVersions)
    .set({ status, closedAt: row?.closedAt ?? now })
    .where(eq(draftVersions.id, versionId))
    .run();
}

/** Moves a version's comment window. */
export function setCommentWindow(versionId: number, from: Date | null, until: Date | null) {
  db.update(draftVersions).set({ commentsOpenFrom: from, commentsOpenUntil: until }).where(eq(draftVersions.id, versionId)).run();
}

export type AmendmentSpec = {
  versionId: number;
  sectionId: number;
  authorId: string;
  proposedText?: string;
  rationale?: string;
  /** Default "published". */
  status?: ParticipationStatus;
  organizationId?: number | null;
  createdAt?: Date;
};

/** An amendment proposed on a section of a version; returns its id. */
export function createAmendment(spec: AmendmentSpec, handle: Handle = db): number {
  return handle
    .insert(amendments)
    .values({
      versionId: spec.versionId,
      sectionId: spec.sectionId,
      authorId: spec.authorId,
      organizationId: spec.organizationId ?? null,
      proposedText: spec.proposedText ?? "Un nuovo testo per la sezione.",
      rationale: spec.rationale ?? "",
      status: spec.status ?? "published",
      createdAt: spec.createdAt ?? new Date(),
    })
    .returning({ id: amendments.id })
    .get().id;
}
