// The open data at /dati as the server answers them: CSV that round-trips through a real parser with
// both separators, GeoJSON that passes the RFC 7946 checks, published contributions only, the
// filters of /contributi, redactions applied — and no personal data anywhere: the test seeds
// people with e-mails and names who write contributions, then searches every public export
// (CSV, GeoJSON, every OGC items page, the /dati page) for each of them.
import { parse } from "csv-parse/sync";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { redactPassage } from "~/domain/moderation/redaction.server";
import { REDACTION_PLACEHOLDER } from "~/domain/moderation/kinds";
import { forgetPublishedStats } from "~/domain/contributions/published-stats.server";
import { contributions, outcomes, sectionLinks, users } from "~db/schema";
import * as csvRoute from "~/routes/dati.contributi[.]csv";
import * as geojsonRoute from "~/routes/dati.contributi[.]geojson";
import * as comuniRoute from "~/routes/dati.comuni[.]geojson";
import * as zoneRoute from "~/routes/dati.zone[.]geojson";
import * as datiPage from "~/routes/dati._index";
import * as ogcItems from "~/routes/ogc.collections.$collectionId.items._index";
import * as ogcItem from "~/routes/ogc.collections.$collectionId.items.$featureId";
import { seedReference } from "../../../test/db";
import { insertContribution, ISTAT } from "../../../test/contributions";
import { approveMember, insertVersionInConsultation, SECTIONS_V01 } from "../../../test/drafts-participation";
import { getRequest } from "../../../test/requests";
import { checkRfc7946 } from "~/lib/geojson";
import { CITIZEN, CSV_COLUMNS, forgetOpenDataCaches } from "./open-data.server";

type Args = { request: Request; params: Record<string, string>; context: object };
const call = async (loader: (args: never) => unknown, path: string, params: Record<string, string> = {}) =>
  (await loader({ request: getRequest(path), params, context: {} } satisfies Args as never)) as Response;

const ACCENTED = "Città, Cassano d'Adda, perché «così»";
const BODY_A = 'Una "ciclabile" lungo il Villoresi;\nseconda riga, con virgole e punto e virgola';
const PEOPLE = [
  { name: "Mario Rossi", email: "mario.rossi@posta.example" },
  { name: "Giulia Bianchi", email: "giulia.bianchi@posta.example" },
  { name: "Luca Verdi", email: "luca.verdi@posta.example" },
  { name: "Anna Neri", email: "anna.neri@posta.example" },
  { name: "Redattrice Gialli", email: "redazione.gialli@posta.example" },
];
const person = (name: string, role: "participant" | "staff" = "participant", deletedAt: Date | null = null) => {
  const p = PEOPLE.find((x) => x.name === name)!;
  const id = `u-${name.replace(/\s/g, "-").toLowerCase()}`;
  db.insert(users).values({ id, email: p.email, name: p.name, role, privacyConsentAt: new Date(), privacyConsentVersion: "t", deletedAt }).run();
  return id;
};

// A clockwise square near Rho: the export must rewind it.
const CW_SQUARE = [
  [9.03, 45.52],
  [9.03, 45.54],
  [9.05, 45.54],
  [9.05, 45.52],
  [9.03, 45.52],
];

const ids: Record<string, number> = {};

