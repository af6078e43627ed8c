// Staff corrections of a contribution that are not decisions on it: its kind, themes and place
// (never the author's words), and a duplicate mark. Decisions (publish, reject, send back, restore,
// hide) are taken in decide.server.ts.
import { and, eq, inArray } from "drizzle-orm";
import { db, type Tx } from "~/lib/db.server";
import { recordAudit } from "~/domain/audit/audit.server";
import { checkTheme, ContributionError, resolvePlace, type PlaceInput } from "~/domain/contributions/contributions.server";
import {
  comuni,
  contributionComuni,
  contributionObjectives,
  contributions,
  contributionTargets,
  contributionZones,
  duplicates,
  type ContributionKind,
} from "~db/schema";
import { ModerationError } from "./items.server";

export { ModerationError };

/** What staff may change of a contribution: its kind, themes and place. Never its title or text. */
export type MetadataInput = {
  kind: ContributionKind;
  strategyCode: string;
  targetCodes: string[];
  objectiveCodes: string[];
  /** null keeps the current place. */
  place: PlaceInput | null;
};

function metadataOf(tx: Tx, id: number) {
  const c = tx
    .select({ kind: contributions.kind, strategyCode: contributions.strategyCode, placeKind: contributions.placeKind, geometry: contributions.geometry, status: contributions.status })
    .from(contributions)
    .where(eq(contributions.id, id))
    .get();
  if (!c) throw new ModerationError("moderation.error.notFound", 404);
  const list = <T extends { code: string }>(rows: T[]) => rows.map((r) => r.code).sort();
  return {
    status: c.status,
    values: {
      kind: c.kind,
      strategyCode: c.strategyCode,
      targetCodes: list(tx.select({ code: contributionTargets.targetCode }).from(contributionTargets).where(eq(contributionTargets.contributionId, id)).all()),
      objectiveCodes: list(tx.select({ code: contributionObjectives.objectiveCode }).from(contributionObjectives).where(eq(contributionObjectives.contributionId, id)).all()),
      placeKind: c.placeKind,
      comuni: list(tx.select({ code: contributionComuni.istat }).from(contributionComuni).where(eq(contributionComuni.contributionId, id)).all()),
      geometry: c.geometry,
    },
  };
}

/**
 * Staff correct a contribution's kind, themes (STTM, work targets, objectives) or place. The input
 * type has no title or text, and only these fields are read: the author's words never change here.
 * The previous values are kept in the audit entry.
 */
export async function editMetadata(input: { actorId: string; contributionId: number; metadata: MetadataInput; now?: Date }) {
  const m = input.metadata;
  let theme: Awaited<ReturnType<typeof checkTheme>>;
  let place: Awaited<ReturnType<typeof resolvePlace>> | null = null;
  try {
    theme = await checkTheme({ strategyCode: m.strategyCode, targetCodes: m.targetCodes, objectiveCodes: m.objectiveCodes });
    if (m.place) place = await resolvePlace(m.place);
  } catch (error) {
    if (error instanceof ContributionError) throw new ModerationError(error.key, 400, { field: error.field });
    throw error;
  }
  const kind = m.kind;
  db.transaction((tx) => {
    const before = metadataOf(tx, input.contributionId);
    if (before.status === "withdrawn") throw new ModerationError("moderation.error.notModeratable", 409);
    const id = input.contributionId;
    tx.update(contributions).set({ kind, strategyCode: theme.strategyCode }).where(eq(contributions.id, id)).run();
    tx.delete(contributionTargets).where(eq(contributionTargets.contributionId, id)).run();
    tx.delete(contributionObjectives).where(eq(contributionObjectives.contributionId, id)).run();
    for (const targetCode of theme.targetCodes) tx.insert(contributionTargets).values({ contributionId: id, targetCode }).run();
    for (const objectiveCode of theme.objectiveCodes) tx.insert(contributionObjectives).values({ contributionId: id, objectiveCode }).run();
    if (place) {
      const [minLon, minLat, maxLon, maxLat] = place.bbox;
      tx.update(contributions)
        .set({ placeKind: place.placeKind, geometry: place.geometry, minLon, minLat, maxLon, maxLat, lon: place.point[0], lat: place.point[1], comuneIstat: null })
        .where(eq(contributions.id, id))
        .run();
      tx.delete(contributionComuni).where(eq(contributionComuni.contributionId, id)).run();
      tx.delete(contributionZones).where(eq(contributionZones.contributionId, id)).run();
      for (const { istat } of place.comuni) tx.insert(contributionComuni).values({ contributionId: id, istat }).run();
      for (const zoneId of [...new Set(place.comuni.map((x) => x.zoneId))].sort()) tx.insert(contributionZones).values({ contributionId: id, zoneId }).run();
    }
    const after = metadataOf(tx, id);
    recordAudit(tx, { actorId: input.actorId, action: "contribution.metadata_edited", subjectType: "contribution", subjectId: id, before: before.values, after: after.values });
  });
}

/** Marks a contribution as a duplicate of another: both stay, linked. */
export function markDuplicate(input: { actorId: string; contributionId: number; duplicateOf: number; now?: Date }) {
  const now = input.now ?? new Date();
  if (input.contributionId === input.duplicateOf) throw new ModerationError("moderation.error.duplicateSelf", 400, { field: "duplicateOf" });
  db.transaction((tx) => {
    const found = tx.select({ id: contributions.id }).from(contributions).where(inArray(contributions.id, [input.contributionId, input.duplicateOf])).all();
    if (!found.some((r) => r.id === input.contributionId)) throw new ModerationError("moderation.error.notFound", 404);
    if (!found.some((r) => r.id === input.duplicateOf)) throw new ModerationError("moderation.error.duplicateTarget", 400, { field: "duplicateOf" });
    const reverse = tx
      .select({ id: duplicates.contributionId })
      .from(duplicates)
      .where(and(eq(duplicates.contributionId, input.duplicateOf), eq(duplicates.duplicateOf, input.contributionId)))
      .get();
    if (reverse) throw new ModerationError("moderation.error.duplicateCycle", 409, { field: "duplicateOf" });
    const previous = tx.select({ duplicateOf: duplicates.duplicateOf }).from(duplicates).where(eq(duplicates.contributionId, input.contributionId)).get();
    tx.insert(duplicates)
      .values({ contributionId: input.contributionId, duplicateOf: input.duplicateOf, markedBy: input.actorId, markedAt: now })
      .onConflictDoUpdate({ target: duplicates.contributionId, set: { duplicateOf: input.duplicateOf, markedBy: input.actorId, markedAt: now } })
      .run();
    recordAudit(tx, {
      actorId: input.actorId,
      action: "contribution.duplicate_marked",
      subjectType: "contribution",
      subjectId: input.contributionId,
      before: { duplicateOf: previous?.duplicateOf ?? null },
      after: { duplicateOf: input.duplicateOf },
    });
  });
}

/** The comuni offered by the place editor (name order). */
export function comuniChoices() {
  return db.select({ istat: comuni.istat, name: comuni.name }).from(comuni).orderBy(comuni.name).all();
}
