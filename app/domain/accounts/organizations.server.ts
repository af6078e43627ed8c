import { and, asc, count, eq, inArray } from "drizzle-orm";
import { db, type DB, type Tx } from "~/lib/db.server";
import { DomainError } from "~/lib/domain-error";
import { recordAudit } from "~/domain/audit/audit.server";
import { memberships, organizations, users, comuni, type MembershipStatus } from "~db/schema";

export async function listOrganizations() {
  return db
    .select({ id: organizations.id, name: organizations.name, kind: organizations.kind, istatCode: organizations.istatCode })
    .from(organizations)
    .orderBy(asc(organizations.kind), asc(organizations.name))
    .all();
}

export async function findOrganization(id: number) {
  return db.select().from(organizations).where(eq(organizations.id, id)).get();
}

/** An organization by its slug ("comune-di-rho"), read through `handle` (the app's db or a transaction). */
export function findOrganizationBySlug(handle: DB | Tx, slug: string) {
  return handle.select().from(organizations).where(eq(organizations.slug, slug)).get();
}

/** A request for this organization is already pending or approved. */
export class MembershipExistsError extends DomainError {}

/** A participant asks to represent an organization; refused if a request is already pending or approved. */
export async function requestMembership(input: { userId: string; organizationId: number; position?: string | null; message?: string | null }) {
  const org = await findOrganization(input.organizationId);
  if (!org) return null;
  const existing = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(
      and(
        eq(memberships.userId, input.userId),
        eq(memberships.organizationId, input.organizationId),
        inArray(memberships.status, ["pending", "approved"]),
      ),
    )
    .get();
  if (existing) throw new MembershipExistsError("errors.membershipExists", 409, { field: "organizationId" });
  const row = await db
    .insert(memberships)
    .values({ userId: input.userId, organizationId: input.organizationId, position: input.position || null, message: input.message || null })
    .returning({ id: memberships.id })
    .get();
  return row.id;
}

export async function membershipsOf(userId: string) {
  return db
    .select({
      id: memberships.id,
      status: memberships.status,
      position: memberships.position,
      requestedAt: memberships.requestedAt,
      decidedAt: memberships.decidedAt,
      decisionNote: memberships.decisionNote,
      organizationId: organizations.id,
      organizationName: organizations.name,
      organizationKind: organizations.kind,
    })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(organizations.name))
    .all();
}

/** The organizations a user may act for (approved memberships only). */
export async function organizationsRepresentedBy(userId: string) {
  return db
    .select({ id: organizations.id, name: organizations.name, kind: organizations.kind, istatCode: organizations.istatCode })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(and(eq(memberships.userId, userId), eq(memberships.status, "approved")))
    .orderBy(asc(organizations.name))
    .all();
}

export async function isApprovedMember(userId: string, organizationId: number) {
  const row = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.organizationId, organizationId), eq(memberships.status, "approved")))
    .get();
  return Boolean(row);
}

const PAGE_SIZE = 25;

/** Requests for staff to review, oldest first. */
export async function membershipRequests(opts: { status?: MembershipStatus; page?: number } = {}) {
  const status = opts.status ?? "pending";
  const page = Math.max(1, opts.page ?? 1);
  const where = eq(memberships.status, status);
  const [rows, total] = await Promise.all([
    db
      .select({
        id: memberships.id,
        status: memberships.status,
        position: memberships.position,
        message: memberships.message,
        requestedAt: memberships.requestedAt,
        decidedAt: memberships.decidedAt,
        decisionNote: memberships.decisionNote,
        userName: users.name,
        userEmail: users.email,
        organizationName: organizations.name,
        organizationKind: organizations.kind,
        comuneName: comuni.name,
      })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
      .leftJoin(comuni, eq(comuni.istat, organizations.istatCode))
      .where(where)
      .orderBy(asc(memberships.requestedAt), asc(memberships.id))
      .limit(PAGE_SIZE)
      .offset((page - 1) * PAGE_SIZE)
      .all(),
    db.select({ n: count() }).from(memberships).where(where).get(),
  ]);
  return { rows, page, pages: Math.max(1, Math.ceil((total?.n ?? 0) / PAGE_SIZE)), total: total?.n ?? 0 };
}

/** The request has already been decided. */
export class MembershipNotPendingError extends DomainError {}

/** Staff approve or refuse a pending request; the decision and the audit entry commit together. */
export async function decideMembership(input: { actorId: string; membershipId: number; decision: "approved" | "refused"; note?: string | null }) {
  const current = await db.select().from(memberships).where(eq(memberships.id, input.membershipId)).get();
  if (!current) return null;
  if (current.status !== "pending") throw new MembershipNotPendingError("errors.membershipNotPending", 409);
  const decidedAt = new Date();
  db.transaction((tx) => {
    tx.update(memberships)
      .set({ status: input.decision, decidedAt, decidedBy: input.actorId, decisionNote: input.note || null })
      .where(and(eq(memberships.id, input.membershipId), eq(memberships.status, "pending")))
      .run();
    recordAudit(tx, {
      actorId: input.actorId,
      action: `membership.${input.decision}`,
      subjectType: "membership",
      subjectId: input.membershipId,
      before: { status: current.status },
      after: { status: input.decision, note: input.note || null },
    });
  });
  return input.decision;
}

/** Counts of pending requests, for the staff navigation. */
export async function pendingMembershipCount() {
  const row = await db.select({ n: count() }).from(memberships).where(eq(memberships.status, "pending")).get();
  return row?.n ?? 0;
}
