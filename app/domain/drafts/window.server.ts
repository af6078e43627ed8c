// When a draft version takes comments and amendments, and how they are moderated: the rules the
// section page, the comments capability (section subjects) and amendments share. Imports nothing
// of comments or moderation, so both may depend on it.
import { and, eq, inArray } from "drizzle-orm";
import { db, type Reader } from "~/lib/db.server";
import { DomainError } from "~/lib/domain-error";
import { draftSectionTexts, draftVersions, processes, processStrategies, type ModerationMode } from "~db/schema";
import { commentsOpen } from "./lifecycle.server";

/** A refusal on a draft's participation (catalogue key, status, and the values the message names). */
export class ParticipationError extends DomainError {}

type VersionRow = typeof draftVersions.$inferSelect;

export type ParticipationWindow =
  | { open: true; from: Date | null; until: Date | null }
  | { open: false; reason: "notInConsultation" | "notYetOpen" | "closed"; from: Date | null; until: Date | null };

/**
 * Open while the version is in consultation and `now` is within [commentsOpenFrom, commentsOpenUntil]:
 * the same rule as the drafts life cycle (`commentsOpen`), plus the reason when it is not.
 */
export function participationWindow(version: Pick<VersionRow, "status" | "commentsOpenFrom" | "commentsOpenUntil">, now = new Date()): ParticipationWindow {
  const from = version.commentsOpenFrom ?? null;
  const until = version.commentsOpenUntil ?? null;
  if (commentsOpen(version, now)) return { open: true, from, until };
  // A version in consultation always has both dates (publishVersion sets them); without them it is not open.
  if (version.status !== "in_consultazione" || !from || !until) return { open: false, reason: "notInConsultation", from, until };
  if (now.getTime() < from.getTime()) return { open: false, reason: "notYetOpen", from, until };
  return { open: false, reason: "closed", from, until };
}

export function assertWindowOpen(version: VersionRow, now: Date) {
  const w = participationWindow(version, now);
  if (w.open) return;
  const key = w.reason === "notInConsultation" ? "participation.error.notInConsultation" : w.reason === "notYetOpen" ? "participation.error.notYetOpen" : "participation.error.closed";
  throw new ParticipationError(key, 409, { vars: { version: version.label, from: w.from, until: w.until } });
}

/**
 * The moderation mode of the active process(es) that concern the STTM. Pre-moderation unless every
 * active process concerning it says "post" (none at all also means pre: the safe default).
 */
export function moderationModeFor(strategyCode: string, reader: Reader = db): ModerationMode {
  const rows = reader
    .select({ mode: processes.moderationMode })
    .from(processStrategies)
    .innerJoin(processes, eq(processes.id, processStrategies.processId))
    .where(and(eq(processStrategies.strategyCode, strategyCode), eq(processes.status, "active")))
    .all();
  if (rows.length === 0 || rows.some((r) => r.mode === "pre")) return "pre";
  return "post";
}

export function versionOf(versionId: number, reader: Reader = db) {
  return reader.select().from(draftVersions).where(eq(draftVersions.id, versionId)).get();
}

export function sectionTextOf(versionId: number, sectionId: number, reader: Reader = db) {
  return reader
    .select()
    .from(draftSectionTexts)
    .where(and(eq(draftSectionTexts.versionId, versionId), eq(draftSectionTexts.sectionId, sectionId)))
    .get();
}

/**
 * The version and section a comment or an amendment is made on, checked: the section is in the
 * version and the consultation is open now. Returns the version and its moderation mode.
 */
export function openSection(versionId: number, sectionId: number, now: Date, reader: Reader = db) {
  const version = versionOf(versionId, reader);
  const text = version ? sectionTextOf(version.id, sectionId, reader) : undefined;
  if (!version || !text) throw new ParticipationError("participation.error.sectionNotInVersion", 404);
  assertWindowOpen(version, now);
  return { version, text, mode: moderationModeFor(version.strategyCode, reader) };
}

/** The labels of some versions, by id (to say which version a comment was made on). */
export function versionLabels(ids: number[], reader: Reader = db): Map<number, string> {
  if (ids.length === 0) return new Map();
  const rows = reader.select({ id: draftVersions.id, label: draftVersions.label }).from(draftVersions).where(inArray(draftVersions.id, [...new Set(ids)])).all();
  return new Map(rows.map((r) => [r.id, r.label]));
}
