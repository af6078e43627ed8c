import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { translator } from "~/i18n";
import { seedReference } from "../../../test/db";
import { auditEntries, meetings, memberships, organizations, outbox, processes, registrations, users, type MeetingKind, type MeetingStatus } from "~db/schema";
import { FIRST_PROCESS_SLUG } from "~/domain/processes/processes.server";
import { cancelRegistration, cancelRegistrationAsStaff, markAttendance, register, registrationPanel, registrationsOfUser } from "./registrations.server";
import { invitationsForUser, invite, inviteAllComuni, listInvitations } from "./invitations.server";
import { listRegistrations, missingComuni, registrationCounts, registrationsCsv } from "./registration-lists.server";
import { refusalKey, type Refusal } from "./registration-rules";

const it_ = translator("it");
const message = (r: Refusal) =>
  it_(refusalKey(r.reason), { organization: r.organization ?? "", zone: r.zone ?? "", organizationZone: r.organizationZone ?? "", date: r.date ?? "" });

const NOW = new Date("2027-03-01T09:00:00Z");
const IN_A_WEEK = new Date("2027-03-08T16:00:00Z");
let processId: number;
let staffId: string;

function user(name = "Persona") {
  const id = randomUUID();
  db.insert(users).values({ id, email: `${id.slice(0, 8)}@example.org`, name }).run();
  return id;
}

function org(slug: string) {
  const row = db.select().from(organizations).where(eq(organizations.slug, slug)).get();
  if (!row) throw new Error(slug);
  return row;
}

function member(userId: string, slug: string) {
  const o = org(slug);
  db.insert(memberships).values({ userId, organizationId: o.id, status: "approved", decidedAt: NOW }).run();
  return o.id;
}

let meetingCount = 0;
function meeting(opts: {
  kind?: MeetingKind;
  zoneId?: string | null;
  capacity?: number | null;
  allowObservers?: boolean;
  status?: MeetingStatus;
  startsAt?: Date;
  opensAt?: Date | null;
  closesAt?: Date | null;
}) {
  const startsAt = opts.startsAt ?? IN_A_WEEK;
  return db
    .insert(meetings)
    .values({
      processId,
      kind: opts.kind ?? "altro",
      title: `Incontro di prova ${++meetingCount}`,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 2 * 3600_000),
      zoneId: opts.zoneId ?? null,
      capacity: opts.capacity === undefined ? null : opts.capacity,
      allowObservers: opts.allowObservers ?? false,
      status: opts.status ?? "registration_open",
      registrationOpensAt: opts.opensAt ?? null,
      registrationClosesAt: opts.closesAt ?? null,
    })
    .returning({ id: meetings.id })
    .get().id;
}

function messagesOf(userId: string) {
  return db.select().from(outbox).where(eq(outbox.userId, userId)).orderBy(outbox.id).all();
}

beforeAll(() => {
  seedReference();
  processId = db.select().from(processes).where(eq(processes.slug, FIRST_PROCESS_SLUG)).get()!.id;
  staffId = user("Staff");
});

