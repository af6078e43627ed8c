// What the file exports (Markdown, DOCX, CSV, GeoJSON) need to know besides the document: which
// version it is and the site's address (absolute links in files that leave the site).
import { formatDate, translator } from "~/i18n";
import type { ReportDocument } from "./document";

export type ExportVersion = { kind: "published"; number: number; publishedAt: Date | string; correctionNote?: string } | { kind: "draft" };

export type ExportContext = {
  version: ExportVersion;
  /** The site's address without the final slash, e.g. "https://concerta.cittametropolitana.mi.it". */
  siteUrl: string;
  /** Absolute URL of the same version's GeoJSON (maps point to it). */
  geojsonUrl?: string;
};

/** The lines under the title: version (or draft) and when the data were read — in Italian, like the report. */
export function exportHeaderLines(doc: ReportDocument, ctx: ExportContext): string[] {
  const t = translator("it");
  const long = (d: Date | string) => formatDate("it", d, { dateStyle: "long", timeStyle: "short" });
  const lines =
    ctx.version.kind === "draft"
      ? [t("reports.format.draft", { date: long(doc.generatedAt) })]
      : [t("reports.format.version", { number: ctx.version.number, date: formatDate("it", ctx.version.publishedAt, { dateStyle: "long" }) })];
  if (ctx.version.kind === "published" && ctx.version.correctionNote) lines.push(t("reports.view.correctionNote", { note: ctx.version.correctionNote }));
  if (ctx.version.kind === "published") lines.push(t("reports.format.generatedAt", { date: long(doc.generatedAt) }));
  return lines;
}
