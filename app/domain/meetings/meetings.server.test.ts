import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { addDays, romeToUtc } from "~/lib/dates";
import { FIRST_PROCESS_SLUG } from "~/domain/processes/processes.server";
import { auditEntries, meetings, outbox, processes, registrations, users } from "~db/schema";
import { seedReference } from "../../../test/db";
import {
  cancelMeeting,
  closeMeeting,
  createMeeting,
  listMeetings,
  MeetingStateError,
  saveMinutes,
  transitionMeeting,
  updateMeeting,
} from "./meetings.server";
import type { MeetingInput } from "./schemas";
import { seedDemoMeetings } from "~/seed/demo/meetings.server";

let staffId: string;
let processId: number;

function user(opts: { role?: "staff" | "participant"; locale?: "it" | "en" } = {}) {
  const id = randomUUID();
  db.insert(users)
    .values({ id, email: `${id.slice(0, 8)}@example.org`, name: `Persona ${id.slice(0, 4)}`, role: opts.role ?? "participant", locale: opts.locale ?? "it" })
    .run();
  return id;
}

function input(over: Partial<MeetingInput> = {}): MeetingInput {
  return {
    title: "Tavolo di prova",
    kind: "tavolo_territoriale",
    processId: null,
    startsAt: romeToUtc("2027-03-10", "17:30"),
    endsAt: romeToUtc("2027-03-10", "19:30"),
    zoneId: "nord-ovest",
    strategyCodes: ["STTM1"],
    venueName: "Sala consiliare",
    venueAddress: "Piazza Visconti 23, Rho",
    lat: 45.53,
    lon: 9.04,
    onlineUrl: null,
    agenda: "1. Saluti",
    capacity: 40,
    registrationOpensAt: null,
    registrationClosesAt: null,
    allowObservers: false,
    ...over,
  };
}

async function created(over: Partial<MeetingInput> = {}) {
  const r = await createMeeting(staffId, input(over));
  if (r.status !== "saved") throw new Error("not saved");
  return r.id;
}

function register(meetingId: number, userId: string, status: "confirmed" | "waitlisted" | "cancelled") {
  db.insert(registrations).values({ meetingId, userId, capacity: "person", status, createdAt: new Date() }).run();
}

function outboxOf(userId: string) {
  return db.select().from(outbox).where(eq(outbox.userId, userId)).all();
}

beforeAll(() => {
  seedReference();
  staffId = user({ role: "staff" });
  processId = db.select({ id: processes.id }).from(processes).where(eq(processes.slug, FIRST_PROCESS_SLUG)).get()!.id;
});

describe("art. 7bis on a conferenza istruttoria", () => {
  const adoption = "2027-09-30";
  beforeAll(() => {
    db.update(processes).set({ plannedAdoptionDate: adoption, rulesOverride: null }).where(eq(processes.id, processId)).run();
  });

  it("70 days before adoption: needs confirmation, nothing saved", async () => {
    const day = addDays(adoption, -70);
    const r = await createMeeting(staffId, input({ kind: "conferenza_istruttoria", zoneId: null, title: "Conferenza 70", startsAt: romeToUtc(day, "10:00"), endsAt: romeToUtc(day, "13:00") }));
    expect(r.status).toBe("needsConfirmation");
    if (r.status !== "needsConfirmation") return;
    expect(r.issues).toEqual([{ rule: "conference_60_days", days: 70, conferenceDate: day }]);
    expect(db.select().from(meetings).where(eq(meetings.title, "Conferenza 70")).get()).toBeUndefined();
  });

  it("30 days before adoption: saved without a word", async () => {
    const day = addDays(adoption, -30);
    const r = await createMeeting(staffId, input({ kind: "conferenza_istruttoria", zoneId: null, title: "Conferenza 30", startsAt: romeToUtc(day, "10:00"), endsAt: romeToUtc(day, "13:00") }));
    expect(r.status).toBe("saved");
  });

  it("70 days with the confirmation: saved, and the confirmation is in the audit log", async () => {
    const day = addDays(adoption, -70);
    const r = await createMeeting(
      staffId,
      input({ kind: "conferenza_istruttoria", zoneId: null, title: "Conferenza confermata", startsAt: romeToUtc(day, "10:00"), endsAt: romeToUtc(day, "13:00") }),
      { confirmArt7bis: true },
    );
    expect(r.status).toBe("saved");
    const confirmed = db.select().from(auditEntries).where(eq(auditEntries.action, "process.rules_confirmed")).all();
    expect(confirmed.some((a) => a.after?.includes("conference_60_days"))).toBe(true);
  });

  it("moving a conferenza to 70 days asks again; other kinds are never checked", async () => {
    const id = await created({ kind: "conferenza_istruttoria", zoneId: null, title: "Conferenza spostata", startsAt: romeToUtc(addDays(adoption, -20), "10:00"), endsAt: romeToUtc(addDays(adoption, -20), "12:00") });
    const day = addDays(adoption, -75);
    const moved = await updateMeeting(staffId, id, input({ kind: "conferenza_istruttoria", zoneId: null, title: "Conferenza spostata", startsAt: romeToUtc(day, "10:00"), endsAt: romeToUtc(day, "12:00") }));
    expect(moved?.status).toBe("needsConfirmation");
    const tavolo = await createMeeting(staffId, input({ startsAt: romeToUtc(day, "10:00"), endsAt: romeToUtc(day, "12:00") }));
    expect(tavolo.status).toBe("saved");
  });
});

