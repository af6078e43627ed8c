// The one shape of a refusal by a domain function: a catalogue key the route translates, the HTTP
// status it answers with, and optionally the form field at fault and the values the message names.
// Capabilities subclass it for a name of their own (CommentError, ModerationError…), never for
// another argument order. Browser-safe: routes and components may test `instanceof` on the server
// side only, but nothing here touches Node.
import { formatDate, isMessageKey, translator, type Lang, type MessageKey } from "~/i18n";

export type DomainErrorStatus = 400 | 403 | 404 | 409 | 413 | 415 | 422 | 503;
export type DomainErrorVars = Record<string, string | number | Date | null>;

export class DomainError extends Error {
  readonly field: string | null;
  readonly vars: DomainErrorVars;
  constructor(
    readonly key: MessageKey,
    readonly status: DomainErrorStatus = 400,
    options: { field?: string | null; vars?: DomainErrorVars } = {},
  ) {
    super(key);
    this.name = new.target.name;
    this.field = options.field ?? null;
    this.vars = options.vars ?? {};
  }
}

/**
 * The refusal in the reader's language: dates in Rome time, a missing date as "data da definire",
 * and a value that is itself a catalogue key (e.g. the name of an event) translated too.
 */
export function domainMessage(error: DomainError, lang: Lang): string {
  const t = translator(lang);
  const vars: Record<string, string> = {};
  for (const [name, value] of Object.entries(error.vars)) {
    if (value instanceof Date) vars[name] = formatDate(lang, value, { dateStyle: "long", timeStyle: "short" });
    else if (value === null) vars[name] = t("participation.dateUnset");
    else if (typeof value === "string" && isMessageKey(value)) vars[name] = t(value);
    else vars[name] = String(value);
  }
  return t(error.key, vars);
}
