// OGC API – Features, Part 1: Core, with the GeoJSON and OpenAPI 3.0 conformance classes (OGC
// 17-069r4), read-only, under /ogc: the published contributions, the comuni and the zone omogenee
// as collections that QGIS and GDAL load directly (decision record 13).
//
// - Parameters: bbox (CRS84), limit (default 10, above 1000 answered as 1000 — the standard's own
//   recommendation), offset (the `next`/`prev` links), datetime (publication of a contribution;
//   comuni and zones have no time and are not filtered by it), f=json, and for `contributi` the
//   filters of the public list (/contributi). Any other parameter, or a malformed value: 400.
// - Paging is LIMIT/OFFSET in SQL in a stable order (publication then id; ISTAT code; zone order).
import { sql } from "drizzle-orm";
import { db } from "~/lib/db.server";
import { DomainError } from "~/lib/domain-error";
import { DEFAULT_LANG, translator, type MessageKey } from "~/i18n";
import { addDays, isIsoDate, romeToUtc } from "~/lib/dates";
import { FILTER_KEYS, parseFilters, type SelectionFilters } from "~/domain/contributions/filters";
import { territoryBounds } from "~/domain/territory/territory.server";
import { contributions } from "~db/schema";
import { featureCollection } from "~/lib/geojson";
import { comuneFeatures, contributionFeature, countPublished, LICENCE, listPublished, openDataHeaders, zoneFeatures, type Bbox } from "~/domain/opendata/open-data.server";

export const COLLECTION_IDS = ["contributi", "comuni", "zone"] as const;
export type CollectionId = (typeof COLLECTION_IDS)[number];
export const isCollectionId = (id: string): id is CollectionId => (COLLECTION_IDS as readonly string[]).includes(id);

export const DEFAULT_LIMIT = 10;
export const MAX_LIMIT = 1000;

export const CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
export const CONFORMANCE = [
  "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
  "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
  "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
] as const;

const JSON_TYPE = "application/json";
const GEOJSON_TYPE = "application/geo+json";
const OPENAPI_TYPE = "application/vnd.oai.openapi+json;version=3.0";

type OgcErrorKey = Extract<MessageKey, `opendata.ogc.error.${string}`>;

/** An answer the standard describes as an exception: `{code, description}` with an HTTP status. */
export class OgcError extends DomainError {
  declare readonly status: 400 | 404;
  constructor(key: OgcErrorKey, status: 400 | 404 = 400, options: { vars?: Record<string, string | number> } = {}) {
    super(key, status, options);
  }

  /** The exception code the standard gives the status. */
  get code() {
    return this.status === 404 ? "NotFound" : "InvalidParameterValue";
  }

  /** In Italian, like the service's titles and descriptions. */
  get description() {
    return translator(DEFAULT_LANG)(this.key, Object.fromEntries(Object.entries(this.vars).map(([name, value]) => [name, String(value)])));
  }
}

const invalid = (key: OgcErrorKey, vars?: Record<string, string | number>) => new OgcError(key, 400, { vars });
const notFound = (key: OgcErrorKey, vars?: Record<string, string | number>) => new OgcError(key, 404, { vars });
const availableCollections = COLLECTION_IDS.join(", ");

/** A JSON answer with the open-data headers (CORS for any origin, licence link). */
export function ogcResponse(body: unknown, opts: { status?: number; type?: string } = {}): Response {
  return new Response(JSON.stringify(body), {
    status: opts.status ?? 200,
    headers: openDataHeaders(`${opts.type ?? JSON_TYPE}; charset=utf-8`, { "Cache-Control": "public, max-age=60" }),
  });
}

/** Runs a handler and turns an OgcError into its JSON answer (other errors go on to Remix). */
export async function ogcHandle(fn: () => Response | Promise<Response>): Promise<Response> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof OgcError) return ogcResponse({ code: e.code, description: e.description }, { status: e.status });
    throw e;
  }
}

/** `f`: only JSON (GeoJSON for items) is offered; anything else is a 400. */
function checkFormat(url: URL) {
  const f = url.searchParams.get("f");
  if (f !== null && f !== "json") throw invalid("opendata.ogc.error.format", { value: f });
}

