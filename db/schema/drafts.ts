import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { organizations, users } from "./accounts";
import { DRAFT_VERSION_STATUSES, PARTICIPATION_STATUSES } from "./enums";
import { frameworks, objectives, strategies, targets } from "./plan";

/** A version of an STTM document, e.g. "v0.1 – progetto preliminare". */
export const draftVersions = sqliteTable(
  "draft_versions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    strategyCode: text("strategy_code")
      .notNull()
      .references(() => strategies.code),
    label: text("label").notNull(),
    /** The version's date as printed on it, "YYYY-MM-DD". */
    versionDate: text("version_date").notNull(),
    notes: text("notes").notNull().default(""),
    status: text("status", { enum: DRAFT_VERSION_STATUSES }).notNull().default("bozza"),
    /** When it went into consultation: art. 7bis counts the 90 days from here. */
    publishedAt: integer("published_at", { mode: "timestamp" }),
    commentsOpenFrom: integer("comments_open_from", { mode: "timestamp" }),
    commentsOpenUntil: integer("comments_open_until", { mode: "timestamp" }),
    closedAt: integer("closed_at", { mode: "timestamp" }),
    adoptedAt: integer("adopted_at", { mode: "timestamp" }),
    basedOnVersionId: integer("based_on_version_id"),
    createdAt: integer("created_at", { mode: "timestamp" })
      .notNull()
      .default(sql`(unixepoch())`),
    createdBy: text("created_by").references(() => users.id),
  },
  (t) => [
    index("draft_versions_strategy_idx").on(t.strategyCode, t.createdAt),
    // Only one version of an STTM in consultation at a time.
    uniqueIndex("draft_versions_one_in_consultation")
      .on(t.strategyCode)
      .where(sql`status = 'in_consultazione'`),
  ],
);

/**
 * The stable identity of a section across versions: a section carried into v0.2 is the same
 * section, so comments, amendments and links made on v0.1 stay traceable.
 */
export const draftSections = sqliteTable(
  "draft_sections",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    strategyCode: text("strategy_code")
      .notNull()
      .references(() => strategies.code),
    createdAt: integer("created_at", { mode: "timestamp" })
      .notNull()
      .default(sql`(unixepoch())`),
  },
  (t) => [index("draft_sections_strategy_idx").on(t.strategyCode)],
);

/** A section's content in one version: the tree is given by `position` (document order) and `depth`. */
export const draftSectionTexts = sqliteTable(
  "draft_section_texts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    versionId: integer("version_id")
      .notNull()
      .references(() => draftVersions.id, { onDelete: "cascade" }),
    sectionId: integer("section_id")
      .notNull()
      .references(() => draftSections.id),
    /** e.g. "2.3" */
    number: text("number").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull().default(""),
    depth: integer("depth").notNull(),
    position: integer("position").notNull(),
    frameworkCode: text("framework_code").references(() => frameworks.code),
  },
  (t) => [
    uniqueIndex("draft_section_texts_version_section").on(t.versionId, t.sectionId),
    index("draft_section_texts_version_position").on(t.versionId, t.position),
    index("draft_section_texts_section_idx").on(t.sectionId),
  ],
);

export const draftSectionTargets = sqliteTable(
  "draft_section_targets",
  {
    sectionTextId: integer("section_text_id")
      .notNull()
      .references(() => draftSectionTexts.id, { onDelete: "cascade" }),
    targetCode: text("target_code")
      .notNull()
      .references(() => targets.code),
  },
  (t) => [primaryKey({ columns: [t.sectionTextId, t.targetCode] })],
);

export const draftSectionObjectives = sqliteTable(
  "draft_section_objectives",
  {
    sectionTextId: integer("section_text_id")
      .notNull()
      .references(() => draftSectionTexts.id, { onDelete: "cascade" }),
    objectiveCode: text("objective_code")
      .notNull()
      .references(() => objectives.code),
  },
  (t) => [primaryKey({ columns: [t.sectionTextId, t.objectiveCode] })],
);

/** A comment on a section, made on a given version; threaded through `parentId`. */
export const sectionComments = sqliteTable(
  "section_comments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    sectionId: integer("section_id")
      .notNull()
      .references(() => draftSections.id),
    versionId: integer("version_id")
      .notNull()
      .references(() => draftVersions.id),
    parentId: integer("parent_id"),
    authorId: text("author_id")
      .notNull()
      .references(() => users.id),
    organizationId: integer("organization_id").references(() => organizations.id),
    body: text("body").notNull(),
    status: text("status", { enum: PARTICIPATION_STATUSES }).notNull().default("pending"),
    createdAt: integer("created_at", { mode: "timestamp" })
      .notNull()
      .default(sql`(unixepoch())`),
    editedAt: integer("edited_at", { mode: "timestamp" }),
    deletedAt: integer("deleted_at", { mode: "timestamp" }),
  },
  (t) => [
    index("section_comments_section_idx").on(t.sectionId, t.status, t.createdAt),
    index("section_comments_version_idx").on(t.versionId, t.status),
    index("section_comments_author_idx").on(t.authorId),
    index("section_comments_status_idx").on(t.status, t.createdAt),
  ],
);

/** A proposed replacement text for a section (shown as a diff against the text it was made on). */
export const amendments = sqliteTable(
  "amendments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    sectionId: integer("section_id")
      .notNull()
      .references(() => draftSections.id),
    versionId: integer("version_id")
      .notNull()
      .references(() => draftVersions.id),
    authorId: text("author_id")
      .notNull()
      .references(() => users.id),
    organizationId: integer("organization_id").references(() => organizations.id),
    proposedText: text("proposed_text").notNull(),
    rationale: text("rationale").notNull().default(""),
    status: text("status", { enum: PARTICIPATION_STATUSES }).notNull().default("pending"),
    createdAt: integer("created_at", { mode: "timestamp" })
      .notNull()
      .default(sql`(unixepoch())`),
    withdrawnAt: integer("withdrawn_at", { mode: "timestamp" }),
  },
  (t) => [
    index("amendments_section_idx").on(t.sectionId, t.status, t.createdAt),
    index("amendments_version_idx").on(t.versionId, t.status),
    index("amendments_author_idx").on(t.authorId),
    index("amendments_status_idx").on(t.status, t.createdAt),
  ],
);
