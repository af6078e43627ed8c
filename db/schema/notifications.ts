import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { users } from "./accounts";

/**
 * Every message the platform sends, recorded before it is sent (the outbox). Sent by e-mail
 * when SMTP is configured; always readable by admins in the app. `toAddress` is personal data:
 * it is erased with the account.
 */
export const outbox = sqliteTable(
  "outbox",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: text("user_id").references(() => users.id),
    toAddress: text("to_address"),
    kind: text("kind").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    link: text("link"),
    createdAt: integer("created_at", { mode: "timestamp" })
      .notNull()
      .default(sql`(unixepoch())`),
    sentAt: integer("sent_at", { mode: "timestamp" }),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
  },
  (t) => [index("outbox_user_idx").on(t.userId, t.createdAt), index("outbox_pending_idx").on(t.sentAt, t.id), index("outbox_created_idx").on(t.createdAt)],
);
