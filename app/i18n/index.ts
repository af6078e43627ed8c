import type { MessageKey } from "./it";
// On the server this holds both catalogues; in the browser build a *.server module is empty, and the
// root route registers the page language's catalogue from its loader data (registerCatalogue).
import * as server from "./catalogues.server";

import { DEFAULT_LANG, LANGS, type Lang } from "./langs";

export type { MessageKey };
export { DEFAULT_LANG, LANGS, type Lang };

type Messages = Record<string, string>;
const registry: Partial<Record<Lang, Messages>> = { ...(server.catalogues ?? {}) };

/** Makes a catalogue available to `translator` (the browser receives one from the root loader). */
export function registerCatalogue(lang: Lang, messages: Messages | undefined | null) {
  if (messages && registry[lang] !== messages) registry[lang] = messages;
}

/** The registered catalogue of a language (both on the server; the page's one in the browser). */
export function catalogueOf(lang: Lang): Messages | undefined {
  return registry[lang];
}

export function isLang(value: unknown): value is Lang {
  return value === "it" || value === "en";
}

export function isMessageKey(key: string): key is MessageKey {
  return LANGS.some((lang) => registry[lang] != null && key in registry[lang]);
}

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export function translator(lang: Lang): Translate {
  const messages = registry[lang] ?? registry[DEFAULT_LANG] ?? {};
  const fallback = registry[DEFAULT_LANG] ?? {};
  return (key, vars) => {
    const template = messages[key] ?? fallback[key] ?? key;
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
