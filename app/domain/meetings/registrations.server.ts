// Registrations for meetings: register, cancel, the waiting list and its promotions, attendance.
// Every change runs in one synchronous better-sqlite3 transaction (IMMEDIATE: the write lock is
// taken before the seats are counted, so two requests cannot both take the last seat); the
// partial unique indexes of the schema refuse a second live registration per person and per
// organization. Messages go to the outbox inside the same transaction.
import { and, asc, count, eq, inArray, ne, sql } from "drizzle-orm";
import { db, type Tx } from "~/lib/db.server";
import { formatDate } from "~/i18n";
import { isApprovedMember, organizationsRepresentedBy } from "~/domain/accounts/organizations.server";
import { recordAudit } from "~/domain/audit/audit.server";
import { deliverSoon, enqueue } from "~/domain/notifications/outbox.server";
import { comuni, invitations, meetings, organizations, registrations, zones, type RegistrationCapacity, type RegistrationStatus } from "~db/schema";
import {
  canCancelAt,
  decideCapacity,
  registrationWindow,
  type OrganizationForRules,
  type Refusal,
} from "./registration-rules";

export type { Refusal } from "./registration-rules";

type Reader = Pick<Tx, "select">;

const meetingColumns = {
  id: meetings.id,
  title: meetings.title,
  kind: meetings.kind,
  status: meetings.status,
  startsAt: meetings.startsAt,
  endsAt: meetings.endsAt,
  zoneId: meetings.zoneId,
  zoneName: zones.name,
  capacity: meetings.capacity,
  allowObservers: meetings.allowObservers,
  registrationOpensAt: meetings.registrationOpensAt,
  registrationClosesAt: meetings.registrationClosesAt,
};

function readMeeting(r: Reader, meetingId: number) {
  return r.select(meetingColumns).from(meetings).leftJoin(zones, eq(zones.id, meetings.zoneId)).where(eq(meetings.id, meetingId)).get();
}
type MeetingRow = NonNullable<ReturnType<typeof readMeeting>>;

/** The zone of a comune organization (null for other kinds). */
function readOrganizationForRules(r: Reader, organizationId: number) {
  return r
    .select({ id: organizations.id, name: organizations.name, kind: organizations.kind, zoneId: comuni.zoneId, zoneName: zones.name })
    .from(organizations)
    .leftJoin(comuni, eq(comuni.istat, organizations.istatCode))
    .leftJoin(zones, eq(zones.id, comuni.zoneId))
    .where(eq(organizations.id, organizationId))
    .get();
}

function confirmedCount(r: Reader, meetingId: number) {
  return r.select({ n: count() }).from(registrations).where(and(eq(registrations.meetingId, meetingId), eq(registrations.status, "confirmed"))).get()?.n ?? 0;
}

function waitlistedCount(r: Reader, meetingId: number) {
  return r.select({ n: count() }).from(registrations).where(and(eq(registrations.meetingId, meetingId), eq(registrations.status, "waitlisted"))).get()?.n ?? 0;
}

/**
 * 1 + the waitlisted registrations of the same meeting created before this one (first come,
 * first served). The outer columns are written qualified by hand: drizzle leaves them
 * unqualified in single-table queries, where they would resolve to the subquery's own table.
 */
export const waitlistPosition = sql<number>`(select count(*) from registrations w where w.meeting_id = "registrations"."meeting_id"
  and w.status = 'waitlisted' and (w.created_at < "registrations"."created_at"
  or (w.created_at = "registrations"."created_at" and w.id < "registrations"."id"))) + 1`;

function positionOf(r: Reader, registrationId: number) {
  return r.select({ position: waitlistPosition }).from(registrations).where(eq(registrations.id, registrationId)).get()?.position ?? null;
}

// --- messages (Italian: the outbox speaks the platform's language) ---

function when(meeting: { startsAt: Date }) {
  return formatDate("it", meeting.startsAt, { dateStyle: "full", timeStyle: "short" });
}

function inWhatCapacity(capacity: RegistrationCapacity, organizationName: string | null) {
  if (capacity === "observer") return organizationName ? ` come osservatore per ${organizationName}` : " come osservatore";
  return organizationName ? ` per ${organizationName}` : " a tuo nome";
}

