import { addDays, romeDate } from "~/lib/dates";

/** Where a phase stands on a given day. */
export type PhaseStatus = "past" | "current" | "upcoming";

/** What the timeline needs of a phase: "YYYY-MM-DD" Rome calendar dates, in the process's order. */
export type TimelinePhase = { startDate: string; endDate: string | null };

export type Timeline = {
  /** One status per phase, same order as the input. */
  statuses: PhaseStatus[];
  /** Index of the phase in progress (the last one, if staff entered overlapping ranges), or null. */
  current: number | null;
  /** Index of the first phase still to come, or null when none is left. */
  next: number | null;
};

/**
 * The last day of each phase: its end date; without one, the day before the next phase starts
 * (a milestone like "avvio" lasts until the next step); for the last phase, its start day.
 * Never before its own start (phases entered out of date order).
 */
export function phaseEnds(phases: TimelinePhase[]): string[] {
  return phases.map((p, i) => {
    const next = phases[i + 1];
    const end = p.endDate ?? (next ? addDays(next.startDate, -1) : p.startDate);
    return end < p.startDate ? p.startDate : end;
  });
}

/**
 * The phases' statuses on the Rome calendar day of `now`: a phase is current when that day is
 * within [start, end] (see `phaseEnds`). Between two phases none is current and the next is upcoming.
 * ISO dates compare correctly as strings.
 */
export function currentPhase(phases: TimelinePhase[], now: Date): Timeline {
  const today = romeDate(now);
  const ends = phaseEnds(phases);
  const statuses: PhaseStatus[] = phases.map((p, i) => (today < p.startDate ? "upcoming" : today > ends[i] ? "past" : "current"));
  const current = statuses.lastIndexOf("current");
  const next = statuses.indexOf("upcoming");
  return { statuses, current: current === -1 ? null : current, next: next === -1 ? null : next };
}
