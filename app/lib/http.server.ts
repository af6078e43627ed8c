import { data } from "@remix-run/node";
import { DEFAULT_LANG, translator, type MessageKey } from "~/i18n";
import type { DomainError } from "./domain-error";
import { fieldErrorsOf } from "./forms";
import { getLang } from "./lang.server";

const TEXT = { "Content-Type": "text/plain; charset=utf-8" };

/** Throws a Response with the given status when `condition` is falsy (Epic Stack's invariantResponse). */
export function invariantResponse(
  condition: unknown,
  message: string,
  init: { status: number } = { status: 400 },
): asserts condition {
  if (!condition) {
    throw new Response(message, { status: init.status, headers: TEXT });
  }
}

/**
 * Throws a 404 when `condition` is falsy, like invariantResponse; its text is the catalogue message
 * `key` ("errors.notFound.meeting": "Incontro non trovato") in the request's language, which the
 * error page shows under its generic 404 message (and a file or API client reads as the body).
 */
export function invariantFound(condition: unknown, request: Request, key: MessageKey = "errors.notFound.page"): asserts condition {
  if (!condition) throw new Response(translatedBody(request, key), { status: 404, headers: TEXT });
}

// The language comes from a cookie, and reading a cookie is asynchronous: the body is written when
// it is read (Remix reads a thrown Response's body before rendering the error page), so that
// invariantFound can stay a plain assertion that narrows its condition.
function translatedBody(request: Request, key: MessageKey): ReadableStream<Uint8Array> {
  return new ReadableStream({
    async start(controller) {
      const lang = await getLang(request).catch(() => DEFAULT_LANG);
      controller.enqueue(new TextEncoder().encode(translator(lang)(key)));
      controller.close();
    },
  });
}

export function forbidden(message = "Non hai i permessi per questa operazione"): never {
  throw new Response(message, { status: 403, headers: TEXT });
}

/** A failed form: the messages (catalogue keys) and what the user typed, with a 4xx status. */
export function formError<V extends Record<string, unknown>>(
  values: V,
  errors: Record<string, string>,
  status = 400,
) {
  return data({ ok: false as const, values, errors }, { status });
}

/**
 * A domain function's refusal as a failed form, with its status: its message key under its field
 * ("form" when it names none). Catch with `if (error instanceof DomainError) return domainFormError(error, values)`.
 */
export function domainFormError<V extends Record<string, unknown>>(error: DomainError, values: V) {
  return formError(values, fieldErrorsOf(error), error.status);
}

/** The client address, as handed over by server.js in the load context. */
export function clientAddress(context: unknown): string {
  const c = context as { clientAddress?: string } | undefined;
  return c?.clientAddress ?? "unknown";
}