describe("territorial tables", () => {
  it("the officer of Comune di Rho registers it as a comune for the Nord Ovest table, and is told so", async () => {
    const officer = user("Ufficio tecnico Rho");
    const rho = member(officer, "comune-di-rho");
    const table = meeting({ kind: "tavolo_territoriale", zoneId: "nord-ovest", capacity: 40 });
    const result = await register({ userId: officer, meetingId: table, organizationId: rho, now: NOW });
    expect(result).toMatchObject({ ok: true, registration: { status: "confirmed", capacity: "comune", position: null } });
    const [msg] = messagesOf(officer);
    expect(msg).toMatchObject({ kind: "registration.confirmed", link: `/incontri/${table}` });
    expect(msg.subject).toContain("Iscrizione confermata");
    expect(msg.body).toContain("per Comune di Rho");
  });

  it("refuses Comune di Rho as a comune at the Sud Est table, saying why", async () => {
    const officer = user();
    const rho = member(officer, "comune-di-rho");
    const table = meeting({ kind: "tavolo_territoriale", zoneId: "sud-est" });
    const result = await register({ userId: officer, meetingId: table, organizationId: rho, now: NOW });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.refusal).toEqual({ reason: "comune_other_zone", organization: "Comune di Rho", zone: "Sud Est", organizationZone: "Nord Ovest" });
    expect(message(result.refusal)).toBe(
      "Comune di Rho non può iscriversi come Comune al tavolo territoriale della zona Sud Est: fa parte della zona Nord Ovest. A questo tavolo si iscrivono come Comuni solo i Comuni della zona Sud Est.",
    );
    expect(db.select().from(registrations).where(eq(registrations.meetingId, table)).all()).toHaveLength(0);
  });

  it("lets other organizations, comuni of other zones and people register as observers only when staff allow it", async () => {
    const officer = user();
    const rho = member(officer, "comune-di-rho");
    const legambienteMember = user();
    const legambiente = member(legambienteMember, "legambiente-lombardia");
    const citizen = user();

    const closed = meeting({ kind: "tavolo_territoriale", zoneId: "sud-est", allowObservers: false });
    const legRefused = await register({ userId: legambienteMember, meetingId: closed, organizationId: legambiente, now: NOW });
    expect(legRefused).toMatchObject({ ok: false, refusal: { reason: "observers_not_allowed", zone: "Sud Est" } });
    expect(await register({ userId: citizen, meetingId: closed, now: NOW })).toMatchObject({ ok: false, refusal: { reason: "observers_not_allowed" } });

    const open = meeting({ kind: "tavolo_territoriale", zoneId: "sud-est", allowObservers: true });
    expect(await register({ userId: legambienteMember, meetingId: open, organizationId: legambiente, now: NOW })).toMatchObject({
      ok: true,
      registration: { capacity: "observer" },
    });
    expect(await register({ userId: officer, meetingId: open, organizationId: rho, now: NOW })).toMatchObject({ ok: true, registration: { capacity: "observer" } });
    expect(await register({ userId: citizen, meetingId: open, now: NOW })).toMatchObject({ ok: true, registration: { capacity: "observer" } });
  });

  it("refuses an organization the person does not represent (approved membership needed)", async () => {
    const stranger = user();
    const pending = user();
    db.insert(memberships).values({ userId: pending, organizationId: org("comune-di-rho").id, status: "pending" }).run();
    const table = meeting({ kind: "tavolo_territoriale", zoneId: "nord-ovest" });
    for (const u of [stranger, pending]) {
      const result = await register({ userId: u, meetingId: table, organizationId: org("comune-di-rho").id, now: NOW });
      expect(result).toMatchObject({ ok: false, refusal: { reason: "not_member", organization: "Comune di Rho" } });
    }
  });

  it("lists the comuni of the zone that did not register", async () => {
    const officer = user();
    const rho = member(officer, "comune-di-rho");
    const table = meeting({ kind: "tavolo_territoriale", zoneId: "nord-ovest" });
    expect(await missingComuni(table)).toHaveLength(16);
    await register({ userId: officer, meetingId: table, organizationId: rho, now: NOW });
    const missing = await missingComuni(table);
    expect(missing).toHaveLength(15);
    expect(missing.map((c) => c.name)).not.toContain("Rho");
    expect(missing.map((c) => c.name)).toContain("Pero");
    expect(await missingComuni(meeting({}))).toEqual([]);
  });
});

describe("no double registration", () => {
  it("refuses a second live registration of the same person", async () => {
    const u = user();
    const m = meeting({});
    expect((await register({ userId: u, meetingId: m, now: NOW })).ok).toBe(true);
    expect(await register({ userId: u, meetingId: m, now: NOW })).toEqual({ ok: false, refusal: { reason: "already_registered" } });
    const orgId = member(u, "politecnico-di-milano");
    expect(await register({ userId: u, meetingId: m, organizationId: orgId, now: NOW })).toEqual({ ok: false, refusal: { reason: "already_registered" } });
  });

  it("refuses the same organization registered by a second member", async () => {
    const first = user();
    const second = user();
    const rho = member(first, "comune-di-rho");
    member(second, "comune-di-rho");
    const m = meeting({ kind: "tavolo_territoriale", zoneId: "nord-ovest" });
    expect((await register({ userId: first, meetingId: m, organizationId: rho, now: NOW })).ok).toBe(true);
    const again = await register({ userId: second, meetingId: m, organizationId: rho, now: NOW });
    expect(again).toEqual({ ok: false, refusal: { reason: "organization_already_registered", organization: "Comune di Rho" } });
    expect(message((again as { refusal: Refusal }).refusal)).toContain("Comune di Rho ha già un'iscrizione attiva");
  });

  it("allows registering again after cancelling", async () => {
    const u = user();
    const m = meeting({});
    const first = await register({ userId: u, meetingId: m, now: NOW });
    if (!first.ok) throw new Error("expected ok");
    expect((await cancelRegistration({ registrationId: first.registration.id, userId: u, now: NOW })).ok).toBe(true);
    expect((await register({ userId: u, meetingId: m, now: NOW })).ok).toBe(true);
  });
});

