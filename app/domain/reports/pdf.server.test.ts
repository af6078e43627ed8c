// The PDF of a report, printed by the real Chromium (npm test makes sure one is there) from the
// print view's HTML, read back with unpdf: pages, section titles, page numbers, outline.
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extractText, getDocumentProxy } from "unpdf";
import { renderReportPrintHtml } from "~/components/reports/print-html.server";
import { seedTerritory } from "~/seed/territory.server";
import { db } from "~/lib/db.server";
import { prepareReportForDisplay } from "./display.server";
import { SAMPLE_SECTION_TITLES, sampleDocument } from "./fixtures/sample-document";
import { closePdfBrowser, pdfCacheDir, publishedPdf, renderPdf } from "./pdf.server";

let html: string;

beforeAll(async () => {
  seedTerritory(db);
  const prepared = await prepareReportForDisplay(sampleDocument());
  html = renderReportPrintHtml({ ...prepared, lang: "it", version: { kind: "published", number: 2, publishedAt: "2027-04-03T10:00:00Z", correctionNote: "Corretto un refuso" } });
});

afterAll(() => closePdfBrowser());

/** "Città  metropolitana" and line breaks as pdf.js splits them: compare on single spaces. */
const squash = (s: string) => s.replace(/\s+/g, " ");

describe("report PDF", () => {
  it("is A4 with every section title, page numbers, linked contents, a bookmark per section, tagged", async () => {
    const pdf = await renderPdf(html, { title: "Rapporto di prova" });
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const proxy = await getDocumentProxy(new Uint8Array(pdf));
    const { totalPages, text } = await extractText(proxy, { mergePages: false });
    // Title page with the contents, then one page at least per top-level section (6).
    expect(totalPages).toBeGreaterThanOrEqual(7);
    const all = squash(text.join("\n"));
    for (const title of SAMPLE_SECTION_TITLES) expect(all).toContain(title);
    // Footer numbers on every page: "n / total".
    text.forEach((pageText, i) => expect(squash(pageText)).toContain(`${i + 1} / ${totalPages}`));
    // Accents survive (text, not images of text).
    expect(all).toContain("Città policentrica");
    expect(all).toContain("accessibilità");
    // A4 in points.
    const page = await proxy.getPage(1);
    const [, , w, h] = page.view;
    expect(Math.abs(w - 595.3)).toBeLessThan(1.5);
    expect(Math.abs(h - 841.9)).toBeLessThan(1.5);
    // The outline (bookmarks) lists the sections.
    const outline = await proxy.getOutline();
    const titles: string[] = [];
    const walk = (items: { title: string; items?: unknown[] }[]) => items.forEach((o) => (titles.push(o.title), walk((o.items ?? []) as never)));
    walk((outline ?? []) as never);
    for (const title of ["Introduzione", "Chi ha partecipato", "2.3 Rete ecologica e verde", "Conclusioni"]) expect(titles).toContain(title);
    // The contents on page 1 link inside the document, one link per section.
    const links = (await page.getAnnotations()).filter((a: { subtype: string }) => a.subtype === "Link") as { dest?: unknown }[];
    expect(links.map((a) => a.dest)).toEqual(expect.arrayContaining(["s-introduzione", "s-mappa-dei-contributi", "s-conclusioni"]));
    expect(links).toHaveLength(SAMPLE_SECTION_TITLES.length);
    // Tagged PDF (structure for screen readers).
    expect((await proxy.getMarkInfo())?.Marked).toBe(true);
    // The map's features are listed under it, by the numbers drawn on the map.
    expect(all).toContain("Contributo n. 1 — stazione di Rho");
  });

  it("caches a published version's PDF on disk by version and HTML, and prints again when the HTML changes", async () => {
    const first = await publishedPdf(41, html, { title: "Rapporto" });
    expect(first.cached).toBe(false);
    const again = await publishedPdf(41, html, { title: "Rapporto" });
    expect(again.cached).toBe(true);
    expect(again.pdf.equals(first.pdf)).toBe(true);
    // A redaction changes the stored document, hence the HTML: the old file goes.
    const changed = await publishedPdf(41, html.replace("Corretto un refuso", "Corretto un altro refuso"), { title: "Rapporto" });
    expect(changed.cached).toBe(false);
    expect(fs.readdirSync(pdfCacheDir()).filter((f) => f.startsWith("v41-"))).toEqual([`v41-${changed.hash}.pdf`]);
  });
});

describe("report PDF cache under concurrent requests", () => {
  it("prints a version once when several requests ask for it at the same time", async () => {
    const results = await Promise.all([1, 2, 3].map(() => publishedPdf(77, html, { title: "Rapporto" })));
    expect(results.every((r) => r.pdf.equals(results[0].pdf))).toBe(true);
    expect(fs.readdirSync(pdfCacheDir()).filter((f) => f.startsWith("v77-"))).toEqual([`v77-${results[0].hash}.pdf`]);
  });
});
