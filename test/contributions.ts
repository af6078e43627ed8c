// Factories for the contributions browsing tests: rows written directly with exactly the fields a
// test needs (the submission form is another capability and is tested on its own).
import { eq } from "drizzle-orm";
import { db } from "~/lib/db.server";
import {
  comuni,
  contributionComuni,
  contributionObjectives,
  contributions,
  contributionTargets,
  contributionZones,
  organizations,
  processes,
  type ContributionKind,
  type ContributionStatus,
  type PlaceKind,
} from "~db/schema";

export type ContributionSpec = {
  title?: string;
  body?: string;
  kind?: ContributionKind;
  status?: ContributionStatus;
  strategyCode?: string | null;
  targets?: string[];
  objectives?: string[];
  /** ISTAT codes; their zones are added too. */
  comuni?: string[];
  authorId?: string | null;
  organizationSlug?: string;
  publishedAt?: Date | null;
  withdrawnAt?: Date | null;
  supportCount?: number;
  point?: [number, number] | null;
  placeKind?: PlaceKind | null;
  geometry?: string | null;
};

let counter = 0;

/** Inserts a contribution (published by default, point at Rho) with its links; returns its id. */
export function insertContribution(spec: ContributionSpec = {}): number {
  counter++;
  const process = db.select({ id: processes.id }).from(processes).orderBy(processes.id).get();
  if (!process) throw new Error("seed the reference data first");
  const status = spec.status ?? "published";
  const publishedAt = spec.publishedAt === undefined ? (status === "published" || status === "withdrawn" ? new Date(Date.UTC(2026, 0, 1) + counter * 60_000) : null) : spec.publishedAt;
  const orgId = spec.organizationSlug ? db.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, spec.organizationSlug)).get()!.id : null;
  const point = spec.point === undefined ? ([9.04 + counter * 1e-5, 45.53] as [number, number]) : spec.point;
  const placeKind = spec.placeKind === undefined ? (point ? "point" : null) : spec.placeKind;
  const geometry = spec.geometry === undefined ? (point && placeKind === "point" ? JSON.stringify({ type: "Point", coordinates: point }) : null) : spec.geometry;
  const row = db
    .insert(contributions)
    .values({
      processId: process.id,
      kind: spec.kind ?? "proposta",
      title: spec.title ?? `Contributo di prova ${counter}`,
      body: spec.body ?? "Testo del contributo di prova.",
      strategyCode: spec.strategyCode === undefined ? "STTM1" : spec.strategyCode,
      authorId: spec.authorId ?? null,
      organizationId: orgId,
      status,
      placeKind,
      geometry,
      lon: point?.[0] ?? null,
      lat: point?.[1] ?? null,
      minLon: point?.[0] ?? null,
      minLat: point?.[1] ?? null,
      maxLon: point?.[0] ?? null,
      maxLat: point?.[1] ?? null,
      supportCount: spec.supportCount ?? 0,
      publishedAt,
      withdrawnAt: spec.withdrawnAt ?? null,
    })
    .returning({ id: contributions.id })
    .get();
  for (const t of spec.targets ?? []) db.insert(contributionTargets).values({ contributionId: row.id, targetCode: t }).run();
  for (const o of spec.objectives ?? []) db.insert(contributionObjectives).values({ contributionId: row.id, objectiveCode: o }).run();
  const zoneIds = new Set<string>();
  for (const istat of spec.comuni ?? []) {
    db.insert(contributionComuni).values({ contributionId: row.id, istat }).run();
    zoneIds.add(db.select({ zoneId: comuni.zoneId }).from(comuni).where(eq(comuni.istat, istat)).get()!.zoneId);
  }
  for (const zoneId of zoneIds) db.insert(contributionZones).values({ contributionId: row.id, zoneId }).run();
  return row.id;
}

/** ISTAT codes used by the tests. */
export const ISTAT = { milano: "015146", rho: "015182", magenta: "015130", melzo: "015142" } as const;
