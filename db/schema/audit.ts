import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { users } from "./accounts";

/**
 * Append-only record of staff and admin actions. Holds ids and changed values,
 * never a person's e-mail or name, so that erasing an account leaves it coherent.
 */
export const auditEntries = sqliteTable(
  "audit_entries",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: integer("at", { mode: "timestamp" })
      .notNull()
      .default(sql`(unixepoch())`),
    actorId: text("actor_id").references(() => users.id),
    action: text("action").notNull(),
    subjectType: text("subject_type").notNull(),
    subjectId: text("subject_id").notNull(),
    before: text("before"),
    after: text("after"),
  },
  (t) => [index("audit_subject_idx").on(t.subjectType, t.subjectId), index("audit_at_idx").on(t.at)],
);
