// The OGC API – Features service as the server answers it (OGC 17-069r4, Core + GeoJSON + OAS30):
// landing page, conformance, collections, items with bbox/limit/offset/datetime and the list's
// filters, next/prev links that walk every match exactly once, 400 for unknown parameters and
// malformed values, 404 for unknown collections and features, paging done by SQL on an index.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { forgetPublishedStats } from "~/domain/contributions/published-stats.server";
import { contributions } from "~db/schema";
import * as landing from "~/routes/ogc._index";
import * as api from "~/routes/ogc.api";
import * as conformanceRoute from "~/routes/ogc.conformance";
import * as collectionsRoute from "~/routes/ogc.collections._index";
import * as collectionRoute from "~/routes/ogc.collections.$collectionId._index";
import * as itemsRoute from "~/routes/ogc.collections.$collectionId.items._index";
import * as itemRoute from "~/routes/ogc.collections.$collectionId.items.$featureId";
import { seedReference } from "../../../test/db";
import { insertContribution, ISTAT } from "../../../test/contributions";
import { getRequest } from "../../../test/requests";
import { checkRfc7946 } from "~/lib/geojson";
import { CONFORMANCE, CRS84, MAX_LIMIT } from "./ogc.server";
import { forgetOpenDataCaches, matchingIdsFor, publishedQueryPlan } from "~/domain/opendata/open-data.server";

type Link = { href: string; rel: string; type?: string };
type Items = {
  type: string;
  features: { id: number | string; geometry: unknown; properties: Record<string, unknown> }[];
  links: Link[];
  numberMatched: number;
  numberReturned: number;
  timeStamp: string;
};

const get = async (loader: (args: never) => unknown, path: string, params: Record<string, string> = {}) =>
  (await loader({ request: getRequest(path), params, context: {} } as never)) as Response;
const items = (path: string) => get(itemsRoute.loader, path, { collectionId: path.split("/")[3] });
const relative = (href: string) => {
  const u = new URL(href);
  return u.pathname + u.search;
};

// A box east of Milano with nothing else in it: a grid of published points inside, others outside.
const BOX = [9.3, 45.3, 9.4, 45.4] as const;
const inside: number[] = [];
let straddling: number;
let early: number;
let wholeComune: number;
let late: number;

beforeAll(() => {
  seedReference();
  for (let i = 0; i < 23; i++) {
    inside.push(
      insertContribution({
        title: `Dentro ${i}`,
        point: [9.305 + (i % 5) * 0.02, 45.305 + Math.floor(i / 5) * 0.02],
        kind: i % 2 ? "proposta" : "osservazione",
        comuni: [ISTAT.melzo],
        publishedAt: new Date(Date.UTC(2026, 0, 1 + i, 10)),
      }),
    );
  }
  // An area whose representative point is outside the box but whose extent reaches into it.
  straddling = insertContribution({
    title: "Area a cavallo",
    point: [9.45, 45.35],
    placeKind: "polygon",
    geometry: JSON.stringify({ type: "Polygon", coordinates: [[[9.38, 45.34], [9.5, 45.34], [9.5, 45.36], [9.38, 45.36], [9.38, 45.34]]] }),
    publishedAt: new Date(Date.UTC(2026, 1, 1, 10)),
  });
  db.update(contributions).set({ minLon: 9.38, minLat: 45.34, maxLon: 9.5, maxLat: 45.36 }).where(eq(contributions.id, straddling)).run();
  // Outside the box, and unpublished ones inside it.
  insertContribution({ title: "Fuori", point: [9.6, 45.35], publishedAt: new Date("2025-06-01T08:00:00Z") });
  insertContribution({ title: "Fuori a nord", point: [9.35, 45.5], publishedAt: new Date("2025-06-02T08:00:00Z") });
  for (const status of ["pending", "rejected", "hidden", "withdrawn"] as const) insertContribution({ title: `Nascosto ${status}`, status, point: [9.35, 45.35] });
  // A place of whole comuni (Rho and Melzo) whose representative point is far from both.
  wholeComune = insertContribution({ title: "Tutta Rho e Melzo", placeKind: "comuni", geometry: null, point: [9.0, 45.6], comuni: [ISTAT.rho, ISTAT.melzo], publishedAt: new Date("2025-01-01T08:00:00Z") });
  early = insertContribution({ title: "Del 2024", point: [9.0, 45.6], publishedAt: new Date("2024-05-10T08:00:00Z") });
  late = insertContribution({ title: "Del 2027", point: [9.0, 45.6], publishedAt: new Date("2027-01-10T08:00:00Z") });
  forgetPublishedStats();
  forgetOpenDataCaches();
});

