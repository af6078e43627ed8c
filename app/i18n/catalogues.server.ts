// The message catalogues, on the server only. The browser loads the page language's catalogue as a
// small static script (/i18n/<lang>-<hash>.js, cached for good: the hash changes with the text),
// so neither catalogue is in the JS bundle nor in every page's data.
import { createHash } from "node:crypto";
import type { Lang } from "./langs";
import type { MessageKey } from "./it";
import { it } from "./it";
import { en } from "./en";

export const catalogues: Record<Lang, Record<MessageKey, string>> = { it, en };

const scripts = new Map<Lang, { hash: string; body: string }>();

/** The script that hands a catalogue to the browser, and its content hash. */
export function catalogueScript(lang: Lang): { hash: string; body: string } {
  let script = scripts.get(lang);
  if (!script) {
    const json = JSON.stringify(catalogues[lang]).replace(/</g, "\\u003c");
    const body = `(window.__concertaMessages = window.__concertaMessages || {})[${JSON.stringify(lang)}] = ${json};\n`;
    script = { hash: createHash("sha256").update(body).digest("hex").slice(0, 12), body };
    scripts.set(lang, script);
  }
  return script;
}

/** Where the page of a language loads its messages from. */
export function catalogueUrl(lang: Lang): string {
  return `/i18n/${lang}-${catalogueScript(lang).hash}.js`;
}
