// Static SVG maps drawn from our own comuni boundaries (no tiles): they print, work offline and
// embed in the reports' PDF and DOCX. Used by the participation dashboard and the reports.
import { randomBytes } from "node:crypto";
import type { Geometry, Position } from "geojson";
import { asc } from "drizzle-orm";
import { db } from "~/lib/db.server";
import { comuni } from "~db/schema";

export type SvgMapFeature = {
  id: number;
  label: string;
  geometry: Geometry;
  /** The text inside a point's circle; default its position in `features`, from 1. */
  number?: string | number;
  /** Stroke/fill colour of the feature; default a dark magenta that stands out on the choropleth palettes. */
  color?: string;
};
export type SvgMapOptions = {
  title: string; // accessible name (<title>)
  description: string; // <desc>, a sentence summarising what the map shows
  width?: number; // viewBox width in px, default 800; height follows the territory's aspect
  comuneFill?: Record<string, string>; // ISTAT code → fill colour (or NO_DATA_FILL); others neutral light grey
  comuneLabel?: Record<string, string>; // ISTAT code → text for the comune's <title>
  focusComuni?: string[]; // frame the view to these comuni and outline them
  /** Write the focus comuni's names on the map (default: when there are at most 40). */
  labelFocusComuni?: boolean;
  features?: SvgMapFeature[]; // contributions drawn over the comuni
  zoneOutlines?: boolean; // default true: thicker outlines of the zone omogenee
  legend?: { label: string; fill: string }[]; // drawn inside the SVG
  /** Prefix of the ids inside the SVG (title, desc, patterns); default a random one. */
  idPrefix?: string;
  /** Also frame the features (when focusComuni is given and some features fall outside). */
  fitFeatures?: boolean;
  /** Boundaries attribution printed at the bottom; null to leave it out (the page then shows it). */
  attribution?: string | null;
};

/** A `comuneFill`/legend value drawing a hatched light pattern instead of a colour ("no data", "not heard"). */
export const NO_DATA_FILL = "nodata";
export const DEFAULT_COMUNE_FILL = "#ececec";
export const DEFAULT_ATTRIBUTION =
  "Limiti amministrativi: © ISTAT (CC BY), elaborazione openpolis/geojson-italy (CC BY 4.0), giugno 2023";
const FEATURE_COLOR = "#8e0152";
const COMUNE_STROKE = "#6b6b6b";
const ZONE_STROKE = "#1a1a1a";

type Pt = [number, number];
type BaseComune = { istat: string; name: string; rings: Pt[][]; bbox: [number, number, number, number] };
type BaseMap = {
  width: number;
  height: number;
  comuni: BaseComune[];
  byIstat: Map<string, BaseComune>;
  /** Arcs between comuni of different zones and along the territory's edge. */
  zoneArcs: Pt[][];
  project: (lon: number, lat: number) => Pt;
};

// Boundaries change only on re-seed: the projected, simplified base map is kept per width and detail level.
const cache = new Map<string, BaseMap>();
export function clearSvgMapCache() {
  cache.clear();
}

