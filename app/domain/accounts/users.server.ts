import { randomUUID } from "node:crypto";
import { and, asc, count, eq, inArray, isNull, like, or, sql } from "drizzle-orm";
import { db, type Tx } from "~/lib/db.server";
import { DomainError } from "~/lib/domain-error";
import { recordAudit } from "~/domain/audit/audit.server";
import { cancelLiveRegistrationsOf } from "~/domain/meetings/registrations.server";
import { deliverSoon } from "~/domain/notifications/outbox.server";
import { auditEntries, memberships, organizations, outbox, sessions, users, type Role } from "~db/schema";
import { participationDataOf } from "./participation-data.server";
import { can, rolesWith } from "./permissions";
import { hashPassword, verifyAgainstNothing, verifyPassword } from "./passwords.server";

export const PRIVACY_NOTICE_VERSION = "2026-11";

export function normalizeEmail(email: string) {
  return email.trim().toLowerCase();
}

/** Registration refused: the address already has an account. */
export class EmailTakenError extends DomainError {}

export async function findUserByEmail(email: string) {
  return db
    .select()
    .from(users)
    .where(and(eq(users.email, normalizeEmail(email)), isNull(users.deletedAt)))
    .get();
}

export async function findUserById(id: string) {
  return db.select().from(users).where(eq(users.id, id)).get();
}

export async function registerUser(input: { name: string; email: string; password: string; role?: Role; locale?: "it" | "en"; now?: Date }) {
  const email = normalizeEmail(input.email);
  if (await findUserByEmail(email)) throw new EmailTakenError("errors.emailTaken", 409, { field: "email" });
  const passwordHash = await hashPassword(input.password);
  const id = randomUUID();
  const now = input.now ?? new Date();
  await db
    .insert(users)
    .values({
      id,
      email,
      name: input.name.trim(),
      passwordHash,
      role: input.role ?? "participant",
      locale: input.locale ?? "it",
      privacyConsentAt: now,
      privacyConsentVersion: PRIVACY_NOTICE_VERSION,
      createdAt: now,
    })
    .run();
  return id;
}

/** The user whose e-mail and password match, or null. Takes the same time whether or not the e-mail exists. */
export async function authenticate(email: string, password: string) {
  const user = await findUserByEmail(email);
  if (!user?.passwordHash) return verifyAgainstNothing(password).then(() => null);
  return (await verifyPassword(user.passwordHash, password)) ? user : null;
}

export async function changePassword(userId: string, currentPassword: string, newPassword: string) {
  const user = await findUserById(userId);
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, currentPassword))) return false;
  const passwordHash = await hashPassword(newPassword);
  await db.update(users).set({ passwordHash, passwordChangedAt: new Date() }).where(eq(users.id, userId)).run();
  return true;
}

export async function setLocale(userId: string, locale: "it" | "en") {
  await db.update(users).set({ locale }).where(eq(users.id, userId)).run();
}

/** The last account able to manage roles would lose that ability. */
export class LastAdminError extends DomainError {}

/**
 * The last person able to manage roles cannot lose that ability (by a role change or by deleting
 * the account). Called inside an immediate transaction, so two admins demoting each other at once
 * cannot both succeed.
 */
function assertNotLastRoleManager(tx: Tx, user: { role: Role }, newRole: Role | null) {
  if (!can(user, "user.changeRole") || (newRole && can({ role: newRole }, "user.changeRole"))) return;
  const left = tx.select({ n: count() }).from(users).where(and(inArray(users.role, rolesWith("user.changeRole")), isNull(users.deletedAt))).get()?.n ?? 0;
  if (left <= 1) throw new LastAdminError("errors.lastAdmin", 409);
}

export async function changeRole(actorId: string, userId: string, role: Role) {
  return db.transaction(
    (tx) => {
      const user = tx.select().from(users).where(eq(users.id, userId)).get();
      if (!user || user.deletedAt) return false;
      if (user.role === role) return true;
      assertNotLastRoleManager(tx, user, role);
      tx.update(users).set({ role }).where(eq(users.id, userId)).run();
      recordAudit(tx, { actorId, action: "user.role_changed", subjectType: "user", subjectId: userId, before: { role: user.role }, after: { role } });
      return true;
    },
    { behavior: "immediate" },
  );
}

const PAGE_SIZE = 25;

