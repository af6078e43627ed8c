// Report PDFs: the print view's HTML printed by headless Chromium (playwright-core). One browser
// process for the whole server, started on the first PDF and reused; at most MAX_RENDERS pages at
// once; every request the page would make is aborted (the HTML is standalone); a time limit per
// PDF. Published versions are cached on disk, keyed by version id and a hash of the HTML (a
// redaction or a change of the renderer makes a new file); drafts are never cached.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser } from "playwright-core";
import { CHROMIUM_ARGS, findChromium } from "~/lib/chromium.server";
import { DomainError, type DomainErrorStatus } from "~/lib/domain-error";
import { env } from "~/lib/env.server";

export const PDF_TIMEOUT_MS = 30_000;
/** How long a request waits for a free renderer before it is told to retry. */
export const PDF_QUEUE_TIMEOUT_MS = 20_000;
const MAX_RENDERS = 2;

/**
 * The PDF cannot be made now: answered with a 503, never a 500. "reports.pdf.busy" (every renderer
 * taken, or too slow: retry soon) or "reports.pdf.unavailable" (disabled, no Chromium, or it failed
 * to start: download another format).
 */
export class PdfUnavailableError extends DomainError {
  declare readonly key: "reports.pdf.busy" | "reports.pdf.unavailable";
  constructor(key: "reports.pdf.busy" | "reports.pdf.unavailable", status: DomainErrorStatus = 503) {
    super(key, status);
  }
}

let browserPromise: Promise<Browser> | null = null;

function launch(): Promise<Browser> {
  if (env.CONCERTA_PDF_DISABLED) return Promise.reject(new PdfUnavailableError("reports.pdf.unavailable"));
  const found = findChromium();
  if (!found) return Promise.reject(new PdfUnavailableError("reports.pdf.unavailable"));
  return chromium
    .launch({
      // Playwright's own build needs no path; a system or CHROMIUM_PATH one does.
      executablePath: found.source === "playwright" ? undefined : found.path,
      args: [...CHROMIUM_ARGS],
      timeout: PDF_TIMEOUT_MS,
      // Playwright closes the browser itself on SIGINT/SIGTERM/SIGHUP and when the process exits,
      // which covers server.js's graceful shutdown; closePdfBrowser() is there for tests and scripts.
    })
    .then((browser) => {
      browser.on("disconnected", () => {
        browserPromise = null;
      });
      return browser;
    })
    .catch((error: unknown) => {
      if (error instanceof PdfUnavailableError) throw error;
      console.error("Chromium did not start for a report PDF:", error);
      throw new PdfUnavailableError("reports.pdf.unavailable");
    });
}

function getBrowser(): Promise<Browser> {
  if (!browserPromise) {
    browserPromise = launch();
    // A failed launch is not remembered: the next PDF tries again (Chromium may have been installed).
    browserPromise.catch(() => {
      browserPromise = null;
    });
  }
  return browserPromise;
}

/** Closes the shared browser, if one was started. */
export async function closePdfBrowser(): Promise<void> {
  const pending = browserPromise;
  browserPromise = null;
  if (!pending) return;
  try {
    await (await pending).close();
  } catch {
    // it failed to start or is already gone
  }
}

// A small semaphore: Chromium pages are heavy, the server has other work to do.
let running = 0;
const waiting: (() => void)[] = [];

async function acquire(): Promise<void> {
  if (running < MAX_RENDERS) {
    running++;
    return;
  }
  await new Promise<void>((resolve, reject) => {
    const grant = () => {
      clearTimeout(timer);
      running++;
      resolve();
    };
    const timer = setTimeout(() => {
      const i = waiting.indexOf(grant);
      if (i >= 0) waiting.splice(i, 1);
      reject(new PdfUnavailableError("reports.pdf.busy"));
    }, PDF_QUEUE_TIMEOUT_MS);
    waiting.push(grant);
  });
}

