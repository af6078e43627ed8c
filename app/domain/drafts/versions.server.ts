import { and, asc, count, desc, eq, inArray, ne } from "drizzle-orm";
import { db, type Tx } from "~/lib/db.server";
import { DomainError, type DomainErrorStatus } from "~/lib/domain-error";
import type { MessageKey } from "~/i18n";
import { recordAudit } from "~/domain/audit/audit.server";
import { draftSectionObjectives, draftSections, draftSectionTargets, draftSectionTexts, draftVersions, frameworks, strategies, type DraftVersionStatus } from "~db/schema";
import type { ParsedSection } from "./import-markdown";
import { matchSections } from "./match-sections";

export type DraftVersion = typeof draftVersions.$inferSelect;

/** A refusal the person can act on ("errors.draft…"); most are a conflict with the version's state (409). */
export class DraftError extends DomainError {
  constructor(key: MessageKey, status: DomainErrorStatus = 409, options: { field?: string } = {}) {
    super(key, status, options);
  }
}

/** Statuses the public may read; a bozza is staff-only (and a 404 for everyone else). */
export const PUBLIC_STATUSES: readonly DraftVersionStatus[] = ["in_consultazione", "chiusa", "adottata"];

export function isPublic(version: Pick<DraftVersion, "status">) {
  return PUBLIC_STATUSES.includes(version.status);
}

export function getVersion(id: number): DraftVersion | undefined {
  if (!Number.isSafeInteger(id) || id <= 0) return undefined;
  return db.select().from(draftVersions).where(eq(draftVersions.id, id)).get();
}

/**
 * The version a reader asked for, or undefined when they may not know it exists: unknown id,
 * another STTM's version, or a bozza asked for by someone who is not staff.
 */
export function getReadableVersion(id: number, strategyCode: string, canSeeDrafts: boolean): DraftVersion | undefined {
  const version = getVersion(id);
  if (!version || version.strategyCode !== strategyCode.trim().toUpperCase()) return undefined;
  if (!canSeeDrafts && !isPublic(version)) return undefined;
  return version;
}

export type VersionSummary = Pick<
  DraftVersion,
  "id" | "strategyCode" | "label" | "versionDate" | "status" | "publishedAt" | "commentsOpenFrom" | "commentsOpenUntil" | "closedAt" | "adoptedAt"
> & { sectionCount: number };

/** Versions of one STTM (or all), newest first; bozze only when asked for. */
export function listVersions(opts: { strategyCode?: string; includeDrafts: boolean }): VersionSummary[] {
  const conditions = [];
  if (opts.strategyCode) conditions.push(eq(draftVersions.strategyCode, opts.strategyCode.trim().toUpperCase()));
  if (!opts.includeDrafts) conditions.push(ne(draftVersions.status, "bozza"));
  const rows = db
    .select({
      id: draftVersions.id,
      strategyCode: draftVersions.strategyCode,
      label: draftVersions.label,
      versionDate: draftVersions.versionDate,
      status: draftVersions.status,
      publishedAt: draftVersions.publishedAt,
      commentsOpenFrom: draftVersions.commentsOpenFrom,
      commentsOpenUntil: draftVersions.commentsOpenUntil,
      closedAt: draftVersions.closedAt,
      adoptedAt: draftVersions.adoptedAt,
    })
    .from(draftVersions)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(draftVersions.id))
    .all();
  if (rows.length === 0) return [];
  const counts = db
    .select({ versionId: draftSectionTexts.versionId, n: count() })
    .from(draftSectionTexts)
    .where(
      inArray(
        draftSectionTexts.versionId,
        rows.map((r) => r.id),
      ),
    )
    .groupBy(draftSectionTexts.versionId)
    .all();
  const byVersion = new Map(counts.map((c) => [c.versionId, c.n]));
  return rows.map((r) => ({ ...r, sectionCount: byVersion.get(r.id) ?? 0 }));
}

/** The STTM's version in consultation, if any (at most one: the partial unique index guards it). */
export function versionInConsultation(strategyCode: string) {
  return db
    .select({ id: draftVersions.id, label: draftVersions.label, commentsOpenUntil: draftVersions.commentsOpenUntil })
    .from(draftVersions)
    .where(and(eq(draftVersions.strategyCode, strategyCode.trim().toUpperCase()), eq(draftVersions.status, "in_consultazione")))
    .get();
}

