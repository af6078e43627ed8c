import { commentsOpen, earliestAdoption } from "./lifecycle.server";
import type { DraftVersion } from "./versions.server";

/** What pages show about a version, dates as ISO strings (Rome dates are formatted in the page). */
export function versionFacts(v: DraftVersion, now = new Date()) {
  return {
    id: v.id,
    strategyCode: v.strategyCode,
    label: v.label,
    versionDate: v.versionDate,
    notes: v.notes,
    status: v.status,
    publishedAt: v.publishedAt?.toISOString() ?? null,
    commentsOpenFrom: v.commentsOpenFrom?.toISOString() ?? null,
    commentsOpenUntil: v.commentsOpenUntil?.toISOString() ?? null,
    closedAt: v.closedAt?.toISOString() ?? null,
    adoptedAt: v.adoptedAt?.toISOString() ?? null,
    basedOnVersionId: v.basedOnVersionId,
    commentsOpen: commentsOpen(v, now),
    /** Art. 7bis: adoption not before this Rome day (90 days after publication). */
    earliestAdoption: v.publishedAt ? earliestAdoption(v.publishedAt) : null,
  };
}
export type VersionFacts = ReturnType<typeof versionFacts>;
