import ical, { type VEvent } from "node-ical";
import { describe, expect, it } from "vitest";
import { romeDate, romeTime, romeToUtc } from "~/lib/dates";
import { feedIcs, meetingIcs } from "./calendar.server";
import type { MeetingRow } from "./meetings.server";

const ORIGIN = "https://concerta.example.org";

function meeting(id: number, day: string, over: Partial<MeetingRow> = {}): MeetingRow {
  return {
    id,
    processId: 1,
    kind: "tavolo_territoriale",
    title: `Tavolo territoriale — Nord Ovest (${day})`,
    startsAt: romeToUtc(day, "18:00"),
    endsAt: romeToUtc(day, "20:00"),
    zoneId: "nord-ovest",
    venueName: "Sala consiliare",
    venueAddress: "Piazza Visconti 23, Rho",
    lat: 45.5316,
    lon: 9.0401,
    onlineUrl: null,
    agenda: "1. **Saluti**\n2. Discussione <script>alert(1)</script>",
    capacity: 40,
    registrationOpensAt: null,
    registrationClosesAt: null,
    allowObservers: false,
    status: "registration_open",
    minutes: null,
    minutesPublishedAt: null,
    attendeesCount: null,
    cancelledReason: null,
    createdAt: new Date("2026-11-01T10:00:00Z"),
    updatedAt: new Date("2026-11-02T10:00:00Z"),
    ...over,
  };
}

function events(text: string): VEvent[] {
  return Object.values(ical.sync.parseICS(text)).filter((c): c is VEvent => c?.type === "VEVENT");
}

describe("iCalendar", () => {
  it("a meeting at 18:00 Rome in January is 17:00Z, in July 16:00Z: parsed back, both show 18:00 in Rome", () => {
    const january = meetingIcs(meeting(1, "2027-01-20"), ORIGIN);
    const july = meetingIcs(meeting(2, "2027-07-20"), ORIGIN);
    expect(january).toContain("DTSTART:20270120T170000Z");
    expect(july).toContain("DTSTART:20270720T160000Z");

    const [jan] = events(january);
    const [jul] = events(july);
    expect(new Date(jan.start!).toISOString()).toBe("2027-01-20T17:00:00.000Z");
    expect(new Date(jan.end!).toISOString()).toBe("2027-01-20T19:00:00.000Z");
    expect(new Date(jul.start!).toISOString()).toBe("2027-07-20T16:00:00.000Z");
    expect(romeTime(new Date(jan.start!))).toBe("18:00");
    expect(romeTime(new Date(jul.start!))).toBe("18:00");
    expect(romeDate(new Date(jul.start!))).toBe("2027-07-20");
  });

  it("carries title, location, plain-text agenda, URL, geo and a stable UID", () => {
    const [e] = events(meetingIcs(meeting(7, "2027-03-10"), ORIGIN));
    expect(e.summary).toBe("Tavolo territoriale — Nord Ovest (2027-03-10)");
    expect(e.location).toBe("Sala consiliare, Piazza Visconti 23, Rho");
    expect(e.description).toContain("Saluti\nDiscussione");
    expect(e.description).not.toContain("**");
    expect(e.description).not.toContain("&lt;");
    expect(e.description).toContain(`${ORIGIN}/incontri/7`);
    expect(String(e.url)).toBe(`${ORIGIN}/incontri/7`);
    expect(e.uid).toBe("meeting-7@concerta.example.org");
    expect(e.geo).toMatchObject({ lat: 45.5316, lon: 9.0401 });
    expect(e.status).toBe("CONFIRMED");
  });

  it("a cancelled meeting says STATUS:CANCELLED", () => {
    const text = meetingIcs(meeting(3, "2027-02-01", { status: "cancelled", cancelledReason: "Allerta meteo" }), ORIGIN);
    expect(text).toContain("STATUS:CANCELLED");
    const [e] = events(text);
    expect(e.description).toContain("Allerta meteo");
  });

  it("the feed holds every meeting given, and is valid when empty", () => {
    const feed = feedIcs([meeting(4, "2027-01-20"), meeting(5, "2027-07-20")], ORIGIN);
    const list = events(feed);
    expect(list.map((e) => new Date(e.start!).toISOString()).sort()).toEqual(["2027-01-20T17:00:00.000Z", "2027-07-20T16:00:00.000Z"]);
    expect(feed).toContain("X-WR-CALNAME:Concerta — incontri");
    const empty = feedIcs([], ORIGIN);
    expect(empty).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(empty).toContain("END:VCALENDAR");
    expect(events(empty)).toHaveLength(0);
  });
});
