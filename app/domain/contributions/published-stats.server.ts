// How many contributions are published, and the latest publication: read at most every few seconds.
// The unfiltered list shows the exact total from here (a count over 100,000 rows costs a couple of
// milliseconds: not at every request), and the map's cluster cache uses it to notice changes.
import { sql } from "drizzle-orm";
import { db } from "~/lib/db.server";
import { contributions } from "~db/schema";

export const STATS_MAX_AGE_MS = 5_000;

let cached: { at: number; count: number; latest: number } | null = null;

export function publishedStats(now = Date.now()): { count: number; latest: number } {
  if (cached && now - cached.at < STATS_MAX_AGE_MS && now >= cached.at) return cached;
  const row = db.get<{ n: number; latest: number | null }>(
    sql`select count(*) as n, max(${contributions.publishedAt}) as latest from ${contributions} where ${contributions.status} = 'published'`,
  );
  cached = { at: now, count: row?.n ?? 0, latest: row?.latest ?? 0 };
  return cached;
}

/** Forget the figures (tests; after a bulk import). */
export function forgetPublishedStats() {
  cached = null;
}
