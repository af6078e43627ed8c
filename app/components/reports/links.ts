// The URLs of a report's print view and files (one place, shared by pages, components and tests).

/** A published version's number, or the staff's live draft. */
export type ReportVersionRef = number | "bozza";
export type ReportFormat = "pdf" | "md" | "docx" | "csv" | "geojson";
export const REPORT_FORMATS: readonly ReportFormat[] = ["pdf", "md", "docx", "csv", "geojson"];

/** "/rapporti/3" + 2 → "/rapporti/3/2/stampa" */
export function reportPrintHref(base: string, version: ReportVersionRef) {
  return `${base}/${version}/stampa`;
}

/** "/rapporti/3" + 2 + "pdf" → "/rapporti/3/2.pdf" */
export function reportFileHref(base: string, version: ReportVersionRef, format: ReportFormat) {
  return `${base}/${version}.${format}`;
}

/** Parses the file segment of /rapporti/:reportId/:file ("2.pdf", "bozza.docx"); null when it is not one. */
export function parseReportFile(file: string | undefined): { version: ReportVersionRef; format: ReportFormat } | null {
  const m = /^(bozza|[1-9]\d{0,5})\.(pdf|md|docx|csv|geojson)$/.exec(file ?? "");
  if (!m) return null;
  return { version: m[1] === "bozza" ? "bozza" : Number(m[1]), format: m[2] as ReportFormat };
}

/** Parses the version segment of /rapporti/:reportId/:version/stampa; null when it is not one. */
export function parseReportVersion(version: string | undefined): ReportVersionRef | null {
  if (version === "bozza") return "bozza";
  return /^[1-9]\d{0,5}$/.test(version ?? "") ? Number(version) : null;
}