function messageFor(
  kind: "confirmed" | "waitlisted" | "promoted" | "cancelled",
  meeting: { id: number; title: string; startsAt: Date },
  reg: { capacity: RegistrationCapacity; organizationName: string | null; position?: number | null },
) {
  const what = `«${meeting.title}» (${when(meeting)})`;
  const as = inWhatCapacity(reg.capacity, reg.organizationName);
  const link = `/incontri/${meeting.id}`;
  switch (kind) {
    case "confirmed":
      return {
        kind: "registration.confirmed",
        subject: `Iscrizione confermata: ${meeting.title}`,
        body: `La tua iscrizione all'incontro ${what}${as} è confermata. Se non potrai partecipare, annulla l'iscrizione dalla pagina dell'incontro: il posto andrà a chi è in lista d'attesa.`,
        link,
      };
    case "waitlisted":
      return {
        kind: "registration.waitlisted",
        subject: `In lista d'attesa: ${meeting.title}`,
        body: `I posti per l'incontro ${what} sono esauriti: sei in lista d'attesa${as} (posizione ${reg.position ?? "?"}). Se si libera un posto la tua iscrizione sarà confermata e riceverai un messaggio.`,
        link,
      };
    case "promoted":
      return {
        kind: "registration.promoted",
        subject: `Si è liberato un posto: ${meeting.title}`,
        body: `Si è liberato un posto per l'incontro ${what}: la tua iscrizione${as}, che era in lista d'attesa, è ora confermata. Se non potrai partecipare, annullala dalla pagina dell'incontro.`,
        link,
      };
    case "cancelled":
      return {
        kind: "registration.cancelled",
        subject: `Iscrizione annullata: ${meeting.title}`,
        body: `Lo staff della Città metropolitana ha annullato la tua iscrizione${as} all'incontro ${what}. Per chiarimenti rispondi a questo messaggio o contatta il Settore Pianificazione.`,
        link,
      };
  }
}

function organizationName(r: Reader, organizationId: number | null) {
  if (organizationId == null) return null;
  return r.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, organizationId)).get()?.name ?? null;
}

/**
 * Confirms the oldest waitlisted registrations while seats are free (all of them when the
 * meeting has no limit), and tells each person. Only before the start of a meeting that is
 * still going to happen. Runs inside the caller's transaction.
 */
function fillFreeSeats(tx: Tx, meeting: MeetingRow, now: Date) {
  if (!canCancelAt(meeting, now) || meeting.status === "cancelled" || meeting.status === "held" || meeting.status === "closed") return [];
  const free = meeting.capacity == null ? Number.MAX_SAFE_INTEGER : meeting.capacity - confirmedCount(tx, meeting.id);
  if (free <= 0) return [];
  const next = tx
    .select({ id: registrations.id, userId: registrations.userId, organizationId: registrations.organizationId, capacity: registrations.capacity })
    .from(registrations)
    .where(and(eq(registrations.meetingId, meeting.id), eq(registrations.status, "waitlisted")))
    .orderBy(asc(registrations.createdAt), asc(registrations.id))
    .limit(free)
    .all();
  for (const reg of next) {
    tx.update(registrations).set({ status: "confirmed", promotedAt: now }).where(and(eq(registrations.id, reg.id), eq(registrations.status, "waitlisted"))).run();
    enqueue(tx, { userId: reg.userId, ...messageFor("promoted", meeting, { capacity: reg.capacity, organizationName: organizationName(tx, reg.organizationId) }) });
  }
  return next.map((r) => r.id);
}

/** Which partial unique index a failed insert hit, if any ("person" or "organization"). */
function uniqueViolation(error: unknown): "person" | "organization" | null {
  for (let e = error as { code?: string; message?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === "SQLITE_CONSTRAINT_UNIQUE") return e.message?.includes("organization_id") ? "organization" : "person";
  }
  return null;
}

export type RegisterResult =
  | { ok: true; registration: { id: number; status: RegistrationStatus; capacity: RegistrationCapacity; position: number | null } }
  | { ok: false; refusal: Refusal };

/**
 * Registers a person for a meeting, in their own name or for an organization they are an
 * approved member of. The capacity follows the rules of registration-rules.ts; when the seats
 * are taken the registration goes on the waiting list.
 */
