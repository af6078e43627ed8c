import { redirect } from "@remix-run/node";
import { generateIdFromEntropySize, type Session, type User } from "lucia";
import { forbidden } from "~/lib/http.server";
import { lucia, SESSION_LIFETIME, sessionAdapter } from "./lucia.server";
import { can, type Permission } from "./permissions";

export type CurrentUser = User;

type Validated = { user: User | null; session: Session | null; setCookie: string | null };
const cache = new WeakMap<Request, Promise<Validated>>();

function readSessionId(request: Request) {
  return lucia.readSessionCookie(request.headers.get("Cookie") ?? "");
}

async function validate(request: Request): Promise<Validated> {
  const sessionId = readSessionId(request);
  if (!sessionId) return { user: null, session: null, setCookie: null };
  const { session, user } = await lucia.validateSession(sessionId);
  if (!session) return { user: null, session: null, setCookie: lucia.createBlankSessionCookie().serialize() };
  // Lucia extends a session past half its life ("fresh"): send the cookie again.
  const setCookie = session.fresh ? lucia.createSessionCookie(session.id).serialize() : null;
  return { user, session, setCookie };
}

/** Validates the session once per request (loaders of nested routes share the result). */
export function getSession(request: Request): Promise<Validated> {
  let pending = cache.get(request);
  if (!pending) {
    pending = validate(request);
    cache.set(request, pending);
  }
  return pending;
}

export async function getUser(request: Request): Promise<User | null> {
  return (await getSession(request)).user;
}

function loginRedirect(request: Request) {
  const url = new URL(request.url);
  const back = url.pathname + url.search;
  return redirect(`/accedi?redirectTo=${encodeURIComponent(back)}`);
}

/** The signed-in user, or a redirect to the log-in page that comes back here afterwards. */
export async function requireUser(request: Request): Promise<User> {
  const user = await getUser(request);
  if (!user) throw loginRedirect(request);
  return user;
}

/** The signed-in user holding `permission`; anonymous → log in, others → 403. */
export async function requirePermission(request: Request, permission: Permission): Promise<User> {
  const user = await requireUser(request);
  if (!can(user, permission)) forbidden();
  return user;
}

/** Starts a session and returns the Set-Cookie header value. */
export async function startSession(userId: string): Promise<string> {
  return lucia.createSessionCookie(createSessionToken(userId)).serialize();
}

/**
 * Starts a session and returns its token, the session cookie's value: what startSession does, for
 * callers outside a request that cannot await (the data factories shared by vitest and Playwright). As lucia's createSession: a 25-byte random id, the configured lifetime, and the
 * row written by the adapter, which stores only the id's hash.
 */
export function createSessionToken(userId: string): string {
  const token = generateIdFromEntropySize(25);
  sessionAdapter.insertSession({ id: token, userId, expiresAt: new Date(Date.now() + SESSION_LIFETIME.milliseconds()) });
  return token;
}

export async function endSession(request: Request): Promise<string> {
  const { session } = await getSession(request);
  if (session) await lucia.invalidateSession(session.id);
  return lucia.createBlankSessionCookie().serialize();
}

/** Ends every session of a user (password change, account deletion, role change). */
export async function endAllSessions(userId: string) {
  await lucia.invalidateUserSessions(userId);
}

export function blankSessionCookie() {
  return lucia.createBlankSessionCookie().serialize();
}