describe("capacity and waiting list", () => {
  it("puts the third registrant of a capacity-2 meeting on the waiting list and promotes them, in order, when someone cancels", async () => {
    const m = meeting({ capacity: 2 });
    const [a, b, c, d] = [user("Anna"), user("Bruno"), user("Carla"), user("Dario")];
    const ra = await register({ userId: a, meetingId: m, now: NOW });
    const rb = await register({ userId: b, meetingId: m, now: new Date(NOW.getTime() + 1) });
    const rc = await register({ userId: c, meetingId: m, now: new Date(NOW.getTime() + 2) });
    const rd = await register({ userId: d, meetingId: m, now: new Date(NOW.getTime() + 3) });
    expect([ra, rb, rc, rd].map((r) => r.ok && r.registration.status)).toEqual(["confirmed", "confirmed", "waitlisted", "waitlisted"]);
    expect(rc).toMatchObject({ registration: { position: 1 } });
    expect(rd).toMatchObject({ registration: { position: 2 } });
    expect(messagesOf(c).at(-1)).toMatchObject({ kind: "registration.waitlisted" });

    const panel = await registrationPanel({ meetingId: m, userId: d, now: NOW });
    expect(panel?.mine).toMatchObject({ status: "waitlisted", position: 2 });
    expect(panel?.seats).toEqual({ capacity: 2, confirmed: 2, waitlisted: 2, left: 0 });

    const cancelled = await cancelRegistration({ registrationId: (rb as { registration: { id: number } }).registration.id, userId: b, now: NOW });
    expect(cancelled).toEqual({ ok: true, promoted: [(rc as { registration: { id: number } }).registration.id] });
    const promotedMsg = messagesOf(c).at(-1)!;
    expect(promotedMsg.kind).toBe("registration.promoted");
    expect(promotedMsg.subject).toContain("Si è liberato un posto");
    expect(promotedMsg.link).toBe(`/incontri/${m}`);
    expect((await registrationPanel({ meetingId: m, userId: c, now: NOW }))?.mine).toMatchObject({ status: "confirmed" });
    expect((await registrationPanel({ meetingId: m, userId: d, now: NOW }))?.mine).toMatchObject({ status: "waitlisted", position: 1 });

    // Cancelling a waitlisted registration promotes nobody.
    expect(await cancelRegistration({ registrationId: (rd as { registration: { id: number } }).registration.id, userId: d, now: NOW })).toEqual({ ok: true, promoted: [] });
  });

  it("never gives the last seat twice to simultaneous requests", async () => {
    const m = meeting({ capacity: 1 });
    const results = await Promise.all([user(), user(), user()].map((u) => register({ userId: u, meetingId: m, now: NOW })));
    expect(results.map((r) => r.ok && r.registration.status).sort()).toEqual(["confirmed", "waitlisted", "waitlisted"]);
  });

  it("refuses cancellation after the start, and by anyone but the owner; staff may cancel, the person is told", async () => {
    const m = meeting({ capacity: 1 });
    const owner = user();
    const other = user();
    const r = await register({ userId: owner, meetingId: m, now: NOW });
    const waiting = await register({ userId: other, meetingId: m, now: NOW });
    if (!r.ok || !waiting.ok) throw new Error("expected ok");
    expect(await cancelRegistration({ registrationId: r.registration.id, userId: other, now: NOW })).toEqual({ ok: false, refusal: { reason: "cancel_not_owner" } });
    const afterStart = new Date(IN_A_WEEK.getTime() + 60_000);
    expect(await cancelRegistration({ registrationId: r.registration.id, userId: owner, now: afterStart })).toEqual({
      ok: false,
      refusal: { reason: "cancel_after_start" },
    });
    expect(await cancelRegistrationAsStaff({ registrationId: r.registration.id, staffId, now: NOW })).toEqual({ ok: true, promoted: [waiting.registration.id] });
    expect(messagesOf(owner).at(-1)?.kind).toBe("registration.cancelled");
    const audit = db.select().from(auditEntries).where(and(eq(auditEntries.action, "registration.cancelled"), eq(auditEntries.subjectId, String(r.registration.id)))).get();
    expect(audit?.actorId).toBe(staffId);
    expect(await cancelRegistration({ registrationId: r.registration.id, userId: owner, now: NOW })).toEqual({ ok: false, refusal: { reason: "already_cancelled" } });
  });
});

