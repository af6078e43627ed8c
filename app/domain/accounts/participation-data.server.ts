// What a person did on the platform, for their personal-data export (GDPR art. 15 and 20):
// registrations, contributions, comments, amendments, supports, reports (segnalazioni) and
// notification choices. Read-only; each list is the person's own rows, never anyone else's.
// It reads the other capabilities' tables directly on purpose: the export must show the rows
// exactly as stored, and one module keeps the list of what is personal data in one place.
import { asc, eq } from "drizzle-orm";
import { db } from "~/lib/db.server";
import {
  amendments,
  contributionComments,
  contributions,
  contributionSupports,
  draftVersions,
  flags,
  meetings,
  notificationPreferences,
  organizations,
  registrations,
  sectionComments,
} from "~db/schema";

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export async function participationDataOf(userId: string) {
  const [registrationRows, contributionRows, contributionCommentRows, sectionCommentRows, amendmentRows, supportRows, flagRows, preferenceRows] =
    await Promise.all([
      db
        .select({
          meetingId: registrations.meetingId,
          meeting: meetings.title,
          startsAt: meetings.startsAt,
          capacity: registrations.capacity,
          organization: organizations.name,
          status: registrations.status,
          attended: registrations.attended,
          createdAt: registrations.createdAt,
          cancelledAt: registrations.cancelledAt,
        })
        .from(registrations)
        .innerJoin(meetings, eq(meetings.id, registrations.meetingId))
        .leftJoin(organizations, eq(organizations.id, registrations.organizationId))
        .where(eq(registrations.userId, userId))
        .orderBy(asc(registrations.id))
        .all(),
      db
        .select({
          id: contributions.id,
          kind: contributions.kind,
          title: contributions.title,
          body: contributions.body,
          strategy: contributions.strategyCode,
          organization: organizations.name,
          status: contributions.status,
          geometry: contributions.geometry,
          createdAt: contributions.createdAt,
          publishedAt: contributions.publishedAt,
          withdrawnAt: contributions.withdrawnAt,
        })
        .from(contributions)
        .leftJoin(organizations, eq(organizations.id, contributions.organizationId))
        .where(eq(contributions.authorId, userId))
        .orderBy(asc(contributions.id))
        .all(),
      db
        .select({
          id: contributionComments.id,
          contributionId: contributionComments.contributionId,
          body: contributionComments.body,
          status: contributionComments.status,
          createdAt: contributionComments.createdAt,
          deletedAt: contributionComments.deletedAt,
        })
        .from(contributionComments)
        .where(eq(contributionComments.authorId, userId))
        .orderBy(asc(contributionComments.id))
        .all(),
      db
        .select({
          id: sectionComments.id,
          version: draftVersions.label,
          strategy: draftVersions.strategyCode,
          body: sectionComments.body,
          status: sectionComments.status,
          createdAt: sectionComments.createdAt,
          deletedAt: sectionComments.deletedAt,
        })
        .from(sectionComments)
        .innerJoin(draftVersions, eq(draftVersions.id, sectionComments.versionId))
        .where(eq(sectionComments.authorId, userId))
        .orderBy(asc(sectionComments.id))
        .all(),
      db
        .select({
          id: amendments.id,
          version: draftVersions.label,
          strategy: draftVersions.strategyCode,
          proposedText: amendments.proposedText,
          rationale: amendments.rationale,
          status: amendments.status,
          createdAt: amendments.createdAt,
          withdrawnAt: amendments.withdrawnAt,
        })
        .from(amendments)
        .innerJoin(draftVersions, eq(draftVersions.id, amendments.versionId))
        .where(eq(amendments.authorId, userId))
        .orderBy(asc(amendments.id))
        .all(),
      db
        .select({ contributionId: contributionSupports.contributionId, organization: organizations.name, createdAt: contributionSupports.createdAt })
        .from(contributionSupports)
        .leftJoin(organizations, eq(organizations.id, contributionSupports.organizationId))
        .where(eq(contributionSupports.userId, userId))
        .orderBy(asc(contributionSupports.id))
        .all(),
      db
        .select({ itemKind: flags.itemKind, itemId: flags.itemId, reason: flags.reason, note: flags.note, status: flags.status, createdAt: flags.createdAt })
        .from(flags)
        .where(eq(flags.reporterId, userId))
        .orderBy(asc(flags.id))
        .all(),
      db
        .select({ kind: notificationPreferences.kind, enabled: notificationPreferences.enabled })
        .from(notificationPreferences)
        .where(eq(notificationPreferences.userId, userId))
        .all(),
    ]);
  return {
    registrations: registrationRows.map((r) => ({ ...r, startsAt: iso(r.startsAt), createdAt: iso(r.createdAt), cancelledAt: iso(r.cancelledAt) })),
    contributions: contributionRows.map((c) => ({
      ...c,
      geometry: c.geometry ? (JSON.parse(c.geometry) as unknown) : null,
      createdAt: iso(c.createdAt),
      publishedAt: iso(c.publishedAt),
      withdrawnAt: iso(c.withdrawnAt),
    })),
    contributionComments: contributionCommentRows.map((c) => ({ ...c, createdAt: iso(c.createdAt), deletedAt: iso(c.deletedAt) })),
    sectionComments: sectionCommentRows.map((c) => ({ ...c, createdAt: iso(c.createdAt), deletedAt: iso(c.deletedAt) })),
    amendments: amendmentRows.map((a) => ({ ...a, createdAt: iso(a.createdAt), withdrawnAt: iso(a.withdrawnAt) })),
    supports: supportRows.map((s) => ({ ...s, createdAt: iso(s.createdAt) })),
    flags: flagRows.map((f) => ({ ...f, createdAt: iso(f.createdAt) })),
    notificationPreferences: preferenceRows,
  };
}
