// Everything the public page of one contribution shows: text, kind, themes, places, who made it,
// where it was made, attachments, duplicate marks, supports, and the outcome once given (its comments
// are the comments capability's: the route mounts the thread).
import { and, asc, eq, isNotNull } from "drizzle-orm";
import type { Geometry, Position } from "geojson";
import { db } from "~/lib/db.server";
import { renderMarkdown } from "~/lib/markdown.server";
import { can } from "~/domain/accounts/permissions";
import { displayName } from "~/domain/accounts/users.server";
import {
  comuni,
  contributionComuni,
  contributionSupports,
  contributionObjectives,
  contributions,
  contributionTargets,
  contributionZones,
  draftSectionTexts,
  draftVersions,
  duplicates,
  meetings,
  objectives,
  organizations,
  strategies,
  targets,
  users,
  zones,
  type Role,
} from "~db/schema";
import { attachmentsOf } from "./attachments.server";
import { outcomeOf } from "./outcomes-read.server";
import type { SupportState } from "./supports.server";

export type PageViewer = { id: string; role: Role } | null;

const round5 = (n: number) => Math.round(n * 1e5) / 1e5;
function roundGeometry(g: Geometry): Geometry {
  const deep = (c: unknown): unknown => (typeof c === "number" ? round5(c) : Array.isArray(c) ? c.map(deep) : c);
  if (g.type === "GeometryCollection") return { ...g, geometries: g.geometries.map(roundGeometry) };
  return { ...g, coordinates: deep(g.coordinates) as Position[] } as Geometry;
}

/**
 * The page of a contribution for a viewer, or null (404). Published: everyone. Withdrawn: everyone,
 * as a stub (title and dates, no text, no place, no comments). Pending, rejected or hidden: only
 * its author and staff, with its status.
 */
export async function getContributionPage(id: number, viewer: PageViewer) {
  const row = db
    .select({
      c: contributions,
      organizationName: organizations.name,
      organizationKind: organizations.kind,
      authorName: users.name,
      authorDeletedAt: users.deletedAt,
      strategyNumber: strategies.number,
      strategyTitle: strategies.title,
    })
    .from(contributions)
    .leftJoin(organizations, eq(organizations.id, contributions.organizationId))
    .leftJoin(users, eq(users.id, contributions.authorId))
    .leftJoin(strategies, eq(strategies.code, contributions.strategyCode))
    .where(eq(contributions.id, id))
    .get();
  if (!row) return null;
  const c = row.c;
  const isAuthor = Boolean(viewer && c.authorId === viewer.id);
  // Staff: what only moderators may see (the author sees their own item through the same permission).
  const staff = can(viewer, "participation.readUnpublished", { ownerId: null });
  if (c.status !== "published" && c.status !== "withdrawn" && !can(viewer, "participation.readUnpublished", { ownerId: c.authorId })) return null;

  const author = row.organizationName
    ? { kind: "organization" as const, name: row.organizationName, organizationKind: row.organizationKind }
    : c.authorId && row.authorDeletedAt
      ? { kind: "deleted" as const, name: displayName({ name: row.authorName, deletedAt: row.authorDeletedAt }), organizationKind: null }
      : { kind: "person" as const, name: null, organizationKind: null };
  const base = {
    id: c.id,
    title: c.title,
    kind: c.kind,
    status: c.status,
    createdAt: c.createdAt.toISOString(),
    publishedAt: c.publishedAt?.toISOString() ?? null,
    withdrawnAt: c.withdrawnAt?.toISOString() ?? null,
    author,
    isAuthor,
  };
  if (c.status === "withdrawn") return { withdrawn: true as const, ...base };

  const [targetRows, objectiveRows] = [
    db
      .select({ code: targets.code, title: targets.title })
      .from(contributionTargets)
      .innerJoin(targets, eq(targets.code, contributionTargets.targetCode))
      .where(eq(contributionTargets.contributionId, id))
      .orderBy(asc(targets.sortOrder))
      .all(),
    db
      .select({ code: objectives.code, title: objectives.title })
      .from(contributionObjectives)
      .innerJoin(objectives, eq(objectives.code, contributionObjectives.objectiveCode))
      .where(eq(contributionObjectives.contributionId, id))
      .orderBy(asc(objectives.sortOrder))
      .all(),
  ];
  const place = contributionPlace(c);

  const meeting = c.meetingId ? db.select({ id: meetings.id, title: meetings.title }).from(meetings).where(eq(meetings.id, c.meetingId)).get() ?? null : null;
  let section: { strategyCode: string; versionId: number; versionLabel: string; sectionId: number; number: string; title: string } | null = null;
  if (c.draftSectionId && c.draftVersionId) {
    const s = db
      .select({ strategyCode: draftVersions.strategyCode, versionLabel: draftVersions.label, versionStatus: draftVersions.status, number: draftSectionTexts.number, title: draftSectionTexts.title })
      .from(draftSectionTexts)
      .innerJoin(draftVersions, eq(draftVersions.id, draftSectionTexts.versionId))
      .where(and(eq(draftSectionTexts.versionId, c.draftVersionId), eq(draftSectionTexts.sectionId, c.draftSectionId)))
      .get();
    // An internal draft (bozza) is not public: no link for the public.
    if (s && (s.versionStatus !== "bozza" || staff)) {
      section = { strategyCode: s.strategyCode, versionId: c.draftVersionId, versionLabel: s.versionLabel, sectionId: c.draftSectionId, number: s.number, title: s.title };
    }
  }

  const outcome = await outcomeOf(id);

  return {
    withdrawn: false as const,
    ...base,
    bodyHtml: renderMarkdown(c.body),
    moderatorMessage: isAuthor || staff ? c.moderatorMessage : null,
    strategy: c.strategyCode && row.strategyNumber != null ? { code: c.strategyCode, number: row.strategyNumber, title: row.strategyTitle ?? "" } : null,
    targets: targetRows,
    objectives: objectiveRows,
    comuni: place.comuni,
    zones: place.zones,
    place: place.map,
    supportCount: c.supportCount,
    meeting,
    section,
    attachments: await attachmentsOf(id),
    duplicates: duplicateMarks(id, staff),
    outcome: outcome
      ? { decision: outcome.decision, reasoningHtml: renderMarkdown(outcome.reasoning), decidedAt: outcome.decidedAt.toISOString(), sections: outcome.sections }
      : null,
  };
}

