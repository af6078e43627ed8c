// The report store: one report per held meeting or per STTM draft version, the texts staff write
// (introduction, conclusions) and the published versions, each a frozen ReportDocument.
import { and, desc, eq, sql } from "drizzle-orm";
import { recordAudit } from "~/domain/audit/audit.server";
import { db, type Tx } from "~/lib/db.server";
import { DomainError } from "~/lib/domain-error";
import { renderMarkdown } from "~/lib/markdown.server";
import { reports, reportVersions, type ReportKind } from "~db/schema";
import { flattenSections, type ReportDocument, type ReportItemRef } from "./document";

export type Report = typeof reports.$inferSelect;
export type ReportSubject = { kind: "meeting"; meetingId: number } | { kind: "participation"; draftVersionId: number };

export type ReportVersionSummary = { id: number; number: number; title: string; correctionNote: string; publishedAt: Date };
export type PublishedReport = ReportVersionSummary & { reportId: number; document: ReportDocument };

export const MAX_REPORT_TEXT = 50_000;
export const MAX_CORRECTION_NOTE = 2_000;

function subjectCondition(subject: ReportSubject) {
  return subject.kind === "meeting" ? eq(reports.meetingId, subject.meetingId) : eq(reports.draftVersionId, subject.draftVersionId);
}

/** The report about a meeting or a version, if staff have started one. */
export async function findReport(subject: ReportSubject): Promise<Report | undefined> {
  return db.select().from(reports).where(subjectCondition(subject)).get();
}

export async function getReport(id: number): Promise<Report | undefined> {
  return db.select().from(reports).where(eq(reports.id, id)).get();
}

function ensureIn(tx: Tx, subject: ReportSubject): Report {
  const existing = tx.select().from(reports).where(subjectCondition(subject)).get();
  if (existing) return existing;
  return tx
    .insert(reports)
    .values({
      kind: subject.kind satisfies ReportKind,
      meetingId: subject.kind === "meeting" ? subject.meetingId : null,
      draftVersionId: subject.kind === "participation" ? subject.draftVersionId : null,
    })
    .returning()
    .get();
}

/** The report about a subject, created empty the first time (the caller has checked the subject exists). */
export function ensureReport(subject: ReportSubject): Report {
  return db.transaction((tx) => ensureIn(tx, subject));
}

/** Saves the introduction and conclusions staff write (Markdown), with an audit entry. */
export function saveReportTexts(input: { actorId: string; subject: ReportSubject; introduction: string; conclusions: string; now?: Date }): Report {
  const now = input.now ?? new Date();
  return db.transaction((tx) => {
    const report = ensureIn(tx, input.subject);
    const after = { introduction: input.introduction, conclusions: input.conclusions };
    const row = tx
      .update(reports)
      .set({ ...after, updatedAt: now, updatedBy: input.actorId })
      .where(eq(reports.id, report.id))
      .returning()
      .get();
    recordAudit(tx, {
      actorId: input.actorId,
      action: "report.texts_saved",
      subjectType: "report",
      subjectId: report.id,
      before: { introductionLength: report.introduction.length, conclusionsLength: report.conclusions.length },
      after: { introductionLength: after.introduction.length, conclusionsLength: after.conclusions.length },
    });
    return row;
  });
}

/**
 * Publishes a new version of a report: the document as built now is frozen. The first version has
 * number 1; a correction makes number n+1 and must say why (`correctionNote`). Earlier versions stay.
 */
export function publishReportVersion(input: {
  actorId: string;
  subject: ReportSubject;
  document: ReportDocument;
  correctionNote?: string;
  now?: Date;
}): { reportId: number; number: number; versionId: number } {
  const now = input.now ?? new Date();
  const note = (input.correctionNote ?? "").trim();
  return db.transaction((tx) => {
    const report = ensureIn(tx, input.subject);
    const last = tx
      .select({ number: sql<number>`coalesce(max(${reportVersions.number}), 0)` })
      .from(reportVersions)
      .where(eq(reportVersions.reportId, report.id))
      .get();
    const number = (last?.number ?? 0) + 1;
    if (number > 1 && !note) throw new ReportError("reports.error.correctionNoteRequired", 400, { field: "correctionNote" });
    const row = tx
      .insert(reportVersions)
      .values({
        reportId: report.id,
        number,
        title: input.document.title,
        document: JSON.stringify(stripHtml(input.document)),
        correctionNote: note,
        publishedAt: now,
        publishedBy: input.actorId,
      })
      .returning({ id: reportVersions.id })
      .get();
    recordAudit(tx, {
      actorId: input.actorId,
      action: number === 1 ? "report.published" : "report.corrected",
      subjectType: "report",
      subjectId: report.id,
      after: { version: number, versionId: row.id, items: input.document.data.length },
    });
    return { reportId: report.id, number, versionId: row.id };
  });
}