/** For the resources without query parameters but f: anything else is a 400. */
export function checkOnlyFormat(url: URL) {
  for (const key of new Set(url.searchParams.keys())) if (key !== "f") throw invalid("opendata.ogc.error.onlyFormat", { name: key });
  checkFormat(url);
}

const link = (href: string, rel: string, type: string, title: string) => ({ href, rel, type, title });
const licenceLink = () => link(LICENCE.url, "license", "text/html", `Licenza ${LICENCE.name}`);

// -------------------------------------------------------------------------------------------
// Landing page, conformance, API definition

export function landingPage(origin: string) {
  const base = `${origin}/ogc`;
  return {
    title: "Concerta — dati aperti della consultazione sulle STTM",
    description:
      "Servizio OGC API – Features (sola lettura) della Città metropolitana di Milano: contributi pubblicati alla consultazione sulle Strategie Tematico-Territoriali Metropolitane, comuni e zone omogenee. Nessun dato personale: l'autore è l'organizzazione o «cittadino/a». Licenza CC BY 4.0.",
    attribution: LICENCE.attribution,
    links: [
      link(base, "self", JSON_TYPE, "Questa pagina"),
      link(`${origin}/dati`, "alternate", "text/html", "Descrizione dei dati (HTML)"),
      link(`${base}/api`, "service-desc", OPENAPI_TYPE, "Definizione dell'API (OpenAPI 3.0)"),
      link(`${origin}/dati`, "service-doc", "text/html", "Documentazione dell'API e dei campi"),
      link(`${base}/conformance`, "conformance", JSON_TYPE, "Classi di conformità implementate"),
      link(`${base}/collections`, "data", JSON_TYPE, "Collezioni"),
      licenceLink(),
    ],
  };
}

export function conformance() {
  return { conformsTo: [...CONFORMANCE] };
}

const COLLECTION_TEXT: Record<CollectionId, { title: string; description: string }> = {
  contributi: {
    title: "Contributi pubblicati",
    description:
      "I contributi alla consultazione pubblicati dopo la moderazione, con il loro luogo (punto, linea, area, o i comuni interi), i temi, l'esito e la controdeduzione. Autore: l'organizzazione o «cittadino/a». Filtri aggiuntivi come in /contributi: sttm, target, kind, zone, comune, orgKind, outcome, q, from, to.",
  },
  comuni: {
    title: "Comuni",
    description: `I 133 comuni della Città metropolitana di Milano, con la zona omogenea, la popolazione residente (censimento ISTAT 2011) e la superficie. ${LICENCE.boundariesAttribution}.`,
  },
  zone: {
    title: "Zone omogenee",
    description: `Le zone omogenee e il capoluogo, come insieme dei poligoni dei loro comuni, con il numero di comuni e la popolazione (somma dei comuni, censimento ISTAT 2011). ${LICENCE.boundariesAttribution}.`,
  },
};

function publicationInterval(): [string | null, string | null] {
  const c = contributions;
  const row = db.get<{ first: number | null; last: number | null }>(
    sql`select min(${c.publishedAt}) as first, max(${c.publishedAt}) as last from ${c} where ${c.status} = 'published'`,
  );
  const iso = (s: number | null | undefined) => (s == null ? null : new Date(s * 1000).toISOString());
  return [iso(row?.first), iso(row?.last)];
}

async function collectionInfo(id: CollectionId, origin: string) {
  const base = `${origin}/ogc/collections/${id}`;
  const bounds = await territoryBounds();
  const bbox = bounds ? [bounds[0][1], bounds[0][0], bounds[1][1], bounds[1][0]] : [-180, -90, 180, 90];
  return {
    id,
    ...COLLECTION_TEXT[id],
    itemType: "feature",
    crs: [CRS84],
    extent: {
      spatial: { bbox: [bbox], crs: CRS84 },
      ...(id === "contributi" ? { temporal: { interval: [publicationInterval()], trs: "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian" } } : {}),
    },
    links: [
      link(base, "self", JSON_TYPE, COLLECTION_TEXT[id].title),
      link(`${base}/items`, "items", GEOJSON_TYPE, `${COLLECTION_TEXT[id].title} (GeoJSON)`),
      licenceLink(),
    ],
  };
}

