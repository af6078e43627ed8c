import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, sqlite } from "~/lib/db.server";
import { seedReference } from "../../../test/db";
import { insertContribution } from "../../../test/contributions";
import { clearMapCache, mapClusters, MAX_ITEMS, type Bbox } from "./clusters.server";
import { generateSynthetic } from "~/seed/synthetic.server";

// The map endpoint on a generated data set of 20,000 contributions.
const WHOLE_AREA: Bbox = [8.69, 45.16, 9.56, 45.65];
const MILANO_CENTRE: Bbox = [9.183, 45.461, 9.195, 45.467];

const publishedWithPlace = (where = sql`1`) =>
  db.get<{ n: number }>(sql`select count(*) as n from contributions where status = 'published' and lon is not null and ${where}`)!.n;

beforeAll(() => {
  seedReference();
  generateSynthetic(sqlite, { contributions: 20_000, seed: 11 });
  clearMapCache();
}, 120_000);

describe("mapClusters on 20,000 contributions", () => {
  it("answers the whole area at zoom 9 with a few clusters whose counts add up to every published contribution", () => {
    const answer = mapClusters({}, WHOLE_AREA, 9);
    expect(answer.zoom).toBe(9);
    expect(answer.total).toBe(publishedWithPlace());
    expect(answer.total).toBeGreaterThan(15_000);
    expect(answer.clusters.length).toBeGreaterThan(1);
    expect(answer.clusters.length).toBeLessThanOrEqual(300);
    expect(answer.clusters.reduce((n, c) => n + c.count, 0)).toBe(answer.total);
    expect(answer.clusters.every((c) => c.count > 1 && !("id" in c))).toBe(true);
    expect(JSON.stringify(answer).length).toBeLessThan(100_000);
  });

  it("stays small at zoom 12 and 15", () => {
    for (const [zoom, bbox] of [
      [12, [9.1, 45.42, 9.28, 45.51]],
      [15, [9.17, 45.455, 9.2, 45.472]],
    ] as const) {
      const answer = mapClusters({}, bbox as unknown as Bbox, zoom);
      expect(answer.zoom).toBe(zoom);
      expect(answer.clusters.length).toBeGreaterThan(0);
      expect(answer.clusters.length).toBeLessThanOrEqual(MAX_ITEMS);
      expect(JSON.stringify(answer).length).toBeLessThan(100_000);
    }
  });

  it("returns the contributions themselves at zoom 17 over a small area, with id, kind and title", () => {
    const answer = mapClusters({}, MILANO_CENTRE, 17);
    const points = answer.clusters.filter((c) => "id" in c);
    expect(points.length).toBeGreaterThan(0);
    expect(points.length).toBe(answer.clusters.length);
    for (const p of points) {
      if (!("id" in p)) continue;
      expect(p.count).toBe(1);
      expect(p.lon).toBeGreaterThanOrEqual(MILANO_CENTRE[0]);
      expect(p.lon).toBeLessThanOrEqual(MILANO_CENTRE[2]);
      const row = db.get<{ status: string; title: string; kind: string }>(sql`select status, title, kind from contributions where id = ${p.id}`)!;
      expect(row.status).toBe("published");
      expect(row.kind).toBe(p.kind);
      expect(row.title.startsWith(p.title.replace(/…$/, ""))).toBe(true);
    }
    const inBox = publishedWithPlace(sql`lon between ${MILANO_CENTRE[0]} and ${MILANO_CENTRE[2]} and lat between ${MILANO_CENTRE[1]} and ${MILANO_CENTRE[3]}`);
    expect(points.length).toBe(inBox);
  });

  it("answers a viewport too large for its zoom at a lower zoom, never with every point", () => {
    const answer = mapClusters({}, WHOLE_AREA, 18);
    expect(answer.zoom).toBeLessThan(18);
    expect(answer.clusters.length).toBeLessThanOrEqual(MAX_ITEMS);
    expect(answer.clusters.reduce((n, c) => n + c.count, 0)).toBe(answer.total);
    expect(JSON.stringify(answer).length).toBeLessThan(100_000);
  });

  it("applies the list's filters", () => {
    const answer = mapClusters({ kind: "segnalazione", zone: "nord-ovest" }, WHOLE_AREA, 9);
    const expected = publishedWithPlace(sql`kind = 'segnalazione' and exists (select 1 from contribution_zones z where z.contribution_id = contributions.id and z.zone_id = 'nord-ovest')`);
    expect(answer.total).toBe(expected);
    expect(answer.clusters.reduce((n, c) => n + c.count, 0)).toBe(expected);
    const searched = mapClusters({ q: "mobilita" }, WHOLE_AREA, 9);
    expect(searched.total).toBeGreaterThan(0);
    expect(searched.total).toBeLessThan(answer.total + publishedWithPlace());
    expect(mapClusters({ outcome: "with" }, WHOLE_AREA, 9)).toMatchObject({ total: 0, clusters: [] });
  });

  it("sees a newly published contribution once its freshness check comes round", () => {
    const start = Date.now();
    const before = mapClusters({}, WHOLE_AREA, 9, start).total;
    insertContribution({ point: [9.19, 45.464], publishedAt: new Date() });
    expect(mapClusters({}, WHOLE_AREA, 9, start + 1000).total).toBe(before);
    expect(mapClusters({}, WHOLE_AREA, 9, start + 6000).total).toBe(before + 1);
  });
});
