import { Lucia, TimeSpan } from "lucia";
import type { Role } from "~db/schema";
import { db } from "~/lib/db.server";
import { cookieSecure, env } from "~/lib/env.server";
import { HashedSessionAdapter } from "./session-adapter.server";

/** How long a session lasts; lucia renews it past half of that. */
export const SESSION_LIFETIME = new TimeSpan(env.SESSION_DAYS, "d");
export const SESSION_COOKIE_NAME = "concerta_session";
export const sessionAdapter = new HashedSessionAdapter(db);

/**
 * The only module that knows about lucia (v3 is deprecated upstream): the rest of the
 * app goes through session.server.ts, so replacing lucia touches these two files.
 */
export const lucia = new Lucia(sessionAdapter, {
  sessionExpiresIn: SESSION_LIFETIME,
  sessionCookie: {
    name: SESSION_COOKIE_NAME,
    attributes: { secure: cookieSecure(), sameSite: "lax" },
  },
  getUserAttributes: (attributes) => ({
    email: attributes.email,
    name: attributes.name,
    role: attributes.role,
    locale: attributes.locale,
  }),
});

declare module "lucia" {
  interface Register {
    Lucia: typeof lucia;
    DatabaseUserAttributes: { email: string; name: string; role: Role; locale: "it" | "en" };
  }
}