export function latestVersion(strategyCode: string): DraftVersion | undefined {
  return db.select().from(draftVersions).where(eq(draftVersions.strategyCode, strategyCode)).orderBy(desc(draftVersions.id)).limit(1).get();
}

export type SectionText = {
  id: number;
  sectionId: number;
  number: string;
  title: string;
  body: string;
  depth: number;
  position: number;
  frameworkCode: string | null;
  targetCodes: string[];
  objectiveCodes: string[];
};

/** A version's sections in document order, with their links to work targets and PTM objectives. */
export function versionSections(versionId: number, handle: Pick<Tx, "select"> = db): SectionText[] {
  const rows = handle.select().from(draftSectionTexts).where(eq(draftSectionTexts.versionId, versionId)).orderBy(asc(draftSectionTexts.position)).all();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const targets = handle.select().from(draftSectionTargets).where(inArray(draftSectionTargets.sectionTextId, ids)).all();
  const objectives = handle.select().from(draftSectionObjectives).where(inArray(draftSectionObjectives.sectionTextId, ids)).all();
  return rows.map((r) => ({
    id: r.id,
    sectionId: r.sectionId,
    number: r.number,
    title: r.title,
    body: r.body,
    depth: r.depth,
    position: r.position,
    frameworkCode: r.frameworkCode,
    targetCodes: targets.filter((t) => t.sectionTextId === r.id).map((t) => t.targetCode).sort(),
    objectiveCodes: objectives.filter((o) => o.sectionTextId === r.id).map((o) => o.objectiveCode),
  }));
}

export type VersionInput = { strategyCode: string; label: string; versionDate: string; notes: string };

function assertStrategy(tx: Tx, code: string) {
  if (!tx.select({ code: strategies.code }).from(strategies).where(eq(strategies.code, code)).get()) throw new DraftError("errors.draftStrategy", 400);
}

function insertSectionText(tx: Tx, versionId: number, s: Omit<SectionText, "id">) {
  const { id } = tx
    .insert(draftSectionTexts)
    .values({
      versionId,
      sectionId: s.sectionId,
      number: s.number,
      title: s.title,
      body: s.body,
      depth: s.depth,
      position: s.position,
      frameworkCode: s.frameworkCode,
    })
    .returning({ id: draftSectionTexts.id })
    .get();
  for (const code of s.targetCodes) tx.insert(draftSectionTargets).values({ sectionTextId: id, targetCode: code }).run();
  for (const code of s.objectiveCodes) tx.insert(draftSectionObjectives).values({ sectionTextId: id, objectiveCode: code }).run();
  return id;
}

function newSectionId(tx: Tx, strategyCode: string) {
  return tx.insert(draftSections).values({ strategyCode }).returning({ id: draftSections.id }).get().id;
}

/**
 * A new bozza: empty, or a copy of `basedOnVersionId` (same STTM) whose sections keep their
 * identity — comments and links made on the earlier version stay traceable.
 */
export function createVersion(input: VersionInput & { basedOnVersionId?: number | null; actorId: string }): number {
  return db.transaction((tx) => {
    assertStrategy(tx, input.strategyCode);
    let copied: SectionText[] = [];
    if (input.basedOnVersionId) {
      const base = tx.select().from(draftVersions).where(eq(draftVersions.id, input.basedOnVersionId)).get();
      if (!base || base.strategyCode !== input.strategyCode) throw new DraftError("errors.draftBasedOn", 400);
      copied = versionSections(base.id, tx);
    }
    const { id } = tx
      .insert(draftVersions)
      .values({
        strategyCode: input.strategyCode,
        label: input.label,
        versionDate: input.versionDate,
        notes: input.notes,
        basedOnVersionId: input.basedOnVersionId ?? null,
        createdBy: input.actorId,
      })
      .returning({ id: draftVersions.id })
      .get();
    for (const s of copied) insertSectionText(tx, id, s);
    recordAudit(tx, {
      actorId: input.actorId,
      action: "draft.version.create",
      subjectType: "draft_version",
      subjectId: id,
      after: { strategyCode: input.strategyCode, label: input.label, basedOnVersionId: input.basedOnVersionId ?? null, sections: copied.length },
    });
    return id;
  });
}

export type ImportPlanItem = ParsedSection & {
  /** The section of the previous version this one is (null: a new section). */
  match: { sectionId: number; number: string; title: string } | null;
};

