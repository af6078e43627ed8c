// The staff's view of a meeting's registrations: the list, who took part by organization kind
// and by zone (principle P2: small comuni far from Milano must be visible), the comuni of a
// territorial table that did not register, and the CSV export.
import { and, asc, count, eq, inArray, isNull, ne, sql, type SQL } from "drizzle-orm";
import { toCsv } from "~/lib/csv.server";
import { db } from "~/lib/db.server";
import { formatDate } from "~/i18n";
import { comuni, meetings, organizations, registrations, users, zones, type RegistrationStatus } from "~db/schema";
import { waitlistPosition } from "./registrations.server";
import type { RegistrationFilter } from "./registration-rules";


const PAGE_SIZE = 50;

function statusWhere(meetingId: number, filter: RegistrationFilter): SQL | undefined {
  const byMeeting = eq(registrations.meetingId, meetingId);
  if (filter === "all") return byMeeting;
  if (filter === "live") return and(byMeeting, ne(registrations.status, "cancelled"));
  return and(byMeeting, eq(registrations.status, filter as RegistrationStatus));
}

/** A meeting's header for the staff pages. */
export async function meetingSummary(meetingId: number) {
  return db
    .select({
      id: meetings.id,
      title: meetings.title,
      kind: meetings.kind,
      status: meetings.status,
      startsAt: meetings.startsAt,
      capacity: meetings.capacity,
      zoneId: meetings.zoneId,
      zoneName: zones.name,
      allowObservers: meetings.allowObservers,
    })
    .from(meetings)
    .leftJoin(zones, eq(zones.id, meetings.zoneId))
    .where(eq(meetings.id, meetingId))
    .get();
}

function registrationRows(where: SQL | undefined) {
  return db
    .select({
      id: registrations.id,
      status: registrations.status,
      capacity: registrations.capacity,
      createdAt: registrations.createdAt,
      promotedAt: registrations.promotedAt,
      cancelledAt: registrations.cancelledAt,
      attended: registrations.attended,
      position: waitlistPosition,
      userName: users.name,
      userEmail: users.email,
      organizationName: organizations.name,
      organizationKind: organizations.kind,
      zoneName: zones.name,
    })
    .from(registrations)
    .innerJoin(users, eq(users.id, registrations.userId))
    .leftJoin(organizations, eq(organizations.id, registrations.organizationId))
    .leftJoin(comuni, eq(comuni.istat, organizations.istatCode))
    .leftJoin(zones, eq(zones.id, comuni.zoneId))
    .where(where)
    .orderBy(sql`case ${registrations.status} when 'confirmed' then 0 when 'waitlisted' then 1 else 2 end`, asc(registrations.createdAt), asc(registrations.id));
}

type Row = Awaited<ReturnType<ReturnType<typeof registrationRows>["all"]>>[number];
const tidy = (r: Row) => ({ ...r, position: r.status === "waitlisted" ? r.position : null });

/** A page of a meeting's registrations: confirmed first, then the waiting list in order, then cancelled. */
export async function listRegistrations(meetingId: number, opts: { page?: number; filter?: RegistrationFilter } = {}) {
  const filter = opts.filter ?? "live";
  const page = Math.max(1, opts.page ?? 1);
  const where = statusWhere(meetingId, filter);
  const rows = registrationRows(where)
    .limit(PAGE_SIZE)
    .offset((page - 1) * PAGE_SIZE)
    .all()
    .map(tidy);
  const total = db.select({ n: count() }).from(registrations).where(where).get()?.n ?? 0;
  return { rows, page, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)), total, filter };
}

const confirmedSum = sql<number>`coalesce(sum(${registrations.status} = 'confirmed'), 0)`;
const waitlistedSum = sql<number>`coalesce(sum(${registrations.status} = 'waitlisted'), 0)`;
const attendedSum = sql<number>`coalesce(sum(${registrations.status} = 'confirmed' and ${registrations.attended} = 1), 0)`;

/**
 * Live registrations counted by organization kind ("person" for registrations in one's own
 * name) and by zone (only comuni have one; zoneId null gathers everyone else), plus totals.
 */
