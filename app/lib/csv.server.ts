// The one CSV writer of every export (open data, dashboard, report data, registrations, audit log):
// UTF-8 with a BOM so that spreadsheets show the accents, CRLF line ends (RFC 4180), cells quoted
// when they need it, cells that would start a formula escaped, and `;` as an option (spreadsheets
// set to Italian expect it).
import { stringify } from "csv-stringify/sync";

export type CsvSeparator = "," | ";";
export type CsvCell = string | number | null | undefined;

/**
 * How every cell is written (RFC 4180): CRLF between records; a cell holding the separator, a quote
 * or a line break is quoted. csv-stringify quotes on its own only what holds the record delimiter
 * (CRLF), so a lone LF or CR inside a text would end the record for GDAL, Python and spreadsheets:
 * `quoted_match` quotes those too. Cells that would start a formula are escaped with an apostrophe.
 */
const writer = (separator: CsvSeparator = ",") => ({ delimiter: separator, record_delimiter: "windows" as const, quoted_match: /[\r\n]/, escape_formulas: true });

/** The CSV text of a header row and data rows (null and undefined become empty cells). */
export function toCsv(header: string[], rows: CsvCell[][], opts: { separator?: CsvSeparator } = {}): string {
  return stringify(
    rows.map((r) => r.map((cell) => (cell == null ? "" : cell))),
    { ...writer(opts.separator), bom: true, header: true, columns: header.map((h, i) => ({ key: String(i), header: h })) },
  );
}

/**
 * Data rows only (no BOM, no header), written exactly like `toCsv` writes them: for a long export
 * streamed in batches after a first chunk made by `toCsv(header, [])`.
 */
export function csvRows(rows: CsvCell[][], opts: { separator?: CsvSeparator } = {}): string {
  return stringify(
    rows.map((r) => r.map((cell) => (cell == null ? "" : cell))),
    writer(opts.separator),
  );
}

/** The separator asked in the URL: `?sep=;` (also `%3B` or `semicolon`) gives `;`, anything else `,`. */
export function csvSeparator(url: URL): CsvSeparator {
  const sep = url.searchParams.get("sep")?.trim().toLowerCase();
  return sep === ";" || sep === "semicolon" || sep === "%3b" ? ";" : ",";
}

/**
 * A CSV download: `text/csv; charset=utf-8`, saved under `filename`, cached as told (default: 5
 * minutes, public). The body is the text, or a stream of it for long exports.
 */
export function csvResponse(csv: string | ReadableStream<Uint8Array>, filename: string, opts: { cache?: string; headers?: HeadersInit } = {}): Response {
  const safe = filename.replace(/[^A-Za-z0-9._-]/g, "_");
  const headers = new Headers(opts.headers);
  headers.set("Content-Type", "text/csv; charset=utf-8");
  headers.set("Content-Disposition", `attachment; filename="${safe}"`);
  headers.set("Cache-Control", opts.cache ?? "public, max-age=300");
  return new Response(csv, { headers });
}