describe("landing page, API definition, conformance", () => {
  it("/ogc has title, description and the links the standard asks for", async () => {
    const res = await get(landing.loader, "/ogc");
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
    expect(res.headers.get("Access-Control-Allow-Origin")).toBe("*");
    const body = (await res.json()) as { title: string; description: string; links: Link[] };
    expect(body.title).toBeTruthy();
    expect(body.description).toBeTruthy();
    const rel = (r: string) => body.links.find((l) => l.rel === r);
    expect(rel("self")?.href).toBe("http://localhost/ogc");
    expect(rel("alternate")?.type).toBe("text/html");
    expect(rel("service-desc")).toMatchObject({ href: "http://localhost/ogc/api", type: "application/vnd.oai.openapi+json;version=3.0" });
    expect(rel("conformance")?.href).toBe("http://localhost/ogc/conformance");
    expect(rel("data")?.href).toBe("http://localhost/ogc/collections");
    expect((await get(landing.loader, "/ogc?f=json")).status).toBe(200);
  });

  it("/ogc/api is an OpenAPI 3.0 document describing every path", async () => {
    const res = await get(api.loader, "/ogc/api");
    expect(res.headers.get("Content-Type")).toContain("application/vnd.oai.openapi+json;version=3.0");
    const doc = (await res.json()) as { openapi: string; paths: Record<string, unknown>; components: { parameters: Record<string, unknown> } };
    expect(doc.openapi).toMatch(/^3\.0\./);
    expect(Object.keys(doc.paths).sort()).toEqual(
      ["/", "/api", "/conformance", "/collections", "/collections/{collectionId}", "/collections/{collectionId}/items", "/collections/{collectionId}/items/{featureId}"].sort(),
    );
    expect(Object.keys(doc.components.parameters)).toEqual(expect.arrayContaining(["bbox", "limit", "offset", "datetime", "f"]));
  });

  it("/ogc/conformance declares core, geojson and oas30 (no html)", async () => {
    const body = (await (await get(conformanceRoute.loader, "/ogc/conformance")).json()) as { conformsTo: string[] };
    expect(body.conformsTo.sort()).toEqual([...CONFORMANCE].sort());
    expect(body.conformsTo).toContain("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core");
    expect(body.conformsTo).toContain("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson");
    expect(body.conformsTo).toContain("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30");
    expect(body.conformsTo.some((c) => c.endsWith("/html"))).toBe(false);
  });
});

describe("collections", () => {
  it("/ogc/collections lists contributi, comuni and zone with extent, CRS84 and links", async () => {
    const body = (await (await get(collectionsRoute.loader, "/ogc/collections")).json()) as {
      links: Link[];
      collections: { id: string; title: string; description: string; itemType: string; extent: { spatial: { bbox: number[][]; crs: string } }; links: Link[] }[];
    };
    expect(body.links.find((l) => l.rel === "self")?.href).toBe("http://localhost/ogc/collections");
    expect(body.collections.map((c) => c.id)).toEqual(["contributi", "comuni", "zone"]);
    for (const c of body.collections) {
      expect(c.title && c.description, c.id).toBeTruthy();
      expect(c.itemType).toBe("feature");
      expect(c.extent.spatial.crs).toBe(CRS84);
      const [w, s, e, n] = c.extent.spatial.bbox[0];
      expect(w).toBeLessThan(e);
      expect(s).toBeLessThan(n);
      expect(w).toBeGreaterThan(8);
      expect(n).toBeLessThan(46);
      expect(c.links.find((l) => l.rel === "self")?.href).toBe(`http://localhost/ogc/collections/${c.id}`);
      expect(c.links.find((l) => l.rel === "items")).toMatchObject({ href: `http://localhost/ogc/collections/${c.id}/items`, type: "application/geo+json" });
    }
  });

  it("/ogc/collections/{id} describes one; an unknown one is a 404 JSON exception", async () => {
    const ok = (await (await get(collectionRoute.loader, "/ogc/collections/comuni", { collectionId: "comuni" })).json()) as { id: string };
    expect(ok.id).toBe("comuni");
    const res = await get(collectionRoute.loader, "/ogc/collections/strade", { collectionId: "strade" });
    expect(res.status).toBe(404);
    expect(res.headers.get("Content-Type")).toContain("application/json");
    expect(await res.json()).toMatchObject({ code: "NotFound", description: expect.stringContaining("non esiste") });
  });
});

