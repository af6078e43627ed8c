import type { LoaderFunctionArgs } from "@remix-run/node";
import { renderReportPrintHtml } from "~/components/reports/print-html.server";
import { parseReportVersion, reportFileHref } from "~/components/reports/links";
import { prepareReportForDisplay } from "~/domain/reports/display.server";
import { etagOf, loadReportForFormats } from "~/domain/reports/formats.server";
import { invariantFound } from "~/lib/http.server";
import { getLang } from "~/lib/lang.server";

// Resource route: GET /rapporti/:reportId/:version/stampa — the print view of a published version
// (public) or of the live draft (`bozza`, staff only): one standalone HTML document with its CSS
// inline and no script, so that it prints the same from a browser as it does into the PDF
// (the PDF is printed from this very HTML, in Italian: see rapporti.$reportId.$file.tsx).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = await getLang(request);
  const reportId = /^[1-9]\d{0,8}$/.test(params.reportId ?? "") ? Number(params.reportId) : null;
  const version = parseReportVersion(params.version);
  invariantFound(reportId !== null && version !== null, request, "reports.format.versionNotFound");
  const found = await loadReportForFormats(request, reportId, version);
  invariantFound(found !== "report", request, "reports.format.reportNotFound");
  invariantFound(found !== "version", request, "reports.format.versionNotFound");
  invariantFound(found !== "draft", request, "reports.format.draftNotBuildable");

  const prepared = await prepareReportForDisplay(found.document);
  const html = renderReportPrintHtml({
    ...prepared,
    lang,
    version: found.version,
    pdfHref: reportFileHref(`/rapporti/${reportId}`, version, "pdf"),
  });
  const headers = new Headers({ "Content-Type": "text/html; charset=utf-8" });
  if (found.version.kind === "draft") {
    headers.set("Cache-Control", "private, no-store");
    return new Response(html, { headers });
  }
  // Published versions do not change, except when a redaction of personal data reaches them: an
  // hour of caching, then a cheap revalidation by ETag.
  const etag = etagOf(html);
  headers.set("Cache-Control", "public, max-age=3600");
  headers.set("ETag", etag);
  headers.set("Vary", "Cookie");
  if (request.headers.get("If-None-Match") === etag) return new Response(null, { status: 304, headers });
  return new Response(html, { headers });
}
