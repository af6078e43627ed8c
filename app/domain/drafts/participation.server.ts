import { and, count, eq, inArray } from "drizzle-orm";
import { db } from "~/lib/db.server";
import { amendments, draftSectionTexts, sectionComments } from "~db/schema";

/**
 * Published comments and amendments per section of a version (for the table of contents).
 * Counts everything published on the section, whichever version it was made on.
 */
export async function participationCounts(versionId: number): Promise<Record<number, { comments: number; amendments: number }>> {
  const sections = await db.select({ sectionId: draftSectionTexts.sectionId }).from(draftSectionTexts).where(eq(draftSectionTexts.versionId, versionId)).all();
  const ids = sections.map((s) => s.sectionId);
  const result: Record<number, { comments: number; amendments: number }> = {};
  for (const id of ids) result[id] = { comments: 0, amendments: 0 };
  if (ids.length === 0) return result;
  const [c, a] = await Promise.all([
    db
      .select({ sectionId: sectionComments.sectionId, n: count() })
      .from(sectionComments)
      .where(and(inArray(sectionComments.sectionId, ids), eq(sectionComments.status, "published")))
      .groupBy(sectionComments.sectionId)
      .all(),
    db
      .select({ sectionId: amendments.sectionId, n: count() })
      .from(amendments)
      .where(and(inArray(amendments.sectionId, ids), eq(amendments.status, "published")))
      .groupBy(amendments.sectionId)
      .all(),
  ]);
  for (const r of c) result[r.sectionId].comments = r.n;
  for (const r of a) result[r.sectionId].amendments = r.n;
  return result;
}
