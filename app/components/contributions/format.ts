// Date and number formatting for the contributions pages, with the Intl formatters built once per
// language: building one costs about 50 µs, and a list page formats dozens of values per request.
import type { Lang } from "~/i18n";

const TIME_ZONE = "Europe/Rome";
const locale = (lang: Lang) => (lang === "it" ? "it-IT" : "en-GB");
const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function dateFormatter(lang: Lang, style: "date" | "dateTime") {
  const key = `${lang}:${style}`;
  let f = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!f) {
    f = new Intl.DateTimeFormat(locale(lang), style === "date" ? { timeZone: TIME_ZONE, dateStyle: "long" } : { timeZone: TIME_ZONE, dateStyle: "long", timeStyle: "short" });
    cache.set(key, f);
  }
  return f;
}

/** "18 ottobre 2026" (Rome time). */
export function longDate(lang: Lang, iso: string | Date) {
  return dateFormatter(lang, "date").format(new Date(iso));
}

/** "18 ottobre 2026 alle ore 10:30" (Rome time). */
export function longDateTime(lang: Lang, iso: string | Date) {
  return dateFormatter(lang, "dateTime").format(new Date(iso));
}

/** 12.345 / 12,345 */
export function wholeNumber(lang: Lang, n: number) {
  const key = `${lang}:number`;
  let f = cache.get(key) as Intl.NumberFormat | undefined;
  if (!f) {
    f = new Intl.NumberFormat(locale(lang));
    cache.set(key, f);
  }
  return f.format(n);
}
