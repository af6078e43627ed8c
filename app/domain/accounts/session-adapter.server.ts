import { sha256 } from "@oslojs/crypto/sha2";
import { encodeHexLowerCase } from "@oslojs/encoding";
import { and, eq, isNull, lte } from "drizzle-orm";
import type { Adapter, DatabaseSession, DatabaseUser } from "lucia";
import type { DB } from "~/lib/db.server";
import { sessions, users } from "~db/schema";

/** Session ids are stored as their SHA-256, so a leaked database holds no usable session. */
export function hashSessionId(id: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(id)));
}

/**
 * Lucia v3 adapter over drizzle that hashes every session id it is handed.
 * Lucia passes the raw id (from the cookie) to each method; only hashes reach the table.
 */
export class HashedSessionAdapter implements Adapter {
  constructor(private readonly db: DB) {}

  async getSessionAndUser(sessionId: string): Promise<[DatabaseSession | null, DatabaseUser | null]> {
    const row = await this.db
      .select({ session: sessions, user: users })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(and(eq(sessions.id, hashSessionId(sessionId)), isNull(users.deletedAt)))
      .get();
    if (!row) return [null, null];
    return [
      { id: sessionId, userId: row.session.userId, expiresAt: new Date(row.session.expiresAt * 1000), attributes: {} },
      {
        id: row.user.id,
        attributes: { email: row.user.email ?? "", name: row.user.name ?? "", role: row.user.role, locale: row.user.locale },
      },
    ];
  }

  async getUserSessions(userId: string): Promise<DatabaseSession[]> {
    const rows = await this.db.select().from(sessions).where(eq(sessions.userId, userId)).all();
    return rows.map((r) => ({ id: r.id, userId: r.userId, expiresAt: new Date(r.expiresAt * 1000), attributes: {} }));
  }

  async setSession(session: DatabaseSession): Promise<void> {
    this.insertSession(session);
  }

  /** Writes the session's row at once (better-sqlite3 is synchronous), for callers that cannot await. */
  insertSession(session: Pick<DatabaseSession, "id" | "userId" | "expiresAt">): void {
    this.db
      .insert(sessions)
      .values({ id: hashSessionId(session.id), userId: session.userId, expiresAt: Math.floor(session.expiresAt.getTime() / 1000) })
      .run();
  }

  async updateSessionExpiration(sessionId: string, expiresAt: Date): Promise<void> {
    await this.db
      .update(sessions)
      .set({ expiresAt: Math.floor(expiresAt.getTime() / 1000) })
      .where(eq(sessions.id, hashSessionId(sessionId)))
      .run();
  }

  async deleteSession(sessionId: string): Promise<void> {
    await this.db.delete(sessions).where(eq(sessions.id, hashSessionId(sessionId))).run();
  }

  async deleteUserSessions(userId: string): Promise<void> {
    await this.db.delete(sessions).where(eq(sessions.userId, userId)).run();
  }

  async deleteExpiredSessions(): Promise<void> {
    await this.db
      .delete(sessions)
      .where(lte(sessions.expiresAt, Math.floor(Date.now() / 1000)))
      .run();
  }
}
