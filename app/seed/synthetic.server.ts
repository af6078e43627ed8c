// A realistic synthetic data set of contributions, for benchmarks, scale tests and the demo.
// Deterministic (seeded PRNG): the same options give the same rows. Needs the reference data
// (territory, plan, organizations, the first process) already seeded in the database.
//
// What makes it realistic enough to measure with:
// - points where people live: a comune is drawn with probability ∝ its area × the population
//   density of its zone (zones carry population and area; Milano has its own figure), then a point
//   inside its boundary (rejection sampling), mostly near its centre where the towns are;
// - ~80% points, 10% short lines, 5% small polygons, 5% whole comuni; the comuni and zones touched;
// - Italian titles and texts composed from phrase banks per STTM work target (synthetic-texts.ts),
//   all kinds, 1–2 targets and their objectives, people and organizations (existing ones, and
//   synthetic associations when asked), mostly published, some pending, rejected, hidden, withdrawn;
// - threaded comments (mostly published, some pending/rejected) and supports from bulk-created users.
// Written with prepared statements inside large transactions: 100,000 contributions in seconds.
import { randomUUID } from "node:crypto";
import booleanPointInPolygon from "@turf/boolean-point-in-polygon";
import pointOnFeature from "@turf/point-on-feature";
import type Database from "better-sqlite3";
import type { MultiPolygon, Polygon, Position } from "geojson";
import { slugify } from "~/lib/slug";
import type { ContributionKind, ContributionStatus, OrganizationKind, PlaceKind } from "~db/schema/enums";
import {
  BENEFITS,
  COMMENTS,
  FIRST_NAMES,
  GOOD_PRACTICE_OPENERS,
  LAST_NAMES,
  ORGANIZATION_PATTERNS,
  PARKS,
  PLACES,
  QUARTIERI,
  REPLIES,
  STREETS,
  TARGET_BANKS,
  TARGET_OBJECTIVES,
  WATERS,
} from "~/seed/synthetic-texts";

export type SyntheticOptions = {
  contributions: number;
  seed?: number;
  /** People taking part (authors, commenters, supporters); default max(40, contributions / 8). */
  users?: number;
  /** Synthetic organizations to add (associations, cooperatives…); default min(300, contributions / 400). 0 for none. */
  organizations?: number;
  /** Published dates are spread over [start, end]. */
  start?: Date;
  end?: Date;
  /** Share of published contributions (the rest pending, rejected, hidden, withdrawn); default 0.9. */
  publishedShare?: number;
  /** Prefix of the users' e-mail addresses and of the new organizations' slugs; default: a random one. */
  emailPrefix?: string;
};

export type SyntheticReport = {
  contributions: number;
  published: number;
  users: number;
  organizations: number;
  comments: number;
  supports: number;
  firstId: number;
  lastId: number;
  milliseconds: number;
};

// ---------------------------------------------------------------------------------------------
// Seeded randomness

/** sfc32, seeded through splitmix32: small, fast, and good enough for data generation. */
export function prng(seed: number) {
  let s = seed >>> 0;
  const split = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = split(),
    b = split(),
    c = split(),
    d = split();
  return () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    const t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    const r = (t + d) | 0;
    c = (c + r) | 0;
    return (r >>> 0) / 4294967296;
  };
}

type Rand = ReturnType<typeof prng>;
const pick = <T>(rand: Rand, list: readonly T[]): T => list[Math.floor(rand() * list.length)];
const int = (rand: Rand, min: number, max: number) => min + Math.floor(rand() * (max - min + 1));
/** Standard normal (Box–Muller). */
const gauss = (rand: Rand) => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());

function weighted<T>(rand: Rand, items: readonly { value: T; weight: number }[], total = items.reduce((n, i) => n + i.weight, 0)): T {
  let r = rand() * total;
  for (const i of items) {
    r -= i.weight;
    if (r <= 0) return i.value;
  }
  return items[items.length - 1].value;
}

// ---------------------------------------------------------------------------------------------
// The territory, prepared once

