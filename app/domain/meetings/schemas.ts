import { z } from "zod";
import { isIsoDate, isTime, romeDate, romeTime, romeToUtc } from "~/lib/dates";
import { CONTRIBUTION_KINDS, MEETING_KINDS } from "~db/schema/enums";

// Shared by the staff forms (browser) and their actions (server); messages are i18n catalogue keys.

/** A generous box around the Città metropolitana di Milano: a venue point must fall inside it. */
export const METRO_BBOX = { minLon: 8.6, maxLon: 9.7, minLat: 45.1, maxLat: 45.7 } as const;

export const MAX_AGENDA = 20_000;
export const MAX_MINUTES = 100_000;

const DATETIME_LOCAL = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2})?$/;

/** "2027-01-20T18:00" (an <input type="datetime-local"> value, Rome wall-clock) → UTC instant, or null. */
export function parseRomeDateTime(value: string): Date | null {
  const m = DATETIME_LOCAL.exec(value.trim());
  if (!m || !isIsoDate(m[1]) || !isTime(m[2])) return null;
  return romeToUtc(m[1], m[2]);
}

const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optionalText = (max: number) =>
  z.preprocess(emptyToUndefined, z.string().trim().max(max, { message: "errors.tooLong" }).optional());

/** A number typed by a person: "45,46" and "45.46" are the same. */
const decimal = (message: string) =>
  z.preprocess(
    (v) => (typeof v === "string" ? (v.trim() === "" ? undefined : Number(v.trim().replace(",", "."))) : v),
    z.number({ message }).finite({ message }).optional(),
  );

const romeDateTime = (message: string) =>
  z.preprocess(emptyToUndefined, z.string({ message }).transform((v, ctx) => {
    const d = parseRomeDateTime(v);
    if (!d) {
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    }
    return d;
  }));

const optionalRomeDateTime = (message: string) =>
  z.preprocess(
    emptyToUndefined,
    z
      .string()
      .transform((v, ctx) => {
        const d = parseRomeDateTime(v);
        if (!d) {
          ctx.addIssue({ code: "custom", message });
          return z.NEVER;
        }
        return d;
      })
      .optional(),
  );

const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());

/** Repeated form fields arrive as a string or an array of strings. */
const stringList = z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.string().max(20)).max(20));

export const meetingFormSchema = z
  .object({
    title: z.string({ message: "errors.meetingTitle" }).trim().min(3, { message: "errors.meetingTitle" }).max(200, { message: "errors.meetingTitle" }),
    kind: z.enum(MEETING_KINDS, { message: "errors.meetingKind" }),
    processId: z.preprocess(emptyToUndefined, z.coerce.number({ message: "errors.meetingProcess" }).int({ message: "errors.meetingProcess" }).positive({ message: "errors.meetingProcess" }).optional()),
    startsAt: romeDateTime("errors.meetingStart"),
    endsAt: romeDateTime("errors.meetingEnd"),
    zoneId: optionalText(40),
    strategyCodes: stringList,
    venueName: optionalText(200),
    venueAddress: optionalText(300),
    lat: decimal("errors.meetingCoordinates"),
    lon: decimal("errors.meetingCoordinates"),
    onlineUrl: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .trim()
        .max(500, { message: "errors.meetingOnlineUrl" })
        .refine((v) => {
          try {
            const url = new URL(v);
            return url.protocol === "https:" && url.hostname.includes(".");
          } catch {
            return false;
          }
        }, { message: "errors.meetingOnlineUrl" })
        .optional(),
    ),
    agenda: z.preprocess((v) => v ?? "", z.string().max(MAX_AGENDA, { message: "errors.tooLong" })),
    capacity: z.preprocess(
      (v) => (typeof v === "string" ? (v.trim() === "" ? undefined : Number(v.trim())) : v),
      z
        .number({ message: "errors.meetingCapacity" })
        .int({ message: "errors.meetingCapacity" })
        .positive({ message: "errors.meetingCapacity" })
        .max(100_000, { message: "errors.meetingCapacity" })
        .optional(),
    ),
    registrationOpensAt: optionalRomeDateTime("errors.meetingRegistrationDate"),
    registrationClosesAt: optionalRomeDateTime("errors.meetingRegistrationDate"),
    allowObservers: checkbox,
    /** Staff confirm dates that break an art. 7bis rule (docs/decisions/0005). */
    confirmArt7bis: checkbox,
  })
  .superRefine((v, ctx) => {
    if (typeof v !== "object" || v === null) return;
    // Fields may be missing here when their own check failed: compare only what parsed.
    if (v.startsAt instanceof Date && v.endsAt instanceof Date && v.endsAt.getTime() <= v.startsAt.getTime()) ctx.addIssue({ code: "custom", path: ["endsAt"], message: "errors.meetingEndBeforeStart" });
    if (v.kind === "tavolo_territoriale" && !v.zoneId) ctx.addIssue({ code: "custom", path: ["zoneId"], message: "errors.meetingZoneRequired" });
    const hasLat = v.lat !== undefined;
    const hasLon = v.lon !== undefined;
    if (hasLat !== hasLon) {
      ctx.addIssue({ code: "custom", path: [hasLat ? "lon" : "lat"], message: "errors.meetingCoordinates" });
    } else if (hasLat && hasLon) {
      if (v.lat! < METRO_BBOX.minLat || v.lat! > METRO_BBOX.maxLat) ctx.addIssue({ code: "custom", path: ["lat"], message: "errors.meetingCoordinates" });
      if (v.lon! < METRO_BBOX.minLon || v.lon! > METRO_BBOX.maxLon) ctx.addIssue({ code: "custom", path: ["lon"], message: "errors.meetingCoordinates" });
    }
    if (!v.venueName && !v.venueAddress && !v.onlineUrl) ctx.addIssue({ code: "custom", path: ["venueName"], message: "errors.meetingVenueOrOnline" });
    if (v.registrationClosesAt instanceof Date && v.startsAt instanceof Date && v.registrationClosesAt.getTime() > v.startsAt.getTime()) {
      ctx.addIssue({ code: "custom", path: ["registrationClosesAt"], message: "errors.meetingRegistrationCloses" });
    }
    if (v.registrationOpensAt instanceof Date) {
      const deadline = v.registrationClosesAt ?? v.startsAt;
      if (deadline instanceof Date && v.registrationOpensAt.getTime() > deadline.getTime()) {
        ctx.addIssue({ code: "custom", path: ["registrationOpensAt"], message: "errors.meetingRegistrationOpens" });
      }
    }
    // Run even when a field failed (e.g. no kind chosen), so that every problem is reported at once.
  }, { when: () => true })
  .transform((v) => ({
    title: v.title,
    kind: v.kind,
    processId: v.processId ?? null,
    startsAt: v.startsAt,
    endsAt: v.endsAt,
    // Only a tavolo territoriale belongs to a zone.
    zoneId: v.kind === "tavolo_territoriale" ? (v.zoneId ?? null) : null,
    strategyCodes: [...new Set(v.strategyCodes)],
    venueName: v.venueName ?? null,
    venueAddress: v.venueAddress ?? null,
    lat: v.lat ?? null,
    lon: v.lon ?? null,
    onlineUrl: v.onlineUrl ?? null,
    agenda: v.agenda.trim(),
    capacity: v.capacity ?? null,
    registrationOpensAt: v.registrationOpensAt ?? null,
    registrationClosesAt: v.registrationClosesAt ?? null,
    allowObservers: v.kind === "tavolo_territoriale" ? v.allowObservers : false,
    confirmArt7bis: v.confirmArt7bis,
  }));

