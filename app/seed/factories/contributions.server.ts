// Factory for contributions: the row and its links (targets, objectives, comuni and their zones)
// written directly, with exactly the fields a test gives (the submission form is tested on its own).
// The full-text index and the R*Tree of places follow by the database's own triggers.
import { db } from "~/lib/db.server";
import {
  contributionComuni,
  contributionObjectives,
  contributions,
  contributionTargets,
  contributionZones,
  type ContributionKind,
  type ContributionStatus,
  type PlaceKind,
} from "~db/schema";
import { organizationBySlug } from "./accounts.server";
import { comune, inTransaction, processIdBySlug, type Handle } from "./reference.server";

export type ContributionSpec = {
  title?: string;
  body?: string;
  /** Default "proposta". */
  kind?: ContributionKind;
  /** Default "published". */
  status?: ContributionStatus;
  /** Default "STTM1". */
  strategyCode?: string | null;
  targets?: string[];
  objectives?: string[];
  /** ISTAT codes of the comuni it concerns; their zones are added too. */
  comuni?: string[];
  authorId?: string | null;
  organizationSlug?: string;
  organizationId?: number | null;
  meetingId?: number | null;
  /** Default: the seeded first process. */
  processId?: number;
  /** Default: now when published or withdrawn, else none. */
  publishedAt?: Date | null;
  withdrawnAt?: Date | null;
  createdAt?: Date;
  supportCount?: number;
  /** The place's point [lon, lat] (default: no place). */
  point?: [number, number] | null;
  /** Default "point" with a point, else none. */
  placeKind?: PlaceKind | null;
  /** GeoJSON text; default the point's, for a point place. */
  geometry?: string | null;
  /** [west, south, east, north]; default the point's. */
  bbox?: [number, number, number, number] | null;
};

let counter = 0;

/** Inserts a contribution (published, on STTM1, in the first process unless told otherwise) with its links; returns its id. */
export function createContribution(spec: ContributionSpec = {}, handle: Handle = db): number {
  counter++;
  const status = spec.status ?? "published";
  const point = spec.point ?? null;
  const placeKind = spec.placeKind === undefined ? (point ? "point" : null) : spec.placeKind;
  const geometry = spec.geometry === undefined ? (point && placeKind === "point" ? JSON.stringify({ type: "Point", coordinates: point }) : null) : spec.geometry;
  const bbox = spec.bbox === undefined ? (point ? [point[0], point[1], point[0], point[1]] : null) : spec.bbox;
  const organizationId = spec.organizationSlug ? organizationBySlug(spec.organizationSlug, handle).id : (spec.organizationId ?? null);
  const zoneIds = [...new Set((spec.comuni ?? []).map((istat) => comune(istat, handle).zoneId))];
  return inTransaction(handle, (tx) => {
    const { id } = tx
      .insert(contributions)
      .values({
        processId: spec.processId ?? processIdBySlug(undefined, handle),
        kind: spec.kind ?? "proposta",
        title: spec.title ?? `Contributo di prova ${counter}`,
        body: spec.body ?? "Testo del contributo di prova.",
        strategyCode: spec.strategyCode === undefined ? "STTM1" : spec.strategyCode,
        authorId: spec.authorId ?? null,
        organizationId,
        meetingId: spec.meetingId ?? null,
        status,
        placeKind,
        geometry,
        lon: point?.[0] ?? null,
        lat: point?.[1] ?? null,
        minLon: bbox?.[0] ?? null,
        minLat: bbox?.[1] ?? null,
        maxLon: bbox?.[2] ?? null,
        maxLat: bbox?.[3] ?? null,
        supportCount: spec.supportCount ?? 0,
        publishedAt: spec.publishedAt !== undefined ? spec.publishedAt : status === "published" || status === "withdrawn" ? new Date() : null,
        withdrawnAt: spec.withdrawnAt ?? null,
        ...(spec.createdAt ? { createdAt: spec.createdAt, updatedAt: spec.createdAt } : {}),
      })
      .returning({ id: contributions.id })
      .get();
    for (const targetCode of spec.targets ?? []) tx.insert(contributionTargets).values({ contributionId: id, targetCode }).run();
    for (const objectiveCode of spec.objectives ?? []) tx.insert(contributionObjectives).values({ contributionId: id, objectiveCode }).run();
    for (const istat of spec.comuni ?? []) tx.insert(contributionComuni).values({ contributionId: id, istat }).run();
    for (const zoneId of zoneIds) tx.insert(contributionZones).values({ contributionId: id, zoneId }).run();
    return id;
  });
}

/** A place on whole comuni, as the submission form stores one: the comuni's box and its centre, no geometry. */
export function comuniPlace(istats: string[], handle: Handle = db): Pick<ContributionSpec, "placeKind" | "point" | "geometry" | "bbox" | "comuni"> {
  const boxes = istats.map((istat) => comune(istat, handle).bbox);
  const bbox: [number, number, number, number] = [
    Math.min(...boxes.map((b) => b[0])),
    Math.min(...boxes.map((b) => b[1])),
    Math.max(...boxes.map((b) => b[2])),
    Math.max(...boxes.map((b) => b[3])),
  ];
  return { placeKind: "comuni", point: [(bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2], geometry: null, bbox, comuni: istats };
}

/** The centre of a comune's box, moved by up to `jitter` degrees each way (so points in one comune do not overlap). */
export function pointInComune(istat: string, jitter = 0, handle: Handle = db): [number, number] {
  const [lon, lat] = comune(istat, handle).centre;
  return [lon + (Math.random() - 0.5) * jitter, lat + (Math.random() - 0.5) * jitter];
}
