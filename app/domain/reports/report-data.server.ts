// The data behind a report (ReportDocument.data) as CSV and GeoJSON: one row/feature per
// contribution or amendment, columns in Italian, multi-valued fields joined with " | ", absolute URLs.
// No personal data: the document carries organizations (or "cittadino/a"), never people.
import type { FeatureCollection, Geometry } from "geojson";
import { toCsv, type CsvSeparator } from "~/lib/csv.server";
import type { ReportDataRow, ReportDocument } from "./document";
import { feature, featureCollection } from "~/lib/geojson";

export const REPORT_DATA_COLUMNS = [
  "id",
  "tipo",
  "titolo",
  "strategia",
  "target",
  "organizzazione",
  "tipo organizzazione",
  "comuni",
  "zone",
  "stato",
  "esito",
  "risposta",
  "sezioni",
  "data pubblicazione",
  "url",
] as const;

export const MULTI_SEPARATOR = " | ";

type Value = string | number | null;

function values(row: ReportDataRow, siteUrl: string): Value[] {
  const join = (xs: string[]) => (xs.length ? xs.join(MULTI_SEPARATOR) : null);
  return [
    row.ref.id,
    row.type,
    row.title,
    row.strategy,
    join(row.targets),
    row.organization,
    row.organizationKind,
    join(row.comuni),
    join(row.zones),
    row.status,
    row.outcome,
    row.response,
    join(row.sections),
    row.publishedAt,
    /^https?:\/\//.test(row.url) ? row.url : `${siteUrl}${row.url.startsWith("/") ? "" : "/"}${row.url}`,
  ];
}

/** CSV of the report's data (UTF-8 with BOM, CRLF; `;` on request). */
export function reportDataCsv(doc: ReportDocument, siteUrl: string, separator: CsvSeparator = ","): string {
  return toCsv([...REPORT_DATA_COLUMNS], doc.data.map((row) => values(row, siteUrl)), { separator });
}

/**
 * GeoJSON FeatureCollection of the report's data (RFC 7946: WGS84, right-hand rule); a row without
 * a place is a feature with a null geometry. Property keys are the CSV columns with "_" for spaces.
 */
export function reportDataGeoJson(doc: ReportDocument, siteUrl: string): FeatureCollection<Geometry | null> {
  const keys = REPORT_DATA_COLUMNS.map((c) => c.replace(/ /g, "_"));
  return featureCollection(
    doc.data.map((row) => {
      const v = values(row, siteUrl);
      const properties = Object.fromEntries(keys.map((k, i) => [k, v[i]]));
      // Contributions and amendments are numbered apart: the feature id says which one it is.
      return feature(`${row.ref.kind === "amendment" ? "emendamento" : "contributo"}-${row.ref.id}`, row.geometry, properties);
    }),
  );
}