export type ContributionPageData = NonNullable<Awaited<ReturnType<typeof getContributionPage>>>;

type PlaceColumns = Pick<typeof contributions.$inferSelect, "id" | "placeKind" | "geometry" | "comuneIstat" | "lon" | "lat">;

/**
 * Where a contribution is, for a small map (PlaceMap) and in words: its comuni and zones, the drawn
 * geometry (rounded to ~1 m), and the outlines of the comuni — the place itself for whole comuni,
 * its context otherwise. Shared by the public page and the moderation item page.
 */
export function contributionPlace(c: PlaceColumns) {
  const comuneRows = db
    .select({ istat: comuni.istat, name: comuni.name, geometry: comuni.geometry })
    .from(contributionComuni)
    .innerJoin(comuni, eq(comuni.istat, contributionComuni.istat))
    .where(eq(contributionComuni.contributionId, c.id))
    .orderBy(asc(comuni.name))
    .all();
  const zoneRows = db
    .select({ id: zones.id, name: zones.name, isCapoluogo: zones.isCapoluogo })
    .from(contributionZones)
    .innerJoin(zones, eq(zones.id, contributionZones.zoneId))
    .where(eq(contributionZones.contributionId, c.id))
    .orderBy(asc(zones.sortOrder))
    .all();
  // A contribution entered at a meeting may name its comune without links or geometry.
  const namedComune =
    comuneRows.length === 0 && c.comuneIstat ? db.select({ istat: comuni.istat, name: comuni.name, geometry: comuni.geometry }).from(comuni).where(eq(comuni.istat, c.comuneIstat)).get() : undefined;
  const placeComuni = namedComune ? [namedComune] : comuneRows;
  let geometry: Geometry | null = null;
  if (c.geometry) {
    try {
      geometry = roundGeometry(JSON.parse(c.geometry) as Geometry);
    } catch {
      geometry = null;
    }
  }
  const outlines = placeComuni.map((x) => ({ istat: x.istat, name: x.name, geometry: roundGeometry(JSON.parse(x.geometry) as Geometry) }));
  return {
    comuni: placeComuni.map((x) => ({ istat: x.istat, name: x.name })),
    zones: zoneRows,
    map: { kind: c.placeKind, geometry, outlines, outlinesArePlace: !geometry, point: c.lon != null && c.lat != null ? ([c.lon, c.lat] as [number, number]) : null },
  };
}

/**
 * The duplicate marks of a contribution: the one it duplicates, and those marked as duplicates of
 * it. The public sees only published ones (staff every one, with its status).
 */
export function duplicateMarks(id: number, staff: boolean) {
  const shown = (status: string) => staff || status === "published";
  const of = db
    .select({ id: contributions.id, title: contributions.title, status: contributions.status })
    .from(duplicates)
    .innerJoin(contributions, eq(contributions.id, duplicates.duplicateOf))
    .where(eq(duplicates.contributionId, id))
    .get();
  const by = db
    .select({ id: contributions.id, title: contributions.title, status: contributions.status })
    .from(duplicates)
    .innerJoin(contributions, eq(contributions.id, duplicates.contributionId))
    .where(eq(duplicates.duplicateOf, id))
    .orderBy(asc(contributions.id))
    .all();
  return { of: of && shown(of.status) ? of : null, by: by.filter((d) => shown(d.status)) };
}

/**
 * The supports of a contribution as the public sees them (no viewer): the count kept on the row and
 * the organizations that co-signed. Each read goes through an index (the co-signatures through the
 * partial unique index on organization_id), so the page does not slow down as supports pile up.
 * Signed-in viewers get supportState (supports.server.ts), which also says what they have done.
 */
export function publicSupportSummary(contributionId: number): SupportState {
  const count = db.select({ n: contributions.supportCount }).from(contributions).where(eq(contributions.id, contributionId)).get()?.n ?? 0;
  const orgs = db
    .select({ id: organizations.id, name: organizations.name })
    .from(contributionSupports)
    .innerJoin(organizations, eq(organizations.id, contributionSupports.organizationId))
    .where(and(eq(contributionSupports.contributionId, contributionId), isNotNull(contributionSupports.organizationId)))
    .orderBy(asc(contributionSupports.id))
    .all();
  return { count, people: Math.max(0, count - orgs.length), organizations: orgs, viewer: null };
}
