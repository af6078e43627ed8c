// Builds Requests for calling route loaders and actions directly in integration tests.
import { sessionCookie } from "~/seed/factories.server";

/** A new session of the user (the shared factory, through the app's session code) as a Cookie header: "concerta_session=<token>". */
export async function sessionCookieFor(userId: string) {
  return sessionCookie(userId);
}

export function formRequest(path: string, fields: Record<string, string>, cookie?: string) {
  const headers = new Headers({ "Content-Type": "application/x-www-form-urlencoded" });
  if (cookie) headers.set("Cookie", cookie);
  return new Request(`http://localhost${path}`, { method: "POST", headers, body: new URLSearchParams(fields).toString() });
}

export function getRequest(path: string, cookie?: string) {
  const headers = new Headers();
  if (cookie) headers.set("Cookie", cookie);
  return new Request(`http://localhost${path}`, { headers });
}

/** Runs a loader/action and returns what it threw or returned, as { status, location, body }. */
export async function outcome(fn: () => Promise<unknown>) {
  let result: unknown;
  try {
    result = await fn();
  } catch (thrown) {
    result = thrown;
  }
  if (result instanceof Response) {
    return { status: result.status, location: result.headers.get("Location"), body: result, setCookie: result.headers.get("Set-Cookie") };
  }
  // Remix single fetch `data(value, init)`
  const r = result as { type?: string; data?: unknown; init?: { status?: number } };
  if (r && r.type === "DataWithResponseInit") return { status: r.init?.status ?? 200, location: null, body: r.data, setCookie: null };
  return { status: 200, location: null, body: result, setCookie: null };
}
