// The data behind a meeting report, read in a few aggregated queries: who registered and who
// attended (by organization kind and zone), the comuni of a territorial table's zone and whether
// each took part, the contributions gathered at the meeting and their counts by STTM, target and
// kind. No personal data leaves this module: never a person's name or e-mail, only organizations.
import { and, asc, count, eq, inArray, ne, sql } from "drizzle-orm";
import { db } from "~/lib/db.server";
import {
  comuni,
  contributionComuni,
  contributions,
  contributionTargets,
  organizations,
  registrations,
  strategies,
  targets,
  zones,
  type ContributionStatus,
} from "~db/schema";

/**
 * Which contributions a meeting report lists: those entered with the meeting (`meeting_id`) and
 * published. Pending ones wait for moderation; rejected, hidden and withdrawn ones are not public.
 */
export const REPORTED_STATUS: ContributionStatus = "published";

const reported = (meetingId: number) => and(eq(contributions.meetingId, meetingId), eq(contributions.status, REPORTED_STATUS));
const reportedIds = (meetingId: number) => db.select({ id: contributions.id }).from(contributions).where(reported(meetingId));

/** Live registrations grouped by organization kind ("person" in one's own name) and by the zone of a comune organization. */
export function registrationGroups(meetingId: number) {
  const kindExpr = sql<string>`coalesce(${organizations.kind}, 'person')`;
  return db
    .select({
      kind: kindExpr,
      zoneId: comuni.zoneId,
      confirmed: sql<number>`coalesce(sum(${registrations.status} = 'confirmed'), 0)`,
      waitlisted: sql<number>`coalesce(sum(${registrations.status} = 'waitlisted'), 0)`,
      attended: sql<number>`coalesce(sum(${registrations.status} = 'confirmed' and ${registrations.attended} = 1), 0)`,
      /** Confirmed registrations on which staff recorded present or absent. */
      marked: sql<number>`coalesce(sum(${registrations.status} = 'confirmed' and ${registrations.attended} is not null), 0)`,
    })
    .from(registrations)
    .leftJoin(organizations, eq(organizations.id, registrations.organizationId))
    .leftJoin(comuni, eq(comuni.istat, organizations.istatCode))
    .where(and(eq(registrations.meetingId, meetingId), ne(registrations.status, "cancelled")))
    .groupBy(kindExpr, comuni.zoneId)
    .all();
}

export function listZones() {
  return db.select({ id: zones.id, name: zones.name, sortOrder: zones.sortOrder, isCapoluogo: zones.isCapoluogo }).from(zones).orderBy(asc(zones.sortOrder)).all();
}

/**
 * The comuni of a zone, each with whether its comune organization had a confirmed registration at
 * the meeting and whether that registration was marked present.
 */
export function zoneComuniParticipation(meetingId: number, zoneId: string) {
  const ofComune = (extra: ReturnType<typeof sql>) => sql<number>`exists (
    select 1 from ${registrations} r join ${organizations} o on o.id = r.organization_id
    where o.istat_code = ${comuni.istat} and r.meeting_id = ${meetingId} and r.status = 'confirmed' ${extra})`;
  return db
    .select({
      istat: comuni.istat,
      name: comuni.name,
      registered: ofComune(sql``),
      attended: ofComune(sql`and r.attended = 1`),
    })
    .from(comuni)
    .where(eq(comuni.zoneId, zoneId))
    .orderBy(asc(comuni.name))
    .all()
    .map((c) => ({ ...c, registered: Boolean(c.registered), attended: Boolean(c.attended) }));
}

/** The contributions a report lists, in the order they were entered, with their organization (never a person). */
export function reportedContributions(meetingId: number) {
  return db
    .select({
      id: contributions.id,
      kind: contributions.kind,
      title: contributions.title,
      body: contributions.body,
      strategyCode: contributions.strategyCode,
      organizationName: organizations.name,
      organizationKind: organizations.kind,
      placeKind: contributions.placeKind,
      geometry: contributions.geometry,
      comuneIstat: contributions.comuneIstat,
      publishedAt: contributions.publishedAt,
    })
    .from(contributions)
    .leftJoin(organizations, eq(organizations.id, contributions.organizationId))
    .where(reported(meetingId))
    .orderBy(asc(contributions.id))
    .all();
}

