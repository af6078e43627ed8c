import { and, asc, count, desc, eq, gte, inArray, lt, sql, type SQL } from "drizzle-orm";
import { db, type DB, type Tx } from "~/lib/db.server";
import { romeDate } from "~/lib/dates";
import { DomainError, type DomainErrorStatus } from "~/lib/domain-error";
import { recordAudit } from "~/domain/audit/audit.server";
import { deliverSoon, enqueue } from "~/domain/notifications/outbox.server";
import { art7bisIssuesFor, confirmArt7bisIssues, FIRST_PROCESS_SLUG, unconfirmedIssues } from "~/domain/processes/processes.server";
import type { Art7bisIssue } from "~/domain/processes/art7bis";
import { formatDate, translator, type Lang, type MessageKey } from "~/i18n";
import {
  meetingStrategies,
  meetings,
  processes,
  registrations,
  strategies,
  users,
  zones,
  type MeetingKind,
  type MeetingStatus,
} from "~db/schema";
import { promoteWaitlistedIn } from "./registrations.server";
import type { MeetingInput } from "./schemas";

// Meetings of a process: list, read, create, edit, status changes, cancellation, minutes.
// Every write runs in one synchronous transaction with its audit entry and the messages to the
// people registered (outbox), which are then delivered after the commit.

type Handle = DB | Tx;
export type MeetingRow = typeof meetings.$inferSelect;

/** A meeting by id, or undefined. */
export async function getMeeting(id: number) {
  return db.select().from(meetings).where(eq(meetings.id, id)).get();
}

// ---------------------------------------------------------------- list

export const PAGE_SIZE = 20;
import { WHEN, type When } from "./list-filters";
export { WHEN, type When };

export type MeetingFilters = {
  kind?: MeetingKind | null;
  zoneId?: string | null;
  strategyCode?: string | null;
  status?: MeetingStatus | null;
  when?: When;
  page?: number;
  pageSize?: number;
  now?: Date;
};

const seconds = (d: Date) => Math.floor(d.getTime() / 1000);

/**
 * Meetings filtered by kind, zone, STTM and time, paginated in SQL: upcoming (not yet ended) first,
 * soonest first; then past ones, most recent first.
 */