describe("registration window", () => {
  it("is open only for a meeting open for registration, within its dates, before its start", async () => {
    const u = user();
    const reason = async (id: number, now = NOW) => {
      const r = await register({ userId: u, meetingId: id, now });
      return r.ok ? "ok" : r.refusal.reason;
    };
    expect(await reason(meeting({ status: "scheduled" }))).toBe("not_open_yet");
    expect(await reason(meeting({ status: "cancelled" }))).toBe("meeting_cancelled");
    expect(await reason(meeting({ status: "held" }))).toBe("meeting_over");
    expect(await reason(meeting({ status: "closed" }))).toBe("meeting_over");
    expect(await reason(meeting({ opensAt: new Date(NOW.getTime() + 3600_000) }))).toBe("opens_later");
    expect(await reason(meeting({ closesAt: new Date(NOW.getTime() - 1000) }))).toBe("closed");
    expect(await reason(meeting({ startsAt: new Date(NOW.getTime() - 1000) }))).toBe("started");
    expect(await reason(meeting({ opensAt: new Date(NOW.getTime() - 1000), closesAt: new Date(NOW.getTime() + 1000) }))).toBe("ok");
    expect(await reason(999_999)).toBe("meeting_not_found");
  });
});

describe("invitations", () => {
  it("exist only for a conferenza istruttoria", async () => {
    const table = meeting({ kind: "tavolo_territoriale", zoneId: "nord-ovest" });
    expect(await inviteAllComuni({ meetingId: table, staffId })).toEqual({ ok: false, refusal: { reason: "invitations_only_conferenza" } });
    expect(await invite({ meetingId: table, organizationIds: [org("legambiente-lombardia").id], staffId })).toEqual({
      ok: false,
      refusal: { reason: "invitations_only_conferenza" },
    });
    expect(message({ reason: "invitations_only_conferenza" })).toBe("Gli inviti si usano solo per la conferenza istruttoria.");
  });

  it("invite all 133 comuni at once plus chosen organizations; members see them on their account", async () => {
    const conf = meeting({ kind: "conferenza_istruttoria" });
    expect(await inviteAllComuni({ meetingId: conf, staffId })).toEqual({ ok: true, added: 133 });
    expect(await inviteAllComuni({ meetingId: conf, staffId })).toEqual({ ok: true, added: 0 });
    expect(await invite({ meetingId: conf, organizationIds: [org("legambiente-lombardia").id], staffId })).toEqual({ ok: true, added: 1 });
    expect(await invite({ meetingId: conf, organizationIds: [987654], staffId })).toMatchObject({ ok: false, refusal: { reason: "organization_not_found" } });
    const list = await listInvitations(conf);
    expect(list).toHaveLength(134);
    expect(list.filter((i) => i.kind === "comune")).toHaveLength(133);

    const officer = user();
    const rho = member(officer, "comune-di-rho");
    const mine = await invitationsForUser(officer);
    expect(mine).toEqual([expect.objectContaining({ meetingId: conf, organizationName: "Comune di Rho", registered: false })]);
    expect(await invitationsForUser(user())).toEqual([]);

    // The officer registers Rho: the invitation shows it, and the panel names the invitation.
    expect((await register({ userId: officer, meetingId: conf, organizationId: rho, now: NOW })).ok).toBe(true);
    expect((await invitationsForUser(officer))[0].registered).toBe(true);
    expect((await listInvitations(conf)).find((i) => i.name === "Comune di Rho")?.registered).toBe(true);
    expect((await registrationPanel({ meetingId: conf, userId: officer, now: NOW }))?.invited).toEqual(["Comune di Rho"]);
  });
});

