// The interface languages, in their own module so that the catalogues and the translator both
// depend on it without depending on each other.
export const LANGS = ["it", "en"] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = "it";