export async function listMeetings(filters: MeetingFilters = {}) {
  const now = seconds(filters.now ?? new Date());
  const pageSize = filters.pageSize ?? PAGE_SIZE;
  const conditions: SQL[] = [];
  if (filters.kind) conditions.push(eq(meetings.kind, filters.kind));
  if (filters.zoneId) conditions.push(eq(meetings.zoneId, filters.zoneId));
  if (filters.status) conditions.push(eq(meetings.status, filters.status));
  if (filters.strategyCode) {
    conditions.push(
      inArray(meetings.id, db.select({ id: meetingStrategies.meetingId }).from(meetingStrategies).where(eq(meetingStrategies.strategyCode, filters.strategyCode))),
    );
  }
  if (filters.when === "upcoming") conditions.push(gte(meetings.endsAt, new Date(now * 1000)));
  if (filters.when === "past") conditions.push(lt(meetings.endsAt, new Date(now * 1000)));
  const where = conditions.length ? and(...conditions) : undefined;

  const total = db.select({ n: count() }).from(meetings).where(where).get()?.n ?? 0;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, filters.page ?? 1), pages);
  const isPast = sql`(${meetings.endsAt} < ${now})`;
  const rows = db
    .select({
      id: meetings.id,
      title: meetings.title,
      kind: meetings.kind,
      status: meetings.status,
      startsAt: meetings.startsAt,
      endsAt: meetings.endsAt,
      zoneId: meetings.zoneId,
      zoneName: zones.name,
      venueName: meetings.venueName,
      venueAddress: meetings.venueAddress,
      online: sql<number>`(${meetings.onlineUrl} is not null)`,
      capacity: meetings.capacity,
      strategyCodes: sql<string | null>`(select group_concat(${meetingStrategies.strategyCode}, ',') from ${meetingStrategies} where ${meetingStrategies.meetingId} = ${meetings.id})`,
      liveRegistrations: sql<number>`(select count(*) from ${registrations} where ${registrations.meetingId} = ${meetings.id} and ${registrations.status} <> 'cancelled')`,
    })
    .from(meetings)
    .leftJoin(zones, eq(zones.id, meetings.zoneId))
    .where(where)
    .orderBy(isPast, sql`case when ${isPast} then null else ${meetings.startsAt} end asc`, desc(meetings.startsAt), asc(meetings.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .all();
  return {
    rows: rows.map((r) => ({
      ...r,
      online: Boolean(r.online),
      strategyCodes: r.strategyCodes ? r.strategyCodes.split(",").sort() : [],
      past: seconds(r.endsAt) < now,
    })),
    total,
    page,
    pages,
  };
}

/**
 * Upcoming meetings, soonest first: the calendar feed. Cancelled ones stay in it (marked
 * cancelled), so a calendar that subscribed removes or strikes them instead of keeping a stale event.
 */
export async function upcomingMeetings(now = new Date(), limit = 500) {
  return db
    .select()
    .from(meetings)
    .where(gte(meetings.endsAt, now))
    .orderBy(asc(meetings.startsAt))
    .limit(limit)
    .all();
}

// ---------------------------------------------------------------- read one

function strategiesOfMeeting(handle: Handle, meetingId: number) {
  return handle
    .select({ code: strategies.code, number: strategies.number, title: strategies.title })
    .from(meetingStrategies)
    .innerJoin(strategies, eq(strategies.code, meetingStrategies.strategyCode))
    .where(eq(meetingStrategies.meetingId, meetingId))
    .orderBy(asc(strategies.number))
    .all();
}

/** A meeting with its zone's name, its process and the STTM it concerns; null when missing. */
export async function getMeetingDetail(id: number) {
  const row = db
    .select({ meeting: meetings, zoneName: zones.name, processTitle: processes.title, processSlug: processes.slug })
    .from(meetings)
    .leftJoin(zones, eq(zones.id, meetings.zoneId))
    .innerJoin(processes, eq(processes.id, meetings.processId))
    .where(eq(meetings.id, id))
    .get();
  if (!row) return null;
  return { ...row.meeting, zoneName: row.zoneName, processTitle: row.processTitle, processSlug: row.processSlug, strategies: strategiesOfMeeting(db, id) };
}

/** Live registrations (confirmed or waitlisted) of a meeting. */
export async function liveRegistrationCount(meetingId: number) {
  return (
    db
      .select({ n: count() })
      .from(registrations)
      .where(and(eq(registrations.meetingId, meetingId), inArray(registrations.status, ["confirmed", "waitlisted"])))
      .get()?.n ?? 0
  );
}

// ---------------------------------------------------------------- errors and results

/** A change that the meeting's current status does not allow (e.g. editing a cancelled meeting). */
export class MeetingStateError extends DomainError {
  constructor(key: MessageKey = "errors.meetingTransition", status: DomainErrorStatus = 409, options: { field?: string } = {}) {
    super(key, status, options);
  }
}

/** A reference that does not exist (zone, STTM, process). `field` is the form field to mark. */
export class MeetingReferenceError extends DomainError {}

/** Saving either goes through or comes back with the art. 7bis issues nobody has confirmed yet. */
export type SaveMeetingResult = { status: "saved"; id: number; notified?: number } | { status: "needsConfirmation"; issues: Art7bisIssue[] };

// ---------------------------------------------------------------- notifications

type LiveRegistrant = { userId: string; locale: Lang };

/** People with a live registration (confirmed or waitlisted), once each, with their language. */
function liveRegistrants(tx: Tx, meetingId: number): LiveRegistrant[] {
  return tx
    .selectDistinct({ userId: registrations.userId, locale: users.locale })
    .from(registrations)
    .innerJoin(users, eq(users.id, registrations.userId))
    .where(and(eq(registrations.meetingId, meetingId), inArray(registrations.status, ["confirmed", "waitlisted"])))
    .all();
}

type Notice =
  | { kind: "meeting.changed"; changes: ("date" | "venue")[] }
  | { kind: "meeting.cancelled"; reason: string }
  | { kind: "meeting.status"; status: MeetingStatus };

function whereText(m: MeetingRow, t: ReturnType<typeof translator>) {
  const place = [m.venueName, m.venueAddress].filter(Boolean).join(", ");
  const parts = [place, m.onlineUrl ? t("meetings.mail.online", { url: m.onlineUrl }) : ""].filter(Boolean);
  return parts.join(" — ") || t("meetings.venueTbd");
}

/** Queues one message per live registrant, in their language, inside the caller's transaction. */
function notifyRegistrants(tx: Tx, m: MeetingRow, notice: Notice): number {
  const people = liveRegistrants(tx, m.id);
  for (const person of people) {
    const t = translator(person.locale);
    const when = formatDate(person.locale, m.startsAt, { dateStyle: "full", timeStyle: "short" });
    const vars = { title: m.title, when, where: whereText(m, t) };
    let subject: string;
    let body: string;
    if (notice.kind === "meeting.cancelled") {
      subject = t("meetings.mail.cancelledSubject", vars);
      body = t("meetings.mail.cancelledBody", { ...vars, reason: notice.reason });
    } else if (notice.kind === "meeting.changed") {
      subject = t("meetings.mail.changedSubject", vars);
      body = t("meetings.mail.changedBody", vars);
    } else {
      const status = t(`meetings.status.${notice.status}` as MessageKey);
      subject = t("meetings.mail.statusSubject", { ...vars, status });
      body = t(notice.status === "closed" ? "meetings.mail.minutesBody" : "meetings.mail.statusBody", { ...vars, status });
    }
    enqueue(tx, { userId: person.userId, kind: notice.kind, subject, body, link: `/incontri/${m.id}` });
  }
  return people.length;
}

// ---------------------------------------------------------------- writes

function defaultProcessId(handle: Handle): number {
  const row = handle.select({ id: processes.id }).from(processes).where(eq(processes.slug, FIRST_PROCESS_SLUG)).get();
  if (!row) throw new MeetingReferenceError("errors.meetingProcess", 400, { field: "processId" });
  return row.id;
}

function checkReferences(tx: Tx, input: MeetingInput, processId: number) {
  if (!tx.select({ id: processes.id }).from(processes).where(eq(processes.id, processId)).get()) {
    throw new MeetingReferenceError("errors.meetingProcess", 400, { field: "processId" });
  }
  if (input.zoneId && !tx.select({ id: zones.id }).from(zones).where(eq(zones.id, input.zoneId)).get()) {
    throw new MeetingReferenceError("errors.meetingZone", 400, { field: "zoneId" });
  }
  if (input.strategyCodes.length) {
    const known = tx.select({ code: strategies.code }).from(strategies).where(inArray(strategies.code, input.strategyCodes)).all();
    if (known.length !== input.strategyCodes.length) throw new MeetingReferenceError("errors.meetingStrategy", 400, { field: "strategyCodes" });
  }
}

function meetingValues(input: MeetingInput) {
  return {
    kind: input.kind,
    title: input.title,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    zoneId: input.zoneId,
    venueName: input.venueName,
    venueAddress: input.venueAddress,
    lat: input.lat,
    lon: input.lon,
    onlineUrl: input.onlineUrl,
    agenda: input.agenda,
    capacity: input.capacity,
    registrationOpensAt: input.registrationOpensAt,
    registrationClosesAt: input.registrationClosesAt,
    allowObservers: input.allowObservers,
  };
}

function setStrategies(tx: Tx, meetingId: number, codes: string[]) {
  tx.delete(meetingStrategies).where(eq(meetingStrategies.meetingId, meetingId)).run();
  for (const code of codes) tx.insert(meetingStrategies).values({ meetingId, strategyCode: code }).run();
}

function snapshot(tx: Tx, id: number) {
  const m = tx.select().from(meetings).where(eq(meetings.id, id)).get();
  if (!m) return null;
  const { createdAt: _c, updatedAt: _u, minutes: _m, ...rest } = m;
  return { ...rest, strategyCodes: strategiesOfMeeting(tx, id).map((s) => s.code) };
}

/**
 * The art. 7bis issue of a conferenza istruttoria on this date (held within the 60 days before
 * the planned adoption), through the processes capability; issues staff already accepted do not ask again.
 */
function conferenceIssues(tx: Tx, processId: number, meetingId: number | null, input: MeetingInput) {
  if (input.kind !== "conferenza_istruttoria") return { all: [], pending: [] };
  const date = romeDate(input.startsAt);
  const all = art7bisIssuesFor(processId, { excludeMeetingIds: meetingId ? [meetingId] : [], extraConferenceDates: [date] }, tx);
  const mine = all.filter((i) => i.rule === "conference_60_days" && i.conferenceDate === date);
  const override = tx.select({ rulesOverride: processes.rulesOverride }).from(processes).where(eq(processes.id, processId)).get();
  return { all, pending: unconfirmedIssues(mine, override?.rulesOverride ?? null) };
}

export async function createMeeting(
  actorId: string,
  input: MeetingInput & { processId?: number | null },
  opts: { confirmArt7bis?: boolean } = {},
): Promise<SaveMeetingResult> {
  return db.transaction((tx) => {
    const processId = input.processId ?? defaultProcessId(tx);
    checkReferences(tx, input, processId);
    const issues = conferenceIssues(tx, processId, null, input);
    if (issues.pending.length && !opts.confirmArt7bis) return { status: "needsConfirmation" as const, issues: issues.pending };
    const { id } = tx
      .insert(meetings)
      .values({ ...meetingValues(input), processId, status: "scheduled" })
      .returning({ id: meetings.id })
      .get();
    setStrategies(tx, id, input.strategyCodes);
    recordAudit(tx, { actorId, action: "meeting.created", subjectType: "meeting", subjectId: id, after: snapshot(tx, id) });
    if (issues.pending.length) confirmArt7bisIssues(tx, { actorId, processId, issues: issues.all });
    return { status: "saved" as const, id };
  });
}

const DATE_FIELDS = ["startsAt", "endsAt"] as const;
const VENUE_FIELDS = ["venueName", "venueAddress", "lat", "lon", "onlineUrl"] as const;

function sameValue(a: unknown, b: unknown) {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return (a ?? null) === (b ?? null);
}

/**
 * Edits a meeting. When its date or venue changes, everyone registered (confirmed or waiting)
 * gets a message. Cancelled meetings cannot be edited. Returns null when there is no such meeting.
 */
export async function updateMeeting(
  actorId: string,
  id: number,
  input: MeetingInput,
  opts: { confirmArt7bis?: boolean } = {},
): Promise<SaveMeetingResult | null> {
  const result = db.transaction((tx) => {
    const current = tx.select().from(meetings).where(eq(meetings.id, id)).get();
    if (!current) return null;
    if (current.status === "cancelled") throw new MeetingStateError("errors.meetingCancelledNoEdit");
    checkReferences(tx, input, current.processId);
    const issues = conferenceIssues(tx, current.processId, id, input);
    if (issues.pending.length && !opts.confirmArt7bis) return { status: "needsConfirmation" as const, issues: issues.pending };
    const before = snapshot(tx, id);
    tx.update(meetings)
      .set({ ...meetingValues(input), updatedAt: new Date() })
      .where(eq(meetings.id, id))
      .run();
    setStrategies(tx, id, input.strategyCodes);
    const after = tx.select().from(meetings).where(eq(meetings.id, id)).get()!;
    const changes: ("date" | "venue")[] = [];
    if (DATE_FIELDS.some((f) => !sameValue(current[f], after[f]))) changes.push("date");
    if (VENUE_FIELDS.some((f) => !sameValue(current[f], after[f]))) changes.push("venue");
    recordAudit(tx, { actorId, action: "meeting.updated", subjectType: "meeting", subjectId: id, before, after: snapshot(tx, id) });
    if (issues.pending.length) confirmArt7bisIssues(tx, { actorId, processId: current.processId, issues: issues.all });
    const notified = changes.length ? notifyRegistrants(tx, after, { kind: "meeting.changed", changes }) : 0;
    // More seats (or no limit any more): the waiting list moves up now, in order, in this transaction.
    const moreSeats = current.capacity != null && (after.capacity == null || after.capacity > current.capacity);
    const promoted = moreSeats ? promoteWaitlistedIn(tx, id).length : 0;
    return { status: "saved" as const, id, notified: notified + promoted };
  });
  if (result?.status === "saved" && result.notified) deliverSoon();
  return result;
}

/** The status changes staff may make from the meeting page. Closing needs the minutes (closeMeeting). */
export const TRANSITIONS: Record<MeetingStatus, MeetingStatus[]> = {
  scheduled: ["registration_open", "held"],
  registration_open: ["scheduled", "held"],
  held: [],
  closed: [],
  cancelled: [],
};

export function canCancel(status: MeetingStatus) {
  return status === "scheduled" || status === "registration_open";
}

function changeStatus(tx: Tx, actorId: string, m: MeetingRow, to: MeetingStatus, extra: Partial<MeetingRow> = {}) {
  tx.update(meetings)
    .set({ status: to, updatedAt: new Date(), ...extra })
    .where(eq(meetings.id, m.id))
    .run();
  recordAudit(tx, {
    actorId,
    action: to === "cancelled" ? "meeting.cancelled" : "meeting.status",
    subjectType: "meeting",
    subjectId: m.id,
    before: { status: m.status },
    after: { status: to, ...(extra.cancelledReason ? { cancelledReason: extra.cancelledReason } : {}) },
  });
  return tx.select().from(meetings).where(eq(meetings.id, m.id)).get()!;
}

/** scheduled ⇄ registration_open → held. Registrants hear of the change. Returns false for a missing meeting. */
export async function transitionMeeting(actorId: string, id: number, to: MeetingStatus): Promise<boolean> {
  const done = db.transaction((tx) => {
    const m = tx.select().from(meetings).where(eq(meetings.id, id)).get();
    if (!m) return null;
    if (!TRANSITIONS[m.status].includes(to)) throw new MeetingStateError();
    const after = changeStatus(tx, actorId, m, to);
    return notifyRegistrants(tx, after, { kind: "meeting.status", status: to });
  });
  if (done) deliverSoon();
  return done !== null;
}

/** Cancels a meeting with a reason; every live registrant gets a message with it. */
export async function cancelMeeting(actorId: string, id: number, reason: string): Promise<{ notified: number } | null> {
  const done = db.transaction((tx) => {
    const m = tx.select().from(meetings).where(eq(meetings.id, id)).get();
    if (!m) return null;
    if (!canCancel(m.status)) throw new MeetingStateError("meetings.cancel.notPossible", 409, { field: "reason" });
    const after = changeStatus(tx, actorId, m, "cancelled", { cancelledReason: reason });
    return { notified: notifyRegistrants(tx, after, { kind: "meeting.cancelled", reason }) };
  });
  if (done?.notified) deliverSoon();
  return done;
}

export type MinutesInput = { minutes: string; attendeesCount?: number | null };

/** Saves the minutes and the number of attendees of a meeting that took place (held or closed). */
export async function saveMinutes(actorId: string, id: number, input: MinutesInput): Promise<boolean> {
  return db.transaction((tx) => {
    const m = tx.select().from(meetings).where(eq(meetings.id, id)).get();
    if (!m) return false;
    if (m.status !== "held" && m.status !== "closed") throw new MeetingStateError("errors.minutesNotHeld");
    const values = { minutes: input.minutes.trim() || null, attendeesCount: input.attendeesCount ?? null };
    tx.update(meetings)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(meetings.id, id))
      .run();
    recordAudit(tx, {
      actorId,
      action: "meeting.minutes",
      subjectType: "meeting",
      subjectId: id,
      before: { attendeesCount: m.attendeesCount, minutesLength: m.minutes?.length ?? 0 },
      after: { attendeesCount: values.attendeesCount, minutesLength: values.minutes?.length ?? 0 },
    });
    return true;
  });
}

