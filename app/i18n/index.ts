import { it, type MessageKey } from "./it";
import { en } from "./en";

export type { MessageKey };
export const LANGS = ["it", "en"] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = "it";

export const catalogues: Record<Lang, Record<MessageKey, string>> = { it, en };

export function isLang(value: unknown): value is Lang {
  return value === "it" || value === "en";
}

export function isMessageKey(key: string): key is MessageKey {
  return key in it;
}

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export function translator(lang: Lang): Translate {
  const messages = catalogues[lang];
  return (key, vars) => {
    const template = messages[key] ?? it[key] ?? key;
    if (!vars) return template;
    return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
  };
}

/** Translates a key that came from data (e.g. a zod message); unknown keys fall back to a generic message. */
export function translateLoose(t: Translate, key: string | undefined | null): string {
  if (!key) return "";
  return isMessageKey(key) ? t(key) : t("errors.invalid");
}

const TIME_ZONE = "Europe/Rome";

// Building an Intl formatter costs far more than using one: keep one per language and options.
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function cached<F extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => F): F {
  let f = formatters.get(key) as F | undefined;
  if (!f) {
    f = make();
    formatters.set(key, f);
  }
  return f;
}

export function formatDate(lang: Lang, date: Date | string | number, opts: Intl.DateTimeFormatOptions = { dateStyle: "long" }) {
  const locale = lang === "it" ? "it-IT" : "en-GB";
  return cached(`d|${locale}|${JSON.stringify(opts)}`, () => new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, ...opts })).format(new Date(date));
}

export function formatNumber(lang: Lang, n: number, opts?: Intl.NumberFormatOptions) {
  const locale = lang === "it" ? "it-IT" : "en-GB";
  return cached(`n|${locale}|${JSON.stringify(opts ?? {})}`, () => new Intl.NumberFormat(locale, opts)).format(n);
}
