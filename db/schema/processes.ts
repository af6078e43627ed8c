import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "./accounts";
import { DATE_PRECISIONS, MODERATION_MODES, PROCESS_STATUSES } from "./enums";
import { strategies } from "./plan";

/** A consultation process, e.g. "Redazione delle prime 3 STTM". Dates are ISO "YYYY-MM-DD" in Europe/Rome. */
export const processes = sqliteTable(
  "processes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    status: text("status", { enum: PROCESS_STATUSES }).notNull().default("draft"),
    /** When the draft (progetto preliminare) is put at everyone's disposal: art. 7bis counts 90 days from here. */
    draftPublicDate: text("draft_public_date"),
    plannedAdoptionDate: text("planned_adoption_date"),
    /** Staff confirmed dates that break an art. 7bis rule (what was accepted, as JSON). */
    rulesOverride: text("rules_override"),
    moderationMode: text("moderation_mode", { enum: MODERATION_MODES }).notNull().default("pre"),
    flagThreshold: integer("flag_threshold").notNull().default(3),
    createdAt: integer("created_at", { mode: "timestamp" })
      .notNull()
      .default(sql`(unixepoch())`),
    createdBy: text("created_by").references(() => users.id),
  },
  (t) => [uniqueIndex("processes_slug_unique").on(t.slug), index("processes_status_idx").on(t.status)],
);

export const processStrategies = sqliteTable(
  "process_strategies",
  {
    processId: integer("process_id")
      .notNull()
      .references(() => processes.id, { onDelete: "cascade" }),
    strategyCode: text("strategy_code")
      .notNull()
      .references(() => strategies.code),
  },
  (t) => [primaryKey({ columns: [t.processId, t.strategyCode] })],
);

/** A phase of a process. `startDate`/`endDate` are "YYYY-MM-DD"; with precision "month" only the month is meaningful. */
export const phases = sqliteTable(
  "phases",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    processId: integer("process_id")
      .notNull()
      .references(() => processes.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    kind: text("kind"),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    startDate: text("start_date").notNull(),
    endDate: text("end_date"),
    precision: text("precision", { enum: DATE_PRECISIONS }).notNull().default("day"),
  },
  (t) => [index("phases_process_idx").on(t.processId, t.position)],
);