/** The targets of the listed contributions, in the plan's order. */
export function reportedTargets(meetingId: number) {
  return db
    .select({ contributionId: contributionTargets.contributionId, code: targets.code, title: targets.title, strategyCode: targets.strategyCode })
    .from(contributionTargets)
    .innerJoin(targets, eq(targets.code, contributionTargets.targetCode))
    .where(inArray(contributionTargets.contributionId, reportedIds(meetingId)))
    .orderBy(asc(targets.strategyCode), asc(targets.sortOrder))
    .all();
}

/**
 * The comuni of the listed contributions: those their place touches (contribution_comuni) and the
 * comune named when staff entered one without a place (contributions.comune_istat).
 */
export function reportedComuni(meetingId: number) {
  const touched = db
    .select({ contributionId: contributionComuni.contributionId, istat: comuni.istat, name: comuni.name, zoneName: zones.name })
    .from(contributionComuni)
    .innerJoin(comuni, eq(comuni.istat, contributionComuni.istat))
    .innerJoin(zones, eq(zones.id, comuni.zoneId))
    .where(inArray(contributionComuni.contributionId, reportedIds(meetingId)))
    .all();
  const named = db
    .select({ contributionId: contributions.id, istat: comuni.istat, name: comuni.name, zoneName: zones.name })
    .from(contributions)
    .innerJoin(comuni, eq(comuni.istat, contributions.comuneIstat))
    .innerJoin(zones, eq(zones.id, comuni.zoneId))
    .where(reported(meetingId))
    .all();
  return [...touched, ...named];
}

/** Counts of the listed contributions by STTM (null: none given), with the STTM's number and title. */
export function countsByStrategy(meetingId: number) {
  return db
    .select({ code: contributions.strategyCode, number: strategies.number, title: strategies.title, n: count() })
    .from(contributions)
    .leftJoin(strategies, eq(strategies.code, contributions.strategyCode))
    .where(reported(meetingId))
    .groupBy(contributions.strategyCode)
    .orderBy(sql`${strategies.number} is null`, asc(strategies.number))
    .all();
}

/** Counts of the listed contributions by work target (a contribution may have several). */
export function countsByTarget(meetingId: number) {
  const rows = db
    .select({ code: targets.code, title: targets.title, strategyCode: targets.strategyCode, n: count() })
    .from(contributionTargets)
    .innerJoin(contributions, eq(contributions.id, contributionTargets.contributionId))
    .innerJoin(targets, eq(targets.code, contributionTargets.targetCode))
    .where(reported(meetingId))
    .groupBy(targets.code)
    .orderBy(asc(targets.strategyCode), asc(targets.sortOrder))
    .all();
  const withoutTarget =
    db
      .select({ n: count() })
      .from(contributions)
      .where(and(reported(meetingId), sql`not exists (select 1 from ${contributionTargets} ct where ct.contribution_id = ${contributions.id})`))
      .get()?.n ?? 0;
  return { rows, withoutTarget };
}

/** Counts of the listed contributions by kind. */
export function countsByKind(meetingId: number) {
  return db.select({ kind: contributions.kind, n: count() }).from(contributions).where(reported(meetingId)).groupBy(contributions.kind).all();
}

/** How many contributions of the meeting are in each status (staff see the pending ones before publishing). */
export async function meetingContributionStatusCounts(meetingId: number): Promise<Record<ContributionStatus, number>> {
  const rows = db
    .select({ status: contributions.status, n: count() })
    .from(contributions)
    .where(eq(contributions.meetingId, meetingId))
    .groupBy(contributions.status)
    .all();
  const out: Record<ContributionStatus, number> = { pending: 0, published: 0, rejected: 0, hidden: 0, withdrawn: 0 };
  for (const r of rows) out[r.status] = r.n;
  return out;
}
