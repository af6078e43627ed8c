import { randomBytes } from "node:crypto";
import { and, eq, lte } from "drizzle-orm";
import { db } from "~/lib/db.server";
import { formStashes } from "~db/schema";

// What a person typed, kept on the server when it could not be used at once (form_stashes):
//
// - a *stash*: the values of a POST that arrived without a valid session. The action stores them
//   under an unguessable token, sends the person to log in with the token in `redirectTo`, and
//   the form restores them afterwards. Single use, 24 hours.
// - a *saved draft*: one row per (user, form path), rewritten at each step of a long form and by
//   its autosave, so that a reload or a closed tab loses nothing. Its key is derived from the
//   user and the path (`draft:` prefix), so it is never accepted as a stash token.
//
// Files are never stashed (the forms say so). Expired rows go at start-up and whenever a stash is used.

export type StashValues = Record<string, string | string[]>;

export const STASH_TTL_MS = 24 * 60 * 60 * 1000;
export const DRAFT_TTL_MS = 30 * 24 * 60 * 60 * 1000;
/** A stash larger than this keeps only its shorter fields (a 100 KB geometry is not worth keeping). */
const MAX_PAYLOAD_CHARS = 200_000;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** Deletes every expired stash and draft; returns how many. */
export function purgeExpiredStashes(now = new Date()): number {
  return db.delete(formStashes).where(lte(formStashes.expiresAt, now)).run().changes;
}

function payloadOf(values: StashValues): string {
  let json = JSON.stringify(values);
  if (json.length <= MAX_PAYLOAD_CHARS) return json;
  // Keep what fits, shortest fields first: the typed text matters more than a huge geometry.
  const kept: StashValues = {};
  for (const [k, v] of Object.entries(values).sort((a, b) => JSON.stringify(a[1]).length - JSON.stringify(b[1]).length)) {
    const next = JSON.stringify({ ...kept, [k]: v });
    if (next.length > MAX_PAYLOAD_CHARS) continue;
    kept[k] = v;
  }
  json = JSON.stringify(kept);
  return json;
}

function parsePayload(payload: string): StashValues {
  try {
    const value = JSON.parse(payload) as unknown;
    if (!value || typeof value !== "object" || Array.isArray(value)) return {};
    const out: StashValues = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (typeof v === "string") out[k] = v;
      else if (Array.isArray(v)) out[k] = v.filter((x): x is string => typeof x === "string");
    }
    return out;
  } catch {
    return {};
  }
}

/** Keeps the values posted to `path` and returns the token that gives them back once (random 32 bytes, base64url). */
export function stash(path: string, values: StashValues, userId: string | null = null, now = new Date()): string {
  purgeExpiredStashes(now);
  const token = randomBytes(32).toString("base64url");
  db.insert(formStashes)
    .values({ token, userId, path, payload: payloadOf(values), createdAt: now, expiresAt: new Date(now.getTime() + STASH_TTL_MS) })
    .run();
  return token;
}

/** The values stashed under `token` for `path`, deleting them (single use); null when unknown, expired or for another form. */
export function restore(token: string | null | undefined, path: string, now = new Date()): StashValues | null {
  if (!token || !TOKEN_PATTERN.test(token)) return null;
  purgeExpiredStashes(now);
  const row = db.delete(formStashes).where(and(eq(formStashes.token, token), eq(formStashes.path, path))).returning().get();
  if (!row || row.expiresAt.getTime() <= now.getTime()) return null;
  return parsePayload(row.payload);
}

/**
 * The values stashed under `token` for `path`, without using them up (for a page that shows them:
 * a GET never writes). The form carries the token, and its next POST uses it up with `restore`.
 */
export function peekStash(token: string | null | undefined, path: string, now = new Date()): StashValues | null {
  if (!token || !TOKEN_PATTERN.test(token)) return null;
  const row = db
    .select()
    .from(formStashes)
    .where(and(eq(formStashes.token, token), eq(formStashes.path, path)))
    .get();
  if (!row || row.expiresAt.getTime() <= now.getTime()) return null;
  return parsePayload(row.payload);
}

const draftKey = (userId: string, path: string) => `draft:${userId}:${path}`;

/** Saves (replacing) the user's draft of the form at `path`. */
export function saveDraft(userId: string, path: string, values: StashValues, now = new Date()) {
  const payload = payloadOf(values);
  const expiresAt = new Date(now.getTime() + DRAFT_TTL_MS);
  db.insert(formStashes)
    .values({ token: draftKey(userId, path), userId, path, payload, createdAt: now, expiresAt })
    .onConflictDoUpdate({ target: formStashes.token, set: { payload, createdAt: now, expiresAt } })
    .run();
}

/** The user's draft of the form at `path`, or null. */
export function loadDraft(userId: string, path: string, now = new Date()): StashValues | null {
  const row = db
    .select()
    .from(formStashes)
    .where(and(eq(formStashes.token, draftKey(userId, path)), eq(formStashes.userId, userId)))
    .get();
  if (!row || row.expiresAt.getTime() <= now.getTime()) return null;
  return parsePayload(row.payload);
}

export function deleteDraft(userId: string, path: string) {
  db.delete(formStashes).where(eq(formStashes.token, draftKey(userId, path))).run();
}
