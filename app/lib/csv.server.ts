// CSV for every public and staff export (open data, report data), written like the registration
// lists (app/domain/meetings/registration-lists.server.ts): UTF-8 with a BOM so that spreadsheets
// show the accents, CRLF line ends (RFC 4180), cells quoted only when they need it, cells that
// would start a formula escaped, and `;` as an option (spreadsheets set to Italian expect it).
import { stringify } from "csv-stringify/sync";

export type CsvSeparator = "," | ";";
export type CsvCell = string | number | null | undefined;

/** The CSV text of a header row and data rows (null and undefined become empty cells). */
export function toCsv(header: string[], rows: CsvCell[][], opts: { separator?: CsvSeparator } = {}): string {
  return stringify(
    rows.map((r) => r.map((cell) => (cell == null ? "" : cell))),
    {
      bom: true,
      delimiter: opts.separator ?? ",",
      record_delimiter: "windows",
      escape_formulas: true,
      header: true,
      columns: header.map((h, i) => ({ key: String(i), header: h })),
    },
  );
}

/**
 * Data rows only (no BOM, no header), written exactly like `toCsv` writes them: for a long export
 * streamed in batches after a first chunk made by `toCsv(header, [])`.
 */
export function csvRows(rows: CsvCell[][], opts: { separator?: CsvSeparator } = {}): string {
  return stringify(
    rows.map((r) => r.map((cell) => (cell == null ? "" : cell))),
    { delimiter: opts.separator ?? ",", record_delimiter: "windows", escape_formulas: true },
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