export async function registrationCounts(meetingId: number) {
  const live = and(eq(registrations.meetingId, meetingId), ne(registrations.status, "cancelled"));
  const kindExpr = sql<string>`coalesce(${organizations.kind}, 'person')`;
  const byKind = db
    .select({ kind: kindExpr, confirmed: confirmedSum, waitlisted: waitlistedSum })
    .from(registrations)
    .leftJoin(organizations, eq(organizations.id, registrations.organizationId))
    .where(live)
    .groupBy(kindExpr)
    .orderBy(kindExpr)
    .all();
  const byZone = db
    .select({ zoneId: zones.id, zoneName: zones.name, confirmed: confirmedSum, waitlisted: waitlistedSum })
    .from(registrations)
    .leftJoin(organizations, eq(organizations.id, registrations.organizationId))
    .leftJoin(comuni, eq(comuni.istat, organizations.istatCode))
    .leftJoin(zones, eq(zones.id, comuni.zoneId))
    .where(live)
    .groupBy(zones.id)
    .orderBy(sql`${zones.sortOrder} is null`, asc(zones.sortOrder))
    .all();
  const totals = db
    .select({ confirmed: confirmedSum, waitlisted: waitlistedSum, attended: attendedSum })
    .from(registrations)
    .where(live)
    .get() ?? { confirmed: 0, waitlisted: 0, attended: 0 };
  return { byKind, byZone, totals };
}

/** For a tavolo territoriale: the comuni of its zone with no live registration (empty for other meetings). */
export async function missingComuni(meetingId: number) {
  const meeting = db.select({ kind: meetings.kind, zoneId: meetings.zoneId }).from(meetings).where(eq(meetings.id, meetingId)).get();
  if (!meeting || meeting.kind !== "tavolo_territoriale" || !meeting.zoneId) return [];
  const registeredOrgs = db
    .select({ id: registrations.organizationId })
    .from(registrations)
    .where(and(eq(registrations.meetingId, meetingId), ne(registrations.status, "cancelled")));
  return db
    .select({ istat: comuni.istat, name: comuni.name })
    .from(comuni)
    .leftJoin(organizations, and(eq(organizations.istatCode, comuni.istat), inArray(organizations.id, registeredOrgs)))
    .where(and(eq(comuni.zoneId, meeting.zoneId), isNull(organizations.id)))
    .orderBy(asc(comuni.name))
    .all();
}

const CAPACITY_LABELS = { person: "a titolo personale", comune: "Comune", organization: "organizzazione", observer: "osservatore" } as const;
const STATUS_LABELS = { confirmed: "confermata", waitlisted: "in lista d'attesa", cancelled: "annullata" } as const;
const KIND_LABELS: Record<string, string> = {
  comune: "Comune",
  public_body: "Ente pubblico",
  park: "Parco",
  university: "Università",
  association: "Associazione",
  trade_association: "Associazione di categoria",
  foundation: "Fondazione",
  company: "Impresa",
  other: "Altro",
};

const stamp = (d: Date | null) => (d ? formatDate("it", d, { dateStyle: "short", timeStyle: "short" }) : "");

/**
 * The live registrations as CSV: UTF-8 with a BOM (so spreadsheets show the accents), a header
 * row in Italian, `,` or `;` as separator (`;` suits spreadsheets set to Italian), and cells that
 * would start a formula escaped.
 */
export async function registrationsCsv(meetingId: number, opts: { separator?: "," | ";" } = {}) {
  const rows = registrationRows(statusWhere(meetingId, "live")).all().map(tidy);
  return toCsv(
    [
      "N. iscrizione",
      "Stato",
      "Posizione in lista d'attesa",
      "Veste",
      "Nome",
      "E-mail",
      "Organizzazione",
      "Tipo di organizzazione",
      "Zona omogenea",
      "Iscritto il",
      "Confermato dalla lista d'attesa il",
      "Presente",
    ],
    rows.map((r) => [
      r.id,
      STATUS_LABELS[r.status],
      r.position ?? "",
      CAPACITY_LABELS[r.capacity],
      r.userName ?? "utente cancellato",
      r.userEmail ?? "",
      r.organizationName ?? "",
      r.organizationKind ? KIND_LABELS[r.organizationKind] : "",
      r.zoneName ?? "—",
      stamp(r.createdAt),
      stamp(r.promotedAt),
      r.attended == null ? "" : r.attended ? "sì" : "no",
    ]),
    { separator: opts.separator },
  );
}