function release() {
  running--;
  waiting.shift()?.();
}

export type PdfOptions = { title: string; footerLabel?: string; timeoutMs?: number };

const FOOTER_STYLE = "font-family:'Liberation Sans','DejaVu Sans',Arial,sans-serif;font-size:8.5pt;color:#444;width:100%;padding:0 16mm;display:flex;justify-content:space-between;";
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** Prints a standalone HTML document to an A4 PDF with page numbers, outline (bookmarks) and tags. */
export async function renderPdf(html: string, opts: PdfOptions): Promise<Buffer> {
  await acquire();
  const timeoutMs = opts.timeoutMs ?? PDF_TIMEOUT_MS;
  let timer: NodeJS.Timeout | undefined;
  let close: (() => Promise<void>) | undefined;
  try {
    const browser = await getBrowser();
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    close = () => context.close().catch(() => undefined);
    // The print view needs nothing from outside: any request (an image in someone's Markdown, a
    // link prefetch) is aborted, so a PDF never calls a third party nor waits for one.
    await context.route("**/*", (route) => route.abort("blockedbyclient"));
    const page = await context.newPage();
    page.setDefaultTimeout(timeoutMs);
    const work = (async () => {
      await page.setContent(html, { waitUntil: "load" });
      await page.emulateMedia({ media: "print" });
      return page.pdf({
        format: "A4",
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: "<span></span>",
        footerTemplate: `<div style="${FOOTER_STYLE}"><span>${escapeHtml(opts.footerLabel ?? opts.title).slice(0, 140)}</span><span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>`,
        margin: { top: "16mm", bottom: "20mm", left: "16mm", right: "16mm" },
        outline: true,
        tagged: true,
      });
    })();
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new PdfUnavailableError("reports.pdf.busy")), timeoutMs);
    });
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
    await close?.();
    release();
  }
}

// ---------------------------------------------------------------------------------------------
// Disk cache of published versions' PDFs.

/** Next to the database (its folder is the data folder; tests and e2e runs get their own). */
export function pdfCacheDir(): string {
  return path.join(path.dirname(path.resolve(env.DATABASE_URL)), "cache", "report-pdf");
}

export function htmlHash(html: string): string {
  return createHash("sha256").update(html).digest("hex").slice(0, 24);
}

// Requests for the same file while it is being printed share the one print.
const inFlight = new Map<string, Promise<Buffer>>();

/**
 * The PDF of a published version: from the cache when the same HTML was printed before, else
 * printed and stored (replacing older files of that version, e.g. from before a redaction).
 */
export async function publishedPdf(versionId: number, html: string, opts: PdfOptions): Promise<{ pdf: Buffer; hash: string; cached: boolean }> {
  const hash = htmlHash(html);
  const dir = pdfCacheDir();
  const name = `v${versionId}-${hash}.pdf`;
  const file = path.join(dir, name);
  try {
    return { pdf: await fs.promises.readFile(file), hash, cached: true };
  } catch {
    // not cached yet
  }
  let pending = inFlight.get(name);
  if (!pending) {
    pending = printAndStore(dir, file, versionId, html, opts).finally(() => inFlight.delete(name));
    inFlight.set(name, pending);
  }
  return { pdf: await pending, hash, cached: false };
}

async function printAndStore(dir: string, file: string, versionId: number, html: string, opts: PdfOptions): Promise<Buffer> {
  const pdf = await renderPdf(html, opts);
  await fs.promises.mkdir(dir, { recursive: true });
  // Written aside then renamed: a reader never sees half a file.
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  await fs.promises.writeFile(tmp, pdf);
  await fs.promises.rename(tmp, file);
  for (const old of await fs.promises.readdir(dir)) {
    if (old.startsWith(`v${versionId}-`) && old.endsWith(".pdf") && old !== path.basename(file)) await fs.promises.rm(path.join(dir, old), { force: true });
  }
  return pdf;
}
