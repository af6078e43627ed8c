import { sql } from "drizzle-orm";
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { organizations, users } from "./accounts";
import { MEETING_KINDS, MEETING_STATUSES, REGISTRATION_CAPACITIES, REGISTRATION_STATUSES } from "./enums";
import { strategies } from "./plan";
import { processes } from "./processes";
import { zones } from "./territory";

/** A meeting of a process. Times are stored in UTC (unix seconds) and shown in Europe/Rome. */
export const meetings = sqliteTable(
  "meetings",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    processId: integer("process_id")
      .notNull()
      .references(() => processes.id),
    kind: text("kind", { enum: MEETING_KINDS }).notNull(),
    title: text("title").notNull(),
    startsAt: integer("starts_at", { mode: "timestamp" }).notNull(),
    endsAt: integer("ends_at", { mode: "timestamp" }).notNull(),
    /** Set for a tavolo territoriale: the zona omogenea whose comuni take part. */
    zoneId: text("zone_id").references(() => zones.id),
    venueName: text("venue_name"),
    venueAddress: text("venue_address"),
    lat: real("lat"),
    lon: real("lon"),
    onlineUrl: text("online_url"),
    agenda: text("agenda").notNull().default(""),
    capacity: integer("capacity"),
    registrationOpensAt: integer("registration_opens_at", { mode: "timestamp" }),
    registrationClosesAt: integer("registration_closes_at", { mode: "timestamp" }),
    /** At a tavolo territoriale: may organizations other than the zone's comuni register as observers? */
    allowObservers: integer("allow_observers", { mode: "boolean" }).notNull().default(false),
    status: text("status", { enum: MEETING_STATUSES }).notNull().default("scheduled"),
    minutes: text("minutes"),
    minutesPublishedAt: integer("minutes_published_at", { mode: "timestamp" }),
    attendeesCount: integer("attendees_count"),
    cancelledReason: text("cancelled_reason"),
    createdAt: integer("created_at", { mode: "timestamp" })
      .notNull()
      .default(sql`(unixepoch())`),
    updatedAt: integer("updated_at", { mode: "timestamp" })
      .notNull()
      .default(sql`(unixepoch())`),
  },
  (t) => [
    index("meetings_starts_idx").on(t.startsAt),
    index("meetings_kind_idx").on(t.kind, t.startsAt),
    index("meetings_zone_idx").on(t.zoneId, t.startsAt),
    index("meetings_process_idx").on(t.processId, t.startsAt),
  ],
);

export const meetingStrategies = sqliteTable(
  "meeting_strategies",
  {
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    strategyCode: text("strategy_code")
      .notNull()
      .references(() => strategies.code),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.strategyCode] }), index("meeting_strategies_code_idx").on(t.strategyCode)],
);

/** A document (PDF or image) uploaded by staff; the bytes live on disk under UPLOADS_DIR, named by their SHA-256. */
export const meetingDocuments = sqliteTable(
  "meeting_documents",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    fileName: text("file_name").notNull(),
    mimeType: text("mime_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    sha256: text("sha256").notNull(),
    uploadedAt: integer("uploaded_at", { mode: "timestamp" })
      .notNull()
      .default(sql`(unixepoch())`),
    uploadedBy: text("uploaded_by").references(() => users.id),
  },
  (t) => [index("meeting_documents_meeting_idx").on(t.meetingId)],
);

/**
 * A registration for a meeting, in one's own name or for an organization. At most one live
 * (not cancelled) registration per person and per organization and meeting (partial unique indexes).
 */
export const registrations = sqliteTable(
  "registrations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    organizationId: integer("organization_id").references(() => organizations.id),
    capacity: text("capacity", { enum: REGISTRATION_CAPACITIES }).notNull(),
    status: text("status", { enum: REGISTRATION_STATUSES }).notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    promotedAt: integer("promoted_at", { mode: "timestamp" }),
    cancelledAt: integer("cancelled_at", { mode: "timestamp" }),
    attended: integer("attended", { mode: "boolean" }),
  },
  (t) => [
    index("registrations_meeting_idx").on(t.meetingId, t.status, t.createdAt),
    index("registrations_user_idx").on(t.userId),
    uniqueIndex("registrations_live_person_unique")
      .on(t.meetingId, t.userId)
      .where(sql`status <> 'cancelled'`),
    uniqueIndex("registrations_live_org_unique")
      .on(t.meetingId, t.organizationId)
      .where(sql`status <> 'cancelled' and organization_id is not null`),
  ],
);

/** Invitations to a meeting (conferenza istruttoria): all comuni at once plus chosen organizations. */
export const invitations = sqliteTable(
  "invitations",
  {
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    organizationId: integer("organization_id")
      .notNull()
      .references(() => organizations.id),
    invitedAt: integer("invited_at", { mode: "timestamp" })
      .notNull()
      .default(sql`(unixepoch())`),
    invitedBy: text("invited_by").references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.organizationId] }), index("invitations_org_idx").on(t.organizationId)],
);