type ComuneGeo = {
  istat: string;
  name: string;
  zoneId: string;
  geometry: Polygon | MultiPolygon;
  bbox: [number, number, number, number];
  centre: [number, number];
  areaKm2: number;
  weight: number;
};

/** Inhabitants of Milano (ISTAT, 2023, rounded): the zones file gives the other zones only. */
const MILANO_POPULATION = 1_370_000;
const KM_PER_DEG_LAT = 111.2;
const KM_PER_DEG_LON = 111.2 * Math.cos((45.45 * Math.PI) / 180);

function loadTerritory(sqlite: Database.Database): ComuneGeo[] {
  const zones = sqlite.prepare("select id, population, official_area_km2 as area, is_capoluogo as capoluogo from zones").all() as {
    id: string;
    population: number | null;
    area: number | null;
    capoluogo: number;
  }[];
  const rows = sqlite.prepare("select istat, name, zone_id as zoneId, geometry, min_lon, min_lat, max_lon, max_lat, area_km2 as areaKm2 from comuni order by istat").all() as {
    istat: string;
    name: string;
    zoneId: string;
    geometry: string;
    min_lon: number;
    min_lat: number;
    max_lon: number;
    max_lat: number;
    areaKm2: number;
  }[];
  if (rows.length === 0) throw new Error("The territory is not seeded: run the reference seed first.");
  const zoneArea = new Map<string, number>();
  for (const r of rows) zoneArea.set(r.zoneId, (zoneArea.get(r.zoneId) ?? 0) + r.areaKm2);
  const density = new Map<string, number>();
  for (const z of zones) {
    const population = z.population ?? (z.capoluogo ? MILANO_POPULATION : null);
    const area = z.area ?? zoneArea.get(z.id) ?? 1;
    density.set(z.id, population ? population / area : 1000);
  }
  return rows.map((r) => {
    const geometry = JSON.parse(r.geometry) as Polygon | MultiPolygon;
    const centre = pointOnFeature(geometry).geometry.coordinates as [number, number];
    return {
      istat: r.istat,
      name: r.name,
      zoneId: r.zoneId,
      geometry,
      bbox: [r.min_lon, r.min_lat, r.max_lon, r.max_lat],
      centre,
      areaKm2: r.areaKm2,
      weight: r.areaKm2 * (density.get(r.zoneId) ?? 1000),
    };
  });
}

function comuneAt(territory: ComuneGeo[], p: Position): ComuneGeo | undefined {
  for (const c of territory) {
    if (p[0] < c.bbox[0] || p[0] > c.bbox[2] || p[1] < c.bbox[1] || p[1] > c.bbox[3]) continue;
    if (booleanPointInPolygon(p, c.geometry)) return c;
  }
  return undefined;
}

/** A point inside the comune: mostly near its centre (where its town is), otherwise anywhere in it. */
function pointIn(rand: Rand, c: ComuneGeo): [number, number] {
  const nearCentre = rand() < 0.7;
  const sigmaKm = Math.max(0.4, Math.sqrt(c.areaKm2) / 3.5);
  for (let i = 0; i < 40; i++) {
    const p: [number, number] = nearCentre
      ? [c.centre[0] + (gauss(rand) * sigmaKm) / KM_PER_DEG_LON, c.centre[1] + (gauss(rand) * sigmaKm) / KM_PER_DEG_LAT]
      : [c.bbox[0] + rand() * (c.bbox[2] - c.bbox[0]), c.bbox[1] + rand() * (c.bbox[3] - c.bbox[1])];
    if (p[0] >= c.bbox[0] && p[0] <= c.bbox[2] && p[1] >= c.bbox[1] && p[1] <= c.bbox[3] && booleanPointInPolygon(p, c.geometry)) return p;
  }
  return c.centre;
}

const round6 = (n: number) => Math.round(n * 1e6) / 1e6;
const roundPos = (p: Position): [number, number] => [round6(p[0]), round6(p[1])];

type Place = {
  kind: PlaceKind;
  geometry: string | null;
  bbox: [number, number, number, number];
  point: [number, number];
  comuni: ComuneGeo[];
};

