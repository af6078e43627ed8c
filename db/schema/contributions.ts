import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { organizations, users } from "./accounts";
import { CONTRIBUTION_KINDS, CONTRIBUTION_STATUSES } from "./enums";
import { meetings } from "./meetings";
import { strategies } from "./plan";
import { processes } from "./processes";
import { comuni } from "./territory";

/**
 * What a participant brings to the consultation. Made online by its author, or entered by staff
 * after a meeting on behalf of the organization that spoke (`enteredBy` set, `meetingId` set).
 * The contributions capability adds themes, geometry and the rest; this is the common core.
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
    comuneIstat: text("comune_istat").references(() => comuni.istat),
    meetingId: integer("meeting_id").references(() => meetings.id),
    enteredBy: text("entered_by").references(() => users.id),
    status: text("status", { enum: CONTRIBUTION_STATUSES }).notNull().default("pending"),
    createdAt: integer("created_at", { mode: "timestamp" })
      .notNull()
      .default(sql`(unixepoch())`),
    updatedAt: integer("updated_at", { mode: "timestamp" })
      .notNull()
      .default(sql`(unixepoch())`),
    publishedAt: integer("published_at", { mode: "timestamp" }),
  },
  (t) => [
    index("contributions_meeting_idx").on(t.meetingId),
    index("contributions_author_idx").on(t.authorId, t.createdAt),
    index("contributions_status_idx").on(t.status, t.createdAt),
    index("contributions_org_idx").on(t.organizationId),
  ],
);