export async function collections(origin: string) {
  return {
    links: [link(`${origin}/ogc/collections`, "self", JSON_TYPE, "Collezioni")],
    collections: await Promise.all(COLLECTION_IDS.map((id) => collectionInfo(id, origin))),
  };
}

export async function collection(id: string, origin: string) {
  if (!isCollectionId(id)) throw notFound("opendata.ogc.error.collection", { id, available: availableCollections });
  return collectionInfo(id, origin);
}

// -------------------------------------------------------------------------------------------
// Items: parameters

const COMMON_PARAMS = ["f", "bbox", "limit", "offset", "datetime"] as const;

export type ItemsQuery = {
  bbox?: Bbox;
  limit: number;
  offset: number;
  published?: { from?: Date; to?: Date };
  selection: SelectionFilters;
};

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

export function parseBbox(value: string): Bbox {
  const parts = value.split(",").map((s) => s.trim());
  if ((parts.length !== 4 && parts.length !== 6) || !parts.every((p) => NUMBER.test(p))) {
    throw invalid("opendata.ogc.error.bboxFormat");
  }
  const n = parts.map(Number);
  // With 6 numbers the third and sixth are heights: ignored (our data have none).
  const [w, s, e, north] = parts.length === 6 ? [n[0], n[1], n[3], n[4]] : n;
  if ([w, e].some((x) => x < -180 || x > 180) || [s, north].some((y) => y < -90 || y > 90)) {
    throw invalid("opendata.ogc.error.bboxRange");
  }
  if (s > north) throw invalid("opendata.ogc.error.bboxOrder");
  return [w, s, e, north];
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

/** One end of a datetime: an RFC 3339 date-time, or a date (a whole day in Rome), or open. */
function instant(value: string, end: "start" | "end"): Date | undefined | "invalid" {
  if (value === "" || value === "..") return undefined;
  if (DATE_TIME.test(value)) {
    const d = new Date(value);
    return Number.isNaN(d.getTime()) ? "invalid" : d;
  }
  if (isIsoDate(value)) return end === "start" ? romeToUtc(value) : new Date(romeToUtc(addDays(value, 1)).getTime() - 1000);
  return "invalid";
}

export function parseDatetime(value: string): { from?: Date; to?: Date } {
  const bad = () => invalid("opendata.ogc.error.datetime", { value });
  const parts = value.split("/");
  if (parts.length > 2) throw bad();
  if (parts.length === 1) {
    if (value === "" || value === "..") throw bad();
    const from = instant(value, "start");
    const to = instant(value, "end");
    if (from === "invalid" || to === "invalid") throw bad();
    return { from, to };
  }
  const from = instant(parts[0], "start");
  const to = instant(parts[1], "end");
  if (from === "invalid" || to === "invalid" || (from === undefined && to === undefined)) throw bad();
  if (from && to && from > to) throw invalid("opendata.ogc.error.datetimeOrder");
  return { from, to };
}

function integerParam(url: URL, name: string, fallback: number, min: number): number {
  const raw = url.searchParams.get(name);
  if (raw === null) return fallback;
  if (!/^\d+$/.test(raw.trim()) || Number(raw) < min) {
    throw min === 0 ? invalid("opendata.ogc.error.integerFrom0", { name, value: raw }) : invalid("opendata.ogc.error.integerFrom", { name, value: raw, min });
  }
  return Number(raw);
}

/** The items parameters of a collection; a parameter it does not know, or a malformed value, is a 400. */
export function parseItemsQuery(id: CollectionId, url: URL): ItemsQuery {
  const allowed = new Set<string>([...COMMON_PARAMS, ...(id === "contributi" ? FILTER_KEYS : [])]);
  for (const key of new Set(url.searchParams.keys())) {
    if (!allowed.has(key)) throw invalid("opendata.ogc.error.unknownParam", { name: key, id, allowed: [...allowed].join(", ") });
  }
  checkFormat(url);
  const bboxRaw = url.searchParams.get("bbox");
  const datetimeRaw = url.searchParams.get("datetime");
  const query: ItemsQuery = {
    bbox: bboxRaw === null ? undefined : parseBbox(bboxRaw),
    // Above the maximum the maximum is used, as the standard recommends (no error).
    limit: Math.min(MAX_LIMIT, integerParam(url, "limit", DEFAULT_LIMIT, 1)),
    offset: integerParam(url, "offset", 0, 0),
    published: datetimeRaw === null ? undefined : parseDatetime(datetimeRaw),
    selection: {},
  };
  if (id === "contributi") {
    const params = new URLSearchParams();
    for (const key of FILTER_KEYS) {
      const v = url.searchParams.get(key);
      if (v !== null && v.trim() !== "") params.set(key, v);
    }
    const parsed = parseFilters(params);
    for (const key of FILTER_KEYS) {
      if (params.has(key) && parsed[key] === undefined) throw invalid("opendata.ogc.error.value", { name: key, value: params.get(key) ?? "" });
      if (parsed[key] !== undefined) (query.selection as Record<string, unknown>)[key] = parsed[key];
    }
  }
  return query;
}

// -------------------------------------------------------------------------------------------
// Items: the answers

function pageFeatures(id: CollectionId, q: ItemsQuery, origin: string) {
  if (id === "contributi") {
    const query = { selection: q.selection, bbox: q.bbox, published: q.published };
    const rows = listPublished(query, { limit: q.limit, offset: q.offset }, origin);
    return { features: rows.map(contributionFeature), matched: countPublished(query) };
  }
  return id === "comuni" ? comuneFeatures(q) : zoneFeatures(q);
}

/** `/ogc/collections/{id}/items`: a page of features with numberMatched/numberReturned and next/prev links. */
export function items(collectionId: string, url: URL) {
  if (!isCollectionId(collectionId)) throw notFound("opendata.ogc.error.collection", { id: collectionId, available: availableCollections });
  const q = parseItemsQuery(collectionId, url);
  const { features, matched } = pageFeatures(collectionId, q, url.origin);
  const pageUrl = (offset: number) => {
    const params = new URLSearchParams(url.searchParams);
    params.set("limit", String(q.limit));
    params.set("offset", String(offset));
    return `${url.origin}${url.pathname}?${params}`;
  };
  const links = [
    link(`${url.origin}${url.pathname}${url.search}`, "self", GEOJSON_TYPE, "Questa pagina"),
    link(`${url.origin}/ogc/collections/${collectionId}`, "collection", JSON_TYPE, COLLECTION_TEXT[collectionId].title),
    licenceLink(),
  ];
  if (q.offset + features.length < matched && features.length > 0) links.push(link(pageUrl(q.offset + q.limit), "next", GEOJSON_TYPE, "Pagina successiva"));
  if (q.offset > 0) links.push(link(pageUrl(Math.max(0, q.offset - q.limit)), "prev", GEOJSON_TYPE, "Pagina precedente"));
  return {
    ...featureCollection(features),
    timeStamp: new Date().toISOString(),
    numberMatched: matched,
    numberReturned: features.length,
    links,
  };
}

/** `/ogc/collections/{id}/items/{featureId}`: one feature with its links, or a 404. */
export function item(collectionId: string, featureId: string, url: URL) {
  if (!isCollectionId(collectionId)) throw notFound("opendata.ogc.error.noCollection", { id: collectionId });
  checkOnlyFormat(url);
  const missing = () => notFound("opendata.ogc.error.noItem", { id: featureId, collection: collectionId });
  let found;
  if (collectionId === "contributi") {
    if (!/^\d{1,15}$/.test(featureId)) throw missing();
    const [row] = listPublished({ id: Number(featureId) }, { limit: 1, offset: 0 }, url.origin);
    found = row ? contributionFeature(row) : undefined;
  } else if (collectionId === "comuni") {
    found = /^\d{6}$/.test(featureId) ? comuneFeatures({ istat: featureId, limit: 1, offset: 0 }).features[0] : undefined;
  } else {
    found = /^[a-z0-9-]{1,40}$/.test(featureId) ? zoneFeatures({ id: featureId, limit: 1, offset: 0 }).features[0] : undefined;
  }
  if (!found) throw missing();
  return {
    ...found,
    links: [
      link(`${url.origin}${url.pathname}`, "self", GEOJSON_TYPE, "Questo elemento"),
      link(`${url.origin}/ogc/collections/${collectionId}`, "collection", JSON_TYPE, COLLECTION_TEXT[collectionId].title),
      licenceLink(),
    ],
  };
}

export { GEOJSON_TYPE, JSON_TYPE, OPENAPI_TYPE };
