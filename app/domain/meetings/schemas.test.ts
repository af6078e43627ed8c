import { describe, expect, it } from "vitest";
import { parseForm } from "~/lib/forms";
import { translator } from "~/i18n";
import { meetingFormSchema, parseRomeDateTime } from "./schemas";

const valid = {
  title: "Tavolo territoriale — Nord Ovest",
  kind: "tavolo_territoriale",
  zoneId: "nord-ovest",
  startsAt: "2027-01-20T18:00",
  endsAt: "2027-01-20T20:00",
  venueName: "Sala consiliare",
  venueAddress: "Piazza Visconti 23, Rho",
  lat: "45,5316",
  lon: "9.0401",
  capacity: "40",
  registrationOpensAt: "2027-01-01T09:00",
  registrationClosesAt: "2027-01-18T23:59",
};

function errorsOf(values: Record<string, unknown>) {
  const r = parseForm(meetingFormSchema, values);
  return r.success ? {} : r.errors;
}

describe("meeting form schema", () => {
  it("accepts a complete tavolo territoriale; times are Rome wall-clock", () => {
    const r = parseForm(meetingFormSchema, valid);
    expect(r.success).toBe(true);
    if (!r.success) return;
    expect(r.data.startsAt.toISOString()).toBe("2027-01-20T17:00:00.000Z");
    expect(r.data.lat).toBeCloseTo(45.5316);
    expect(r.data.capacity).toBe(40);
    expect(r.data.zoneId).toBe("nord-ovest");
  });

  it("summer time: 18:00 in July is 16:00Z", () => {
    expect(parseRomeDateTime("2027-07-20T18:00")?.toISOString()).toBe("2027-07-20T16:00:00.000Z");
    expect(parseRomeDateTime("2027-02-30T18:00")).toBeNull();
    expect(parseRomeDateTime("domani")).toBeNull();
  });

  it("refuses an end before (or equal to) the start", () => {
    expect(errorsOf({ ...valid, endsAt: "2027-01-20T17:00" }).endsAt).toBe("errors.meetingEndBeforeStart");
    expect(errorsOf({ ...valid, endsAt: valid.startsAt }).endsAt).toBe("errors.meetingEndBeforeStart");
  });

  it("capacity: a positive whole number, or empty for no limit", () => {
    expect(errorsOf({ ...valid, capacity: "0" }).capacity).toBe("errors.meetingCapacity");
    expect(errorsOf({ ...valid, capacity: "-3" }).capacity).toBe("errors.meetingCapacity");
    expect(errorsOf({ ...valid, capacity: "2.5" }).capacity).toBe("errors.meetingCapacity");
    expect(errorsOf({ ...valid, capacity: "tanti" }).capacity).toBe("errors.meetingCapacity");
    const r = parseForm(meetingFormSchema, { ...valid, capacity: "" });
    expect(r.success && r.data.capacity).toBe(null);
  });

  it("reports every problem at once (end before start and capacity 0 together)", () => {
    const errors = errorsOf({ ...valid, endsAt: "2027-01-20T17:00", capacity: "0" });
    expect(errors).toMatchObject({ endsAt: "errors.meetingEndBeforeStart", capacity: "errors.meetingCapacity" });
  });

  it("cross-field checks still run when a field fails on its own (no kind chosen)", () => {
    const errors = errorsOf({ ...valid, kind: "", endsAt: "2027-01-20T17:00", lat: "nord" });
    expect(errors).toMatchObject({ kind: "errors.meetingKind", endsAt: "errors.meetingEndBeforeStart", lat: "errors.meetingCoordinates" });
  });

  it("a tavolo territoriale needs a zone; other kinds drop it", () => {
    expect(errorsOf({ ...valid, zoneId: "" }).zoneId).toBe("errors.meetingZoneRequired");
    const r = parseForm(meetingFormSchema, { ...valid, kind: "presentazione" });
    expect(r.success && r.data.zoneId).toBe(null);
  });

  it("the online link must be an https URL", () => {
    expect(errorsOf({ ...valid, onlineUrl: "http://example.org/riunione" }).onlineUrl).toBe("errors.meetingOnlineUrl");
    expect(errorsOf({ ...valid, onlineUrl: "javascript:alert(1)" }).onlineUrl).toBe("errors.meetingOnlineUrl");
    expect(errorsOf({ ...valid, onlineUrl: "non è un link" }).onlineUrl).toBe("errors.meetingOnlineUrl");
    expect(parseForm(meetingFormSchema, { ...valid, onlineUrl: "https://meet.example.org/abc" }).success).toBe(true);
  });

  it("needs a venue or an online link", () => {
    expect(errorsOf({ ...valid, venueName: "", venueAddress: "", lat: "", lon: "" }).venueName).toBe("errors.meetingVenueOrOnline");
    expect(parseForm(meetingFormSchema, { ...valid, venueName: "", venueAddress: "", lat: "", lon: "", onlineUrl: "https://meet.example.org/x" }).success).toBe(true);
  });

  it("the map point must be inside the metropolitan area, with both coordinates", () => {
    expect(errorsOf({ ...valid, lat: "41.9", lon: "12.5" })).toMatchObject({ lat: "errors.meetingCoordinates", lon: "errors.meetingCoordinates" });
    expect(errorsOf({ ...valid, lon: "" }).lon).toBe("errors.meetingCoordinates");
  });

  it("registration closes no later than the start and opens before it closes", () => {
    expect(errorsOf({ ...valid, registrationClosesAt: "2027-01-20T18:30" }).registrationClosesAt).toBe("errors.meetingRegistrationCloses");
    expect(errorsOf({ ...valid, registrationOpensAt: "2027-01-19T09:00" }).registrationOpensAt).toBe("errors.meetingRegistrationOpens");
  });

  it("every message is an Italian catalogue entry", () => {
    const t = translator("it");
    const errors = errorsOf({ ...valid, title: "", endsAt: "2027-01-20T17:00", capacity: "0", zoneId: "", onlineUrl: "ftp://x" });
    expect(Object.keys(errors).length).toBeGreaterThanOrEqual(5);
    for (const key of Object.values(errors)) expect(t(key as never)).not.toBe(key);
    expect(t("errors.meetingEndBeforeStart")).toBe("La fine dell'incontro deve essere successiva all'inizio.");
  });
});
