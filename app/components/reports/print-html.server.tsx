// The print view of a report as one standalone HTML document (inline CSS, no script, no outside
// request): served at /rapporti/:reportId/:version/stampa and handed as is to headless Chromium for
// the PDF, so the PDF is exactly what the print view shows. Server-only (renderToStaticMarkup and
// the stylesheet read from disk); the markup itself is the browser-safe ReportView.
import fs from "node:fs";
import path from "node:path";
import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import type { ReportDocument } from "~/domain/reports/document";
import { formatDate, translator, type Lang } from "~/i18n";
import reportStylesHref from "~/styles/report.css";
import { ReportView } from "./ReportView";

// What app.css gives the site's pages and the print view needs too (it does not load app.css).
const BASE_CSS = `
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;padding:1rem 1.5rem 3rem;font-family:"Titillium Web","Segoe UI","Liberation Sans","DejaVu Sans",Arial,sans-serif;font-size:1.05rem;color:#1a1a1a;background:#fff}
main{max-width:52rem;margin:0 auto}
:focus-visible{outline:3px solid #ff9900;outline-offset:2px}
.visually-hidden{position:absolute!important;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
.badge{display:inline-block;padding:.1rem .5rem;border-radius:3px;font-size:.85rem;font-weight:600;background:#f2f7fc;color:#003366;border:1px solid #0066cc}
.alert{border-left:6px solid #8a5300;background:#fff4d6;padding:.75rem 1rem;margin:1rem 0}
.rich-text table{border-collapse:collapse;width:100%}
.rich-text th,.rich-text td{border-bottom:1px solid #c5c7c9;padding:.3rem .4rem;text-align:left}
@media print{body{padding:0}main{max-width:none}}
`;

let cssCache: string | null = null;

/** report.css as text: the built asset (production) or the source file (tests, development). */
export function reportCss(): string {
  if (cssCache !== null) return cssCache;
  const candidates = [
    typeof reportStylesHref === "string" && reportStylesHref.startsWith("/") ? path.join(process.cwd(), "public", reportStylesHref) : null,
    path.join(process.cwd(), "app", "styles", "report.css"),
  ];
  for (const file of candidates) {
    if (file && fs.existsSync(file)) {
      cssCache = fs.readFileSync(file, "utf8");
      return cssCache;
    }
  }
  throw new Error("report.css not found (neither the built asset nor app/styles/report.css)");
}

export type PrintVersion = { kind: "published"; number: number; publishedAt: Date | string; correctionNote?: string } | { kind: "draft" };

/** The whole print-view document, doctype included. */
export function renderReportPrintHtml(input: {
  document: ReportDocument;
  maps: Record<string, string>;
  lang: Lang;
  version: PrintVersion;
  /** Links of the bar at the top (hidden when printed): the PDF of the same version, the site. */
  pdfHref?: string;
  siteHref?: string;
}): string {
  const { document: doc, lang, version } = input;
  const t = translator(lang);
  const meta: ReactNode =
    version.kind === "draft" ? (
      <p className="alert report-draft-note">{t("reports.view.draftVersion")}</p>
    ) : (
      <>
        <p className="report-version">{t("reports.view.publishedVersion", { number: version.number, date: formatDate(lang, version.publishedAt, { dateStyle: "long" }) })}</p>
        {version.correctionNote ? <p className="report-version-note">{t("reports.view.correctionNote", { note: version.correctionNote })}</p> : null}
      </>
    );
  const markup = renderToStaticMarkup(
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content={version.kind === "draft" ? "noindex, nofollow" : "index, follow"} />
        <title>{t("reports.view.printTitle", { title: doc.title })}</title>
        <style dangerouslySetInnerHTML={{ __html: BASE_CSS + reportCss() }} />
      </head>
      <body>
        <header className="print-bar">
          <p>
            <strong>{t("reports.view.printBar")}</strong> — {t("reports.view.printHint")}
          </p>
          {input.pdfHref ? (
            <p>
              <a href={input.pdfHref}>{t("reports.download.pdf")}</a>
            </p>
          ) : null}
          <p>
            <a href={input.siteHref ?? "/"}>{t("reports.view.backToSite")}</a>
          </p>
        </header>
        <main id="main">
          <ReportView document={doc} maps={input.maps} lang={lang} meta={meta} />
        </main>
      </body>
    </html>,
  );
  return `<!DOCTYPE html>${markup}`;
}
