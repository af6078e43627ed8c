import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "./accounts";
import { contributions } from "./contributions";
import { draftSections, draftVersions } from "./drafts";
import { FLAG_REASONS, FLAG_STATUSES, MODERATED_KINDS, OUTCOMES } from "./enums";

/**
 * The outcome given to a contribution or an amendment, with staff's reasoned response
 * (Markdown). One current row per item; every revision is kept in outcome_revisions.
 */
export const outcomes = sqliteTable(
  "outcomes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    itemKind: text("item_kind", { enum: ["contribution", "amendment"] }).notNull(),
    itemId: integer("item_id").notNull(),
    outcome: text("outcome", { enum: OUTCOMES }).notNull(),
    response: text("response").notNull(),
    decidedBy: text("decided_by").references(() => users.id),
    decidedAt: integer("decided_at", { mode: "timestamp" }).notNull(),
    revision: integer("revision").notNull().default(1),
  },
  (t) => [uniqueIndex("outcomes_item_unique").on(t.itemKind, t.itemId), index("outcomes_outcome_idx").on(t.outcome)],
);

/** Every outcome ever given, in order (the history of revisions). */
export const outcomeRevisions = sqliteTable(
  "outcome_revisions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    outcomeId: integer("outcome_id")
      .notNull()
      .references(() => outcomes.id),
    revision: integer("revision").notNull(),
    outcome: text("outcome", { enum: OUTCOMES }).notNull(),
    response: text("response").notNull(),
    decidedBy: text("decided_by").references(() => users.id),
    decidedAt: integer("decided_at", { mode: "timestamp" }).notNull(),
  },
  (t) => [uniqueIndex("outcome_revisions_unique").on(t.outcomeId, t.revision)],
);

/** Links from a contribution or an amendment to sections of a draft version. */
export const sectionLinks = sqliteTable(
  "section_links",
  {
    itemKind: text("item_kind", { enum: ["contribution", "amendment"] }).notNull(),
    itemId: integer("item_id").notNull(),
    sectionId: integer("section_id")
      .notNull()
      .references(() => draftSections.id),
    versionId: integer("version_id")
      .notNull()
      .references(() => draftVersions.id),
    linkedBy: text("linked_by").references(() => users.id),
    linkedAt: integer("linked_at", { mode: "timestamp" })
      .notNull()
      .default(sql`(unixepoch())`),
  },
  (t) => [
    primaryKey({ columns: [t.itemKind, t.itemId, t.sectionId, t.versionId] }),
    index("section_links_section_idx").on(t.sectionId, t.versionId),
  ],
);

/** A user's report (segnalazione) of published content; one per user and item. */
export const flags = sqliteTable(
  "flags",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    itemKind: text("item_kind", { enum: MODERATED_KINDS }).notNull(),
    itemId: integer("item_id").notNull(),
    reporterId: text("reporter_id")
      .notNull()
      .references(() => users.id),
    reason: text("reason", { enum: FLAG_REASONS }).notNull(),
    note: text("note"),
    status: text("status", { enum: FLAG_STATUSES }).notNull().default("open"),
    createdAt: integer("created_at", { mode: "timestamp" })
      .notNull()
      .default(sql`(unixepoch())`),
    resolvedAt: integer("resolved_at", { mode: "timestamp" }),
    resolvedBy: text("resolved_by").references(() => users.id),
  },
  (t) => [
    uniqueIndex("flags_one_per_reporter").on(t.itemKind, t.itemId, t.reporterId),
    index("flags_item_idx").on(t.itemKind, t.itemId, t.status),
    index("flags_status_idx").on(t.status, t.createdAt),
  ],
);

/** A passage of published text replaced because it held personal data; the rest is kept. */
export const redactions = sqliteTable(
  "redactions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    itemKind: text("item_kind", { enum: MODERATED_KINDS }).notNull(),
    itemId: integer("item_id").notNull(),
    reason: text("reason").notNull(),
    redactedBy: text("redacted_by").references(() => users.id),
    redactedAt: integer("redacted_at", { mode: "timestamp" })
      .notNull()
      .default(sql`(unixepoch())`),
  },
  (t) => [index("redactions_item_idx").on(t.itemKind, t.itemId)],
);

/** Contributions marked as duplicates of another (both kept). */
export const duplicates = sqliteTable(
  "duplicates",
  {
    contributionId: integer("contribution_id")
      .primaryKey()
      .references(() => contributions.id),
    duplicateOf: integer("duplicate_of")
      .notNull()
      .references(() => contributions.id),
    markedBy: text("marked_by").references(() => users.id),
    markedAt: integer("marked_at", { mode: "timestamp" })
      .notNull()
      .default(sql`(unixepoch())`),
  },
  (t) => [index("duplicates_of_idx").on(t.duplicateOf)],
);

/** Which notifications a participant wants; absent row = all on. */
export const notificationPreferences = sqliteTable(
  "notification_preferences",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    enabled: integer("enabled", { mode: "boolean" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);