function bboxOf(points: Position[]): [number, number, number, number] {
  let w = Infinity,
    s = Infinity,
    e = -Infinity,
    n = -Infinity;
  for (const p of points) {
    w = Math.min(w, p[0]);
    s = Math.min(s, p[1]);
    e = Math.max(e, p[0]);
    n = Math.max(n, p[1]);
  }
  return [w, s, e, n];
}

function touched(territory: ComuneGeo[], points: Position[]): ComuneGeo[] | null {
  const out = new Map<string, ComuneGeo>();
  for (const p of points) {
    const c = comuneAt(territory, p);
    if (!c) return null; // outside the metropolitan area
    out.set(c.istat, c);
  }
  return [...out.values()];
}

function makePlace(rand: Rand, territory: ComuneGeo[], pickComune: () => ComuneGeo): Place {
  const comune = pickComune();
  const r = rand();
  if (r < 0.05) {
    // Whole comuni: the comune, sometimes with one or two of the same zone.
    const chosen = [comune];
    if (rand() < 0.2) {
      const sameZone = territory.filter((c) => c.zoneId === comune.zoneId && c.istat !== comune.istat);
      for (let i = int(rand, 1, 2); i > 0 && sameZone.length > 0; i--) chosen.push(sameZone.splice(Math.floor(rand() * sameZone.length), 1)[0]);
    }
    const bbox = bboxOf(chosen.flatMap((c) => [
      [c.bbox[0], c.bbox[1]],
      [c.bbox[2], c.bbox[3]],
    ]));
    return { kind: "comuni", geometry: null, bbox, point: roundPos(comune.centre), comuni: chosen };
  }
  const start = pointIn(rand, comune);
  if (r < 0.15) {
    // A line of 2–5 vertices, 300–900 m apart, keeping roughly its direction.
    let heading = rand() * 2 * Math.PI;
    const coords: [number, number][] = [roundPos(start)];
    for (let i = int(rand, 1, 4); i > 0; i--) {
      heading += (rand() - 0.5) * 1.2;
      const km = 0.3 + rand() * 0.6;
      const last = coords[coords.length - 1];
      coords.push(roundPos([last[0] + (Math.cos(heading) * km) / KM_PER_DEG_LON, last[1] + (Math.sin(heading) * km) / KM_PER_DEG_LAT]));
    }
    const comuni = touched(territory, coords);
    if (comuni) {
      return { kind: "line", geometry: JSON.stringify({ type: "LineString", coordinates: coords }), bbox: bboxOf(coords), point: coords[Math.floor(coords.length / 2)], comuni };
    }
  } else if (r < 0.2) {
    // A small area: 5–7 vertices around the point, counter-clockwise (RFC 7946).
    const n = int(rand, 5, 7);
    const radiusKm = 0.15 + rand() * 0.45;
    const ring: [number, number][] = [];
    for (let i = 0; i < n; i++) {
      const angle = (i / n) * 2 * Math.PI;
      const km = radiusKm * (0.7 + rand() * 0.5);
      ring.push(roundPos([start[0] + (Math.cos(angle) * km) / KM_PER_DEG_LON, start[1] + (Math.sin(angle) * km) / KM_PER_DEG_LAT]));
    }
    ring.push(ring[0]);
    const comuni = touched(territory, ring);
    if (comuni) {
      return { kind: "polygon", geometry: JSON.stringify({ type: "Polygon", coordinates: [ring] }), bbox: bboxOf(ring), point: roundPos(start), comuni };
    }
  }
  const p = roundPos(start);
  return { kind: "point", geometry: JSON.stringify({ type: "Point", coordinates: p }), bbox: [p[0], p[1], p[0], p[1]], point: p, comuni: [comune] };
}

// ---------------------------------------------------------------------------------------------
// Texts