describe("messages to registrants", () => {
  it("a change of date reaches confirmed and waitlisted registrants only, in their language", async () => {
    const id = await created({ title: "Tavolo che cambia data" });
    const confirmed = user();
    const waiting = user({ locale: "en" });
    const gone = user();
    const bystander = user();
    register(id, confirmed, "confirmed");
    register(id, waiting, "waitlisted");
    register(id, gone, "cancelled");

    const r = await updateMeeting(staffId, id, input({ title: "Tavolo che cambia data", startsAt: romeToUtc("2027-03-12", "17:30"), endsAt: romeToUtc("2027-03-12", "19:30") }));
    expect(r?.status).toBe("saved");
    const mine = outboxOf(confirmed);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ kind: "meeting.changed", link: `/incontri/${id}` });
    expect(mine[0].subject).toBe("Incontro modificato: Tavolo che cambia data");
    expect(mine[0].body).toContain("venerdì 12 marzo 2027");
    expect(mine[0].body).toContain("17:30");
    expect(outboxOf(waiting)[0].subject).toBe("Meeting changed: Tavolo che cambia data");
    expect(outboxOf(gone)).toHaveLength(0);
    expect(outboxOf(bystander)).toHaveLength(0);
  });

  it("editing only the agenda sends nothing; moving the venue does", async () => {
    const id = await created({ title: "Tavolo che cambia sala" });
    const person = user();
    register(id, person, "confirmed");
    await updateMeeting(staffId, id, input({ title: "Tavolo che cambia sala", agenda: "1. Saluti\n2. Altro" }));
    expect(outboxOf(person)).toHaveLength(0);
    await updateMeeting(staffId, id, input({ title: "Tavolo che cambia sala", venueName: "Auditorium" }));
    expect(outboxOf(person).map((m) => m.kind)).toEqual(["meeting.changed"]);
  });

  it("raising the capacity moves the waiting list up, in order, in the same save", async () => {
    const id = await created({ title: "Tavolo che si allarga", capacity: 1 });
    const [first, second, third] = [user(), user(), user()];
    register(id, first, "confirmed");
    register(id, second, "waitlisted");
    register(id, third, "waitlisted");
    const statusOf = (u: string) => db.select().from(registrations).where(and(eq(registrations.meetingId, id), eq(registrations.userId, u))).get()!.status;
    await updateMeeting(staffId, id, input({ title: "Tavolo che si allarga", capacity: 1, agenda: "Altro" }));
    expect([statusOf(second), statusOf(third)]).toEqual(["waitlisted", "waitlisted"]);
    await updateMeeting(staffId, id, input({ title: "Tavolo che si allarga", capacity: 2 }));
    expect([statusOf(first), statusOf(second), statusOf(third)]).toEqual(["confirmed", "confirmed", "waitlisted"]);
    await updateMeeting(staffId, id, input({ title: "Tavolo che si allarga", capacity: null }));
    expect(statusOf(third)).toBe("confirmed");
  });

  it("cancelling with a reason: status, reason and one message per live registrant", async () => {
    const id = await created({ title: "Tavolo annullato" });
    const a = user();
    const b = user();
    const c = user();
    register(id, a, "confirmed");
    register(id, b, "waitlisted");
    register(id, c, "cancelled");
    const r = await cancelMeeting(staffId, id, "Allerta meteo");
    expect(r).toEqual({ notified: 2 });
    const m = db.select().from(meetings).where(eq(meetings.id, id)).get()!;
    expect(m.status).toBe("cancelled");
    expect(m.cancelledReason).toBe("Allerta meteo");
    expect(outboxOf(a)[0]).toMatchObject({ kind: "meeting.cancelled", subject: "Incontro annullato: Tavolo annullato" });
    expect(outboxOf(a)[0].body).toContain("Motivo: Allerta meteo");
    expect(outboxOf(b)).toHaveLength(1);
    expect(outboxOf(c)).toHaveLength(0);
    // A cancelled meeting is not edited nor cancelled again.
    await expect(updateMeeting(staffId, id, input({ title: "Tavolo annullato" }))).rejects.toBeInstanceOf(MeetingStateError);
    await expect(cancelMeeting(staffId, id, "di nuovo")).rejects.toBeInstanceOf(MeetingStateError);
    const audit = db.select().from(auditEntries).where(and(eq(auditEntries.subjectType, "meeting"), eq(auditEntries.subjectId, String(id)), eq(auditEntries.action, "meeting.cancelled"))).all();
    expect(audit).toHaveLength(1);
  });
});