export async function register(input: { userId: string; meetingId: number; organizationId?: number | null; now?: Date }): Promise<RegisterResult> {
  const now = input.now ?? new Date();
  let organization: (OrganizationForRules & { id: number }) | null = null;
  let member = false;
  if (input.organizationId != null) {
    const found = readOrganizationForRules(db, input.organizationId);
    if (!found) return { ok: false, refusal: { reason: "organization_not_found" } };
    organization = found;
    member = await isApprovedMember(input.userId, found.id);
  }
  try {
    const result = db.transaction(
      (tx): RegisterResult => {
        const meeting = readMeeting(tx, input.meetingId);
        if (!meeting) return { ok: false, refusal: { reason: "meeting_not_found" } };
        const closed = registrationWindow(meeting, now);
        if (closed) return { ok: false, refusal: closed };
        const decision = decideCapacity(meeting, organization, member);
        if (!decision.ok) return decision;
        // Seats freed (e.g. staff raised the capacity) go to those already waiting, before newcomers.
        fillFreeSeats(tx, meeting, now);
        const full = meeting.capacity != null && confirmedCount(tx, meeting.id) >= meeting.capacity;
        const status: RegistrationStatus = full ? "waitlisted" : "confirmed";
        const { id } = tx
          .insert(registrations)
          .values({ meetingId: meeting.id, userId: input.userId, organizationId: organization?.id ?? null, capacity: decision.capacity, status, createdAt: now })
          .returning({ id: registrations.id })
          .get();
        const position = full ? positionOf(tx, id) : null;
        enqueue(tx, {
          userId: input.userId,
          ...messageFor(full ? "waitlisted" : "confirmed", meeting, { capacity: decision.capacity, organizationName: organization?.name ?? null, position }),
        });
        return { ok: true, registration: { id, status, capacity: decision.capacity, position } };
      },
      { behavior: "immediate" },
    );
    if (result.ok) deliverSoon();
    return result;
  } catch (error) {
    const hit = uniqueViolation(error);
    if (hit === "organization") return { ok: false, refusal: { reason: "organization_already_registered", organization: organization?.name } };
    if (hit === "person") return { ok: false, refusal: { reason: "already_registered" } };
    throw error;
  }
}

export type CancelResult = { ok: true; promoted: number[] } | { ok: false; refusal: Refusal };

function cancelInTx(
  input: { registrationId: number; now: Date },
  authorize: (reg: { userId: string }, meeting: MeetingRow) => Refusal | null,
  after: (tx: Tx, reg: typeof registrations.$inferSelect, meeting: MeetingRow) => void,
): CancelResult {
  const result = db.transaction(
    (tx): CancelResult => {
      const reg = tx.select().from(registrations).where(eq(registrations.id, input.registrationId)).get();
      if (!reg) return { ok: false, refusal: { reason: "registration_not_found" } };
      const meeting = readMeeting(tx, reg.meetingId)!;
      const refused = authorize(reg, meeting);
      if (refused) return { ok: false, refusal: refused };
      if (reg.status === "cancelled") return { ok: false, refusal: { reason: "already_cancelled" } };
      tx.update(registrations).set({ status: "cancelled", cancelledAt: input.now }).where(eq(registrations.id, reg.id)).run();
      after(tx, reg, meeting);
      const promoted = reg.status === "confirmed" ? fillFreeSeats(tx, meeting, input.now) : [];
      return { ok: true, promoted };
    },
    { behavior: "immediate" },
  );
  if (result.ok) deliverSoon();
  return result;
}

/** The owner cancels their registration, until the meeting starts; the first on the waiting list takes the seat. */
export async function cancelRegistration(input: { registrationId: number; userId: string; now?: Date }): Promise<CancelResult> {
  const now = input.now ?? new Date();
  return cancelInTx(
    { registrationId: input.registrationId, now },
    (reg, meeting) => {
      if (reg.userId !== input.userId) return { reason: "cancel_not_owner" };
      if (!canCancelAt(meeting, now)) return { reason: "cancel_after_start" };
      return null;
    },
    () => {},
  );
}

/** Staff cancel someone's registration (at any time); the person is told, the action audited. */
export async function cancelRegistrationAsStaff(input: { registrationId: number; staffId: string; meetingId?: number; now?: Date }): Promise<CancelResult> {
  const now = input.now ?? new Date();
  return cancelInTx(
    { registrationId: input.registrationId, now },
    (_reg, meeting) => (input.meetingId != null && meeting.id !== input.meetingId ? { reason: "registration_not_found" } : null),
    (tx, reg, meeting) => {
      recordAudit(tx, {
        actorId: input.staffId,
        action: "registration.cancelled",
        subjectType: "registration",
        subjectId: reg.id,
        before: { status: reg.status },
        after: { status: "cancelled" },
      });
      enqueue(tx, { userId: reg.userId, ...messageFor("cancelled", meeting, { capacity: reg.capacity, organizationName: organizationName(tx, reg.organizationId) }) });
    },
  );
}