/** held → closed: the minutes are published (minutesPublishedAt) and registrants are told. Minutes are required. */
export async function closeMeeting(actorId: string, id: number, input: MinutesInput): Promise<boolean> {
  const done = db.transaction((tx) => {
    const m = tx.select().from(meetings).where(eq(meetings.id, id)).get();
    if (!m) return null;
    if (m.status !== "held") throw new MeetingStateError(m.status === "closed" ? "errors.meetingAlreadyClosed" : "errors.minutesNotHeld");
    const minutes = input.minutes.trim();
    if (!minutes) throw new MeetingStateError("errors.minutesRequired", 409, { field: "minutes" });
    const after = changeStatus(tx, actorId, m, "closed", {
      minutes,
      attendeesCount: input.attendeesCount ?? null,
      minutesPublishedAt: new Date(),
    });
    return notifyRegistrants(tx, after, { kind: "meeting.status", status: "closed" });
  });
  if (done) deliverSoon();
  return done !== null;
}

// ---------------------------------------------------------------- form and filter options

/** The zones, STTM and processes the forms and filters offer. */
export async function meetingOptions() {
  const zoneRows = db.select({ id: zones.id, name: zones.name, isCapoluogo: zones.isCapoluogo }).from(zones).orderBy(asc(zones.sortOrder)).all();
  const strategyRows = db.select({ code: strategies.code, number: strategies.number, title: strategies.title }).from(strategies).orderBy(asc(strategies.number)).all();
  const processRows = db.select({ id: processes.id, title: processes.title, slug: processes.slug }).from(processes).orderBy(asc(processes.id)).all();
  return { zones: zoneRows, strategies: strategyRows, processes: processRows };
}