/** How an imported tree lines up with the STTM's latest version (shown for review, then applied on save). */
export function planImport(strategyCode: string, sections: ParsedSection[]): { previous: Pick<DraftVersion, "id" | "label"> | null; items: ImportPlanItem[] } {
  const previous = latestVersion(strategyCode);
  if (!previous) return { previous: null, items: sections.map((s) => ({ ...s, match: null })) };
  const prevSections = versionSections(previous.id);
  const matches = matchSections(prevSections, sections);
  return {
    previous: { id: previous.id, label: previous.label },
    items: sections.map((s, i) => {
      const j = matches[i];
      const p = j === null ? null : prevSections[j];
      return { ...s, match: p ? { sectionId: p.sectionId, number: p.number, title: p.title } : null };
    }),
  };
}

/** A framework code for a top-level section titled after a quadro ("1 Quadro analitico-conoscitivo" → conoscitivo). */
function frameworkFromTitle(title: string, codes: string[]) {
  const t = title.toLowerCase();
  return codes.find((code) => t.includes(code)) ?? null;
}

/**
 * Saves an imported tree as a new bozza. Sections matched to the latest version keep their identity
 * and inherit its framework, targets and objectives; new top-level sections named after a quadro get
 * that framework, and new subsections inherit their parent's.
 */
export function importVersion(input: VersionInput & { sections: ParsedSection[]; actorId: string }): number {
  if (input.sections.length === 0) throw new DraftError("errors.draftImportEmpty", 400);
  const plan = planImport(input.strategyCode, input.sections);
  const previous = plan.previous ? versionSections(plan.previous.id) : [];
  const prevById = new Map(previous.map((p) => [p.sectionId, p]));
  const codes = db.select({ code: frameworks.code }).from(frameworks).all().map((f) => f.code);
  return db.transaction((tx) => {
    assertStrategy(tx, input.strategyCode);
    const { id } = tx
      .insert(draftVersions)
      .values({
        strategyCode: input.strategyCode,
        label: input.label,
        versionDate: input.versionDate,
        notes: input.notes,
        basedOnVersionId: plan.previous?.id ?? null,
        createdBy: input.actorId,
      })
      .returning({ id: draftVersions.id })
      .get();
    const frameworkAtDepth: (string | null)[] = [];
    plan.items.forEach((item, position) => {
      const prev = item.match ? prevById.get(item.match.sectionId) : undefined;
      const inherited = item.depth > 1 ? (frameworkAtDepth[item.depth - 2] ?? null) : frameworkFromTitle(item.title, codes);
      const frameworkCode = prev ? prev.frameworkCode : inherited;
      frameworkAtDepth.length = item.depth - 1;
      frameworkAtDepth[item.depth - 1] = frameworkCode;
      insertSectionText(tx, id, {
        sectionId: prev?.sectionId ?? newSectionId(tx, input.strategyCode),
        number: item.number,
        title: item.title,
        body: item.body,
        depth: item.depth,
        position,
        frameworkCode,
        targetCodes: prev?.targetCodes ?? [],
        objectiveCodes: prev?.objectiveCodes ?? [],
      });
    });
    recordAudit(tx, {
      actorId: input.actorId,
      action: "draft.version.import",
      subjectType: "draft_version",
      subjectId: id,
      after: {
        strategyCode: input.strategyCode,
        label: input.label,
        matchedTo: plan.previous?.id ?? null,
        sections: plan.items.length,
        kept: plan.items.filter((i) => i.match).length,
      },
    });
    return id;
  });
}

/** Editing is for bozze only: a published version is frozen (changes go into a new version). */
export function assertEditable(version: Pick<DraftVersion, "status"> | undefined): asserts version {
  if (!version) throw new DraftError("errors.draftNotFound", 404);
  if (version.status !== "bozza") throw new DraftError("errors.draftFrozen");
}

export function updateVersionMeta(versionId: number, input: Omit<VersionInput, "strategyCode">, actorId: string) {
  db.transaction((tx) => {
    const before = tx.select().from(draftVersions).where(eq(draftVersions.id, versionId)).get();
    assertEditable(before);
    tx.update(draftVersions).set(input).where(eq(draftVersions.id, versionId)).run();
    recordAudit(tx, {
      actorId,
      action: "draft.version.update",
      subjectType: "draft_version",
      subjectId: versionId,
      before: { label: before.label, versionDate: before.versionDate, notes: before.notes },
      after: input,
    });
  });
}
