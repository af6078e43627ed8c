// One version of a report as the print view and the download routes serve it: a published
// version (public, frozen) or the live draft built now from the data (staff only, report.manage).
import { createHash } from "node:crypto";
import { requirePermission } from "~/domain/accounts/session.server";
import { buildReportDocument } from "./build.server";
import { fileSlug, type ReportDocument } from "./document";
import type { ExportVersion } from "./export-context";
import { getPublishedReport, getReport } from "./reports.server";

export type ReportForFormats = {
  reportId: number;
  document: ReportDocument;
  version: ExportVersion;
  /** report_versions.id of a published version (the PDF cache key), null for the draft. */
  versionId: number | null;
};

/** A published version's number, or the live draft (as in the URLs: /rapporti/3/2.pdf, /rapporti/3/bozza.pdf). */
export type ReportVersionRef = number | "bozza";

export type ReportLookupFailure = "report" | "version" | "draft";

/**
 * The document of `version` of report `reportId`, or why there is none. Asking for the draft
 * without report.manage throws the log-in redirect or the 403 first, whether the report exists or not.
 */
export async function loadReportForFormats(request: Request, reportId: number, version: ReportVersionRef, now = new Date()): Promise<ReportForFormats | ReportLookupFailure> {
  if (version === "bozza") {
    await requirePermission(request, "report.manage");
    const report = await getReport(reportId);
    if (!report) return "report";
    const document = await buildReportDocument(report, now);
    if (!document) return "draft";
    return { reportId, document, version: { kind: "draft" }, versionId: null };
  }
  const published = await getPublishedReport(reportId, version);
  if (!published) return (await getReport(reportId)) ? "version" : "report";
  return {
    reportId,
    document: published.document,
    version: { kind: "published", number: published.number, publishedAt: published.publishedAt, correctionNote: published.correctionNote },
    versionId: published.id,
  };
}

/** "rapporto-incontro-di-avvio-v2" / "…-bozza-2027-04-02": the file name without extension. */
export function reportFileBase(found: ReportForFormats, now = new Date()): string {
  const suffix = found.version.kind === "draft" ? `bozza-${now.toISOString().slice(0, 10)}` : `v${found.version.number}`;
  return `${fileSlug(found.document.title)}-${suffix}`;
}

/** A strong validator of a file's bytes (published files answer 304 to a matching If-None-Match). */
export function etagOf(content: string | Uint8Array): string {
  return `"${createHash("sha256").update(content).digest("base64url").slice(0, 27)}"`;
}
