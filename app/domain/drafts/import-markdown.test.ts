import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseMarkdownDocument, plainTitle, sectionsToMarkdown, splitNumber } from "./import-markdown";

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, "fixtures", name), "utf8");
const outline = (md: string) => parseMarkdownDocument(md).sections.map((s) => `${s.depth} ${s.number} ${s.title}`);

describe("Markdown import", () => {
  it("turns 3 levels of headings into the same tree, keeping the numbering", () => {
    expect(outline(fixture("sttm1-v0.1.md"))).toEqual([
      "1 1 Quadro analitico-conoscitivo",
      "2 1.1 Il sistema del verde e delle acque",
      "2 1.2 Aree dismesse e sottoutilizzate",
      "2 1.3 Isole di calore e fragilità idraulica",
      "1 2 Quadro strategico",
      "2 2.1 La Rete Verde Metropolitana",
      "3 2.1.1 Corridoi ecologici e varchi",
      "3 2.1.2 Connessioni con i parchi regionali",
      "2 2.2 Rigenerazione territoriale e urbana",
      "2 2.3 Nature-Based Solutions (NBS)",
      "2 2.4 Indicatori di monitoraggio",
      "1 3 Quadro normativo",
      "2 3.1 Accesso al fondo perequativo",
    ]);
  });

  it("keeps the text between headings as the body, lists and tables included", () => {
    const sections = parseMarkdownDocument(fixture("sttm1-v0.1.md")).sections;
    const s12 = sections.find((s) => s.number === "1.2")!;
    expect(s12.body).toMatch(/^Il censimento del 2022/);
    expect(s12.body).toContain("| Nord Milano | 64 | 210 |");
    expect(sections.find((s) => s.number === "2.2")!.body).toContain("1. recuperano aree entro 500 metri");
    expect(sections.every((s) => s.numbered)).toBe(true);
  });

  it("accepts '2.3. Titolo' and '2.3 – Titolo', and does not take a year for a number", () => {
    expect(splitNumber("2.3. Titolo")).toEqual({ number: "2.3", title: "Titolo" });
    expect(splitNumber("2.3 – Titolo")).toEqual({ number: "2.3", title: "Titolo" });
    expect(splitNumber("12 Titolo")).toEqual({ number: "12", title: "Titolo" });
    expect(splitNumber("2030 Agenda")).toEqual({ number: null, title: "2030 Agenda" });
  });

  it("numbers unnumbered headings from the tree, going on from a numbered sibling", () => {
    expect(outline("# Premesse\n\n## Contesto\n\n### Dati\n\n### Fonti\n\n## Obiettivi\n\n# 4 Quadro\n\n# Allegati\n\n## 5.7 Tavole\n\n## Elenchi")).toEqual([
      "1 1 Premesse",
      "2 1.1 Contesto",
      "3 1.1.1 Dati",
      "3 1.1.2 Fonti",
      "2 1.2 Obiettivi",
      "1 4 Quadro",
      "1 5 Allegati",
      "2 5.7 Tavole",
      "2 5.8 Elenchi",
    ]);
  });

  it("skips a single unnumbered level-1 title, keeps the preamble, and shifts ##..#### to depth 1..3", () => {
    const doc = parseMarkdownDocument("# Strategia per la rigenerazione\n\nTesto introduttivo.\n\n## 1 Primo\n\n### 1.1 Sotto\n\n#### 1.1.1 Terzo\n\n##### Dettaglio\n\nCorpo.\n");
    expect(doc.title).toBe("Strategia per la rigenerazione");
    expect(doc.sections.map((s) => `${s.depth} ${s.number} ${s.title}`)).toEqual(["1 0 Premessa", "1 1 Primo", "2 1.1 Sotto", "3 1.1.1 Terzo"]);
    expect(doc.sections[0].body).toBe("Testo introduttivo.");
    // A heading deeper than the third level stays in the body.
    expect(doc.sections[3].body).toBe("##### Dettaglio\n\nCorpo.");
  });

  it("does not take '#' lines inside code blocks for headings, nor jump levels", () => {
    const doc = parseMarkdownDocument("# 1 Uno\n\n```\n# non è un titolo\n```\n\n### Salto\n");
    expect(doc.sections.map((s) => `${s.depth} ${s.number} ${s.title}`)).toEqual(["1 1 Uno", "2 1.1 Salto"]);
    expect(doc.sections[0].body).toContain("# non è un titolo");
  });

  it("shows titles as plain text", () => {
    expect(plainTitle("La **Rete** _verde_ e [i parchi](https://example.org) `NBS` \\*")).toBe("La Rete verde e i parchi NBS *");
  });

  it("normalised Markdown parses back to the same tree", () => {
    for (const md of [fixture("sttm1-v0.1.md"), fixture("sttm1-v0.2.md"), "Solo testo.\n\n# Uno\n\n## Due\n\n### Tre #\n\ncorpo"]) {
      const first = parseMarkdownDocument(md).sections;
      const again = parseMarkdownDocument(sectionsToMarkdown(first)).sections;
      expect(again.map(({ number, title, depth, body }) => ({ number, title, depth, body }))).toEqual(
        first.map(({ number, title, depth, body }) => ({ number, title, depth, body })),
      );
    }
  });
});