describe("items", () => {
  it("answers a GeoJSON FeatureCollection with numberMatched, numberReturned, timeStamp (default limit 10)", async () => {
    const res = await items("/ogc/collections/contributi/items");
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("application/geo+json; charset=utf-8");
    expect(res.headers.get("Access-Control-Allow-Origin")).toBe("*");
    const body = (await res.json()) as Items;
    expect(checkRfc7946(body)).toEqual([]);
    expect(body.type).toBe("FeatureCollection");
    expect(body.numberReturned).toBe(10);
    expect(body.features).toHaveLength(10);
    expect(body.numberMatched).toBe(23 + 1 + 2 + 2 + 1);
    expect(Number.isNaN(Date.parse(body.timeStamp))).toBe(false);
    expect(body.links.find((l) => l.rel === "next")?.href).toBe("http://localhost/ogc/collections/contributi/items?limit=10&offset=10");
    expect(body.links.find((l) => l.rel === "prev")).toBeUndefined();
  });

  it("bbox + limit: following next links returns every published contribution meeting the box exactly once", async () => {
    let next: string | undefined = `/ogc/collections/contributi/items?bbox=${BOX.join(",")}&limit=4`;
    const seen: number[] = [];
    let pages = 0;
    let matched = -1;
    while (next) {
      const body = (await (await items(next)).json()) as Items;
      expect(checkRfc7946(body)).toEqual([]);
      expect(body.numberReturned).toBe(body.features.length);
      expect(body.features.length).toBeLessThanOrEqual(4);
      matched = body.numberMatched;
      seen.push(...body.features.map((f) => Number(f.id)));
      const link = body.links.find((l) => l.rel === "next");
      if (link) {
        const u = new URL(link.href);
        expect(u.searchParams.get("bbox")).toBe(BOX.join(","));
        expect(u.searchParams.get("limit")).toBe("4");
      }
      if (pages > 0) expect(body.links.find((l) => l.rel === "prev")).toBeDefined();
      next = link ? relative(link.href) : undefined;
      expect(++pages).toBeLessThan(20);
    }
    const expected = [...inside, straddling].sort((a, b) => a - b);
    expect([...seen].sort((a, b) => a - b)).toEqual(expected);
    expect(new Set(seen).size).toBe(seen.length);
    expect(matched).toBe(expected.length);
    expect(pages).toBe(Math.ceil(expected.length / 4));
  });

  it("a place of whole comuni meets a box when one of its comuni does, and is drawn as their outlines", async () => {
    const rho = (await (await items("/ogc/collections/contributi/items?bbox=9.03,45.52,9.04,45.53&limit=100")).json()) as Items;
    expect(rho.features.map((f) => Number(f.id))).toContain(wholeComune);
    const feature = rho.features.find((f) => Number(f.id) === wholeComune)!;
    expect((feature.geometry as { type: string }).type).toBe("MultiPolygon");
    expect(checkRfc7946(rho)).toEqual([]);
    // Far from both comuni: not there.
    const elsewhere = (await (await items("/ogc/collections/contributi/items?bbox=9.17,45.2,9.18,45.21&limit=100")).json()) as Items;
    expect(elsewhere.features.map((f) => Number(f.id))).not.toContain(wholeComune);
    // A box holding everything: every contribution with a place, none without.
    const world = (await (await items("/ogc/collections/contributi/items?bbox=-180,-90,180,90&limit=1000")).json()) as Items;
    expect(world.numberMatched).toBe(23 + 1 + 2 + 2 + 1);
  });

  it("keeps the list's filters in the paging links and applies them", async () => {
    const body = (await (await items(`/ogc/collections/contributi/items?bbox=${BOX.join(",")}&kind=proposta&limit=5`)).json()) as Items;
    // 11 of the grid plus the straddling area (a proposal too).
    expect(body.numberMatched).toBe(12);
    expect(body.features.every((f) => f.properties.tipo === "proposta")).toBe(true);
    expect(new URL(body.links.find((l) => l.rel === "next")!.href).searchParams.get("kind")).toBe("proposta");
    const byComune = (await (await items(`/ogc/collections/contributi/items?comune=${ISTAT.melzo}&limit=100`)).json()) as Items;
    expect(byComune.features.map((f) => Number(f.id)).sort((a, b) => a - b)).toEqual([...inside, wholeComune].sort((a, b) => a - b));
  });

  it("datetime: an interval, an open start, an open end, a day", async () => {
    const ids = async (qs: string) => ((await (await items(`/ogc/collections/contributi/items?limit=1000&${qs}`)).json()) as Items).features.map((f) => Number(f.id));
    expect(await ids("datetime=../2024-12-31")).toEqual([early]);
    expect(await ids("datetime=2025-01-01")).toEqual([wholeComune]);
    expect(await ids("datetime=2026-12-31T00:00:00Z/..")).toEqual([late]);
    expect(await ids("datetime=2026-01-01/2026-01-03")).toEqual(inside.slice(0, 3));
    expect(await ids("datetime=2026-01-02")).toEqual([inside[1]]);
    expect(await ids("datetime=2026-01-02T10:00:00Z")).toEqual([inside[1]]);
  });

  it("limit above the maximum is answered with the maximum; offset past the end is an empty page", async () => {
    const body = (await (await items("/ogc/collections/comuni/items?limit=5000")).json()) as Items;
    expect(body.numberReturned).toBe(133);
    expect(body.links.find((l) => l.rel === "self")).toBeDefined();
    expect(MAX_LIMIT).toBe(1000);
    const past = (await (await items("/ogc/collections/zone/items?offset=50")).json()) as Items;
    expect(past.numberReturned).toBe(0);
    expect(past.links.find((l) => l.rel === "next")).toBeUndefined();
  });

  it.each([
    ["/ogc/collections/contributi/items?colore=rosso", "colore"],
    ["/ogc/collections/contributi/items?page=2", "page"],
    ["/ogc/collections/comuni/items?kind=proposta", "kind"],
    ["/ogc/collections/contributi/items?bbox=9,45,9.5", "bbox"],
    ["/ogc/collections/contributi/items?bbox=a,b,c,d", "bbox"],
    ["/ogc/collections/contributi/items?bbox=9,46,9.5,45", "bbox"],
    ["/ogc/collections/contributi/items?bbox=45,200,46,201", "bbox"],
    ["/ogc/collections/contributi/items?limit=0", "limit"],
    ["/ogc/collections/contributi/items?limit=abc", "limit"],
    ["/ogc/collections/contributi/items?offset=-1", "offset"],
    ["/ogc/collections/contributi/items?datetime=ieri", "datetime"],
    ["/ogc/collections/contributi/items?datetime=../..", "datetime"],
    ["/ogc/collections/contributi/items?datetime=2026-03-01/2026-01-01", "datetime"],
    ["/ogc/collections/contributi/items?kind=poesia", "kind"],
    ["/ogc/collections/contributi/items?f=html", "f"],
  ])("%s → 400 with an exception in Italian", async (path, about) => {
    const res = await items(path);
    expect(res.status).toBe(400);
    expect(res.headers.get("Content-Type")).toContain("application/json");
    const body = (await res.json()) as { code: string; description: string };
    expect(body.code).toBe("InvalidParameterValue");
    expect(body.description).toContain(about);
  });

  it("unknown parameters are refused on the other resources too", async () => {
    expect((await get(landing.loader, "/ogc?x=1")).status).toBe(400);
    expect((await get(conformanceRoute.loader, "/ogc/conformance?f=xml")).status).toBe(400);
    expect((await get(collectionsRoute.loader, "/ogc/collections?bbox=1,2,3,4")).status).toBe(400);
  });

  it("unknown collection or feature: 404 JSON", async () => {
    expect((await items("/ogc/collections/strade/items")).status).toBe(404);
    const one = (collectionId: string, featureId: string) => get(itemRoute.loader, `/ogc/collections/${collectionId}/items/${featureId}`, { collectionId, featureId });
    for (const [c, f] of [["contributi", "999999"], ["contributi", "abc"], ["comuni", "000000"], ["zone", "atlantide"], ["strade", "1"]]) {
      const res = await one(c, f);
      expect(res.status, `${c}/${f}`).toBe(404);
      expect(((await res.json()) as { code: string }).code).toBe("NotFound");
    }
  });

  it("one feature with its links; comuni and zones too", async () => {
    const one = async (collectionId: string, featureId: string) => {
      const res = await get(itemRoute.loader, `/ogc/collections/${collectionId}/items/${featureId}`, { collectionId, featureId });
      expect(res.headers.get("Content-Type")).toBe("application/geo+json; charset=utf-8");
      return (await res.json()) as { id: string | number; type: string; links: Link[]; properties: Record<string, unknown> };
    };
    const c = await one("contributi", String(straddling));
    expect(checkRfc7946(c)).toEqual([]);
    expect(c.id).toBe(straddling);
    expect(c.links.map((l) => l.rel)).toEqual(expect.arrayContaining(["self", "collection"]));
    const rho = await one("comuni", ISTAT.rho);
    expect(rho.properties.nome).toBe("Rho");
    expect(checkRfc7946(rho)).toEqual([]);
    const zone = await one("zone", String(rho.properties.zona_id));
    expect(checkRfc7946(zone)).toEqual([]);
    expect(zone.properties.numero_comuni).toBeGreaterThan(1);
  });

  it("comuni and zones filter by bbox on their own extent", async () => {
    // A small box around Rho's centre.
    const body = (await (await items("/ogc/collections/comuni/items?bbox=9.03,45.52,9.04,45.53&limit=100")).json()) as Items;
    expect(body.features.map((f) => f.id)).toContain(ISTAT.rho);
    expect(body.features.map((f) => f.id)).not.toContain(ISTAT.melzo);
    expect(checkRfc7946(body)).toEqual([]);
    const zones = (await (await items("/ogc/collections/zone/items?bbox=9.03,45.52,9.04,45.53")).json()) as Items;
    expect(zones.numberMatched).toBeGreaterThanOrEqual(1);
    expect(zones.numberMatched).toBeLessThan(8);
    expect(checkRfc7946(zones)).toEqual([]);
  });
});

