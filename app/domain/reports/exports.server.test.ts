// The file formats of a report, read back with real parsers: Markdown (headings, tables), DOCX
// (mammoth: the same headings in order), CSV (csv-parse, both separators, accents intact), GeoJSON
// (RFC 7946 rules).
import { parse } from "csv-parse/sync";
import mammoth from "mammoth";
import { describe, expect, it } from "vitest";
import { tocEntries, type ReportDocument } from "./document";
import { reportToDocx } from "./docx-export.server";
import type { ExportContext } from "./export-context";
import { SAMPLE_SECTION_TITLES, sampleDocument } from "./fixtures/sample-document";
import { checkRfc7946 } from "~/lib/geojson";
import { reportToMarkdown } from "./markdown-export.server";
import { REPORT_DATA_COLUMNS, reportDataCsv, reportDataGeoJson } from "./report-data.server";

const doc = sampleDocument();
const ctx: ExportContext = {
  version: { kind: "published", number: 2, publishedAt: "2027-04-03T10:00:00Z", correctionNote: "Corretto un refuso" },
  siteUrl: "https://concerta.example.it",
  geojsonUrl: "https://concerta.example.it/rapporti/7/2.geojson",
};

/** Every heading of a report in reading order: sections and the items inside them. */
function headingsOf(d: ReportDocument, itemLevel: (sectionLevel: number) => number) {
  return tocEntries(d).flatMap((e) => [
    { text: e.section.title, level: e.level },
    ...e.section.blocks.flatMap((b) => (b.type === "item" ? [{ text: b.heading, level: itemLevel(e.level) }] : [])),
  ]);
}

describe("Markdown export", () => {
  const md = reportToMarkdown(doc, ctx);

  it("has the title, every section as a heading of its level, and a table of contents of links", () => {
    expect(md.startsWith(`# ${doc.title}\n`)).toBe(true);
    for (const { section, level } of tocEntries(doc)) expect(md).toContain(`\n${"#".repeat(level)} ${section.title}\n`);
    expect(md).toContain("## Indice");
    expect(md).toContain("- [Introduzione](#introduzione)");
    expect(md).toContain("    - [Partecipazione per zona omogenea](#partecipazione-per-zona-omogenea)");
    expect(md).toContain("  - [2.1 Città policentrica](#21-città-policentrica)");
    expect(md).toContain("Versione 2, pubblicata il 3 aprile 2027.");
  });

  it("writes the tables as GFM tables, numbers right-aligned, | escaped, totals last", () => {
    expect(md).toContain("*Contributi per tipo di organizzazione*");
    expect(md).toContain("| Tipo di organizzazione | Ricevuti | Pubblicati | Respinti |\n| --- | ---: | ---: | ---: |");
    expect(md).toContain("| Associazione \\| ente del terzo settore | 12 | 11 | 1 |");
    expect(md).toContain("| **Totale** | **44** | **39** | **5** |");
  });

  it("writes items with their outcome, and the map as a sentence, its items and the GeoJSON link", () => {
    expect(md).toContain("\n#### Contributo n. 1 — Più verde e ciclabilità a Corsico\n"); // one below its section (level 3)
    expect(md).toContain("> **Esito: Parzialmente accolto**");
    expect(md).toContain("la rete ciclabile tra i comuni della zona *Nord Ovest*"); // text blocks keep their Markdown
    expect(md).toContain("<https://concerta.example.it/rapporti/7/2.geojson>");
    expect(md).toContain("1. Contributo n. 1 — stazione di Rho");
    expect(md).not.toContain("<svg");
  });
});