beforeAll(() => {
  seedReference();
  const mario = person("Mario Rossi");
  const giulia = person("Giulia Bianchi");
  approveMember(giulia, "legambiente-lombardia");
  const luca = person("Luca Verdi");
  const anna = person("Anna Neri", "participant", new Date());
  const staff = person("Redattrice Gialli", "staff");

  ids.A = insertContribution({ title: ACCENTED, body: BODY_A, authorId: mario, comuni: [ISTAT.rho], targets: ["STTM1.1"], objectives: ["Ob7"], kind: "proposta" });
  ids.B = insertContribution({
    title: "Corridoio ecologico a Rho",
    authorId: giulia,
    organizationSlug: "legambiente-lombardia",
    comuni: [ISTAT.rho],
    kind: "osservazione",
    placeKind: "polygon",
    point: [9.04, 45.53],
    geometry: JSON.stringify({ type: "Polygon", coordinates: [CW_SQUARE] }),
  });
  db.update(contributions).set({ minLon: 9.03, minLat: 45.52, maxLon: 9.05, maxLat: 45.54 }).where(eq(contributions.id, ids.B)).run();
  ids.C = insertContribution({ title: "Servizi tra Melzo e Magenta", authorId: mario, comuni: [ISTAT.melzo, ISTAT.magenta], placeKind: "comuni", point: [9.42, 45.5], geometry: null, kind: "segnalazione" });
  ids.D = insertContribution({ title: "Una linea di autobus", authorId: anna, comuni: [ISTAT.milano], placeKind: "line", point: [9.19, 45.46], geometry: JSON.stringify({ type: "LineString", coordinates: [[9.18, 45.46], [9.2, 45.47]] }) });
  ids.E = insertContribution({ title: "Allagamenti", body: "Chiamatemi al 333 1234567 per i dettagli.", authorId: mario, comuni: [ISTAT.rho] });
  redactPassage({ actorId: staff, item: { kind: "contribution", id: ids.E }, passage: "333 1234567" });

  // Not public: never exported, whatever the filters.
  for (const status of ["pending", "rejected", "hidden", "withdrawn"] as const) {
    ids[status] = insertContribution({ title: `NON PUBBLICO ${status}`, status, authorId: luca, comuni: [ISTAT.rho], withdrawnAt: status === "withdrawn" ? new Date() : null });
  }

  // An outcome linked to a section of a public version and of an internal draft (bozza).
  db.insert(outcomes).values({ itemKind: "contribution", itemId: ids.B, outcome: "accolto", response: "Inserito nella rete verde.", decidedBy: staff, decidedAt: new Date("2026-02-03T10:00:00Z") }).run();
  const publicVersion = insertVersionInConsultation({ label: "v0.1", sections: SECTIONS_V01 });
  const internal = insertVersionInConsultation({ label: "v0.2-interna", sections: SECTIONS_V01, sectionIds: publicVersion.sectionIds, status: "bozza" });
  db.insert(sectionLinks).values({ itemKind: "contribution", itemId: ids.B, sectionId: publicVersion.bySection["2.3"], versionId: publicVersion.versionId }).run();
  db.insert(sectionLinks).values({ itemKind: "contribution", itemId: ids.B, sectionId: internal.bySection["2"], versionId: internal.versionId }).run();

  forgetPublishedStats();
  forgetOpenDataCaches();
});

const PUBLISHED = () => [ids.A, ids.B, ids.C, ids.D, ids.E];

async function csvRows(path: string, delimiter: "," | ";") {
  const res = await call(csvRoute.loader, path);
  expect(res.status).toBe(200);
  expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
  // Response.text() would swallow the BOM: read the bytes.
  const bytes = new Uint8Array(await res.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  const [header, ...rows] = parse(text, { bom: true, delimiter }) as string[][];
  return { header, rows: rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]]))), res };
}

