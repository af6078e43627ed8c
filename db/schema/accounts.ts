import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { comuni } from "./territory";
import { MEMBERSHIP_STATUSES, ORGANIZATION_KINDS, ROLES } from "./enums";


/**
 * A person with an account. Deleting an account erases the personal columns
 * (email, name, password) and sets deletedAt; the row stays so that what the
 * person published keeps a coherent author ("utente cancellato").
 */
export const users = sqliteTable(
  "users",
  {
    id: text("id").primaryKey(),
    email: text("email"),
    name: text("name"),
    passwordHash: text("password_hash"),
    role: text("role", { enum: ROLES }).notNull().default("participant"),
    locale: text("locale", { enum: ["it", "en"] }).notNull().default("it"),
    privacyConsentAt: integer("privacy_consent_at", { mode: "timestamp" }),
    privacyConsentVersion: text("privacy_consent_version"),
    createdAt: integer("created_at", { mode: "timestamp" })
      .notNull()
      .default(sql`(unixepoch())`),
    passwordChangedAt: integer("password_changed_at", { mode: "timestamp" }),
    deletedAt: integer("deleted_at", { mode: "timestamp" }),
  },
  (t) => [uniqueIndex("users_email_unique").on(t.email), index("users_role_idx").on(t.role)],
);

/** Session rows; `id` is the SHA-256 of the token held in the cookie, never the token itself. */
export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: integer("expires_at").notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);


export const organizations = sqliteTable(
  "organizations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    kind: text("kind", { enum: ORGANIZATION_KINDS }).notNull(),
    /** Set for organizations of kind "comune": the comune they stand for. */
    istatCode: text("istat_code").references(() => comuni.istat),
    createdAt: integer("created_at", { mode: "timestamp" })
      .notNull()
      .default(sql`(unixepoch())`),
  },
  (t) => [
    uniqueIndex("organizations_slug_unique").on(t.slug),
    uniqueIndex("organizations_istat_unique").on(t.istatCode),
    index("organizations_kind_idx").on(t.kind, t.name),
  ],
);


/** A person's request to act on behalf of an organization, and staff's decision on it. */
export const memberships = sqliteTable(
  "memberships",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    organizationId: integer("organization_id")
      .notNull()
      .references(() => organizations.id),
    status: text("status", { enum: MEMBERSHIP_STATUSES }).notNull().default("pending"),
    /** The requester's position in the organization, e.g. "Ufficio tecnico". */
    position: text("position"),
    message: text("message"),
    requestedAt: integer("requested_at", { mode: "timestamp" })
      .notNull()
      .default(sql`(unixepoch())`),
    decidedAt: integer("decided_at", { mode: "timestamp" }),
    decidedBy: text("decided_by").references(() => users.id),
    decisionNote: text("decision_note"),
  },
  (t) => [
    index("memberships_user_idx").on(t.userId, t.status),
    index("memberships_status_idx").on(t.status, t.requestedAt),
    index("memberships_org_idx").on(t.organizationId, t.status),
  ],
);
