import { compareSections, type Comparison } from "./compare";
import { getReadableVersion, versionSections, type DraftVersion } from "./versions.server";

export type VersionComparison = { a: DraftVersion; b: DraftVersion; comparison: Comparison };

/** Compares two versions of the same STTM the reader may see (public ones; staff also bozze); undefined otherwise. */
export function compareVersions(strategyCode: string, aId: number, bId: number, canSeeDrafts: boolean): VersionComparison | undefined {
  const a = getReadableVersion(aId, strategyCode, canSeeDrafts);
  const b = getReadableVersion(bId, strategyCode, canSeeDrafts);
  if (!a || !b) return undefined;
  return { a, b, comparison: compareSections(versionSections(a.id), versionSections(b.id)) };
}