/** Douglas–Peucker on projected points; keeps the first and last point. */
function simplify(points: Pt[], tolerance: number): Pt[] {
  if (points.length <= 2) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack: [number, number][] = [[0, points.length - 1]];
  const tol2 = tolerance * tolerance;
  while (stack.length) {
    const [a, b] = stack.pop()!;
    const [ax, ay] = points[a];
    const [bx, by] = points[b];
    const dx = bx - ax;
    const dy = by - ay;
    const len2 = dx * dx + dy * dy;
    let worst = -1;
    let worstD = tol2;
    for (let i = a + 1; i < b; i++) {
      const [px, py] = points[i];
      let t = len2 === 0 ? 0 : ((px - ax) * dx + (py - ay) * dy) / len2;
      t = Math.max(0, Math.min(1, t));
      const ex = ax + t * dx - px;
      const ey = ay + t * dy - py;
      const d = ex * ex + ey * ey;
      if (d > worstD) {
        worstD = d;
        worst = i;
      }
    }
    if (worst > 0) {
      keep[worst] = 1;
      stack.push([a, worst], [worst, b]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

const keyOf = (p: Position) => `${p[0]},${p[1]}`;
const edgeKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/**
 * Projects and simplifies every comune. Shared borders stay shared: each ring is cut into arcs where
 * its neighbour changes, and every arc is simplified in one canonical direction, so two neighbours
 * get the very same points (no slivers or gaps) and the zone outlines are the arcs between zones.
 */
async function loadBaseMap(width: number, detail: number): Promise<BaseMap> {
  const cacheKey = `${width}:${detail}`;
  const hit = cache.get(cacheKey);
  if (hit) return hit;
  const rows = await db
    .select({ istat: comuni.istat, name: comuni.name, zoneId: comuni.zoneId, geometry: comuni.geometry })
    .from(comuni)
    .orderBy(asc(comuni.istat));
  const parsed = rows.map((r) => {
    const g = JSON.parse(r.geometry) as Geometry;
    const polygons = g.type === "Polygon" ? [g.coordinates] : g.type === "MultiPolygon" ? g.coordinates : [];
    return { ...r, rings: polygons.flat() };
  });
  let minLon = Infinity;
  let minLat = Infinity;
  let maxLon = -Infinity;
  let maxLat = -Infinity;
  const owners = new Map<string, Set<string>>();
  for (const c of parsed) {
    for (const ring of c.rings) {
      for (let i = 0; i < ring.length; i++) {
        const [lon, lat] = ring[i];
        minLon = Math.min(minLon, lon);
        maxLon = Math.max(maxLon, lon);
        minLat = Math.min(minLat, lat);
        maxLat = Math.max(maxLat, lat);
        if (i > 0) {
          const k = edgeKey(keyOf(ring[i - 1]), keyOf(ring[i]));
          let set = owners.get(k);
          if (!set) owners.set(k, (set = new Set()));
          set.add(c.istat);
        }
      }
    }
  }
  if (!parsed.length) {
    minLon = minLat = 0;
    maxLon = maxLat = 1;
  }
  const kx = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const margin = width * 0.015;
  const scale = (width - 2 * margin) / ((maxLon - minLon) * kx);
  const height = (maxLat - minLat) * scale + 2 * margin;
  const project = (lon: number, lat: number): Pt => [margin + (lon - minLon) * kx * scale, margin + (maxLat - lat) * scale];
  const zoneOf = new Map(parsed.map((c) => [c.istat, c.zoneId]));
  const tolerance = 0.4 / detail;

  const zoneArcs: Pt[][] = [];
  const base: BaseComune[] = parsed.map((c) => {
    const rings: Pt[][] = [];
    for (const raw of c.rings) {
      const ring = raw.slice(0, -1); // drop the closing point
      const n = ring.length;
      if (n < 3) continue;
      const keys = ring.map(keyOf);
      const ownerKey = (i: number) => [...(owners.get(edgeKey(keys[i], keys[(i + 1) % n])) ?? [])].sort().join(" ");
      const edgeOwners = keys.map((_, i) => ownerKey(i));
      // Nodes: where the edge before and the edge after have different owners.
      let nodes = keys.map((_, i) => i).filter((i) => edgeOwners[(i - 1 + n) % n] !== edgeOwners[i]);
      if (!nodes.length) {
        // A ring with one neighbour all around (an enclave or an island): cut it at its smallest vertex.
        let min = 0;
        for (let i = 1; i < n; i++) if (keys[i] < keys[min]) min = i;
        nodes = [min];
      }
      const out: Pt[] = [];
      for (let j = 0; j < nodes.length; j++) {
        const from = nodes[j];
        const to = nodes[(j + 1) % nodes.length];
        const idx: number[] = [from];
        for (let i = (from + 1) % n; ; i = (i + 1) % n) {
          idx.push(i);
          if (i === to) break;
        }
        // Canonical direction, so both neighbours simplify the same sequence.
        const first = keys[idx[0]];
        const last = keys[idx[idx.length - 1]];
        const reversed = first > last || (first === last && idx.length > 2 && keys[idx[1]] > keys[idx[idx.length - 2]]);
        const ordered = reversed ? [...idx].reverse() : idx;
        let arc = simplify(
          ordered.map((i) => project(ring[i][0], ring[i][1])),
          tolerance,
        );
        if (reversed) arc = arc.reverse();
        out.push(...arc.slice(0, -1));
        // The arc belongs to a zone outline when it separates zones or lies on the territory's edge.
        const arcOwners = edgeOwners[from].split(" ");
        const zonesTouched = new Set(arcOwners.map((o) => zoneOf.get(o)));
        if ((arcOwners.length === 1 || zonesTouched.size > 1) && arcOwners[0] === c.istat) zoneArcs.push(arc);
      }
      rings.push(out.length >= 3 ? out : ring.map((p) => project(p[0], p[1])));
    }
    const xs = rings.flat().map((p) => p[0]);
    const ys = rings.flat().map((p) => p[1]);
    return {
      istat: c.istat,
      name: c.name,
      rings,
      bbox: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)],
    };
  });
  const map: BaseMap = { width, height, comuni: base, byIstat: new Map(base.map((c) => [c.istat, c])), zoneArcs, project };
  cache.set(cacheKey, map);
  return map;
}

/** Escapes text for XML content and attribute values. */
export function escapeXml(text: string) {
  return text.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]!);
}