/** Staff mark whether a confirmed registrant came (null: not recorded). Audited. */
export async function markAttendance(input: { registrationId: number; attended: boolean | null; staffId: string; meetingId?: number }) {
  return db.transaction((tx): { ok: true } | { ok: false; refusal: Refusal } => {
    const reg = tx.select().from(registrations).where(eq(registrations.id, input.registrationId)).get();
    if (!reg || (input.meetingId != null && reg.meetingId !== input.meetingId)) return { ok: false, refusal: { reason: "registration_not_found" } };
    if (reg.status !== "confirmed") return { ok: false, refusal: { reason: "attendance_not_confirmed" } };
    tx.update(registrations).set({ attended: input.attended }).where(eq(registrations.id, reg.id)).run();
    recordAudit(tx, {
      actorId: input.staffId,
      action: "registration.attendance",
      subjectType: "registration",
      subjectId: reg.id,
      before: { attended: reg.attended },
      after: { attended: input.attended },
    });
    return { ok: true };
  });
}

/** Inside the caller's transaction: moves waitlisted registrations, in order, into seats that are free. */
export function promoteWaitlistedIn(tx: Tx, meetingId: number, now = new Date()) {
  const meeting = readMeeting(tx, meetingId);
  return meeting ? fillFreeSeats(tx, meeting, now) : [];
}

/** Promotes waitlisted registrations into seats that are free (to call after raising a meeting's capacity). */
export async function promoteWaitlisted(meetingId: number, now = new Date()) {
  const promoted = db.transaction((tx) => promoteWaitlistedIn(tx, meetingId, now), { behavior: "immediate" });
  if (promoted.length) deliverSoon();
  return promoted;
}

// --- reads for the meeting page's panel and the account page ---

export type Seats = { capacity: number | null; confirmed: number; waitlisted: number; left: number | null };

export async function seatsOf(meetingId: number, capacity: number | null): Promise<Seats> {
  const confirmed = confirmedCount(db, meetingId);
  const waitlisted = waitlistedCount(db, meetingId);
  return { capacity, confirmed, waitlisted, left: capacity == null ? null : Math.max(0, capacity - confirmed) };
}

const liveRegistrationColumns = {
  id: registrations.id,
  meetingId: registrations.meetingId,
  status: registrations.status,
  capacity: registrations.capacity,
  organizationId: registrations.organizationId,
  organizationName: organizations.name,
  createdAt: registrations.createdAt,
  attended: registrations.attended,
  position: waitlistPosition,
};

export type Choice =
  | { organizationId: number | null; organizationName: string | null; allowed: true; capacity: RegistrationCapacity }
  | { organizationId: number | null; organizationName: string | null; allowed: false; refusal: Refusal };

/**
 * What the registration panel of a meeting shows to `userId` (null: anonymous): whether
 * registration is open, the seats, the person's own live registration, or else the choices
 * they have (own name and each organization they represent), each allowed or not and why.
 * Never anyone else's registration.
 */
