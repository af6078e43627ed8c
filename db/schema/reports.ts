import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "./accounts";
import { draftVersions } from "./drafts";
import { REPORT_KINDS } from "./enums";
import { meetings } from "./meetings";

/**
 * A report produced from the data: the report of a held meeting, or the participation report
 * (rapporto sulla partecipazione e controdeduzioni) of an STTM draft version. One per meeting or
 * version. Staff write the introduction and conclusions here; the rest is built from the data.
 */
export const reports = sqliteTable(
  "reports",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kind: text("kind", { enum: REPORT_KINDS }).notNull(),
    meetingId: integer("meeting_id").references(() => meetings.id),
    draftVersionId: integer("draft_version_id").references(() => draftVersions.id),
    introduction: text("introduction").notNull().default(""),
    conclusions: text("conclusions").notNull().default(""),
    createdAt: integer("created_at", { mode: "timestamp" })
      .notNull()
      .default(sql`(unixepoch())`),
    updatedAt: integer("updated_at", { mode: "timestamp" })
      .notNull()
      .default(sql`(unixepoch())`),
    updatedBy: text("updated_by").references(() => users.id),
  },
  (t) => [
    uniqueIndex("reports_meeting_unique")
      .on(t.meetingId)
      .where(sql`meeting_id is not null`),
    uniqueIndex("reports_version_unique")
      .on(t.draftVersionId)
      .where(sql`draft_version_id is not null`),
  ],
);

/**
 * A published version of a report: the whole document as it was published (JSON snapshot of a
 * ReportDocument), so that earlier versions stay readable after a correction. Never updated,
 * except to carry a later redaction of personal data into the text.
 */
export const reportVersions = sqliteTable(
  "report_versions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    reportId: integer("report_id")
      .notNull()
      .references(() => reports.id),
    number: integer("number").notNull(),
    title: text("title").notNull(),
    document: text("document").notNull(),
    /** Why this version replaces the previous one (empty for the first). */
    correctionNote: text("correction_note").notNull().default(""),
    publishedAt: integer("published_at", { mode: "timestamp" }).notNull(),
    publishedBy: text("published_by").references(() => users.id),
  },
  (t) => [uniqueIndex("report_versions_number_unique").on(t.reportId, t.number), index("report_versions_published_idx").on(t.publishedAt)],
);