describe("DOCX export", () => {
  it("opens in another reader (mammoth) with the same headings, in order, as Heading 1–4", async () => {
    const docx = await reportToDocx(doc, ctx);
    expect(docx.subarray(0, 2).toString("latin1")).toBe("PK");
    const { value: html } = await mammoth.convertToHtml({ buffer: docx });
    const found = [...html.matchAll(/<h([1-6])[^>]*>(.*?)<\/h\1>/g)].map((m) => ({ level: Number(m[1]), text: m[2].replace(/<[^>]+>/g, "").replace(/&amp;/g, "&") }));
    // Report levels 2, 3, 4 are Heading 1, 2, 3 in Word; every item is a Heading 4.
    const expected = headingsOf(doc, () => 5).map((h) => ({ level: h.level - 1, text: h.text }));
    expect(found).toEqual(expected);
    expect(new Set(found.map((h) => h.level))).toEqual(new Set([1, 2, 3, 4]));
    expect(found.filter((h) => h.level <= 3).map((h) => h.text)).toEqual(SAMPLE_SECTION_TITLES);
  });

  it("has a table of contents field, the plain list of sections, tables with header rows, page numbers and formatted Markdown", async () => {
    const docx = await reportToDocx(doc, ctx);
    const { value: html } = await mammoth.convertToHtml({ buffer: docx });
    const { value: text } = await mammoth.extractRawText({ buffer: docx });
    // The plain list links to bookmarks on the headings.
    expect(html).toMatch(/<a href="#s_introduzione">Introduzione<\/a>/);
    expect(html).toContain('<a id="s_introduzione"></a>');
    expect(html).toContain("<table>");
    expect(html).toMatch(/<th><p>(<strong>)?Tipo di organizzazione/);
    expect(html).toContain("<strong>rafforzare</strong>");
    expect(html).toContain("<em>Nord Ovest</em>");
    expect(html).toContain('<a href="https://www.cittametropolitana.mi.it/PTM/">scheda del PTM</a>');
    expect(html).toMatch(/<li>collegare le stazioni di Rho e Pero;<\/li>/);
    expect(text).toContain("Esito: Parzialmente accolto");
    expect(text).toContain("GeoJSON");
    // What mammoth does not show: the TOC field and the footer, in the XML itself.
    const JSZip = (await import("jszip")).default;
    const zip = await JSZip.loadAsync(docx);
    const body = await zip.file("word/document.xml")!.async("string");
    expect(body).toMatch(/TOC \\h \\o &quot;1-3&quot;/);
    const settings = await zip.file("word/settings.xml")!.async("string");
    expect(settings).toContain("w:updateFields");
    const footers = await Promise.all(Object.keys(zip.files).filter((f) => /^word\/footer\d*\.xml$/.test(f)).map((f) => zip.file(f)!.async("string")));
    expect(footers.join("")).toMatch(/Pagina .*PAGE.*di .*NUMPAGES/s);
  });
});

describe("data behind the report", () => {
  it("CSV round-trips through a CSV parser with accents intact, with , and with ;", () => {
    for (const sep of [",", ";"] as const) {
      const csv = reportDataCsv(doc, ctx.siteUrl, sep);
      expect(csv.charCodeAt(0)).toBe(0xfeff);
      const rows = parse(csv, { bom: true, delimiter: sep, columns: true }) as Record<string, string>[];
      expect(Object.keys(rows[0])).toEqual([...REPORT_DATA_COLUMNS]);
      expect(rows).toHaveLength(doc.data.length);
      const first = doc.data[0];
      expect(rows[0]).toMatchObject({
        id: String(first.ref.id),
        titolo: first.title, // "Più verde e ciclabilità; "qualità" dell'aria": accents, quotes, the separator
        target: "B1.1 Rigenerazione urbana | B1.2 Mobilità sostenibile",
        comuni: "Rho | Pero",
        risposta: first.response,
        url: "https://concerta.example.it/contributi/1",
      });
    }
  });

  it("GeoJSON follows RFC 7946: one feature per row, null geometry without a place, polygons rewound", () => {
    const fc = reportDataGeoJson(doc, ctx.siteUrl);
    expect(checkRfc7946(JSON.parse(JSON.stringify(fc)))).toEqual([]);
    expect(fc.features).toHaveLength(doc.data.length);
    expect(fc.features.some((f) => f.geometry === null)).toBe(true);
    expect(fc.features[0].properties).toMatchObject({ id: 1, organizzazione: doc.data[0].organization, data_pubblicazione: "2027-03-12" });
    // The sample's polygon is clockwise: the export is not.
    expect(checkRfc7946({ type: "Feature", geometry: doc.data[2].geometry, properties: {} })).not.toEqual([]);
  });
});
