// Everything the public page of one contribution shows: text, kind, themes, places, who made it,
// where it was made, supports, comments, and the outcome once given.
import { and, asc, eq, isNotNull } from "drizzle-orm";
import type { Geometry, Position } from "geojson";
import { db } from "~/lib/db.server";
import { renderMarkdown } from "~/lib/markdown.server";
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
  meetings,
  objectives,
  organizations,
  strategies,
  targets,
  users,
  zones,
  type Role,
} from "~db/schema";
import { commentsFor } from "./comments.server";
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
  const staff = viewer?.role === "admin" || viewer?.role === "staff";
  const isAuthor = Boolean(viewer && c.authorId === viewer.id);
  if (c.status !== "published" && c.status !== "withdrawn" && !staff && !isAuthor) return null;

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

  const [targetRows, objectiveRows, comuneRows, zoneRows] = [
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
    db
      .select({ istat: comuni.istat, name: comuni.name, geometry: comuni.geometry })
      .from(contributionComuni)
      .innerJoin(comuni, eq(comuni.istat, contributionComuni.istat))
      .where(eq(contributionComuni.contributionId, id))
      .orderBy(asc(comuni.name))
      .all(),
    db
      .select({ id: zones.id, name: zones.name, isCapoluogo: zones.isCapoluogo })
      .from(contributionZones)
      .innerJoin(zones, eq(zones.id, contributionZones.zoneId))
      .where(eq(contributionZones.contributionId, id))
      .orderBy(asc(zones.sortOrder))
      .all(),
  ];
  // A contribution entered at a meeting may name its comune without links or geometry.
  const namedComune =
    comuneRows.length === 0 && c.comuneIstat ? db.select({ istat: comuni.istat, name: comuni.name, geometry: comuni.geometry }).from(comuni).where(eq(comuni.istat, c.comuneIstat)).get() : undefined;
  const placeComuni = namedComune ? [namedComune] : comuneRows;

  // The small map: the drawn geometry, or the outlines of the comuni when the place is whole comuni.
  let geometry: Geometry | null = null;
  if (c.geometry) {
    try {
      geometry = roundGeometry(JSON.parse(c.geometry) as Geometry);
    } catch {
      geometry = null;
    }
  }
  // The comuni touched are drawn too: they are the place itself for whole comuni, its context otherwise.
  const outlines = placeComuni.map((x) => ({ istat: x.istat, name: x.name, geometry: roundGeometry(JSON.parse(x.geometry) as Geometry) }));

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

  const comments = c.status === "published" ? commentsFor(id, viewer) : { threads: [], published: 0 };
  const outcome = await outcomeOf(id);

  return {
    withdrawn: false as const,
    ...base,
    bodyHtml: renderMarkdown(c.body),
    moderatorMessage: isAuthor || staff ? c.moderatorMessage : null,
    strategy: c.strategyCode && row.strategyNumber != null ? { code: c.strategyCode, number: row.strategyNumber, title: row.strategyTitle ?? "" } : null,
    targets: targetRows,
    objectives: objectiveRows,
    comuni: placeComuni.map((x) => ({ istat: x.istat, name: x.name })),
    zones: zoneRows,
    place: { kind: c.placeKind, geometry, outlines, outlinesArePlace: !geometry, point: c.lon != null && c.lat != null ? ([c.lon, c.lat] as [number, number]) : null },
    supportCount: c.supportCount,
    meeting,
    section,
    comments,
    outcome: outcome
      ? { decision: outcome.decision, reasoningHtml: renderMarkdown(outcome.reasoning), decidedAt: outcome.decidedAt.toISOString(), sections: outcome.sections }
      : null,
  };
}

export type ContributionPageData = NonNullable<Awaited<ReturnType<typeof getContributionPage>>>;

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
