import { sql } from "drizzle-orm";
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { organizations, users } from "./accounts";
import { draftSections, draftVersions } from "./drafts";
import { CONTRIBUTION_KINDS, CONTRIBUTION_STATUSES, PARTICIPATION_STATUSES, PLACE_KINDS } from "./enums";
import { meetings } from "./meetings";
import { objectives, strategies, targets } from "./plan";
import { processes } from "./processes";
import { comuni, zones } from "./territory";

/**
 * What a participant brings to the consultation. Made online by its author, or entered by staff
 * after a meeting on behalf of the organization that spoke (`enteredBy` set, `meetingId` set).
 * Placed as a point, a line or a polygon (GeoJSON, WGS84) or as whole comuni; the comuni and
 * zones it touches are derived on the server (contribution_comuni, contribution_zones).
 */
export const contributions = sqliteTable(
  "contributions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    processId: integer("process_id")
      .notNull()
      .references(() => processes.id),
    kind: text("kind", { enum: CONTRIBUTION_KINDS }).notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    strategyCode: text("strategy_code").references(() => strategies.code),
    authorId: text("author_id").references(() => users.id),
    organizationId: integer("organization_id").references(() => organizations.id),
    /** The comune named when a contribution entered at a meeting has no geometry. */
    comuneIstat: text("comune_istat").references(() => comuni.istat),
    meetingId: integer("meeting_id").references(() => meetings.id),
    /** Made on a section of a draft version (stable section id + the version it was read in). */
    draftSectionId: integer("draft_section_id").references(() => draftSections.id),
    draftVersionId: integer("draft_version_id").references(() => draftVersions.id),
    enteredBy: text("entered_by").references(() => users.id),
    placeKind: text("place_kind", { enum: PLACE_KINDS }),
    /** GeoJSON geometry (WGS84), for point, line and polygon places. */
    geometry: text("geometry"),
    minLon: real("min_lon"),
    minLat: real("min_lat"),
    maxLon: real("max_lon"),
    maxLat: real("max_lat"),
    /** A representative point (the point itself, or a point on the line/area/comuni) for map clustering. */
    lon: real("lon"),
    lat: real("lat"),
    status: text("status", { enum: CONTRIBUTION_STATUSES }).notNull().default("pending"),
    /** The last message from moderators to the author (shown in "my contributions"). */
    moderatorMessage: text("moderator_message"),
    /** Set while a moderator has sent it back to its author for changes (out of the queue until edited). */
    changesRequestedAt: integer("changes_requested_at", { mode: "timestamp" }),
    supportCount: integer("support_count").notNull().default(0),
    createdAt: integer("created_at", { mode: "timestamp" })
      .notNull()
      .default(sql`(unixepoch())`),
    updatedAt: integer("updated_at", { mode: "timestamp" })
      .notNull()
      .default(sql`(unixepoch())`),
    publishedAt: integer("published_at", { mode: "timestamp" }),
    withdrawnAt: integer("withdrawn_at", { mode: "timestamp" }),
  },
  (t) => [
    index("contributions_meeting_idx").on(t.meetingId),
    index("contributions_author_idx").on(t.authorId, t.createdAt),
    index("contributions_status_idx").on(t.status, t.createdAt),
    index("contributions_org_idx").on(t.organizationId),
    index("contributions_public_list_idx").on(t.status, t.publishedAt, t.id),
    index("contributions_strategy_idx").on(t.strategyCode, t.status, t.publishedAt),
    index("contributions_kind_idx").on(t.kind, t.status, t.publishedAt),
    index("contributions_point_idx").on(t.status, t.lon, t.lat),
    index("contributions_section_idx").on(t.draftSectionId),
    index("contributions_supported_idx").on(t.status, t.supportCount, t.publishedAt, t.id),
    index("contributions_comune_idx").on(t.comuneIstat),
    index("contributions_process_idx").on(t.processId, t.status),
  ],
);

export const contributionTargets = sqliteTable(
  "contribution_targets",
  {
    contributionId: integer("contribution_id")
      .notNull()
      .references(() => contributions.id, { onDelete: "cascade" }),
    targetCode: text("target_code")
      .notNull()
      .references(() => targets.code),
  },
  (t) => [primaryKey({ columns: [t.contributionId, t.targetCode] }), index("contribution_targets_code_idx").on(t.targetCode, t.contributionId)],
);