describe("life cycle: scheduled → registration open → held → closed", () => {
  it("follows the allowed transitions and publishes the minutes on closing", async () => {
    const id = await created({ title: "Tavolo completo" });
    const person = user();
    register(id, person, "confirmed");
    await expect(transitionMeeting(staffId, id, "closed")).rejects.toBeInstanceOf(MeetingStateError);
    await expect(saveMinutes(staffId, id, { minutes: "presto", attendeesCount: 3 })).rejects.toBeInstanceOf(MeetingStateError);
    expect(await transitionMeeting(staffId, id, "registration_open")).toBe(true);
    expect(await transitionMeeting(staffId, id, "held")).toBe(true);
    await expect(closeMeeting(staffId, id, { minutes: "   ", attendeesCount: 12 })).rejects.toMatchObject({ key: "errors.minutesRequired", status: 409 });
    expect(await saveMinutes(staffId, id, { minutes: "## Bozza", attendeesCount: 12 })).toBe(true);
    let m = db.select().from(meetings).where(eq(meetings.id, id)).get()!;
    expect(m).toMatchObject({ status: "held", minutes: "## Bozza", attendeesCount: 12, minutesPublishedAt: null });
    expect(await closeMeeting(staffId, id, { minutes: "## Verbale\n\nTesto.", attendeesCount: 14 })).toBe(true);
    m = db.select().from(meetings).where(eq(meetings.id, id)).get()!;
    expect(m.status).toBe("closed");
    expect(m.attendeesCount).toBe(14);
    expect(m.minutesPublishedAt).toBeInstanceOf(Date);
    expect(outboxOf(person).map((o) => o.kind)).toEqual(["meeting.status", "meeting.status", "meeting.status"]);
    expect(outboxOf(person).at(-1)!.body).toContain("verbale");
    await expect(cancelMeeting(staffId, id, "troppo tardi")).rejects.toBeInstanceOf(MeetingStateError);
  });
});

describe("list", () => {
  it("upcoming first (soonest first), then past (most recent first), filtered and paginated in SQL", async () => {
    const now = new Date("2027-05-01T10:00:00Z");
    const mk = (title: string, day: string, over: Partial<MeetingInput> = {}) =>
      created({ title, startsAt: romeToUtc(day, "10:00"), endsAt: romeToUtc(day, "12:00"), zoneId: "sud-est", ...over });
    await mk("Lista passato vecchio", "2027-01-10");
    await mk("Lista futuro lontano", "2027-08-10");
    await mk("Lista passato recente", "2027-04-10");
    await mk("Lista futuro vicino", "2027-05-10");
    await mk("Lista presentazione", "2027-05-20", { kind: "presentazione", zoneId: null, strategyCodes: ["STTM3"] });

    const sudEst = await listMeetings({ zoneId: "sud-est", now, pageSize: 100 });
    const titles = sudEst.rows.map((r) => r.title).filter((t) => t.startsWith("Lista"));
    expect(titles).toEqual(["Lista futuro vicino", "Lista futuro lontano", "Lista passato recente", "Lista passato vecchio"]);

    const byKind = await listMeetings({ kind: "presentazione", now });
    expect(byKind.rows.map((r) => r.title)).toEqual(["Lista presentazione"]);
    const bySttm = await listMeetings({ strategyCode: "STTM3", now });
    expect(bySttm.rows.map((r) => r.title)).toEqual(["Lista presentazione"]);
    const past = await listMeetings({ zoneId: "sud-est", when: "past", now });
    expect(past.rows.every((r) => r.past)).toBe(true);

    const page1 = await listMeetings({ zoneId: "sud-est", now, pageSize: 2 });
    const page2 = await listMeetings({ zoneId: "sud-est", now, pageSize: 2, page: 2 });
    expect(page1.rows.map((r) => r.title)).toEqual(["Lista futuro vicino", "Lista futuro lontano"]);
    expect(page2.rows.map((r) => r.title)).toEqual(["Lista passato recente", "Lista passato vecchio"]);
    expect(page1.pages).toBe(2);
  });
});

describe("demo meetings", () => {
  it("creates one open table per zone, a conferenza and the closed kick-off, once", () => {
    const now = new Date("2026-11-25T12:00:00Z");
    const first = seedDemoMeetings(db, now);
    expect(first).toBe(10);
    expect(seedDemoMeetings(db, now)).toBe(0);
    const tables = db.select().from(meetings).where(and(eq(meetings.kind, "tavolo_territoriale"), eq(meetings.status, "registration_open"))).all();
    const demo = tables.filter((m) => m.title.startsWith("Tavolo territoriale — "));
    expect(demo).toHaveLength(8);
    expect(demo.map((m) => m.title)).toContain("Tavolo territoriale — Nord Ovest");
    expect(demo.every((m) => m.startsAt > now && m.capacity === 40)).toBe(true);
    expect(demo.filter((m) => m.allowObservers)).toHaveLength(1);
    const kickoff = db.select().from(meetings).where(eq(meetings.kind, "kickoff")).get()!;
    expect(kickoff.status).toBe("closed");
    expect(kickoff.minutes).toContain("Sintesi");
  });
});
