import { and, asc, eq, gt, inArray, sql } from "drizzle-orm";
import { db, type Tx } from "~/lib/db.server";
import { recordAudit } from "~/domain/audit/audit.server";
import { draftSectionObjectives, draftSections, draftSectionTargets, draftSectionTexts, draftVersions, frameworks, objectives, targets } from "~db/schema";
import { fillNumbers, MAX_DEPTH } from "./import-markdown";
import { assertEditable, DraftError, versionSections, type SectionText } from "./versions.server";

export type SectionInput = {
  number: string;
  title: string;
  depth: number;
  body: string;
  frameworkCode: string | null;
  targetCodes: string[];
  objectiveCodes: string[];
};

/** One section text (with its version's id), or undefined. */
export function getSectionText(sectionTextId: number): (SectionText & { versionId: number }) | undefined {
  if (!Number.isSafeInteger(sectionTextId) || sectionTextId <= 0) return undefined;
  const row = db.select().from(draftSectionTexts).where(eq(draftSectionTexts.id, sectionTextId)).get();
  if (!row) return undefined;
  const section = versionSections(row.versionId).find((s) => s.id === sectionTextId);
  return section && { ...section, versionId: row.versionId };
}

/** The tree is coherent: positions 0..n-1, first section at depth 1, never deeper than its predecessor + 1. */
function checkTree(tx: Tx, versionId: number) {
  const rows = tx
    .select({ depth: draftSectionTexts.depth, position: draftSectionTexts.position })
    .from(draftSectionTexts)
    .where(eq(draftSectionTexts.versionId, versionId))
    .orderBy(asc(draftSectionTexts.position))
    .all();
  let previous = 0;
  rows.forEach((r, i) => {
    if (r.position !== i) throw new Error(`positions out of order in version ${versionId}`);
    if (r.depth < 1 || r.depth > MAX_DEPTH || r.depth > previous + 1) throw new DraftError("errors.draftDepth", 400);
    previous = r.depth;
  });
}

/** The framework must exist, work targets must be the version's STTM's, objectives must exist. */
function checkLinks(tx: Tx, strategyCode: string, input: Pick<SectionInput, "frameworkCode" | "targetCodes" | "objectiveCodes">) {
  if (input.frameworkCode && !tx.select({ code: frameworks.code }).from(frameworks).where(eq(frameworks.code, input.frameworkCode)).get()) {
    throw new DraftError("errors.draftFramework", 400);
  }
  if (input.targetCodes.length) {
    const found = tx
      .select({ code: targets.code })
      .from(targets)
      .where(and(inArray(targets.code, input.targetCodes), eq(targets.strategyCode, strategyCode)))
      .all();
    if (found.length !== new Set(input.targetCodes).size) throw new DraftError("errors.draftTargets", 400);
  }
  if (input.objectiveCodes.length) {
    const found = tx.select({ code: objectives.code }).from(objectives).where(inArray(objectives.code, input.objectiveCodes)).all();
    if (found.length !== new Set(input.objectiveCodes).size) throw new DraftError("errors.draftObjectives", 400);
  }
}

function writeLinks(tx: Tx, sectionTextId: number, input: Pick<SectionInput, "targetCodes" | "objectiveCodes">) {
  tx.delete(draftSectionTargets).where(eq(draftSectionTargets.sectionTextId, sectionTextId)).run();
  tx.delete(draftSectionObjectives).where(eq(draftSectionObjectives.sectionTextId, sectionTextId)).run();
  for (const code of new Set(input.targetCodes)) tx.insert(draftSectionTargets).values({ sectionTextId, targetCode: code }).run();
  for (const code of new Set(input.objectiveCodes)) tx.insert(draftSectionObjectives).values({ sectionTextId, objectiveCode: code }).run();
}

function editableVersion(tx: Tx, versionId: number) {
  const version = tx.select().from(draftVersions).where(eq(draftVersions.id, versionId)).get();
  assertEditable(version);
  return version;
}

/** Adds a new section (a new identity) after `afterSectionTextId`, or at the end. */
export function addSection(versionId: number, input: SectionInput & { afterSectionTextId?: number | null }, actorId: string): number {
  return db.transaction((tx) => {
    const version = editableVersion(tx, versionId);
    checkLinks(tx, version.strategyCode, input);
    const all = tx.select().from(draftSectionTexts).where(eq(draftSectionTexts.versionId, versionId)).orderBy(asc(draftSectionTexts.position)).all();
    let position = all.length;
    if (input.afterSectionTextId) {
      const after = all.find((s) => s.id === input.afterSectionTextId);
      if (!after) throw new DraftError("errors.draftSectionNotFound", 400);
      position = after.position + 1;
      tx.update(draftSectionTexts)
        .set({ position: sql`${draftSectionTexts.position} + 1` })
        .where(and(eq(draftSectionTexts.versionId, versionId), gt(draftSectionTexts.position, after.position)))
        .run();
    }
    const sectionId = tx.insert(draftSections).values({ strategyCode: version.strategyCode }).returning({ id: draftSections.id }).get().id;
    const { id } = tx
      .insert(draftSectionTexts)
      .values({ versionId, sectionId, number: input.number, title: input.title, body: input.body, depth: input.depth, position, frameworkCode: input.frameworkCode })
      .returning({ id: draftSectionTexts.id })
      .get();
    writeLinks(tx, id, input);
    checkTree(tx, versionId);
    recordAudit(tx, { actorId, action: "draft.section.add", subjectType: "draft_section_text", subjectId: id, after: { versionId, sectionId, number: input.number, title: input.title } });
    return id;
  });
}

