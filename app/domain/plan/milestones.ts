import { formatDate, type Lang } from "~/i18n";

/** A piece of a milestone's date: the machine-readable value for <time dateTime> and its text. */
export type DatePart = { dateTime: string; text: string };

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

type Parsed = { iso: string; precision: "month" | "day"; at: Date; year: string };

function parse(iso: string): Parsed {
  // Noon UTC (mid-month for months) is the same calendar day in Europe/Rome, so nothing shifts.
  if (MONTH.test(iso)) return { iso, precision: "month", at: new Date(`${iso}-15T12:00:00Z`), year: iso.slice(0, 4) };
  if (DAY.test(iso)) return { iso, precision: "day", at: new Date(`${iso}T12:00:00Z`), year: iso.slice(0, 4) };
  throw new Error(`Not a milestone date (YYYY-MM or YYYY-MM-DD): ${iso}`);
}

function text(lang: Lang, d: Parsed, withYear: boolean) {
  const opts: Intl.DateTimeFormatOptions =
    d.precision === "month" ? { month: "long" } : { day: "numeric", month: "long" };
  return formatDate(lang, d.at, withYear ? { ...opts, year: "numeric" } : opts);
}

/**
 * A milestone's date as parts: "2022-04-14" → ["14 aprile 2022"]; "2022-10" → ["ottobre 2022"];
 * "2022-10" to "2022-11" → ["ottobre", "novembre 2022"] (the year is said once when both share it).
 */
export function milestoneDateParts(lang: Lang, date: string, endDate?: string): DatePart[] {
  const start = parse(date);
  if (!endDate || endDate === date) return [{ dateTime: start.iso, text: text(lang, start, true) }];
  const end = parse(endDate);
  const sameYear = start.year === end.year && start.precision === end.precision;
  return [
    { dateTime: start.iso, text: text(lang, start, !sameYear) },
    { dateTime: end.iso, text: text(lang, end, true) },
  ];
}

export const RANGE_SEPARATOR = " – ";

/** The whole date as one string, e.g. "ottobre – novembre 2022" / "October – November 2022". */
export function formatMilestoneDate(lang: Lang, date: string, endDate?: string): string {
  return milestoneDateParts(lang, date, endDate)
    .map((p) => p.text)
    .join(RANGE_SEPARATOR);
}
