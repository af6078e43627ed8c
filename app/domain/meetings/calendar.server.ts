import { createEvents, type EventAttributes } from "ics";
import { markdownToText } from "~/lib/markdown.server";
import { env } from "~/lib/env.server";
import type { MeetingRow } from "./meetings.server";

// iCalendar files: one per meeting and a feed of the upcoming ones. Times are written in UTC
// ("…Z"), which every calendar converts to its own zone: an 18:00 meeting in Rome shows at 18:00
// in Rome whether it falls in winter (17:00Z) or in summer (16:00Z).

type CalendarMeeting = Pick<
  MeetingRow,
  "id" | "title" | "startsAt" | "endsAt" | "venueName" | "venueAddress" | "lat" | "lon" | "onlineUrl" | "agenda" | "status" | "cancelledReason" | "updatedAt"
>;

const PRODUCT_ID = "-//Citta metropolitana di Milano//Concerta//IT";

/** Where the site is reached: PUBLIC_URL when set, otherwise the origin the request came to. */
export function siteOrigin(request: Request) {
  return (env.PUBLIC_URL ?? new URL(request.url).origin).replace(/\/$/, "");
}

function location(m: CalendarMeeting) {
  const place = [m.venueName, m.venueAddress].filter(Boolean).join(", ");
  return place || m.onlineUrl || undefined;
}

export function meetingEvent(m: CalendarMeeting, origin: string): EventAttributes {
  const url = `${origin}/incontri/${m.id}`;
  const description = [
    m.status === "cancelled" ? `ANNULLATO${m.cancelledReason ? `: ${m.cancelledReason}` : ""}` : "",
    markdownToText(m.agenda),
    m.onlineUrl ? `Partecipazione online: ${m.onlineUrl}` : "",
    `Scheda dell'incontro: ${url}`,
  ]
    .filter(Boolean)
    .join("\n\n");
  return {
    uid: `meeting-${m.id}@${new URL(origin).hostname}`,
    title: m.title,
    start: m.startsAt.getTime(),
    startInputType: "utc",
    startOutputType: "utc",
    end: m.endsAt.getTime(),
    endInputType: "utc",
    endOutputType: "utc",
    location: location(m),
    ...(m.lat != null && m.lon != null ? { geo: { lat: m.lat, lon: m.lon } } : {}),
    description,
    url,
    status: m.status === "cancelled" ? "CANCELLED" : "CONFIRMED",
    // Calendars replace an event they already have when its sequence grows: seconds since the epoch always grow.
    sequence: Math.floor(m.updatedAt.getTime() / 1000),
    lastModified: m.updatedAt.getTime(),
    productId: PRODUCT_ID,
  };
}

function build(events: EventAttributes[], calName?: string) {
  if (events.length === 0) {
    // `ics` refuses an empty list; an empty feed is still a valid calendar.
    return ["BEGIN:VCALENDAR", "VERSION:2.0", "CALSCALE:GREGORIAN", `PRODID:${PRODUCT_ID}`, "METHOD:PUBLISH", ...(calName ? [`X-WR-CALNAME:${calName}`] : []), "END:VCALENDAR", ""].join("\r\n");
  }
  const { error, value } = createEvents(events, { productId: PRODUCT_ID, method: "PUBLISH", ...(calName ? { calName } : {}) });
  if (error || !value) throw error ?? new Error("ics: no output");
  return value;
}

export function meetingIcs(m: CalendarMeeting, origin: string) {
  return build([meetingEvent(m, origin)]);
}

export function feedIcs(list: CalendarMeeting[], origin: string) {
  return build(
    list.map((m) => meetingEvent(m, origin)),
    "Concerta — incontri",
  );
}

export function icsResponse(body: string, fileName: string) {
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "public, max-age=300",
    },
  });
}
