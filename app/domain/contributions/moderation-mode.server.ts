// How what is said about a contribution is moderated: by its process's mode (pre-moderation unless
// the process says "post", the safe default). Read by the comments capability for its subjects.
import { eq } from "drizzle-orm";
import { db, type Reader } from "~/lib/db.server";
import { contributions, processes, type ContributionStatus, type ModerationMode } from "~db/schema";

export function contributionModeration(contributionId: number, reader: Reader = db): { status: ContributionStatus; mode: ModerationMode; title: string } | undefined {
  const row = reader
    .select({ status: contributions.status, title: contributions.title, mode: processes.moderationMode })
    .from(contributions)
    .leftJoin(processes, eq(processes.id, contributions.processId))
    .where(eq(contributions.id, contributionId))
    .get();
  if (!row) return undefined;
  return { status: row.status, title: row.title, mode: row.mode === "post" ? "post" : "pre" };
}
