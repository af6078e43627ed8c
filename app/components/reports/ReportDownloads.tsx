// The files of one version of a report (or of the staff's live draft), each with its type and
// what it is for. Plain <a> links: they are resource routes (files), not pages.
import { reportFileHref, reportPrintHref, type ReportVersionRef } from "~/components/reports/links";
import { translator, type Lang, type MessageKey } from "~/i18n";

const FORMATS: { key: string; href: (base: string, v: ReportVersionRef) => string; label: MessageKey; help: MessageKey; type: string }[] = [
  { key: "print", href: reportPrintHref, label: "reports.download.print", help: "reports.download.printHelp", type: "HTML" },
  { key: "pdf", href: (b, v) => reportFileHref(b, v, "pdf"), label: "reports.download.pdf", help: "reports.download.pdfHelp", type: "PDF" },
  { key: "docx", href: (b, v) => reportFileHref(b, v, "docx"), label: "reports.download.docx", help: "reports.download.docxHelp", type: "DOCX" },
  { key: "md", href: (b, v) => reportFileHref(b, v, "md"), label: "reports.download.md", help: "reports.download.mdHelp", type: "MD" },
  { key: "csv", href: (b, v) => reportFileHref(b, v, "csv"), label: "reports.download.csv", help: "reports.download.csvHelp", type: "CSV" },
  { key: "csv-semicolon", href: (b, v) => `${reportFileHref(b, v, "csv")}?sep=%3B`, label: "reports.download.csvSemicolon", help: "reports.download.csvSemicolonHelp", type: "CSV" },
  { key: "geojson", href: (b, v) => reportFileHref(b, v, "geojson"), label: "reports.download.geojson", help: "reports.download.geojsonHelp", type: "GeoJSON" },
];

export function ReportDownloads({ reportId, version, lang, headingLevel = 2 }: { reportId: number; version: ReportVersionRef; lang: Lang; headingLevel?: 2 | 3 }) {
  const t = translator(lang);
  const H = headingLevel === 2 ? "h2" : "h3";
  const id = `report-downloads-${reportId}-${version}`;
  return (
    <section className="report-downloads" aria-labelledby={id}>
      <H id={id}>{t(version === "bozza" ? "reports.download.titleDraft" : "reports.download.title")}</H>
      {version === "bozza" ? <p className="muted">{t("reports.download.draftNote")}</p> : null}
      <ul className="report-download-list">
        {FORMATS.map((f) => (
          <li key={f.key}>
            <a href={f.href(`/rapporti/${reportId}`, version)} className="report-download-link">
              {t(f.label)}
            </a>{" "}
            <span className="report-download-type">({f.type})</span>
            <span className="report-download-help"> — {t(f.help)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