describe("/dati/contributi.csv", () => {
  it.each([
    ["/dati/contributi.csv", ","],
    ["/dati/contributi.csv?sep=;", ";"],
    ["/dati/contributi.csv?sep=%3B", ";"],
    ["/dati/contributi.csv?sep=semicolon", ";"],
  ] as const)("%s round-trips through csv-parse with accents, quotes and newlines intact", async (path, delimiter) => {
    const { header, rows, res } = await csvRows(path, delimiter);
    expect(header).toEqual([...CSV_COLUMNS]);
    expect(rows.map((r) => Number(r.id)).sort((a, b) => a - b)).toEqual(PUBLISHED());
    const a = rows.find((r) => Number(r.id) === ids.A)!;
    expect(a.titolo).toBe(ACCENTED);
    expect(a.testo).toBe(BODY_A);
    expect(a.autore).toBe(CITIZEN);
    expect(a.tipo_autore).toBe("person");
    expect(a.comuni).toBe("Rho");
    expect(a.comuni_istat).toBe(ISTAT.rho);
    expect(a.url).toBe(`http://localhost/contributi/${ids.A}`);
    expect(res.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(res.headers.get("Link")).toContain("creativecommons.org/licenses/by/4.0");
  });

  it("gives the organization, the outcome and only the public section links", async () => {
    const { rows } = await csvRows("/dati/contributi.csv", ",");
    const b = rows.find((r) => Number(r.id) === ids.B)!;
    expect(b.autore).toBe("Legambiente Lombardia");
    expect(b.tipo_autore).toBe("association");
    expect(b.esito).toBe("accolto");
    expect(b.controdeduzione).toBe("Inserito nella rete verde.");
    expect(b.data_esito).toBe("2026-02-03");
    expect(b.sezioni).toBe("STTM1 v0.1 § 2.3 Rete verde metropolitana");
    expect(b.sezioni_url).toMatch(/^http:\/\/localhost\/strategie\/STTM1\/bozze\/\d+\/sezioni\/\d+$/);
    expect(JSON.parse(b.geometria).type).toBe("Polygon");
    const c = rows.find((r) => Number(r.id) === ids.C)!;
    expect(c.geometria).toBe("");
    expect(c.comuni_istat.split(" | ").sort()).toEqual([ISTAT.magenta, ISTAT.melzo].sort());
  });

  it("shows the redacted text, as the contribution page does", async () => {
    const { rows } = await csvRows("/dati/contributi.csv", ",");
    const e = rows.find((r) => Number(r.id) === ids.E)!;
    expect(e.testo).toBe(`Chiamatemi al ${REDACTION_PLACEHOLDER} per i dettagli.`);
  });

  it("applies the filters of /contributi", async () => {
    const ofKind = await csvRows("/dati/contributi.csv?kind=segnalazione", ",");
    expect(ofKind.rows.map((r) => Number(r.id))).toEqual([ids.C]);
    const org = await csvRows("/dati/contributi.csv?orgKind=association", ",");
    expect(org.rows.map((r) => Number(r.id))).toEqual([ids.B]);
    const comune = await csvRows(`/dati/contributi.csv?comune=${ISTAT.milano}`, ",");
    expect(comune.rows.map((r) => Number(r.id))).toEqual([ids.D]);
    const withOutcome = await csvRows("/dati/contributi.csv?outcome=with", ",");
    expect(withOutcome.rows.map((r) => Number(r.id))).toEqual([ids.B]);
  });
});

describe("/dati GeoJSON downloads", () => {
  it("contributions: RFC 7946, published only, rewound polygons, comuni outlines for whole-comuni places", async () => {
    const res = await call(geojsonRoute.loader, "/dati/contributi.geojson");
    expect(res.headers.get("Content-Type")).toBe("application/geo+json; charset=utf-8");
    expect(res.headers.get("Access-Control-Allow-Origin")).toBe("*");
    const body = (await res.json()) as { license: string; features: { id: number; geometry: { type: string; coordinates: number[][][] }; properties: Record<string, unknown> }[] };
    expect(checkRfc7946(body)).toEqual([]);
    expect(body.license).toBe("CC BY 4.0");
    expect(body.features.map((f) => f.id).sort((a, b) => a - b)).toEqual(PUBLISHED());
    const b = body.features.find((f) => f.id === ids.B)!;
    expect(b.geometry.coordinates[0]).toEqual([...CW_SQUARE].reverse());
    expect(body.features.find((f) => f.id === ids.C)!.geometry.type).toBe("MultiPolygon");
    expect(body.features.find((f) => f.id === ids.D)!.properties.autore).toBe(CITIZEN);
  });

  it("contributions: filtered like the list", async () => {
    const res = await call(geojsonRoute.loader, "/dati/contributi.geojson?kind=osservazione");
    const body = (await res.json()) as { features: { id: number }[] };
    expect(body.features.map((f) => f.id)).toEqual([ids.B]);
    expect(checkRfc7946(body)).toEqual([]);
  });

  it("comuni and zones: RFC 7946, with population and counts", async () => {
    const comuni = (await (await call(comuniRoute.loader, "/dati/comuni.geojson")).json()) as { features: { id: string; properties: Record<string, unknown> }[] };
    expect(checkRfc7946(comuni)).toEqual([]);
    expect(comuni.features).toHaveLength(133);
    const rho = comuni.features.find((f) => f.id === ISTAT.rho)!;
    expect(rho.properties).toMatchObject({ istat: ISTAT.rho, nome: "Rho", zona_id: expect.any(String) });
    expect(rho.properties.popolazione).toBeGreaterThan(40000);
    const zone = (await (await call(zoneRoute.loader, "/dati/zone.geojson")).json()) as { features: { properties: { numero_comuni: number; popolazione: number } }[] };
    expect(checkRfc7946(zone)).toEqual([]);
    expect(zone.features.reduce((n, f) => n + f.properties.numero_comuni, 0)).toBe(133);
    const total = comuni.features.reduce((n, f) => n + Number(f.properties.popolazione ?? 0), 0);
    expect(zone.features.reduce((n, f) => n + f.properties.popolazione, 0)).toBe(total);
  });
});

describe("no personal data in any public export", () => {
  it("never shows a seeded e-mail, a person's name or a user id, nor an unpublished contribution", async () => {
    const bodies: Record<string, string> = {};
    for (const path of ["/dati/contributi.csv", "/dati/contributi.csv?sep=;", "/dati/contributi.geojson", "/dati/comuni.geojson", "/dati/zone.geojson"]) {
      const loader = path.includes(".csv") ? csvRoute.loader : path.includes("contributi") ? geojsonRoute.loader : path.includes("comuni") ? comuniRoute.loader : zoneRoute.loader;
      bodies[path] = await (await call(loader, path)).text();
    }
    // Every page of every OGC collection, following the next links.
    for (const collection of ["contributi", "comuni", "zone"]) {
      let next: string | undefined = `/ogc/collections/${collection}/items?limit=2`;
      let pages = 0;
      while (next) {
        const text = await (await call(ogcItems.loader, next, { collectionId: collection })).text();
        bodies[next] = text;
        const link = (JSON.parse(text) as { links: { rel: string; href: string }[] }).links.find((l) => l.rel === "next");
        next = link ? new URL(link.href).pathname + new URL(link.href).search : undefined;
        expect(++pages).toBeLessThan(100);
      }
    }
    for (const id of PUBLISHED()) bodies[`item ${id}`] = await (await call(ogcItem.loader, `/ogc/collections/contributi/items/${id}`, { collectionId: "contributi", featureId: String(id) })).text();
    bodies["/dati"] = JSON.stringify(await datiPage.loader({ request: getRequest("/dati"), params: {}, context: {} } as never));

    const seededUsers = db.select({ id: users.id, email: users.email, name: users.name }).from(users).all();
    expect(seededUsers.length).toBeGreaterThanOrEqual(PEOPLE.length);
    const needles = seededUsers.flatMap((u) => [u.email, u.name, u.id]).filter((s): s is string => Boolean(s));
    for (const [where, body] of Object.entries(bodies)) {
      const lower = body.toLowerCase();
      for (const needle of needles) expect(lower.includes(needle.toLowerCase()), `${needle} in ${where}`).toBe(false);
      expect(body, where).not.toContain("NON PUBBLICO");
      expect(body, where).not.toContain("authorId");
    }
    // The exports did carry the contributions (the search above is not vacuous).
    expect(bodies["/dati/contributi.csv"]).toContain(ACCENTED);
  });

  it("answers 404 for an unpublished contribution by id", async () => {
    for (const status of ["pending", "rejected", "hidden", "withdrawn"]) {
      const res = await call(ogcItem.loader, `/ogc/collections/contributi/items/${ids[status]}`, { collectionId: "contributi", featureId: String(ids[status]) });
      expect(res.status, status).toBe(404);
    }
  });
});
