// The OpenAPI 3.0 definition of the OGC API – Features service (/ogc/api, rel "service-desc"):
// every path, its parameters and responses, as the oas30 conformance class asks.
import { AUTHOR_KINDS, OUTCOME_FILTERS } from "~/domain/contributions/filter-values";
import { CONTRIBUTION_KINDS } from "~db/schema/enums";
import { COLLECTION_IDS, DEFAULT_LIMIT, MAX_LIMIT } from "./ogc.server";
import { LICENCE } from "~/domain/opendata/open-data.server";

const ref = (name: string) => ({ $ref: `#/components/parameters/${name}` });
const json = (schema: unknown) => ({ "application/json": { schema } });
const geojson = (schema: unknown) => ({ "application/geo+json": { schema } });
const exception = { $ref: "#/components/responses/Exception" };

export function openApiDocument(origin: string) {
  const stringParam = (name: string, description: string, schema: Record<string, unknown> = { type: "string" }) => ({
    name,
    in: "query",
    required: false,
    description,
    schema,
    style: "form",
    explode: false,
  });
  return {
    openapi: "3.0.3",
    info: {
      title: "Concerta — OGC API – Features",
      version: "1.0.0",
      description:
        "Dati aperti della consultazione sulle STTM della Città metropolitana di Milano: contributi pubblicati, comuni e zone omogenee. Sola lettura. Nessun dato personale. Parametri sconosciuti o valori non validi: 400.",
      license: { name: LICENCE.name, url: LICENCE.url },
      contact: { name: "Città metropolitana di Milano", email: "pianificazione@cittametropolitana.mi.it" },
    },
    servers: [{ url: `${origin}/ogc` }],
    paths: {
      "/": {
        get: {
          operationId: "getLandingPage",
          summary: "Pagina iniziale",
          parameters: [ref("f")],
          responses: { "200": { description: "Collegamenti alle risorse del servizio", content: json({ $ref: "#/components/schemas/landingPage" }) }, "400": exception },
        },
      },
      "/api": {
        get: {
          operationId: "getApiDefinition",
          summary: "Questa definizione OpenAPI 3.0",
          parameters: [ref("f")],
          responses: { "200": { description: "Definizione OpenAPI", content: { "application/vnd.oai.openapi+json;version=3.0": { schema: { type: "object" } } } }, "400": exception },
        },
      },
      "/conformance": {
        get: {
          operationId: "getConformanceDeclaration",
          summary: "Classi di conformità implementate",
          parameters: [ref("f")],
          responses: { "200": { description: "conformsTo", content: json({ $ref: "#/components/schemas/confClasses" }) }, "400": exception },
        },
      },
      "/collections": {
        get: {
          operationId: "getCollections",
          summary: "Le collezioni: contributi, comuni, zone",
          parameters: [ref("f")],
          responses: { "200": { description: "Collezioni", content: json({ $ref: "#/components/schemas/collections" }) }, "400": exception },
        },
      },
      "/collections/{collectionId}": {
        get: {
          operationId: "describeCollection",
          summary: "Una collezione",
          parameters: [ref("collectionId"), ref("f")],
          responses: { "200": { description: "Collezione", content: json({ $ref: "#/components/schemas/collection" }) }, "400": exception, "404": exception },
        },
      },
      "/collections/{collectionId}/items": {
        get: {
          operationId: "getFeatures",
          summary: "Elementi di una collezione, a pagine",
          description:
            "Parametri comuni: bbox, limit, offset, datetime, f. Solo per 'contributi', i filtri dell'elenco pubblico /contributi: sttm, target, kind, zone, comune, orgKind, outcome, q, from, to. Ordine stabile: data di pubblicazione e id (contributi), codice ISTAT (comuni), ordine ufficiale (zone).",
          parameters: [
            ref("collectionId"),
            ref("bbox"),
            ref("limit"),
            ref("offset"),
            ref("datetime"),
            ref("f"),
            stringParam("sttm", "Solo contributi: codice della strategia, es. STTM1", { type: "string", pattern: "^STTM\\d{1,2}$" }),
            stringParam("target", "Solo contributi: codice del bersaglio, es. STTM1.2", { type: "string", pattern: "^STTM\\d{1,2}\\.\\d{1,2}$" }),
            stringParam("kind", "Solo contributi: tipo di contributo", { type: "string", enum: [...CONTRIBUTION_KINDS] }),
            stringParam("zone", "Solo contributi: id della zona omogenea (vedi la collezione zone)"),
            stringParam("comune", "Solo contributi: codice ISTAT del comune (6 cifre)", { type: "string", pattern: "^\\d{6}$" }),
            stringParam("orgKind", "Solo contributi: tipo di autore ('person' = cittadino/a)", { type: "string", enum: [...AUTHOR_KINDS] }),
            stringParam("outcome", "Solo contributi: con esito, senza esito, o un esito", { type: "string", enum: [...OUTCOME_FILTERS] }),
            stringParam("q", "Solo contributi: ricerca nel testo (accenti e forme delle parole non contano)"),
            stringParam("from", "Solo contributi: pubblicati da questo giorno (YYYY-MM-DD, ora di Roma)", { type: "string", format: "date" }),
            stringParam("to", "Solo contributi: pubblicati fino a questo giorno compreso (YYYY-MM-DD, ora di Roma)", { type: "string", format: "date" }),
          ],
          responses: {
            "200": { description: "FeatureCollection GeoJSON con numberMatched, numberReturned, timeStamp e collegamenti next/prev", content: geojson({ $ref: "#/components/schemas/featureCollectionGeoJSON" }) },
            "400": exception,
            "404": exception,
          },
        },
      },
      "/collections/{collectionId}/items/{featureId}": {
        get: {
          operationId: "getFeature",
          summary: "Un elemento",
          parameters: [ref("collectionId"), ref("featureId"), ref("f")],
          responses: { "200": { description: "Feature GeoJSON", content: geojson({ $ref: "#/components/schemas/featureGeoJSON" }) }, "400": exception, "404": exception },
        },
      },
    },
    components: {
      parameters: {
        f: { name: "f", in: "query", required: false, description: "Formato: solo json (GeoJSON per gli elementi).", schema: { type: "string", enum: ["json"] }, style: "form", explode: false },
        collectionId: { name: "collectionId", in: "path", required: true, schema: { type: "string", enum: [...COLLECTION_IDS] } },
        featureId: { name: "featureId", in: "path", required: true, description: "id del contributo, codice ISTAT del comune, id della zona", schema: { type: "string" } },
        bbox: {
          name: "bbox",
          in: "query",
          required: false,
          description: "ovest,sud,est,nord in gradi, CRS84 (longitudine prima). Elementi il cui riquadro interseca quello dato.",
          schema: { type: "array", minItems: 4, maxItems: 6, items: { type: "number" } },
          style: "form",
          explode: false,
        },
        limit: {
          name: "limit",
          in: "query",
          required: false,
          description: `Elementi per pagina: predefinito ${DEFAULT_LIMIT}; oltre ${MAX_LIMIT} si usa ${MAX_LIMIT}.`,
          schema: { type: "integer", minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT },
          style: "form",
          explode: false,
        },
        offset: { name: "offset", in: "query", required: false, description: "Elementi da saltare (seguite i collegamenti next/prev).", schema: { type: "integer", minimum: 0, default: 0 }, style: "form", explode: false },
        datetime: {
          name: "datetime",
          in: "query",
          required: false,
          description: "Data di pubblicazione dei contributi: un istante o giorno RFC 3339, o un intervallo a/b, ../b, a/.. (i comuni e le zone non hanno date e non sono filtrati).",
          schema: { type: "string" },
          style: "form",
          explode: false,
        },
      },
      responses: {
        Exception: { description: "Errore: codice e descrizione in italiano", content: json({ $ref: "#/components/schemas/exception" }) },
      },
      schemas: {
        exception: { type: "object", required: ["code"], properties: { code: { type: "string" }, description: { type: "string" } } },
        link: {
          type: "object",
          required: ["href", "rel"],
          properties: { href: { type: "string" }, rel: { type: "string" }, type: { type: "string" }, title: { type: "string" } },
        },
        landingPage: {
          type: "object",
          required: ["links"],
          properties: { title: { type: "string" }, description: { type: "string" }, links: { type: "array", items: { $ref: "#/components/schemas/link" } } },
        },
        confClasses: { type: "object", required: ["conformsTo"], properties: { conformsTo: { type: "array", items: { type: "string" } } } },
        collection: {
          type: "object",
          required: ["id", "links"],
          properties: {
            id: { type: "string" },
            title: { type: "string" },
            description: { type: "string" },
            itemType: { type: "string" },
            crs: { type: "array", items: { type: "string" } },
            extent: { type: "object" },
            links: { type: "array", items: { $ref: "#/components/schemas/link" } },
          },
        },
        collections: {
          type: "object",
          required: ["links", "collections"],
          properties: { links: { type: "array", items: { $ref: "#/components/schemas/link" } }, collections: { type: "array", items: { $ref: "#/components/schemas/collection" } } },
        },
        featureGeoJSON: {
          type: "object",
          required: ["type", "geometry", "properties"],
          properties: {
            type: { type: "string", enum: ["Feature"] },
            id: { oneOf: [{ type: "string" }, { type: "integer" }] },
            geometry: { type: "object", nullable: true },
            properties: { type: "object", nullable: true },
            links: { type: "array", items: { $ref: "#/components/schemas/link" } },
          },
        },
        featureCollectionGeoJSON: {
          type: "object",
          required: ["type", "features"],
          properties: {
            type: { type: "string", enum: ["FeatureCollection"] },
            features: { type: "array", items: { $ref: "#/components/schemas/featureGeoJSON" } },
            links: { type: "array", items: { $ref: "#/components/schemas/link" } },
            timeStamp: { type: "string", format: "date-time" },
            numberMatched: { type: "integer", minimum: 0 },
            numberReturned: { type: "integer", minimum: 0 },
          },
        },
      },
    },
  };
}
