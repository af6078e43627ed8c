// Factory for a published report: the report row and its version 1 holding a given document,
// written directly (building and publishing reports is tested on their own).
import type { ReportDocument } from "~/domain/reports/document";
import { db } from "~/lib/db.server";
import { reports, reportVersions } from "~db/schema";
import { inTransaction, type Handle } from "./reference.server";

export type PublishedReportSpec = (
  | { kind: "participation"; draftVersionId: number }
  | { kind: "meeting"; meetingId: number }
) & {
  document: ReportDocument;
  introduction?: string;
  conclusions?: string;
  publishedAt?: Date;
  publishedBy?: string | null;
};

/** A report with version 1 published; returns the report's and the version's ids. */
export function createPublishedReport(spec: PublishedReportSpec, handle: Handle = db) {
  return inTransaction(handle, (tx) => {
    const reportId = tx
      .insert(reports)
      .values({
        kind: spec.kind,
        draftVersionId: spec.kind === "participation" ? spec.draftVersionId : null,
        meetingId: spec.kind === "meeting" ? spec.meetingId : null,
        introduction: spec.introduction ?? "",
        conclusions: spec.conclusions ?? "",
      })
      .returning({ id: reports.id })
      .get().id;
    const versionId = tx
      .insert(reportVersions)
      .values({
        reportId,
        number: 1,
        title: spec.document.title,
        document: JSON.stringify(spec.document),
        correctionNote: "",
        publishedAt: spec.publishedAt ?? new Date(),
        publishedBy: spec.publishedBy ?? null,
      })
      .returning({ id: reportVersions.id })
      .get().id;
    return { reportId, versionId };
  });
}
