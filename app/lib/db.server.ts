import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import * as schema from "~db/schema";
import { env } from "./env.server";

export type DB = BetterSQLite3Database<typeof schema>;
/** The handle inside `db.transaction(tx => …)`: synchronous calls only (.run/.all/.get). */
export type Tx = Parameters<Parameters<DB["transaction"]>[0]>[0];
/** Either: a function that only reads can run inside the caller's transaction or on its own. */
export type Reader = Tx | DB;

const MIGRATIONS = path.resolve(process.cwd(), "db/migrations");

function filePath(url: string) {
  return url.startsWith("file:") ? url.slice("file:".length) : url;
}

/** Opens (creating if needed) a database file, sets the pragmas and applies pending migrations. */
export function openDatabase(url: string) {
  const file = filePath(url);
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder: MIGRATIONS });
  return { db, sqlite };
}

// One connection per process. In development it is kept on globalThis so rebuilds reuse it;
// elsewhere (tests above all) each module instance opens the database its environment names.
const g = globalThis as unknown as { __concertaDb?: ReturnType<typeof openDatabase> };
const opened = env.NODE_ENV === "development" ? (g.__concertaDb ??= openDatabase(env.DATABASE_URL)) : openDatabase(env.DATABASE_URL);

export const db: DB = opened.db;
export const sqlite = opened.sqlite;
