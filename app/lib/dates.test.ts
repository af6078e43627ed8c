import { describe, expect, it } from "vitest";
import { addDays, daysBetween, isIsoDate, romeDate, romeTime, romeToUtc } from "./dates";

describe("Rome dates", () => {
  it("converts Rome wall time to UTC in winter and summer", () => {
    expect(romeToUtc("2027-01-20", "18:00").toISOString()).toBe("2027-01-20T17:00:00.000Z");
    expect(romeToUtc("2027-07-20", "18:00").toISOString()).toBe("2027-07-20T16:00:00.000Z");
  });
  it("reads the Rome date and time of an instant", () => {
    const late = new Date("2027-07-20T22:30:00Z");
    expect(romeDate(late)).toBe("2027-07-21");
    expect(romeTime(late)).toBe("00:30");
  });
  it("validates dates and counts days", () => {
    expect(isIsoDate("2027-02-29")).toBe(false);
    expect(isIsoDate("2028-02-29")).toBe(true);
    expect(daysBetween("2027-03-01", "2027-05-30")).toBe(90);
    expect(addDays("2027-12-31", 1)).toBe("2028-01-01");
  });
});