const r1 = (n: number) => Math.round(n * 10) / 10;

type View = { x: number; y: number; s: number };
const toView = (v: View, p: Pt): Pt => [r1((p[0] - v.x) * v.s), r1((p[1] - v.y) * v.s)];

function pathData(v: View, lines: Pt[][], close: boolean) {
  let d = "";
  for (const line of lines) {
    let prev = "";
    let count = 0;
    for (const p of line) {
      const [x, y] = toView(v, p);
      const xy = `${x} ${y}`;
      if (xy === prev) continue;
      d += (count === 0 ? "M" : "L") + xy;
      prev = xy;
      count++;
    }
    if (close && count) d += "Z";
  }
  return d;
}

function geometryLines(g: Geometry): { points: Position[]; lines: Position[][]; polygons: Position[][][] } {
  const acc = { points: [] as Position[], lines: [] as Position[][], polygons: [] as Position[][][] };
  const walk = (geom: Geometry) => {
    switch (geom.type) {
      case "Point":
        acc.points.push(geom.coordinates);
        break;
      case "MultiPoint":
        acc.points.push(...geom.coordinates);
        break;
      case "LineString":
        acc.lines.push(geom.coordinates);
        break;
      case "MultiLineString":
        acc.lines.push(...geom.coordinates);
        break;
      case "Polygon":
        acc.polygons.push(geom.coordinates);
        break;
      case "MultiPolygon":
        acc.polygons.push(...geom.coordinates);
        break;
      case "GeometryCollection":
        geom.geometries.forEach(walk);
        break;
    }
  };
  walk(g);
  return acc;
}

/** Where a line's or an area's number goes: the middle vertex of its longest line, or the vertex average of its first outer ring. */
function labelPoint(s: { lines: Position[][]; polygons: Position[][][] }): Position | null {
  if (s.polygons.length && s.polygons[0][0]?.length) {
    const ring = s.polygons[0][0].slice(0, -1);
    return ring.length ? [ring.reduce((n, p) => n + p[0], 0) / ring.length, ring.reduce((n, p) => n + p[1], 0) / ring.length] : null;
  }
  const longest = s.lines.reduce<Position[]>((a, l) => (l.length > a.length ? l : a), []);
  return longest.length ? longest[Math.floor(longest.length / 2)] : null;
}

/** A point inside a comune's largest ring, for its name: the ring's centroid, or (odd shapes) the middle of the widest chord through it. */
function comuneLabelPoint(c: BaseComune): Pt {
  const ring = c.rings.reduce((a, r) => (r.length > a.length ? r : a), c.rings[0] ?? []);
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const f = ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
    a += f;
    cx += (ring[j][0] + ring[i][0]) * f;
    cy += (ring[j][1] + ring[i][1]) * f;
  }
  const centroid: Pt = a ? [cx / (3 * a), cy / (3 * a)] : [(c.bbox[0] + c.bbox[2]) / 2, (c.bbox[1] + c.bbox[3]) / 2];
  // Crossings of the horizontal line through the centroid: inside when the point lies between a pair.
  const xs: number[] = [];
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [x1, y1] = ring[j];
    const [x2, y2] = ring[i];
    if (y1 > centroid[1] !== y2 > centroid[1]) xs.push(x1 + ((centroid[1] - y1) * (x2 - x1)) / (y2 - y1));
  }
  xs.sort((p, q) => p - q);
  for (let k = 0; k + 1 < xs.length; k += 2) if (centroid[0] >= xs[k] && centroid[0] <= xs[k + 1]) return centroid;
  let best: Pt = centroid;
  let widest = -1;
  for (let k = 0; k + 1 < xs.length; k += 2) {
    if (xs[k + 1] - xs[k] > widest) {
      widest = xs[k + 1] - xs[k];
      best = [(xs[k] + xs[k + 1]) / 2, centroid[1]];
    }
  }
  return best;
}

const fillOf = (fill: string, prefix: string) => (fill === NO_DATA_FILL ? `url(#${prefix}-nodata)` : escapeXml(fill));

