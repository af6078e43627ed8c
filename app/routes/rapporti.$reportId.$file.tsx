import type { LoaderFunctionArgs } from "@remix-run/node";
import { renderReportPrintHtml } from "~/components/reports/print-html.server";
import { parseReportFile, reportFileHref, type ReportFormat } from "~/components/reports/links";
import { csvSeparator } from "~/lib/csv.server";
import { prepareReportForDisplay } from "~/domain/reports/display.server";
import { reportToDocx } from "~/domain/reports/docx-export.server";
import type { ExportContext } from "~/domain/reports/export-context";
import { etagOf, loadReportForFormats, reportFileBase } from "~/domain/reports/formats.server";
import { reportToMarkdown } from "~/domain/reports/markdown-export.server";
import { htmlHash, PdfUnavailableError, publishedPdf, renderPdf } from "~/domain/reports/pdf.server";
import { reportDataCsv, reportDataGeoJson } from "~/domain/reports/report-data.server";
import { translator } from "~/i18n";
import { publicUrl } from "~/lib/env.server";
import { invariantFound } from "~/lib/http.server";
import { getLang } from "~/lib/lang.server";

// Resource route: GET /rapporti/:reportId/:file — a version of a report as a file:
// `<n|bozza>.<pdf|md|docx|csv|geojson>` (CSV with `?sep=;`). Published versions are public;
// `bozza` (built now from the data) is for staff with report.manage. Anything else is a 404.

const TYPES: Record<ReportFormat, string> = {
  pdf: "application/pdf",
  md: "text/markdown; charset=utf-8",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  csv: "text/csv; charset=utf-8",
  geojson: "application/geo+json; charset=utf-8",
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const t = translator(await getLang(request));
  const reportId = /^[1-9]\d{0,8}$/.test(params.reportId ?? "") ? Number(params.reportId) : null;
  const file = parseReportFile(params.file);
  invariantFound(reportId !== null && file !== null, request, "reports.format.invalidFile");
  const now = new Date();
  const found = await loadReportForFormats(request, reportId, file.version, now);
  invariantFound(found !== "report", request, "reports.format.reportNotFound");
  invariantFound(found !== "version", request, "reports.format.versionNotFound");
  invariantFound(found !== "draft", request, "reports.format.draftNotBuildable");

  const url = new URL(request.url);
  const site = publicUrl();
  const base = `/rapporti/${reportId}`;
  const ctx: ExportContext = { version: found.version, siteUrl: site, geojsonUrl: `${site}${reportFileHref(base, file.version, "geojson")}` };
  const published = found.version.kind === "published";
  const separator = csvSeparator(url);
  const filename = `${reportFileBase(found, now)}${file.format === "csv" && separator === ";" ? "-puntoevirgola" : ""}.${file.format}`;

  const headers = new Headers({
    "Content-Type": TYPES[file.format],
    "Content-Disposition": `attachment; filename="${filename}"`,
    // A published version does not change, except when a redaction of personal data reaches it:
    // an hour of caching, then a cheap revalidation by ETag. A draft is never stored.
    "Cache-Control": published ? "public, max-age=3600" : "private, no-store",
  });
  const send = (body: BodyInit, etag: string) => {
    if (!published) return new Response(body, { headers });
    headers.set("ETag", etag);
    if (request.headers.get("If-None-Match") === etag) return new Response(null, { status: 304, headers });
    return new Response(body, { headers });
  };

  switch (file.format) {
    case "md": {
      const md = reportToMarkdown(found.document, ctx);
      return send(md, etagOf(md));
    }
    case "docx": {
      const docx = new Uint8Array(await reportToDocx(found.document, ctx));
      // The zip inside a .docx carries timestamps: the ETag comes from what it is made of.
      return send(docx, etagOf(JSON.stringify(found.document) + JSON.stringify(ctx)));
    }
    case "csv": {
      const csv = reportDataCsv(found.document, site, separator);
      return send(csv, etagOf(csv));
    }
    case "geojson": {
      const json = JSON.stringify(reportDataGeoJson(found.document, site));
      return send(json, etagOf(json));
    }
    case "pdf": {
      // Always the Italian print view: the PDF is the official document (and one cached file per version).
      const prepared = await prepareReportForDisplay(found.document);
      const html = renderReportPrintHtml({ ...prepared, lang: "it", version: found.version });
      const etag = `"pdf-${htmlHash(html)}"`;
      if (published && request.headers.get("If-None-Match") === etag) return send(new Uint8Array(), etag);
      try {
        const opts = { title: found.document.title };
        const pdf = found.versionId !== null ? (await publishedPdf(found.versionId, html, opts)).pdf : await renderPdf(html, opts);
        return send(new Uint8Array(pdf), etag);
      } catch (error) {
        if (!(error instanceof PdfUnavailableError)) console.error("Report PDF failed:", error);
        const refusal = error instanceof PdfUnavailableError ? error : new PdfUnavailableError("reports.pdf.unavailable");
        return new Response(t(refusal.key), {
          status: refusal.status,
          headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "Retry-After": refusal.key === "reports.pdf.busy" ? "30" : "3600" },
        });
      }
    }
  }
}