/** A refused publication (e.g. a correction without its note); `field` is the form field at fault. */
export class ReportError extends DomainError {}

/** The published versions of a report, newest first. */
export async function listReportVersions(reportId: number): Promise<ReportVersionSummary[]> {
  return db
    .select({
      id: reportVersions.id,
      number: reportVersions.number,
      title: reportVersions.title,
      correctionNote: reportVersions.correctionNote,
      publishedAt: reportVersions.publishedAt,
    })
    .from(reportVersions)
    .where(eq(reportVersions.reportId, reportId))
    .orderBy(desc(reportVersions.number))
    .all();
}

/** One published version (the latest when `number` is omitted). */
export async function getPublishedReport(reportId: number, number?: number): Promise<PublishedReport | undefined> {
  const row = db
    .select()
    .from(reportVersions)
    .where(number === undefined ? eq(reportVersions.reportId, reportId) : and(eq(reportVersions.reportId, reportId), eq(reportVersions.number, number)))
    .orderBy(desc(reportVersions.number))
    .limit(1)
    .get();
  if (!row) return undefined;
  return {
    id: row.id,
    reportId: row.reportId,
    number: row.number,
    title: row.title,
    correctionNote: row.correctionNote,
    publishedAt: row.publishedAt,
    document: JSON.parse(row.document) as ReportDocument,
  };
}

/** Removes the rendered HTML (it is derived, and would go stale if the sanitizer changes). */
function stripHtml(doc: ReportDocument): ReportDocument {
  return JSON.parse(JSON.stringify(doc, (key, value) => (key === "html" ? undefined : value))) as ReportDocument;
}

/** Fills the `html` of every Markdown block (sanitized), for a page or the print view. */
export function withRenderedHtml(doc: ReportDocument): ReportDocument {
  const copy = stripHtml(doc);
  for (const { section } of flattenSections(copy.sections)) {
    for (const block of section.blocks) {
      if (block.type === "text") block.html = renderMarkdown(block.markdown);
      if (block.type === "item") {
        block.html = renderMarkdown(block.markdown);
        if (block.outcome) block.outcome.html = renderMarkdown(block.outcome.markdown);
      }
    }
  }
  return copy;
}

/**
 * Carries a redaction of personal data into the published reports, where they quote the item: the
 * passage is replaced in the item's own blocks and data rows only (a report that does not quote
 * the item, or quotes the same words from another item, is left byte for byte as it was). Runs in
 * the redaction's transaction. Returns how many report versions changed.
 */
export function redactItemInReports(tx: Tx, ref: ReportItemRef, passage: string, placeholder: string): number {
  if (!passage) return 0;
  // Cheap pre-filters in SQL: documents that name the item and may contain the passage.
  const needle = JSON.stringify(passage).slice(1, -1);
  const quoted = JSON.stringify({ kind: ref.kind, id: ref.id });
  const rows = tx
    .select({ id: reportVersions.id, document: reportVersions.document })
    .from(reportVersions)
    .where(and(sql`instr(${reportVersions.document}, ${needle}) > 0`, sql`instr(${reportVersions.document}, ${quoted}) > 0`))
    .all();
  const scrub = <T>(value: T): T => JSON.parse(JSON.stringify(value), (_key, v) => (typeof v === "string" && v.includes(passage) ? v.split(passage).join(placeholder) : v));
  const isItem = (r: ReportItemRef) => r.kind === ref.kind && r.id === ref.id;
  let changed = 0;
  for (const row of rows) {
    const doc = JSON.parse(row.document) as ReportDocument;
    for (const { section } of flattenSections(doc.sections)) {
      section.blocks = section.blocks.map((b) => (b.type === "item" && isItem(b.ref) ? scrub(b) : b));
    }
    doc.data = doc.data.map((d) => (isItem(d.ref) ? scrub(d) : d));
    const document = JSON.stringify(doc);
    if (document === row.document) continue;
    tx.update(reportVersions).set({ document }).where(eq(reportVersions.id, row.id)).run();
    changed++;
  }
  return changed;
}
