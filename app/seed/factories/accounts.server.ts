// Factories for people: users (no password), their sessions (made by the app's own session code,
// so the cookie holds a token and the table only its hash) and their memberships of organizations.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { SESSION_COOKIE_NAME } from "~/domain/accounts/lucia.server";
import { findOrganizationBySlug } from "~/domain/accounts/organizations.server";
import { createSessionToken } from "~/domain/accounts/session.server";
import { db } from "~/lib/db.server";
import { memberships, organizations, users, type MembershipStatus, type Role } from "~db/schema";
import type { Handle } from "./reference.server";

/** An address no other row has: `<prefix>.<8 hex>@prova.example`. */
export function uniqueEmail(prefix = "utente") {
  return `${prefix}.${randomUUID().slice(0, 8)}@prova.example`;
}

export type UserSpec = {
  id?: string;
  /** Default: a unique address named after the role ("staff.1a2b3c4d@prova.example", "utente.…" without a role). */
  email?: string;
  name?: string;
  role?: Role;
  locale?: "it" | "en";
  /** When they accepted the privacy notice: default now; null for an account that never signed up itself. */
  privacyConsentAt?: Date | null;
  /** Default "test" (null when there is no consent). */
  privacyConsentVersion?: string | null;
  createdAt?: Date;
};

export type CreatedUser = { id: string; email: string; name: string; role: Role };

/** Inserts a user without a password: they are signed in with `createSession`, never through the log-in form. */
export function createUser(spec: UserSpec = {}, handle: Handle = db): CreatedUser {
  const id = spec.id ?? randomUUID();
  const role = spec.role ?? "participant";
  const email = spec.email ?? uniqueEmail(spec.role ?? "utente");
  const name = spec.name ?? `Persona di prova ${id.slice(0, 4)}`;
  const privacyConsentAt = spec.privacyConsentAt === undefined ? new Date() : spec.privacyConsentAt;
  handle.insert(users)
    .values({
      id,
      email,
      name,
      role,
      locale: spec.locale ?? "it",
      privacyConsentAt,
      privacyConsentVersion: spec.privacyConsentVersion !== undefined ? spec.privacyConsentVersion : privacyConsentAt ? "test" : null,
      ...(spec.createdAt ? { createdAt: spec.createdAt } : {}),
    })
    .run();
  return { id, email, name, role };
}

/** Starts a session for the user through the app's session code; returns the token (the cookie's value). */
export function createSession(userId: string): string {
  return createSessionToken(userId);
}

/** A new session as a Cookie header value, "concerta_session=<token>". */
export function sessionCookie(userId: string): string {
  return `${SESSION_COOKIE_NAME}=${createSession(userId)}`;
}

/** An organization by slug, or a clear error (the reference data must be seeded). */
export function organizationBySlug(slug: string, handle: Handle = db) {
  const org = findOrganizationBySlug(handle, slug);
  if (!org) throw new Error(`no organization ${slug} (seed the reference data first)`);
  return org;
}

export type MembershipSpec = {
  userId: string;
  /** The organization, by slug or id. */
  organizationSlug?: string;
  organizationId?: number;
  /** Default "approved". */
  status?: MembershipStatus;
  position?: string | null;
  message?: string | null;
  requestedAt?: Date;
  /** Default: now for a decided request, null for a pending one. */
  decidedAt?: Date | null;
  decidedBy?: string | null;
  decisionNote?: string | null;
};

/** A person's membership of an organization (approved unless told otherwise); returns it with the organization. */
export function createMembership(spec: MembershipSpec, handle: Handle = db) {
  const organization = spec.organizationSlug
    ? organizationBySlug(spec.organizationSlug, handle)
    : handle.select().from(organizations).where(eq(organizations.id, spec.organizationId ?? -1)).get();
  if (!organization) throw new Error(`no organization ${spec.organizationId ?? "given"}`);
  const status = spec.status ?? "approved";
  const id = handle
    .insert(memberships)
    .values({
      userId: spec.userId,
      organizationId: organization.id,
      status,
      position: spec.position ?? null,
      message: spec.message ?? null,
      ...(spec.requestedAt ? { requestedAt: spec.requestedAt } : {}),
      decidedAt: spec.decidedAt !== undefined ? spec.decidedAt : status === "pending" ? null : new Date(),
      decidedBy: spec.decidedBy ?? null,
      decisionNote: spec.decisionNote ?? null,
    })
    .returning({ id: memberships.id })
    .get().id;
  return { id, organization };
}
