import type { z } from "zod";
import { isMessageKey, type MessageKey } from "~/i18n";
import type { DomainError } from "./domain-error";

export type FieldErrors = Record<string, string>;

/** A domain refusal as form errors: its message key under its field, or under "form" when it names none. */
export function fieldErrorsOf(error: DomainError): Record<string, MessageKey> {
  return { [error.field ?? "form"]: error.key };
}

/** Form data as a plain object; repeated names become arrays. Passwords are never echoed back. */
export function formValues(formData: FormData): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value !== "string") continue;
    const prev = out[key];
    if (prev === undefined) out[key] = value;
    else out[key] = Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return out;
}

export function withoutSecrets(values: Record<string, string | string[]>) {
  const copy: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(values)) {
    if (/password/i.test(k) || k === "intent") continue;
    copy[k] = v;
  }
  return copy;
}

/**
 * Parses with zod; on failure returns the first message per field.
 * Messages in our schemas are i18n catalogue keys ("errors.email", "reports.meeting.error.tooLong");
 * anything else (zod's own English text) becomes the generic "errors.invalid".
 */
export function parseForm<S extends z.ZodType>(
  schema: S,
  values: Record<string, unknown>,
): { success: true; data: z.infer<S> } | { success: false; errors: FieldErrors } {
  const result = schema.safeParse(values);
  if (result.success) return { success: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = issue.path.join(".") || "form";
    if (!errors[key]) errors[key] = isMessageKey(issue.message) ? issue.message : "errors.invalid";
  }
  return { success: false, errors };
}

/**
 * The first refusal of a parse, for pages with many forms (one message, on the form it came from):
 * the field at fault and its message key — "errors.unknownIntent" when the intent is not one of the page's.
 */
export function firstIssue(error: z.ZodError): { field: string | null; key: MessageKey } {
  const issue = error.issues[0];
  const field = issue?.path.join(".") || null;
  if (issue?.message && isMessageKey(issue.message)) return { field, key: issue.message };
  return { field, key: field === "intent" ? "errors.unknownIntent" : "errors.invalid" };
}