export const contributionObjectives = sqliteTable(
  "contribution_objectives",
  {
    contributionId: integer("contribution_id")
      .notNull()
      .references(() => contributions.id, { onDelete: "cascade" }),
    objectiveCode: text("objective_code")
      .notNull()
      .references(() => objectives.code),
  },
  (t) => [primaryKey({ columns: [t.contributionId, t.objectiveCode] }), index("contribution_objectives_code_idx").on(t.objectiveCode, t.contributionId)],
);

/** The comuni a contribution touches (derived from its geometry, or chosen when the place is whole comuni). */
export const contributionComuni = sqliteTable(
  "contribution_comuni",
  {
    contributionId: integer("contribution_id")
      .notNull()
      .references(() => contributions.id, { onDelete: "cascade" }),
    istat: text("istat")
      .notNull()
      .references(() => comuni.istat),
  },
  (t) => [primaryKey({ columns: [t.contributionId, t.istat] }), index("contribution_comuni_istat_idx").on(t.istat, t.contributionId)],
);

/** The zones a contribution touches (derived from its comuni). */
export const contributionZones = sqliteTable(
  "contribution_zones",
  {
    contributionId: integer("contribution_id")
      .notNull()
      .references(() => contributions.id, { onDelete: "cascade" }),
    zoneId: text("zone_id")
      .notNull()
      .references(() => zones.id),
  },
  (t) => [primaryKey({ columns: [t.contributionId, t.zoneId] }), index("contribution_zones_zone_idx").on(t.zoneId, t.contributionId)],
);

/** "Sostengo": once per person; an organization co-signs once (through an approved member). */
export const contributionSupports = sqliteTable(
  "contribution_supports",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    contributionId: integer("contribution_id")
      .notNull()
      .references(() => contributions.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    /** Set when the support is an organization's co-signature. */
    organizationId: integer("organization_id").references(() => organizations.id),
    createdAt: integer("created_at", { mode: "timestamp" })
      .notNull()
      .default(sql`(unixepoch())`),
  },
  (t) => [
    uniqueIndex("contribution_supports_person_unique")
      .on(t.contributionId, t.userId)
      .where(sql`organization_id is null`),
    uniqueIndex("contribution_supports_org_unique")
      .on(t.contributionId, t.organizationId)
      .where(sql`organization_id is not null`),
    index("contribution_supports_user_idx").on(t.userId),
  ],
);

/** A PDF or image attached to a contribution (bytes on disk under UPLOADS_DIR, named by SHA-256). */
export const contributionAttachments = sqliteTable(
  "contribution_attachments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    contributionId: integer("contribution_id")
      .notNull()
      .references(() => contributions.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    fileName: text("file_name").notNull(),
    mimeType: text("mime_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    sha256: text("sha256").notNull(),
    uploadedAt: integer("uploaded_at", { mode: "timestamp" })
      .notNull()
      .default(sql`(unixepoch())`),
  },
  (t) => [index("contribution_attachments_contribution_idx").on(t.contributionId)],
);

/**
 * What a person typed into a form, kept when the submission could not be completed (e.g. the
 * session expired): keyed by an unguessable token carried through the log-in redirect, and
 * short-lived. Also used for the saved draft of the contribution form of a signed-in user.
 */
export const formStashes = sqliteTable(
  "form_stashes",
  {
    token: text("token").primaryKey(),
    userId: text("user_id").references(() => users.id, { onDelete: "cascade" }),
    path: text("path").notNull(),
    payload: text("payload").notNull(),
    createdAt: integer("created_at", { mode: "timestamp" })
      .notNull()
      .default(sql`(unixepoch())`),
    expiresAt: integer("expires_at", { mode: "timestamp" }).notNull(),
  },
  (t) => [index("form_stashes_user_idx").on(t.userId, t.path), index("form_stashes_expiry_idx").on(t.expiresAt)],
);

/** A comment on a published contribution, threaded through `parentId`; moderated like section comments. */
export const contributionComments = sqliteTable(
  "contribution_comments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    contributionId: integer("contribution_id")
      .notNull()
      .references(() => contributions.id, { onDelete: "cascade" }),
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
    index("contribution_comments_contribution_idx").on(t.contributionId, t.status, t.createdAt),
    index("contribution_comments_author_idx").on(t.authorId),
    index("contribution_comments_status_idx").on(t.status, t.createdAt),
  ],
);