describe("staff lists, counts, attendance, CSV", () => {
  let m: number;
  let rhoReg: number;
  let waitlistedReg: number;
  beforeAll(async () => {
    m = meeting({ capacity: 3 });
    const rhoOfficer = user("Niccolò Ferrè");
    const rho = member(rhoOfficer, "comune-di-rho");
    const peroOfficer = user("Ufficio Pero");
    const pero = member(peroOfficer, "comune-di-pero");
    const leg = user("Socia Legambiente");
    const legambiente = member(leg, "legambiente-lombardia");
    const citizen = user("=HYPERLINK(\"http://evil\")");
    const r1 = await register({ userId: rhoOfficer, meetingId: m, organizationId: rho, now: NOW });
    await register({ userId: peroOfficer, meetingId: m, organizationId: pero, now: new Date(NOW.getTime() + 1) });
    await register({ userId: leg, meetingId: m, organizationId: legambiente, now: new Date(NOW.getTime() + 2) });
    const r4 = await register({ userId: citizen, meetingId: m, now: new Date(NOW.getTime() + 3) });
    rhoReg = (r1 as { registration: { id: number } }).registration.id;
    waitlistedReg = (r4 as { registration: { id: number } }).registration.id;
  });

  it("counts live registrations by organization kind and by zone", async () => {
    const counts = await registrationCounts(m);
    expect(counts.byKind).toEqual([
      { kind: "association", confirmed: 1, waitlisted: 0 },
      { kind: "comune", confirmed: 2, waitlisted: 0 },
      { kind: "person", confirmed: 0, waitlisted: 1 },
    ]);
    expect(counts.byZone).toEqual([
      { zoneId: "nord-ovest", zoneName: "Nord Ovest", confirmed: 2, waitlisted: 0 },
      { zoneId: null, zoneName: null, confirmed: 1, waitlisted: 1 },
    ]);
    expect(counts.totals).toEqual({ confirmed: 3, waitlisted: 1, attended: 0 });
  });

  it("lists registrations, confirmed first, then the waiting list with positions", async () => {
    const list = await listRegistrations(m);
    expect(list.total).toBe(4);
    expect(list.rows.map((r) => [r.userName, r.status, r.position])).toEqual([
      ["Niccolò Ferrè", "confirmed", null],
      ["Ufficio Pero", "confirmed", null],
      ["Socia Legambiente", "confirmed", null],
      ['=HYPERLINK("http://evil")', "waitlisted", 1],
    ]);
    expect((await listRegistrations(m, { filter: "waitlisted" })).rows).toHaveLength(1);
  });

  it("marks attendance of confirmed registrations, with an audit entry", async () => {
    expect(await markAttendance({ registrationId: rhoReg, attended: true, staffId })).toEqual({ ok: true });
    expect((await registrationCounts(m)).totals.attended).toBe(1);
    const audit = db.select().from(auditEntries).where(and(eq(auditEntries.action, "registration.attendance"), eq(auditEntries.subjectId, String(rhoReg)))).get();
    expect(JSON.parse(audit!.after!)).toEqual({ attended: true });
    expect(await markAttendance({ registrationId: waitlistedReg, attended: true, staffId })).toEqual({ ok: false, refusal: { reason: "attendance_not_confirmed" } });
    expect(await markAttendance({ registrationId: rhoReg, attended: true, staffId, meetingId: m + 1000 })).toEqual({
      ok: false,
      refusal: { reason: "registration_not_found" },
    });
  });

  it("exports CSV with a BOM, accents intact, either separator, formulas escaped", async () => {
    for (const separator of [",", ";"] as const) {
      const csv = await registrationsCsv(m, { separator });
      expect(csv.charCodeAt(0)).toBe(0xfeff);
      const rows = parse(csv, { bom: true, delimiter: separator, columns: true }) as Record<string, string>[];
      expect(rows).toHaveLength(4);
      expect(rows[0]).toMatchObject({ Nome: "Niccolò Ferrè", Organizzazione: "Comune di Rho", "Zona omogenea": "Nord Ovest", Veste: "Comune", Presente: "sì" });
      expect(rows[2]).toMatchObject({ "Tipo di organizzazione": "Associazione", "Zona omogenea": "—" });
      expect(rows[3]).toMatchObject({ Stato: "in lista d'attesa", "Posizione in lista d'attesa": "1" });
      expect(rows[3].Nome.startsWith("=")).toBe(false);
    }
  });

  it("shows each person only their own registration", async () => {
    const someone = user();
    const panel = await registrationPanel({ meetingId: m, userId: someone, now: NOW });
    expect(panel?.mine).toBeNull();
    expect(JSON.stringify(panel)).not.toContain("Niccolò");
    const anonymous = await registrationPanel({ meetingId: m, userId: null, now: NOW });
    expect(anonymous?.mine).toBeNull();
    expect(anonymous?.choices).toEqual([]);
  });
});

describe("account page", () => {
  it("lists a person's live registrations, upcoming first", async () => {
    const u = user();
    const later = meeting({ startsAt: new Date("2027-05-01T08:00:00Z") });
    const sooner = meeting({ startsAt: new Date("2027-04-01T08:00:00Z") });
    const cancelled = meeting({});
    await register({ userId: u, meetingId: later, now: NOW });
    await register({ userId: u, meetingId: sooner, now: NOW });
    const c = await register({ userId: u, meetingId: cancelled, now: NOW });
    await cancelRegistration({ registrationId: (c as { registration: { id: number } }).registration.id, userId: u, now: NOW });
    expect((await registrationsOfUser(u, NOW)).map((r) => r.meetingId)).toEqual([sooner, later]);
  });
});