export async function listUsers(opts: { q?: string; page?: number }) {
  const page = Math.max(1, opts.page ?? 1);
  const q = opts.q?.trim();
  const where = and(
    isNull(users.deletedAt),
    q ? or(like(users.email, `%${q.toLowerCase()}%`), like(users.name, `%${q}%`)) : undefined,
  );
  const [rows, total] = await Promise.all([
    db
      .select({ id: users.id, name: users.name, email: users.email, role: users.role, createdAt: users.createdAt })
      .from(users)
      .where(where)
      .orderBy(asc(users.name), asc(users.id))
      .limit(PAGE_SIZE)
      .offset((page - 1) * PAGE_SIZE)
      .all(),
    db.select({ n: count() }).from(users).where(where).get(),
  ]);
  const pages = Math.max(1, Math.ceil((total?.n ?? 0) / PAGE_SIZE));
  return { rows, page, pages, total: total?.n ?? 0 };
}

/** Everything tied to the account, for the GDPR right of access (art. 15) and portability (art. 20). */
export async function exportPersonalData(userId: string) {
  const user = await findUserById(userId);
  if (!user) return null;
  const [memberRows, sessionRows, auditRows, participation] = await Promise.all([
    db
      .select({
        organization: organizations.name,
        kind: organizations.kind,
        status: memberships.status,
        position: memberships.position,
        message: memberships.message,
        requestedAt: memberships.requestedAt,
        decidedAt: memberships.decidedAt,
        decisionNote: memberships.decisionNote,
      })
      .from(memberships)
      .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
      .where(eq(memberships.userId, userId))
      .all(),
    db.select({ expiresAt: sessions.expiresAt }).from(sessions).where(eq(sessions.userId, userId)).all(),
    db
      .select()
      .from(auditEntries)
      .where(or(eq(auditEntries.actorId, userId), and(eq(auditEntries.subjectType, "user"), eq(auditEntries.subjectId, userId))))
      .all(),
    participationDataOf(userId),
  ]);
  return {
    exportedAt: new Date().toISOString(),
    controller: "Città metropolitana di Milano",
    account: {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      language: user.locale,
      createdAt: user.createdAt.toISOString(),
      privacyConsent: { givenAt: user.privacyConsentAt?.toISOString() ?? null, noticeVersion: user.privacyConsentVersion },
      passwordChangedAt: user.passwordChangedAt?.toISOString() ?? null,
    },
    memberships: memberRows.map((m) => ({
      ...m,
      requestedAt: m.requestedAt.toISOString(),
      decidedAt: m.decidedAt?.toISOString() ?? null,
    })),
    activeSessions: sessionRows.map((s) => ({ expiresAt: new Date(s.expiresAt * 1000).toISOString() })),
    actionsLogged: auditRows.map((a) => ({ at: a.at.toISOString(), action: a.action, subject: `${a.subjectType}:${a.subjectId}`, before: a.before, after: a.after })),
    ...participation,
  };
}

/**
 * Erases the person (GDPR art. 17): e-mail, name, password and free texts go; sessions end.
 * The row stays, anonymous, so what they published keeps its place as "utente cancellato"
 * (or under the organization it was made for) and the audit log stays coherent.
 */
export async function deleteAccount(userId: string) {
  let promoted = 0;
  db.transaction((tx) => {
    const user = tx.select({ role: users.role }).from(users).where(eq(users.id, userId)).get();
    if (user) assertNotLastRoleManager(tx, user, null);
    tx.update(users)
      .set({ email: null, name: null, passwordHash: null, privacyConsentVersion: null, deletedAt: new Date(), role: "participant" })
      .where(eq(users.id, userId))
      .run();
    tx.update(memberships)
      .set({ position: null, message: null, status: sql`case when ${memberships.status} = 'approved' then 'revoked' else ${memberships.status} end` })
      .where(eq(memberships.userId, userId))
      .run();
    tx.delete(sessions).where(eq(sessions.userId, userId)).run();
    // Seats held for meetings to come go back to the waiting list.
    promoted = cancelLiveRegistrationsOf(tx, userId);
    // Messages sent to the person carry their address and often their name.
    tx.update(outbox).set({ toAddress: null, subject: "[cancellato]", body: "[cancellato]" }).where(eq(outbox.userId, userId)).run();
    recordAudit(tx, { actorId: userId, action: "user.deleted", subjectType: "user", subjectId: userId });
  }, { behavior: "immediate" });
  if (promoted > 0) deliverSoon();
}

/** How a possibly deleted author is shown. */
export function displayName(user: { name: string | null; deletedAt: Date | null } | null | undefined) {
  if (!user || user.deletedAt || !user.name) return "utente cancellato";
  return user.name;
}
