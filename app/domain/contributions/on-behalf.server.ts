import { and, asc, eq } from "drizzle-orm";
import { db } from "~/lib/db.server";
import { DomainError } from "~/lib/domain-error";
import { recordAudit } from "~/domain/audit/audit.server";
import { comuni, contributionComuni, contributions, contributionZones, meetings, organizations, strategies, type ContributionKind } from "~db/schema";
import { ContributionError, resolvePlace, type ResolvedPlace } from "./contributions.server";

// Contributions entered by staff after a meeting on behalf of the organization that spoke at the
// table: attributed to the organization (no author account), entered by the staff member,
// published at once (they are a record of what was said), tied to the meeting and its process.

export type OnBehalfInput = {
  organizationId: number;
  comuneIstat?: string | null;
  kind: ContributionKind;
  title: string;
  body: string;
  strategyCode?: string | null;
};

/** Why an on-behalf contribution was refused; `field` is the form field to mark (none: the meeting's state). */
export class OnBehalfError extends DomainError {}

/**
 * Records what an organization said at a meeting that took place (held or closed).
 * For a comune, the comune defaults to the one the organization stands for. Returns the new id,
 * or null when there is no such meeting.
 */
export async function createOnBehalf(staffId: string, meetingId: number, input: OnBehalfInput): Promise<number | null> {
  // The comune it speaks for becomes its place (whole comune), so it shows on the map, in the
  // comune and zone filters, in the open data and in the dashboard like any other contribution.
  const named = input.comuneIstat || db.select({ istat: organizations.istatCode }).from(organizations).where(and(eq(organizations.id, input.organizationId), eq(organizations.kind, "comune"))).get()?.istat;
  let place: ResolvedPlace | null = null;
  if (named) {
    try {
      place = await resolvePlace({ comuni: [named] });
    } catch (error) {
      if (!(error instanceof ContributionError)) throw error;
    }
  }
  return db.transaction((tx) => {
    const meeting = tx.select({ id: meetings.id, processId: meetings.processId, status: meetings.status }).from(meetings).where(eq(meetings.id, meetingId)).get();
    if (!meeting) return null;
    if (meeting.status !== "held" && meeting.status !== "closed") throw new OnBehalfError("errors.onBehalfNotHeld", 409);
    const org = tx.select({ id: organizations.id, kind: organizations.kind, istatCode: organizations.istatCode }).from(organizations).where(eq(organizations.id, input.organizationId)).get();
    if (!org) throw new OnBehalfError("errors.organization", 400, { field: "organizationId" });
    const comuneIstat = input.comuneIstat || (org.kind === "comune" ? org.istatCode : null);
    if (comuneIstat && !tx.select({ istat: comuni.istat }).from(comuni).where(eq(comuni.istat, comuneIstat)).get()) {
      throw new OnBehalfError("errors.onBehalfComune", 400, { field: "comuneIstat" });
    }
    if (input.strategyCode && !tx.select({ code: strategies.code }).from(strategies).where(eq(strategies.code, input.strategyCode)).get()) {
      throw new OnBehalfError("errors.meetingStrategy", 400, { field: "strategyCode" });
    }
    const now = new Date();
    const row = tx
      .insert(contributions)
      .values({
        processId: meeting.processId,
        kind: input.kind,
        title: input.title.trim(),
        body: input.body.trim(),
        strategyCode: input.strategyCode || null,
        authorId: null,
        organizationId: org.id,
        comuneIstat,
        ...(place && place.comuni.some((c) => c.istat === comuneIstat)
          ? {
              placeKind: place.placeKind,
              geometry: place.geometry,
              minLon: place.bbox[0],
              minLat: place.bbox[1],
              maxLon: place.bbox[2],
              maxLat: place.bbox[3],
              lon: place.point[0],
              lat: place.point[1],
            }
          : {}),
        meetingId,
        enteredBy: staffId,
        status: "published",
        publishedAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: contributions.id })
      .get();
    if (place && place.comuni.some((c) => c.istat === comuneIstat)) {
      for (const { istat } of place.comuni) tx.insert(contributionComuni).values({ contributionId: row.id, istat }).run();
      for (const zoneId of [...new Set(place.comuni.map((x) => x.zoneId))].sort()) tx.insert(contributionZones).values({ contributionId: row.id, zoneId }).run();
    }
    recordAudit(tx, {
      actorId: staffId,
      action: "contribution.on_behalf",
      subjectType: "contribution",
      subjectId: row.id,
      after: { meetingId, organizationId: org.id, comuneIstat, kind: input.kind, strategyCode: input.strategyCode || null, title: input.title.trim() },
    });
    return row.id;
  });
}

/** The published contributions gathered at a meeting, in the order they were entered, with who said them. */
export async function contributionsOfMeeting(meetingId: number) {
  return db
    .select({
      id: contributions.id,
      kind: contributions.kind,
      title: contributions.title,
      body: contributions.body,
      strategyCode: contributions.strategyCode,
      organizationId: contributions.organizationId,
      organizationName: organizations.name,
      organizationKind: organizations.kind,
      comuneIstat: contributions.comuneIstat,
      comuneName: comuni.name,
      publishedAt: contributions.publishedAt,
    })
    .from(contributions)
    .leftJoin(organizations, eq(organizations.id, contributions.organizationId))
    .leftJoin(comuni, eq(comuni.istat, contributions.comuneIstat))
    .where(and(eq(contributions.meetingId, meetingId), eq(contributions.status, "published")))
    .orderBy(asc(contributions.id))
    .all();
}
