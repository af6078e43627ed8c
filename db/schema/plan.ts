import { integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const principles = sqliteTable("principles", {
  code: text("code").primaryKey(),
  title: text("title").notNull(),
  sortOrder: integer("sort_order").notNull(),
});

export const objectives = sqliteTable("objectives", {
  code: text("code").primaryKey(),
  title: text("title").notNull(),
  sortOrder: integer("sort_order").notNull(),
});

/** The three quadri every STTM has. */
export const frameworks = sqliteTable("frameworks", {
  code: text("code").primaryKey(),
  title: text("title").notNull(),
  about: text("about").notNull(),
  sortOrder: integer("sort_order").notNull(),
});

/** A Strategia Tematico-Territoriale Metropolitana. */
export const strategies = sqliteTable("strategies", {
  code: text("code").primaryKey(),
  number: integer("number").notNull(),
  title: text("title").notNull(),
});

/** A work target (bersaglio di lavoro) of an STTM. */
export const targets = sqliteTable("targets", {
  code: text("code").primaryKey(),
  strategyCode: text("strategy_code")
    .notNull()
    .references(() => strategies.code),
  title: text("title").notNull(),
  theme: text("theme").notNull(),
  sortOrder: integer("sort_order").notNull(),
});

/** Which PTM objectives a work target serves (filled in by staff; empty at seed). */
export const targetObjectives = sqliteTable(
  "target_objectives",
  {
    targetCode: text("target_code")
      .notNull()
      .references(() => targets.code),
    objectiveCode: text("objective_code")
      .notNull()
      .references(() => objectives.code),
  },
  (t) => [primaryKey({ columns: [t.targetCode, t.objectiveCode] })],
);