export type MeetingInput = Omit<z.infer<typeof meetingFormSchema>, "confirmArt7bis">;

export const cancelMeetingSchema = z.object({
  reason: z.string({ message: "errors.cancelReason" }).trim().min(5, { message: "errors.cancelReason" }).max(1000, { message: "errors.cancelReason" }),
});

export const minutesSchema = z.object({
  minutes: z.preprocess((v) => v ?? "", z.string().max(MAX_MINUTES, { message: "errors.tooLong" })),
  attendeesCount: z.preprocess(
    (v) => (typeof v === "string" ? (v.trim() === "" ? undefined : Number(v.trim())) : v),
    z.number({ message: "errors.attendeesCount" }).int({ message: "errors.attendeesCount" }).min(0, { message: "errors.attendeesCount" }).max(100_000, { message: "errors.attendeesCount" }).optional(),
  ),
});

export const documentTitleSchema = z.object({
  title: z.string({ message: "errors.documentTitle" }).trim().min(2, { message: "errors.documentTitle" }).max(200, { message: "errors.documentTitle" }),
});

export const onBehalfSchema = z.object({
  organizationId: z.coerce.number({ message: "errors.organization" }).int({ message: "errors.organization" }).positive({ message: "errors.organization" }),
  comuneIstat: z.preprocess(emptyToUndefined, z.string().regex(/^\d{6}$/, { message: "errors.onBehalfComune" }).optional()),
  kind: z.enum(CONTRIBUTION_KINDS, { message: "errors.onBehalfKind" }),
  title: z.string({ message: "errors.onBehalfTitle" }).trim().min(3, { message: "errors.onBehalfTitle" }).max(200, { message: "errors.onBehalfTitle" }),
  body: z.string({ message: "errors.onBehalfBody" }).trim().min(10, { message: "errors.onBehalfBody" }).max(10_000, { message: "errors.onBehalfBody" }),
  strategyCode: z.preprocess(emptyToUndefined, z.string().max(20).optional()),
});

export type OnBehalfInput = z.infer<typeof onBehalfSchema>;

/** Rome wall-clock "YYYY-MM-DDTHH:MM" of an instant, for datetime-local inputs. */
export function toRomeInput(instant: Date | string | null | undefined): string {
  if (!instant) return "";
  const d = new Date(instant);
  return `${romeDate(d)}T${romeTime(d)}`;
}

/** A stored meeting as the strings its form shows. */
export function meetingFormValues(m: {
  title: string;
  kind: string;
  processId: number;
  startsAt: Date | string;
  endsAt: Date | string;
  zoneId: string | null;
  strategyCodes: string[];
  venueName: string | null;
  venueAddress: string | null;
  lat: number | null;
  lon: number | null;
  onlineUrl: string | null;
  agenda: string;
  capacity: number | null;
  registrationOpensAt: Date | string | null;
  registrationClosesAt: Date | string | null;
  allowObservers: boolean;
}): Record<string, string | string[]> {
  return {
    title: m.title,
    kind: m.kind,
    processId: String(m.processId),
    startsAt: toRomeInput(m.startsAt),
    endsAt: toRomeInput(m.endsAt),
    zoneId: m.zoneId ?? "",
    strategyCodes: m.strategyCodes,
    venueName: m.venueName ?? "",
    venueAddress: m.venueAddress ?? "",
    lat: m.lat == null ? "" : String(m.lat),
    lon: m.lon == null ? "" : String(m.lon),
    onlineUrl: m.onlineUrl ?? "",
    agenda: m.agenda,
    capacity: m.capacity == null ? "" : String(m.capacity),
    registrationOpensAt: toRomeInput(m.registrationOpensAt),
    registrationClosesAt: toRomeInput(m.registrationClosesAt),
    allowObservers: m.allowObservers ? "on" : "",
  };
}
