import fs from "node:fs";
import booleanPointInPolygon from "@turf/boolean-point-in-polygon";
import type { MultiPolygon, Polygon } from "geojson";
import { beforeAll, describe, expect, it } from "vitest";
import { sqlite } from "~/lib/db.server";
import { seedReference } from "../../test/db";
import { generateSynthetic, prng, type SyntheticReport } from "~/seed/synthetic.server";

const N = 3000;
let report: SyntheticReport;
const all = <T>(q: string, ...p: unknown[]) => sqlite.prepare(q).all(...p) as T[];
const one = <T>(q: string, ...p: unknown[]) => sqlite.prepare(q).get(...p) as T;

beforeAll(() => {
  seedReference();
  report = generateSynthetic(sqlite, { contributions: N, seed: 3 });
}, 60_000);

describe("generateSynthetic", () => {
  it("is deterministic: the same seed gives the same texts and places", () => {
    const once = generateSynthetic(sqlite, { contributions: 50, seed: 99 });
    const again = generateSynthetic(sqlite, { contributions: 50, seed: 99 });
    const first = all<{ title: string; lon: number }>("select title, lon from contributions where id between ? and ? order by id", once.firstId, once.lastId);
    const second = all<{ title: string; lon: number }>("select title, lon from contributions where id between ? and ? order by id", again.firstId, again.lastId);
    expect(second).toEqual(first);
    expect(prng(1)()).toBe(prng(1)());
  });

  it("writes the asked number of contributions, mostly published, of every kind, theme and place kind", () => {
    expect(report.contributions).toBe(N);
    const byStatus = Object.fromEntries(all<{ status: string; n: number }>("select status, count(*) n from contributions where id between ? and ? group by status", report.firstId, report.lastId).map((r) => [r.status, r.n]));
    expect(byStatus.published / N).toBeGreaterThan(0.85);
    for (const s of ["pending", "rejected", "withdrawn"]) expect(byStatus[s]).toBeGreaterThan(0);
    const kinds = all<{ kind: string; n: number }>("select kind, count(*) n from contributions group by kind");
    expect(kinds.map((k) => k.kind).sort()).toEqual(["buona_pratica", "osservazione", "proposta", "segnalazione"]);
    const places = Object.fromEntries(all<{ k: string; n: number }>("select place_kind k, count(*) n from contributions where id between ? and ? group by k", report.firstId, report.lastId).map((r) => [r.k, r.n / N]));
    expect(places.point).toBeGreaterThan(0.72);
    expect(places.line).toBeGreaterThan(0.06);
    expect(places.polygon).toBeGreaterThan(0.03);
    expect(places.comuni).toBeGreaterThan(0.03);
    expect(one<{ n: number }>("select count(distinct target_code) n from contribution_targets").n).toBe(10);
    expect(one<{ n: number }>("select count(distinct zone_id) n from contribution_zones").n).toBe(8);
    expect(one<{ n: number }>("select count(*) n from contributions c where not exists (select 1 from contribution_comuni x where x.contribution_id = c.id)").n).toBe(0);
  });

  it("places points inside the territory, where people live (Milano gets the largest share)", () => {
    const boundary = JSON.parse(readBoundary()) as Polygon | MultiPolygon;
    const points = all<{ lon: number; lat: number }>("select lon, lat from contributions where place_kind = 'point' limit 500");
    expect(points.every((p) => booleanPointInPolygon([p.lon, p.lat], boundary))).toBe(true);
    const milano = one<{ n: number }>("select count(*) n from contribution_comuni where istat = '015146'").n;
    const top = all<{ istat: string; n: number }>("select istat, count(*) n from contribution_comuni group by istat order by n desc limit 1")[0];
    expect(top.istat).toBe("015146");
    expect(milano / N).toBeGreaterThan(0.25);
    expect(milano / N).toBeLessThan(0.6);
  });

  it("writes Italian texts, supports matching the counts, threaded comments and people", () => {
    const sample = one<{ title: string; body: string }>("select title, body from contributions where id = ?", report.firstId);
    expect(sample.title.length).toBeGreaterThan(10);
    expect(sample.body.split("\n\n").length).toBeGreaterThanOrEqual(2);
    expect(one<{ n: number }>("select count(*) n from contributions_fts where contributions_fts match 'mobilit*'").n).toBeGreaterThan(0);
    const mismatch = one<{ n: number }>(
      "select count(*) n from contributions c where support_count != (select count(*) from contribution_supports s where s.contribution_id = c.id)",
    ).n;
    expect(mismatch).toBe(0);
    expect(report.supports).toBeGreaterThan(N);
    expect(report.comments).toBeGreaterThan(N / 3);
    expect(one<{ n: number }>("select count(*) n from contribution_comments where parent_id is not null").n).toBeGreaterThan(0);
    expect(one<{ n: number }>("select count(*) n from contribution_comments where status = 'pending'").n).toBeGreaterThan(0);
    expect(one<{ n: number }>("select count(*) n from contributions where organization_id is not null").n / N).toBeGreaterThan(0.3);
    expect(one<{ n: number }>("select count(*) n from memberships where status = 'approved'").n).toBeGreaterThan(0);
  });
});

function readBoundary() {
  const fc = JSON.parse(fs.readFileSync("db/seed/cmm-boundary.geojson", "utf8")) as { features: { geometry: unknown }[] };
  return JSON.stringify(fc.features[0].geometry);
}
