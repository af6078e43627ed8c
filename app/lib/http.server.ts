import { data } from "@remix-run/node";

/** Throws a Response with the given status when `condition` is falsy (Epic Stack's invariantResponse). */
export function invariantResponse(
  condition: unknown,
  message: string,
  init: { status: number } = { status: 400 },
): asserts condition {
  if (!condition) {
    throw new Response(message, { status: init.status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
}

export function notFound(message = "Pagina non trovata"): never {
  throw new Response(message, { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

export function forbidden(message = "Non hai i permessi per questa operazione"): never {
  throw new Response(message, { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

/** A failed form: the messages (catalogue keys) and what the user typed, with a 4xx status. */
export function formError<V extends Record<string, unknown>>(
  values: V,
  errors: Record<string, string>,
  status = 400,
) {
  return data({ ok: false as const, values, errors }, { status });
}

/** The client address, as handed over by server.js in the load context. */
export function clientAddress(context: unknown): string {
  const c = context as { clientAddress?: string } | undefined;
  return c?.clientAddress ?? "unknown";
}
