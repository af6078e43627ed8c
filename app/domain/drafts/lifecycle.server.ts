import { and, eq, ne } from "drizzle-orm";
import { addDays, romeDate } from "~/lib/dates";
import { db } from "~/lib/db.server";
import { recordAudit } from "~/domain/audit/audit.server";
import { draftVersions } from "~db/schema";
import { DraftError, type DraftVersion } from "./versions.server";

/**
 * bozza (staff only) → in_consultazione (public, comments open between two dates) → chiusa → adottata.
 * Each step is one transaction with its audit entry.
 */

/** Comments and amendments are accepted only while the version is in consultation and inside its window. */
export function commentsOpen(version: Pick<DraftVersion, "status" | "commentsOpenFrom" | "commentsOpenUntil">, now = new Date()): boolean {
  return (
    version.status === "in_consultazione" &&
    !!version.commentsOpenFrom &&
    !!version.commentsOpenUntil &&
    version.commentsOpenFrom.getTime() <= now.getTime() &&
    now.getTime() <= version.commentsOpenUntil.getTime()
  );
}

/** Art. 7bis: the draft is public at least 90 days before adoption — the first Rome day adoption may take place. */
export function earliestAdoption(publishedAt: Date): string {
  return addDays(romeDate(publishedAt), 90);
}

function isUniqueViolation(error: unknown) {
  return typeof error === "object" && error !== null && "code" in error && String((error as { code: unknown }).code).startsWith("SQLITE_CONSTRAINT");
}

/**
 * Puts a bozza into consultation: records the publication date (art. 7bis counts the 90 days from
 * it) and the comment window. Refused when another version of the STTM is in consultation.
 */
export function publishVersion(versionId: number, window: { from: Date; until: Date }, actorId: string, now = new Date()) {
  if (!(window.until.getTime() > window.from.getTime())) throw new DraftError("errors.draftWindow", 400);
  try {
    db.transaction((tx) => {
      const version = tx.select().from(draftVersions).where(eq(draftVersions.id, versionId)).get();
      if (!version) throw new DraftError("errors.draftNotFound", 404);
      if (version.status !== "bozza") throw new DraftError("errors.draftNotBozza");
      const other = tx
        .select({ id: draftVersions.id })
        .from(draftVersions)
        .where(and(eq(draftVersions.strategyCode, version.strategyCode), eq(draftVersions.status, "in_consultazione"), ne(draftVersions.id, versionId)))
        .get();
      if (other) throw new DraftError("errors.draftOtherInConsultation");
      tx.update(draftVersions)
        .set({ status: "in_consultazione", publishedAt: now, commentsOpenFrom: window.from, commentsOpenUntil: window.until })
        .where(eq(draftVersions.id, versionId))
        .run();
      recordAudit(tx, {
        actorId,
        action: "draft.version.publish",
        subjectType: "draft_version",
        subjectId: versionId,
        before: { status: version.status },
        after: { status: "in_consultazione", publishedAt: now.toISOString(), commentsOpenFrom: window.from.toISOString(), commentsOpenUntil: window.until.toISOString() },
      });
    });
  } catch (error) {
    // Two publications racing: the partial unique index lets only one through.
    if (isUniqueViolation(error)) throw new DraftError("errors.draftOtherInConsultation");
    throw error;
  }
}

function step(versionId: number, from: DraftVersion["status"], to: DraftVersion["status"], action: string, actorId: string, now: Date) {
  db.transaction((tx) => {
    const version = tx.select().from(draftVersions).where(eq(draftVersions.id, versionId)).get();
    if (!version) throw new DraftError("errors.draftNotFound", 404);
    if (version.status !== from) throw new DraftError(to === "chiusa" ? "errors.draftNotInConsultation" : "errors.draftNotClosed");
    tx.update(draftVersions)
      .set(to === "chiusa" ? { status: to, closedAt: now } : { status: to, adoptedAt: now })
      .where(eq(draftVersions.id, versionId))
      .run();
    recordAudit(tx, { actorId, action, subjectType: "draft_version", subjectId: versionId, before: { status: from }, after: { status: to, at: now.toISOString() } });
  });
}

/** Ends the consultation (comments close with it). */
export function closeVersion(versionId: number, actorId: string, now = new Date()) {
  step(versionId, "in_consultazione", "chiusa", "draft.version.close", actorId, now);
}

/** Records the adoption of a closed version. */
export function adoptVersion(versionId: number, actorId: string, now = new Date()) {
  step(versionId, "chiusa", "adottata", "draft.version.adopt", actorId, now);
}