describe("paging is done by SQL on an index", () => {
  it("a dense box walks the date index, a sparse one the R*Tree, and both give the same contributions in the same order", () => {
    for (const box of [[...BOX], [9.0, 45.4, 9.2, 45.6], [8.6, 45.1, 9.6, 45.7], [9.03, 45.52, 9.04, 45.53]] as [number, number, number, number][]) {
      const sparse = matchingIdsFor({ bbox: box }, false);
      expect(matchingIdsFor({ bbox: box }, true), box.join(",")).toEqual(sparse);
    }
    expect(matchingIdsFor({ bbox: [9.0, 45.4, 9.2, 45.6] }, false).length).toBeGreaterThan(0);
    const dense = publishedQueryPlan({ bbox: [9.0, 45.4, 9.2, 45.6] }, { denseBox: true }).join("\n");
    expect(dense).toContain("contributions_public_list_idx");
    expect(dense).not.toContain("TEMP B-TREE");
  });

  it("walks contributions_public_list_idx in order without a bbox, the R*Tree with one", () => {
    const plain = publishedQueryPlan({}).join("\n");
    expect(plain).toContain("contributions_public_list_idx");
    expect(plain).not.toContain("TEMP B-TREE");
    const boxed = publishedQueryPlan({ bbox: [...BOX] }).join("\n");
    expect(boxed).toMatch(/SCAN r VIRTUAL TABLE INDEX \d+:[A-Z0-9]+/);
    expect(boxed).toContain("SEARCH contributions USING INTEGER PRIMARY KEY");
    expect(boxed).toContain("contribution_comuni_istat_idx");
  });
});
