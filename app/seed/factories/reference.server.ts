// Lookups of the reference data (app/seed/reference.server.ts) that the other factories build on.
import { eq } from "drizzle-orm";
import { FIRST_PROCESS_SLUG } from "~/domain/processes/processes.server";
import { db, type DB, type Tx } from "~/lib/db.server";
import { comuni, processes } from "~db/schema";

/**
 * Where a factory writes: the app's db (default), or a transaction of it, for a caller that writes
 * several rows at once (the demo seed).
 */
export type Handle = DB | Tx;

/**
 * A factory's rows in one transaction: an immediate one on the app's db (a test process writing
 * beside the e2e server waits for the write lock instead of failing with "database is locked"), a
 * savepoint inside the caller's transaction.
 */
export function inTransaction<T>(handle: Handle, fn: (tx: Tx) => T): T {
  return handle === db ? db.transaction(fn, { behavior: "immediate" }) : (handle as Tx).transaction(fn);
}

/** The id of a process by slug (default: the seeded first process). */
export function processIdBySlug(slug = FIRST_PROCESS_SLUG, handle: Handle = db) {
  const row = handle.select({ id: processes.id }).from(processes).where(eq(processes.slug, slug)).get();
  if (!row) throw new Error(`no process ${slug} (seed the reference data first)`);
  return row.id;
}

/** A comune's zone, bounding box (west, south, east, north) and the centre of that box. */
export function comune(istat: string, handle: Handle = db) {
  const c = handle.select({ zoneId: comuni.zoneId, w: comuni.minLon, s: comuni.minLat, e: comuni.maxLon, n: comuni.maxLat }).from(comuni).where(eq(comuni.istat, istat)).get();
  if (!c) throw new Error(`no comune ${istat} (seed the reference data first)`);
  return { istat, zoneId: c.zoneId, bbox: [c.w, c.s, c.e, c.n] as [number, number, number, number], centre: [(c.w + c.e) / 2, (c.s + c.n) / 2] as [number, number] };
}
