// The factories' sessions are the app's own: a cookie made by `createSession` is accepted by the
// session validation every loader uses, and the table holds only what the app's adapter stores.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { endAllSessions, getUser, startSession } from "~/domain/accounts/session.server";
import { hashSessionId } from "~/domain/accounts/session-adapter.server";
import { db } from "~/lib/db.server";
import { sessions } from "~db/schema";
import { createSession, createUser, sessionCookie } from "~/seed/factories.server";

const requestWith = (cookie: string) => new Request("http://localhost/account", { headers: { Cookie: cookie } });

describe("factory sessions", () => {
  it("are accepted by getUser, which returns the user with their role", async () => {
    const user = createUser({ role: "staff", name: "Staff di prova" });
    const token = createSession(user.id);
    const found = await getUser(requestWith(`concerta_session=${token}`));
    expect(found).toMatchObject({ id: user.id, role: "staff", name: "Staff di prova", email: user.email });
  });

  it("give a ready Cookie header too", async () => {
    const user = createUser();
    expect((await getUser(requestWith(sessionCookie(user.id))))?.id).toBe(user.id);
  });

  it("store only the token's hash, as a session started at log-in does", async () => {
    const user = createUser();
    const token = createSession(user.id);
    const loginToken = (await startSession(user.id)).split(";")[0].split("=")[1];
    const rows = db.select().from(sessions).where(eq(sessions.userId, user.id)).all();
    expect(rows.map((r) => r.id).sort()).toEqual([hashSessionId(token), hashSessionId(loginToken)].sort());
    expect(rows.map((r) => r.id)).not.toContain(token);
    // Same lifetime as a log-in's (SESSION_DAYS), to the second.
    expect(Math.abs(rows[0].expiresAt - rows[1].expiresAt)).toBeLessThanOrEqual(1);
  });

  it("end with the user's other sessions, and a made-up token is no session", async () => {
    const user = createUser();
    const cookie = sessionCookie(user.id);
    await endAllSessions(user.id);
    expect(await getUser(requestWith(cookie))).toBeNull();
    expect(await getUser(requestWith("concerta_session=notatoken"))).toBeNull();
  });
});
