import { TZDate } from "@date-fns/tz";

/** The platform's time zone: dates are stored in UTC and shown, entered and reasoned about in Rome time. */
export const TIME_ZONE = "Europe/Rome";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

export function isTime(value: string): boolean {
  return TIME.test(value);
}

/** "2027-01-15" + "18:00" in Rome → the UTC instant. */
export function romeToUtc(date: string, time = "00:00"): Date {
  const [y, mo, d] = date.split("-").map(Number);
  const [h, mi] = time.split(":").map(Number);
  return new Date(new TZDate(y, mo - 1, d, h, mi, 0, TIME_ZONE).getTime());
}

/** The Rome calendar date ("YYYY-MM-DD") of an instant. */
export function romeDate(instant: Date): string {
  const z = new TZDate(instant.getTime(), TIME_ZONE);
  return `${z.getFullYear()}-${String(z.getMonth() + 1).padStart(2, "0")}-${String(z.getDate()).padStart(2, "0")}`;
}

/** The Rome wall-clock time ("HH:MM") of an instant. */
export function romeTime(instant: Date): string {
  const z = new TZDate(instant.getTime(), TIME_ZONE);
  return `${String(z.getHours()).padStart(2, "0")}:${String(z.getMinutes()).padStart(2, "0")}`;
}

function utcDay(date: string): number {
  const [y, m, d] = date.split("-").map(Number);
  return Date.UTC(y, m - 1, d);
}

/** Whole calendar days from `from` to `to` (both "YYYY-MM-DD"); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcDay(to) - utcDay(from)) / 86_400_000);
}

/** "YYYY-MM-DD" plus n days. */
export function addDays(date: string, n: number): string {
  const [y, m, d] = date.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}
