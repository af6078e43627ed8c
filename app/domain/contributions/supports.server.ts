import { and, asc, count, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { db, type Tx } from "~/lib/db.server";
import { isApprovedMember, organizationsRepresentedBy } from "~/domain/accounts/organizations.server";
import { contributions, contributionSupports, organizations } from "~db/schema";
import { ContributionError } from "./contributions.server";
import type { SupportState } from "./support-notice";

export type { SupportState };

// "Sostengo": a signed-in person supports a published contribution once, and may take it back;
// an organization co-signs once, through any of its approved members (and any of them may take the
// co-signature back). `contributions.support_count` counts both and is kept in step in the same
// transaction as the row. The partial unique indexes of contribution_supports are the real guard
// against doubles (two tabs, a double click): their violation becomes a clear message.

function isUniqueViolation(error: unknown): boolean {
  // better-sqlite3's SqliteError carries the code; drizzle may wrap it (`cause`).
  const e = error as { code?: string; cause?: unknown } | null;
  if (!e) return false;
  return e.code === "SQLITE_CONSTRAINT_UNIQUE" || (e.cause !== undefined && e.cause !== e && isUniqueViolation(e.cause));
}

function publishedContribution(tx: Tx, contributionId: number) {
  const row = tx
    .select({ id: contributions.id, status: contributions.status, authorId: contributions.authorId, organizationId: contributions.organizationId })
    .from(contributions)
    .where(eq(contributions.id, contributionId))
    .get();
  if (!row) throw new ContributionError("contributions.error.notFound", 404);
  if (row.status !== "published") throw new ContributionError("contributions.support.notPublished", 409);
  return row;
}

function bump(tx: Tx, contributionId: number, by: 1 | -1) {
  tx.update(contributions)
    .set({ supportCount: sql`max(0, ${contributions.supportCount} + ${by})` })
    .where(eq(contributions.id, contributionId))
    .run();
}

/** The person's own support. Not for their own contribution. */
export async function supportContribution(userId: string, contributionId: number) {
  db.transaction((tx) => {
    const c = publishedContribution(tx, contributionId);
    if (c.authorId === userId) throw new ContributionError("contributions.support.own", 409);
    try {
      tx.insert(contributionSupports).values({ contributionId, userId, organizationId: null }).run();
    } catch (error) {
      if (isUniqueViolation(error)) throw new ContributionError("contributions.support.already", 409);
      throw error;
    }
    bump(tx, contributionId, 1);
  });
}

/** Takes the person's support back (allowed whatever the contribution's status now is). */
export async function unsupportContribution(userId: string, contributionId: number) {
  db.transaction((tx) => {
    const deleted = tx
      .delete(contributionSupports)
      .where(and(eq(contributionSupports.contributionId, contributionId), eq(contributionSupports.userId, userId), isNull(contributionSupports.organizationId)))
      .run().changes;
    if (deleted === 0) throw new ContributionError("contributions.support.notSupported", 409);
    bump(tx, contributionId, -1);
  });
}

async function assertMember(userId: string, organizationId: number) {
  if (!(await isApprovedMember(userId, organizationId))) throw new ContributionError("contributions.error.notMember", 403, { field: "organizationId" });
}

/** The organization co-signs, by one of its approved members. Not a contribution made on its own behalf. */
export async function cosignContribution(userId: string, contributionId: number, organizationId: number) {
  await assertMember(userId, organizationId);
  db.transaction((tx) => {
    const c = publishedContribution(tx, contributionId);
    if (c.organizationId === organizationId) throw new ContributionError("contributions.support.ownOrganization", 409);
    try {
      tx.insert(contributionSupports).values({ contributionId, userId, organizationId }).run();
    } catch (error) {
      if (isUniqueViolation(error)) throw new ContributionError("contributions.support.alreadyCosigned", 409);
      throw error;
    }
    bump(tx, contributionId, 1);
  });
}

/** Takes the organization's co-signature back, by any of its approved members. */
export async function uncosignContribution(userId: string, contributionId: number, organizationId: number) {
  await assertMember(userId, organizationId);
  db.transaction((tx) => {
    const deleted = tx
      .delete(contributionSupports)
      .where(and(eq(contributionSupports.contributionId, contributionId), eq(contributionSupports.organizationId, organizationId)))
      .run().changes;
    if (deleted === 0) throw new ContributionError("contributions.support.notCosigned", 409);
    bump(tx, contributionId, -1);
  });
}

/** What the contribution page shows about supports, for a viewer (or the public). */
export async function supportState(contributionId: number, userId: string | null): Promise<SupportState> {
  const c = db.select({ supportCount: contributions.supportCount, authorId: contributions.authorId }).from(contributions).where(eq(contributions.id, contributionId)).get();
  // Counted and checked in SQL: a contribution may gather thousands of personal supports, and the
  // page needs only their number and whether the viewer is among them (both use the partial unique index).
  const people =
    db
      .select({ n: count() })
      .from(contributionSupports)
      .where(and(eq(contributionSupports.contributionId, contributionId), isNull(contributionSupports.organizationId)))
      .get()?.n ?? 0;
  const orgs = db
    .select({ id: contributionSupports.organizationId, name: organizations.name })
    .from(contributionSupports)
    .innerJoin(organizations, eq(organizations.id, contributionSupports.organizationId))
    .where(and(eq(contributionSupports.contributionId, contributionId), isNotNull(contributionSupports.organizationId)))
    .orderBy(asc(contributionSupports.id))
    .all()
    .map((r) => ({ id: r.id!, name: r.name }));
  let viewer: SupportState["viewer"] = null;
  if (userId) {
    const represented = await organizationsRepresentedBy(userId);
    const supported = db
      .select({ id: contributionSupports.id })
      .from(contributionSupports)
      .where(and(eq(contributionSupports.contributionId, contributionId), eq(contributionSupports.userId, userId), isNull(contributionSupports.organizationId)))
      .get();
    viewer = {
      supported: Boolean(supported),
      isAuthor: c?.authorId === userId,
      organizations: represented.map((o) => ({ id: o.id, name: o.name, cosigned: orgs.some((x) => x.id === o.id) })),
    };
  }
  return { count: c?.supportCount ?? 0, people, organizations: orgs, viewer };
}