export async function registrationPanel(input: { meetingId: number; userId: string | null; now?: Date }) {
  const now = input.now ?? new Date();
  const meeting = readMeeting(db, input.meetingId);
  if (!meeting) return null;
  const seats = await seatsOf(meeting.id, meeting.capacity);
  const closed = registrationWindow(meeting, now);
  const base = {
    meeting: {
      id: meeting.id,
      kind: meeting.kind,
      status: meeting.status,
      startsAt: meeting.startsAt,
      zoneName: meeting.zoneName,
      allowObservers: meeting.allowObservers,
      registrationOpensAt: meeting.registrationOpensAt,
      registrationClosesAt: meeting.registrationClosesAt,
    },
    seats,
    closed,
  };
  if (!input.userId) return { ...base, signedIn: false as const, mine: null, choices: [] as Choice[], invited: [] as string[] };

  const mineRow = db
    .select(liveRegistrationColumns)
    .from(registrations)
    .leftJoin(organizations, eq(organizations.id, registrations.organizationId))
    .where(and(eq(registrations.meetingId, meeting.id), eq(registrations.userId, input.userId), ne(registrations.status, "cancelled")))
    .get();
  const represented = await organizationsRepresentedBy(input.userId);
  const orgIds = represented.map((o) => o.id);
  const invited = orgIds.length
    ? db
        .select({ name: organizations.name })
        .from(invitations)
        .innerJoin(organizations, eq(organizations.id, invitations.organizationId))
        .where(and(eq(invitations.meetingId, meeting.id), inArray(invitations.organizationId, orgIds)))
        .orderBy(asc(organizations.name))
        .all()
        .map((r) => r.name)
    : [];
  const mine = mineRow
    ? { ...mineRow, position: mineRow.status === "waitlisted" ? mineRow.position : null, canCancel: canCancelAt(meeting, now) }
    : null;
  if (mine) return { ...base, signedIn: true as const, mine, choices: [] as Choice[], invited };

  const takenOrgs = new Set(
    orgIds.length
      ? db
          .select({ id: registrations.organizationId })
          .from(registrations)
          .where(and(eq(registrations.meetingId, meeting.id), ne(registrations.status, "cancelled"), inArray(registrations.organizationId, orgIds)))
          .all()
          .map((r) => r.id)
      : [],
  );
  const choice = (org: (OrganizationForRules & { id: number }) | null): Choice => {
    const ids = { organizationId: org?.id ?? null, organizationName: org?.name ?? null };
    if (org && takenOrgs.has(org.id)) return { ...ids, allowed: false, refusal: { reason: "organization_already_registered", organization: org.name } };
    const d = decideCapacity(meeting, org, true);
    return d.ok ? { ...ids, allowed: true, capacity: d.capacity } : { ...ids, allowed: false, refusal: d.refusal };
  };
  const choices = [choice(null), ...represented.map((o) => choice(readOrganizationForRules(db, o.id) ?? null)).filter((c) => c.organizationId != null)];
  return { ...base, signedIn: true as const, mine: null, choices, invited };
}

/** A person's live registrations (the account page): upcoming first, soonest first; then past ones, latest first. */
export async function registrationsOfUser(userId: string, now = new Date()) {
  const rows = db
    .select({
      id: registrations.id,
      meetingId: meetings.id,
      meetingTitle: meetings.title,
      meetingStatus: meetings.status,
      startsAt: meetings.startsAt,
      status: registrations.status,
      capacity: registrations.capacity,
      organizationName: organizations.name,
      attended: registrations.attended,
      position: waitlistPosition,
    })
    .from(registrations)
    .innerJoin(meetings, eq(meetings.id, registrations.meetingId))
    .leftJoin(organizations, eq(organizations.id, registrations.organizationId))
    .where(and(eq(registrations.userId, userId), ne(registrations.status, "cancelled")))
    .orderBy(asc(meetings.startsAt))
    .all()
    .map((r) => ({ ...r, position: r.status === "waitlisted" ? r.position : null }));
  const upcoming = rows.filter((r) => r.startsAt.getTime() >= now.getTime());
  const past = rows.filter((r) => r.startsAt.getTime() < now.getTime()).reverse();
  return [...upcoming, ...past].slice(0, 50);
}

/**
 * Account deletion: cancels the person's live registrations for meetings that have not started,
 * inside the caller's transaction, and gives the freed seats to the waiting list. Registrations
 * for meetings already started stay (the record of who took part), anonymous with the account.
 */
export function cancelLiveRegistrationsOf(tx: Tx, userId: string, now = new Date()) {
  const live = tx
    .select()
    .from(registrations)
    .where(and(eq(registrations.userId, userId), ne(registrations.status, "cancelled")))
    .all();
  const freed = new Set<number>();
  for (const reg of live) {
    const meeting = readMeeting(tx, reg.meetingId);
    if (!meeting || !canCancelAt(meeting, now)) continue;
    tx.update(registrations).set({ status: "cancelled", cancelledAt: now }).where(eq(registrations.id, reg.id)).run();
    if (reg.status === "confirmed") freed.add(meeting.id);
  }
  let promoted = 0;
  for (const meetingId of freed) promoted += fillFreeSeats(tx, readMeeting(tx, meetingId)!, now).length;
  return promoted;
}
