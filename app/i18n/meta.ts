import { DEFAULT_LANG, isLang, translator, type Lang, type Translate } from "./index";

type MetaMatch = { id: string; data: unknown };

/** The page's language inside a route's `meta` (hooks are not available there): read from the root loader data. */
export function metaLang(matches: readonly MetaMatch[]): Lang {
  const lang = (matches.find((m) => m.id === "root")?.data as { lang?: unknown } | undefined)?.lang;
  return isLang(lang) ? lang : DEFAULT_LANG;
}

/** The translate function of the page's language, for `meta`. */
export function metaTranslator(matches: readonly MetaMatch[]): Translate {
  return translator(metaLang(matches));
}
