// Builds a report's document as of now from the data, whatever its kind, with the texts staff
// wrote (the live draft: staff preview and the `bozza` files).
import type { ReportDocument } from "./document";
import { buildMeetingReport } from "./meeting-report.server";
import { buildParticipationReport } from "./participation-report.server";
import type { Report } from "./reports.server";

/** Undefined when the meeting or version the report is about no longer exists. */
export async function buildReportDocument(report: Report, now: Date = new Date()): Promise<ReportDocument | undefined> {
  const texts = { introduction: report.introduction, conclusions: report.conclusions };
  switch (report.kind) {
    case "meeting":
      return report.meetingId === null ? undefined : buildMeetingReport(report.meetingId, texts, now);
    case "participation":
      return report.draftVersionId === null ? undefined : buildParticipationReport(report.draftVersionId, texts, now);
  }
}