/** A complete, standalone `<svg>` document fragment (with xmlns), every text escaped. */
export async function renderSvgMap(opts: SvgMapOptions): Promise<string> {
  const width = Math.max(100, Math.round(opts.width ?? 800));
  const prefix = (opts.idPrefix ?? `svgmap-${randomBytes(4).toString("hex")}`).replace(/[^A-Za-z0-9_-]/g, "") || "svgmap";
  const features = opts.features ?? [];
  const featureShapes = features.map((f) => geometryLines(f.geometry));

  // Frame: the whole territory, or the focus comuni (and the features, when asked).
  let base = await loadBaseMap(width, 1);
  const frame = (b: BaseMap) => {
    const acc = { box: null as [number, number, number, number] | null };
    const add = (x0: number, y0: number, x1: number, y1: number) => {
      const b0 = acc.box;
      acc.box = b0 ? [Math.min(b0[0], x0), Math.min(b0[1], y0), Math.max(b0[2], x1), Math.max(b0[3], y1)] : [x0, y0, x1, y1];
    };
    for (const code of opts.focusComuni ?? []) {
      const c = b.byIstat.get(code);
      if (c) add(...c.bbox);
    }
    if (acc.box && opts.fitFeatures) {
      for (const s of featureShapes) {
        for (const p of [...s.points, ...s.lines.flat(), ...s.polygons.flat(2)]) {
          const [x, y] = b.project(p[0], p[1]);
          add(x, y, x, y);
        }
      }
    }
    if (!acc.box) return { x: 0, y: 0, w: b.width, h: b.height };
    const [x0, y0, x1, y1] = acc.box;
    // A margin around the focus, and never closer than a tenth of the territory.
    const w = Math.max(x1 - x0, b.width / 10);
    const h = Math.max(y1 - y0, b.width / 10);
    const pad = Math.max(w, h) * 0.06;
    const cx = (x0 + x1) / 2;
    const cy = (y0 + y1) / 2;
    return { x: cx - w / 2 - pad, y: cy - h / 2 - pad, w: w + 2 * pad, h: h + 2 * pad };
  };
  let box = frame(base);
  const zoom = width / box.w;
  if (zoom > 1.5) {
    // Zoomed in: use outlines simplified for that scale (cached too).
    base = await loadBaseMap(width, 2 ** Math.min(4, Math.ceil(Math.log2(zoom))));
    box = frame(base);
  }
  const view: View = { x: box.x, y: box.y, s: width / box.w };
  const mapHeight = r1(box.h * view.s);

  // Everything on the map is clipped to its frame, so a zoomed view does not spill over the legend.
  const parts: string[] = [`<g clip-path="url(#${prefix}-clip)">`];
  const fills = opts.comuneFill ?? {};
  const labels = opts.comuneLabel ?? {};
  const inView = (c: BaseComune) =>
    c.bbox[2] >= box.x && c.bbox[0] <= box.x + box.w && c.bbox[3] >= box.y && c.bbox[1] <= box.y + box.h;

  parts.push(`<g stroke="${COMUNE_STROKE}" stroke-width="0.5" stroke-linejoin="round" fill-rule="evenodd">`);
  for (const c of base.comuni) {
    if (!inView(c)) continue;
    const label = labels[c.istat] ?? c.name;
    parts.push(
      `<path data-istat="${escapeXml(c.istat)}" fill="${fillOf(fills[c.istat] ?? DEFAULT_COMUNE_FILL, prefix)}" d="${pathData(view, c.rings, true)}"><title>${escapeXml(label)}</title></path>`,
    );
  }
  parts.push(`</g>`);
  if (opts.zoneOutlines ?? true) {
    parts.push(
      `<path class="zone-outlines" fill="none" stroke="${ZONE_STROKE}" stroke-width="1.6" stroke-linejoin="round" stroke-linecap="round" d="${pathData(view, base.zoneArcs, false)}"/>`,
    );
  }
  const focus = (opts.focusComuni ?? []).map((code) => base.byIstat.get(code)).filter((c): c is BaseComune => !!c);
  if (focus.length) {
    parts.push(
      `<path class="focus-outline" fill="none" stroke="#000" stroke-width="2.4" stroke-linejoin="round" d="${focus.map((c) => pathData(view, c.rings, true)).join("")}"/>`,
    );
  }
  // A framed view names its comuni (with a white halo, so the outlines do not cross the letters).
  if (focus.length && (opts.labelFocusComuni ?? focus.length <= 40)) {
    parts.push(`<g class="comune-names" font-size="11" fill="#1a1a1a" text-anchor="middle" stroke="#fff" stroke-width="3" paint-order="stroke" stroke-linejoin="round" aria-hidden="true">`);
    for (const c of focus) {
      const [x, y] = toView(view, comuneLabelPoint(c));
      parts.push(`<text x="${x}" y="${r1(y + 4)}">${escapeXml(c.name)}</text>`);
    }
    parts.push(`</g>`);
  }

  // Contributions: areas first, then lines, then numbered points on top.
  const project = (p: Position) => base.project(p[0], p[1]);
  const drawn = ["", "", ""];
  features.forEach((f, i) => {
    const s = featureShapes[i];
    const color = escapeXml(f.color ?? FEATURE_COLOR);
    const title = `<title>${escapeXml(f.label)}</title>`;
    const id = `data-feature="${Number(f.id)}"`;
    if (s.polygons.length) {
      const d = s.polygons.map((rings) => pathData(view, rings.map((r) => r.map(project)), true)).join("");
      drawn[0] += `<path ${id} d="${d}" fill="url(#${prefix}-hatch)" stroke="${color}" stroke-width="1.5" fill-rule="evenodd">${title}</path>`;
    }
    if (s.lines.length) {
      const d = pathData(view, s.lines.map((l) => l.map(project)), false);
      drawn[1] += `<path ${id} d="${d}" fill="none" stroke="${color}" stroke-width="3" stroke-linecap="round" stroke-linejoin="round">${title}</path>`;
    }
    // Lines and areas carry their number too, on a point of theirs, so every feature can be named in a legend.
    const numbered = s.points.length ? s.points : [labelPoint(s)].filter((p): p is Position => p !== null);
    for (const p of numbered) {
      const [x, y] = toView(view, project(p));
      const n = escapeXml(String(f.number ?? i + 1));
      const fontSize = n.length > 2 ? 8 : 11;
      drawn[2] += `<g ${id}>${title}<circle cx="${x}" cy="${y}" r="10" fill="${color}" stroke="#fff" stroke-width="1.5"/><text x="${x}" y="${r1(y + fontSize * 0.35)}" font-size="${fontSize}" text-anchor="middle" fill="#fff" font-weight="bold">${n}</text></g>`;
    }
  });
  parts.push(drawn.join(""), `</g>`);

  // Legend and attribution below the map.
  let y = mapHeight + 10;
  const legend = opts.legend ?? [];
  const below: string[] = [];
  if (legend.length) {
    const columns = width >= 600 ? 2 : 1;
    const colWidth = (width - 20) / columns;
    legend.forEach((item, i) => {
      const lx = r1(10 + (i % columns) * colWidth);
      const ly = r1(y + Math.floor(i / columns) * 20);
      below.push(
        `<rect x="${lx}" y="${ly}" width="16" height="14" fill="${fillOf(item.fill, prefix)}" stroke="${COMUNE_STROKE}" stroke-width="0.8"/><text x="${r1(lx + 22)}" y="${r1(ly + 11)}" font-size="12" fill="#1a1a1a">${escapeXml(item.label)}</text>`,
      );
    });
    y += Math.ceil(legend.length / columns) * 20 + 4;
  }
  const attribution = opts.attribution === undefined ? DEFAULT_ATTRIBUTION : opts.attribution;
  if (attribution) {
    below.push(`<text x="10" y="${r1(y + 10)}" font-size="9" fill="#404040">${escapeXml(attribution)}</text>`);
    y += 16;
  }
  const totalHeight = below.length ? r1(y) : mapHeight;

  const defs =
    `<defs>` +
    `<pattern id="${prefix}-nodata" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/><line x1="0" y1="0" x2="0" y2="6" stroke="#9a9a9a" stroke-width="2"/></pattern>` +
    `<pattern id="${prefix}-hatch" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(-45)"><rect width="6" height="6" fill="${FEATURE_COLOR}" fill-opacity="0.15"/><line x1="0" y1="0" x2="0" y2="6" stroke="${FEATURE_COLOR}" stroke-width="1.2" stroke-opacity="0.7"/></pattern>` +
    `<clipPath id="${prefix}-clip"><rect width="${width}" height="${mapHeight}"/></clipPath>` +
    `</defs>`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${totalHeight}" role="img" aria-labelledby="${prefix}-title ${prefix}-desc" style="width:100%;height:auto" font-family="sans-serif">` +
    `<title id="${prefix}-title">${escapeXml(opts.title)}</title><desc id="${prefix}-desc">${escapeXml(opts.description)}</desc>` +
    defs +
    `<rect width="${width}" height="${totalHeight}" fill="#ffffff"/>` +
    parts.join("") +
    below.join("") +
    `</svg>`
  );
}
