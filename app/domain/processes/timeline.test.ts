import { describe, expect, it } from "vitest";
import { currentPhase, phaseEnds } from "./timeline";

// The seeded process "Redazione delle prime 3 STTM", as seedProcesses stores it (month-precision
// phases cover whole months).
const sttm = [
  { kind: "avvio", startDate: "2022-04-14", endDate: null },
  { kind: "kickoff", startDate: "2022-05-24", endDate: null },
  { kind: "tavolo_comuni", startDate: "2022-10-01", endDate: "2022-11-30" },
  { kind: "presentazione", startDate: "2022-12-05", endDate: null },
  { kind: "tavolo_territoriale", startDate: "2023-01-01", endDate: "2023-02-28" },
];

const currentKind = (now: Date) => {
  const { current } = currentPhase(sttm, now);
  return current === null ? null : sttm[current].kind;
};

describe("current phase (Europe/Rome calendar days)", () => {
  it("a phase without an end date lasts until the day before the next one; the last one, its start day", () => {
    expect(phaseEnds(sttm)).toEqual(["2022-05-23", "2022-09-30", "2022-11-30", "2022-12-31", "2023-02-28"]);
    expect(phaseEnds([{ startDate: "2024-01-10", endDate: null }])).toEqual(["2024-01-10"]);
  });

  it("15 October 2022: the tavoli con i Comuni are in progress", () => {
    const t = currentPhase(sttm, new Date("2022-10-15T10:00:00Z"));
    expect(t.statuses).toEqual(["past", "past", "current", "upcoming", "upcoming"]);
    expect(t.current).toBe(2);
    expect(t.next).toBe(3);
  });

  it("24 May 2022 at 10:00 in Rome: the kick-off is in progress", () => {
    // 10:00 CEST = 08:00 UTC
    expect(currentKind(new Date("2022-05-24T08:00:00Z"))).toBe("kickoff");
  });

  it("uses the Rome day, not the UTC one: 2022-12-04T23:30Z is already 5 December in Rome", () => {
    expect(currentKind(new Date("2022-12-04T23:30:00Z"))).toBe("presentazione");
    // One hour earlier it is still 4 December in Rome: between two phases.
    const before = currentPhase(sttm, new Date("2022-12-04T22:30:00Z"));
    expect(before.current).toBeNull();
    expect(before.statuses).toEqual(["past", "past", "past", "upcoming", "upcoming"]);
    expect(before.next).toBe(3);
  });

  it("a month-precision range covers its whole last month", () => {
    expect(currentKind(new Date("2023-02-28T20:00:00Z"))).toBe("tavolo_territoriale");
    expect(currentKind(new Date("2023-02-28T23:30:00Z"))).toBeNull(); // 1 March in Rome
  });

  it("before the start everything is upcoming; in 2030 everything is past", () => {
    const early = currentPhase(sttm, new Date("2022-01-01T12:00:00Z"));
    expect(early.statuses.every((s) => s === "upcoming")).toBe(true);
    expect(early.next).toBe(0);
    const late = currentPhase(sttm, new Date("2030-01-01T12:00:00Z"));
    expect(late.statuses.every((s) => s === "past")).toBe(true);
    expect(late).toMatchObject({ current: null, next: null });
  });

  it("no phases, no timeline", () => {
    expect(currentPhase([], new Date())).toEqual({ statuses: [], current: null, next: null });
  });
});