export function updateSection(sectionTextId: number, input: SectionInput, actorId: string) {
  db.transaction((tx) => {
    const before = tx.select().from(draftSectionTexts).where(eq(draftSectionTexts.id, sectionTextId)).get();
    if (!before) throw new DraftError("errors.draftSectionNotFound", 404);
    const version = editableVersion(tx, before.versionId);
    checkLinks(tx, version.strategyCode, input);
    tx.update(draftSectionTexts)
      .set({ number: input.number, title: input.title, body: input.body, depth: input.depth, frameworkCode: input.frameworkCode })
      .where(eq(draftSectionTexts.id, sectionTextId))
      .run();
    writeLinks(tx, sectionTextId, input);
    checkTree(tx, before.versionId);
    recordAudit(tx, {
      actorId,
      action: "draft.section.update",
      subjectType: "draft_section_text",
      subjectId: sectionTextId,
      before: { number: before.number, title: before.title, depth: before.depth, frameworkCode: before.frameworkCode, bodyLength: before.body.length },
      after: { number: input.number, title: input.title, depth: input.depth, frameworkCode: input.frameworkCode, bodyLength: input.body.length },
    });
  });
}

/** The section and its subsections: [start, end) in document order. */
function subtree(sections: { depth: number }[], start: number) {
  let end = start + 1;
  while (end < sections.length && sections[end].depth > sections[start].depth) end++;
  return end;
}

/**
 * Moves a section, with its subsections, before its previous sibling ("up") or after its next
 * sibling ("down"). Numbers are not changed (they are the document's text): "Rinumera" does that.
 * Returns false when there is no sibling to swap with.
 */
export function moveSection(sectionTextId: number, direction: "up" | "down", actorId: string): boolean {
  return db.transaction((tx) => {
    const row = tx.select().from(draftSectionTexts).where(eq(draftSectionTexts.id, sectionTextId)).get();
    if (!row) throw new DraftError("errors.draftSectionNotFound", 404);
    editableVersion(tx, row.versionId);
    const all = tx.select().from(draftSectionTexts).where(eq(draftSectionTexts.versionId, row.versionId)).orderBy(asc(draftSectionTexts.position)).all();
    const i = all.findIndex((s) => s.id === sectionTextId);
    const end = subtree(all, i);
    let first: [number, number];
    let second: [number, number];
    if (direction === "up") {
      let k = i - 1;
      while (k >= 0 && all[k].depth > row.depth) k--;
      if (k < 0 || all[k].depth !== row.depth) return false;
      first = [i, end];
      second = [k, i];
    } else {
      if (end >= all.length || all[end].depth !== row.depth) return false;
      first = [end, subtree(all, end)];
      second = [i, end];
    }
    // New order: block `first` then block `second`, in place of both.
    const start = Math.min(first[0], second[0]);
    const reordered = [...all.slice(first[0], first[1]), ...all.slice(second[0], second[1])];
    reordered.forEach((s, k) => tx.update(draftSectionTexts).set({ position: start + k }).where(eq(draftSectionTexts.id, s.id)).run());
    checkTree(tx, row.versionId);
    recordAudit(tx, { actorId, action: "draft.section.move", subjectType: "draft_section_text", subjectId: sectionTextId, before: { position: row.position }, after: { direction } });
    return true;
  });
}

/**
 * Removes a section from this version. Its identity (and any comment made on it in an earlier
 * version) stays. A section with subsections is refused: remove or move them first.
 */
export function deleteSection(sectionTextId: number, actorId: string) {
  db.transaction((tx) => {
    const row = tx.select().from(draftSectionTexts).where(eq(draftSectionTexts.id, sectionTextId)).get();
    if (!row) throw new DraftError("errors.draftSectionNotFound", 404);
    editableVersion(tx, row.versionId);
    const all = tx.select().from(draftSectionTexts).where(eq(draftSectionTexts.versionId, row.versionId)).orderBy(asc(draftSectionTexts.position)).all();
    const i = all.findIndex((s) => s.id === sectionTextId);
    if (subtree(all, i) > i + 1) throw new DraftError("errors.draftHasChildren");
    tx.delete(draftSectionTexts).where(eq(draftSectionTexts.id, sectionTextId)).run();
    tx.update(draftSectionTexts)
      .set({ position: sql`${draftSectionTexts.position} - 1` })
      .where(and(eq(draftSectionTexts.versionId, row.versionId), gt(draftSectionTexts.position, row.position)))
      .run();
    checkTree(tx, row.versionId);
    recordAudit(tx, {
      actorId,
      action: "draft.section.delete",
      subjectType: "draft_section_text",
      subjectId: sectionTextId,
      before: { versionId: row.versionId, sectionId: row.sectionId, number: row.number, title: row.title },
    });
  });
}

/** Numbers every section from the tree (1, 1.1, 1.1.1 …), keeping "0" for a preamble. */
export function renumberSections(versionId: number, actorId: string) {
  db.transaction((tx) => {
    editableVersion(tx, versionId);
    const all = versionSections(versionId, tx);
    const preamble = all[0]?.number === "0" ? all.slice(0, 1) : [];
    const rest = all.slice(preamble.length).map((s) => ({ ...s, number: "", numbered: false }));
    fillNumbers(rest);
    const changed = rest.filter((s, i) => s.number !== all[preamble.length + i].number);
    for (const s of changed) tx.update(draftSectionTexts).set({ number: s.number }).where(eq(draftSectionTexts.id, s.id)).run();
    recordAudit(tx, { actorId, action: "draft.sections.renumber", subjectType: "draft_version", subjectId: versionId, after: { changed: changed.length } });
  });
}

export type { SectionText };