function fill(rand: Rand, template: string, comune: ComuneGeo) {
  return template
    .replaceAll("{comune}", comune.name)
    .replaceAll("{street}", pick(rand, STREETS))
    .replaceAll("{park}", pick(rand, PARKS))
    .replaceAll("{water}", pick(rand, WATERS))
    .replaceAll("{place}", pick(rand, PLACES))
    .replaceAll("{quartiere}", `${pick(rand, QUARTIERI)} (${comune.name})`)
    .replaceAll("{station}", `stazione di ${comune.name}`);
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function compose(rand: Rand, target: string, kind: ContributionKind, comune: ComuneGeo) {
  const bank = TARGET_BANKS[target];
  const proposing = kind === "proposta" || kind === "buona_pratica";
  const title = capitalise(fill(rand, pick(rand, proposing ? bank.propose : bank.report), comune));
  const parts: string[] = [];
  if (kind === "buona_pratica") parts.push(fill(rand, pick(rand, GOOD_PRACTICE_OPENERS), comune));
  parts.push(fill(rand, pick(rand, bank.context), comune) + (rand() < 0.5 ? ` ${fill(rand, pick(rand, bank.context), comune)}` : ""));
  if (kind !== "segnalazione" || rand() < 0.5) parts.push(fill(rand, pick(rand, bank.action), comune));
  if (rand() < 0.3) {
    const steps = new Set<string>();
    for (let i = int(rand, 2, 3); i > 0; i--) steps.add(pick(rand, bank.steps));
    parts.push([...steps].map((s) => `- ${capitalise(s)}`).join("\n"));
  }
  parts.push(pick(rand, BENEFITS));
  return { title: title.slice(0, 200), body: parts.map(capitalise).join("\n\n").replace(/ {2,}/g, " ") };
}

// ---------------------------------------------------------------------------------------------
// The generator

const KINDS: { value: ContributionKind; weight: number }[] = [
  { value: "proposta", weight: 45 },
  { value: "osservazione", weight: 25 },
  { value: "segnalazione", weight: 20 },
  { value: "buona_pratica", weight: 10 },
];

function statuses(publishedShare: number): { value: ContributionStatus; weight: number }[] {
  const rest = 1 - publishedShare;
  return [
    { value: "published", weight: publishedShare },
    { value: "pending", weight: rest * 0.4 },
    { value: "rejected", weight: rest * 0.2 },
    { value: "hidden", weight: rest * 0.15 },
    { value: "withdrawn", weight: rest * 0.25 },
  ];
}

/** How many supports: most contributions have few, some many (a long tail). */
function supportCountFor(rand: Rand, max: number) {
  const r = rand();
  const n = r < 0.45 ? 0 : r < 0.7 ? int(rand, 1, 2) : r < 0.88 ? int(rand, 3, 9) : r < 0.985 ? int(rand, 10, 40) : int(rand, 41, 150);
  return Math.min(n, max);
}

function commentCountFor(rand: Rand) {
  const r = rand();
  return r < 0.55 ? 0 : r < 0.8 ? 1 : r < 0.92 ? int(rand, 2, 3) : int(rand, 4, 10);
}

const DAY = 86_400;

/**
 * Adds `options.contributions` synthetic contributions (with their users, organizations, links,
 * comments and supports) to an already seeded database. Returns what it wrote.
 */
export function generateSynthetic(sqlite: Database.Database, options: SyntheticOptions): SyntheticReport {
  const started = performance.now();
  const n = Math.max(0, Math.floor(options.contributions));
  const rand = prng(options.seed ?? 20240215);
  const userCount = options.users ?? Math.max(40, Math.round(n / 8));
  const orgCount = options.organizations ?? Math.min(300, Math.round(n / 400));
  const start = Math.floor((options.start ?? new Date("2024-03-01T08:00:00Z")).getTime() / 1000);
  const end = Math.floor((options.end ?? new Date("2026-11-01T18:00:00Z")).getTime() / 1000);
  const emailPrefix = options.emailPrefix ?? `sintetico-${randomUUID().slice(0, 8)}`;
  const territory = loadTerritory(sqlite);
  const comuneWeights = territory.map((c) => ({ value: c, weight: c.weight }));
  const comuneTotal = comuneWeights.reduce((s, w) => s + w.weight, 0);
  const pickComune = () => weighted(rand, comuneWeights, comuneTotal);

  const processRow = sqlite.prepare("select id from processes order by id limit 1").get() as { id: number } | undefined;
  if (!processRow) throw new Error("No process: run the reference seed first.");
  const targets = sqlite.prepare("select code, strategy_code as strategy from targets order by sort_order").all() as { code: string; strategy: string }[];
  const objectiveCodes = new Set((sqlite.prepare("select code from objectives").all() as { code: string }[]).map((o) => o.code));
  const statusWeights = statuses(options.publishedShare ?? 0.9);

  const report: SyntheticReport = { contributions: n, published: 0, users: userCount, organizations: 0, comments: 0, supports: 0, firstId: 0, lastId: 0, milliseconds: 0 };

  // --- people
  const userIds: string[] = [];
  const insertUser = sqlite.prepare(
    "insert into users (id, email, name, role, locale, privacy_consent_at, privacy_consent_version, created_at) values (?, ?, ?, 'participant', 'it', ?, 'sintetico', ?)",
  );
  sqlite.transaction(() => {
    for (let i = 0; i < userCount; i++) {
      // Ids from the system's generator: a second run on the same database (same seed) must not collide.
      const id = randomUUID();
      const created = start - int(rand, 0, 200) * DAY;
      insertUser.run(id, `${emailPrefix}.${String(i + 1).padStart(6, "0")}@sintetico.example`, `${pick(rand, FIRST_NAMES)} ${pick(rand, LAST_NAMES)}`, created, created);
      userIds.push(id);
    }
  })();

  // --- organizations: the existing ones, plus synthetic associations when asked
  const insertOrg = sqlite.prepare("insert or ignore into organizations (slug, name, kind, created_at) values (?, ?, ?, ?)");
  const findOrg = sqlite.prepare("select id from organizations where slug = ?");
  sqlite.transaction(() => {
    for (let i = 0; i < orgCount; i++) {
      const pattern = pick(rand, ORGANIZATION_PATTERNS);
      const name = pattern.name.replace("{comune}", pickComune().name);
      const slug = `${slugify(name)}-${emailPrefix}-${i + 1}`;
      insertOrg.run(slug, name, pattern.kind, start);
      if (findOrg.get(slug)) report.organizations++;
    }
  })();
  const orgs = sqlite.prepare("select id, kind, istat_code as istat from organizations order by id").all() as { id: number; kind: OrganizationKind; istat: string | null }[];
  const comuneOrgs = new Map(orgs.filter((o) => o.istat).map((o) => [o.istat!, o.id]));
  const otherOrgs = orgs.filter((o) => o.kind !== "comune");

  // Each organization that speaks gets one representative (an approved member).
  const representative = new Map<number, string>();
  const insertMembership = sqlite.prepare(
    "insert into memberships (user_id, organization_id, status, position, requested_at, decided_at) values (?, ?, 'approved', 'Referente', ?, ?)",
  );
  const representativeOf = (orgId: number) => {
    let userId = representative.get(orgId);
    if (!userId) {
      userId = pick(rand, userIds);
      representative.set(orgId, userId);
      insertMembership.run(userId, orgId, start - DAY, start);
    }
    return userId;
  };

  // --- contributions, in date order (ids follow publication, as they roughly do in life)
  const insertContribution = sqlite.prepare(
    `insert into contributions (process_id, kind, title, body, strategy_code, author_id, organization_id, place_kind, geometry,
       min_lon, min_lat, max_lon, max_lat, lon, lat, status, support_count, created_at, updated_at, published_at, withdrawn_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertTarget = sqlite.prepare("insert or ignore into contribution_targets (contribution_id, target_code) values (?, ?)");
  const insertObjective = sqlite.prepare("insert or ignore into contribution_objectives (contribution_id, objective_code) values (?, ?)");
  const insertComune = sqlite.prepare("insert or ignore into contribution_comuni (contribution_id, istat) values (?, ?)");
  const insertZone = sqlite.prepare("insert or ignore into contribution_zones (contribution_id, zone_id) values (?, ?)");
  const insertComment = sqlite.prepare(
    "insert into contribution_comments (contribution_id, parent_id, author_id, body, status, created_at) values (?, ?, ?, ?, ?, ?)",
  );
  const insertSupport = sqlite.prepare("insert into contribution_supports (contribution_id, user_id, created_at) values (?, ?, ?)");

  const times = Array.from({ length: n }, () => start + Math.floor(rand() * (end - start)));
  times.sort((a, b) => a - b);

  const BATCH = 5000;
  for (let from = 0; from < n; from += BATCH) {
    sqlite.transaction(() => {
      for (let i = from; i < Math.min(n, from + BATCH); i++) {
        const published = times[i];
        const status = weighted(rand, statusWeights);
        const kind = weighted(rand, KINDS);
        const target = pick(rand, targets);
        const place = makePlace(rand, territory, pickComune);
        const { title, body } = compose(rand, target.code, kind, place.comuni[0]);

        // Who: a person (55%), the comune itself (15%), another organization (30%).
        let authorId: string;
        let organizationId: number | null = null;
        const who = rand();
        if (who < 0.15 && comuneOrgs.has(place.comuni[0].istat)) organizationId = comuneOrgs.get(place.comuni[0].istat)!;
        else if (who < 0.45 && otherOrgs.length > 0) organizationId = pick(rand, otherOrgs).id;
        if (organizationId != null) authorId = representativeOf(organizationId);
        else authorId = pick(rand, userIds);

        const isPublic = status === "published";
        const supports = isPublic ? supportCountFor(rand, userIds.length - 1) : 0;
        const created = published - int(rand, 600, 3 * DAY);
        const publishedAt = status === "pending" || status === "rejected" ? null : published;
        const withdrawnAt = status === "withdrawn" ? Math.min(end, published + int(rand, DAY, 60 * DAY)) : null;
        const info = insertContribution.run(
          processRow.id,
          kind,
          title,
          body,
          target.strategy,
          authorId,
          organizationId,
          place.kind,
          place.geometry,
          place.bbox[0],
          place.bbox[1],
          place.bbox[2],
          place.bbox[3],
          place.point[0],
          place.point[1],
          status,
          supports,
          created,
          withdrawnAt ?? publishedAt ?? created,
          publishedAt,
          withdrawnAt,
        );
        const id = Number(info.lastInsertRowid);
        if (!report.firstId) report.firstId = id;
        report.lastId = id;
        if (isPublic) report.published++;

        const targetCodes = [target.code];
        if (rand() < 0.25) targetCodes.push(pick(rand, targets).code);
        for (const t of targetCodes) insertTarget.run(id, t);
        for (const t of targetCodes) {
          const objectives = TARGET_OBJECTIVES[t] ?? [];
          for (const o of objectives) if (objectiveCodes.has(o) && rand() < 0.7) insertObjective.run(id, o);
        }
        const zones = new Set<string>();
        for (const c of place.comuni) {
          insertComune.run(id, c.istat);
          zones.add(c.zoneId);
        }
        for (const z of zones) insertZone.run(id, z);

        if (!isPublic) continue;
        // Supports: distinct people other than the author.
        const supporters = new Set<string>();
        while (supporters.size < supports) {
          const u = pick(rand, userIds);
          if (u !== authorId) supporters.add(u);
        }
        for (const u of supporters) insertSupport.run(id, u, published + int(rand, 60, 90 * DAY));
        report.supports += supporters.size;

        // Comments: some replies to an earlier published comment on the same contribution.
        const published_: number[] = [];
        let at = published;
        for (let k = commentCountFor(rand); k > 0; k--) {
          at += int(rand, 600, 10 * DAY);
          const r = rand();
          const cStatus = r < 0.85 ? "published" : r < 0.95 ? "pending" : "rejected";
          const parent = published_.length > 0 && rand() < 0.35 ? pick(rand, published_) : null;
          const cInfo = insertComment.run(id, parent, pick(rand, userIds), pick(rand, parent ? REPLIES : COMMENTS), cStatus, at);
          if (cStatus === "published") published_.push(Number(cInfo.lastInsertRowid));
          report.comments++;
        }
      }
    })();
  }
  report.milliseconds = Math.round(performance.now() - started);
  return report;
}
