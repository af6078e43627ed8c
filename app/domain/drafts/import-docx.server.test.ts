import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { htmlToMarkdown } from "./html-to-markdown";
import { docxToMarkdown, isDocx } from "./import-docx.server";
import { parseMarkdownDocument } from "./import-markdown";

// A real Word file, made by scripts/make-docx-fixture.ts with the `docx` library.
const DOCX = new Uint8Array(fs.readFileSync(path.join(__dirname, "fixtures", "sttm1-estratto.docx")));

describe(".docx import", () => {
  it("recognises a .docx by its content", () => {
    expect(isDocx(DOCX)).toBe(true);
    expect(isDocx(new TextEncoder().encode("# 1 Titolo"))).toBe(false);
    // A ZIP that is not a Word document.
    expect(isDocx(new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new TextEncoder().encode("mimetypeapplication/epub+zip")]))).toBe(false);
  });

  it("brings headings, lists and a table through with their text intact", async () => {
    const { markdown } = await docxToMarkdown(DOCX);
    const { sections } = parseMarkdownDocument(markdown);
    expect(sections.map((s) => `${s.depth} ${s.number} ${s.title}`)).toEqual([
      "1 1 Quadro analitico-conoscitivo",
      "2 1.1 Il sistema del verde e delle acque",
      "2 1.2 Aree dismesse e sottoutilizzate",
      "1 2 Quadro strategico",
      "2 2.1 La Rete Verde Metropolitana",
      "3 2.1.1 Corridoi ecologici e varchi",
      "2 2.2 Rigenerazione territoriale e urbana",
    ]);
    const body = (n: string) => sections.find((s) => s.number === n)!.body;
    expect(body("1")).toBe(
      "Il quadro conoscitivo è alimentato dalle **mappature dinamiche** (art. 13 delle Norme di attuazione) e resta *aperto* agli apporti dei Comuni.",
    );
    expect(body("1.1")).toContain(
      "- la frammentazione dei corridoi ecologici lungo le direttrici radiali;\n- la perdita di continuità dei fontanili;\n- la pressione insediativa sui varchi ancora liberi.",
    );
    expect(body("1.2")).toContain(
      "| Zona omogenea | Aree censite | Superficie (ha) |\n| --- | --- | --- |\n| Nord Milano | 64 | 210 |\n| Nord Ovest | 48 | 185 |\n| Sud Ovest | 31 | 96 |",
    );
    expect(body("2.1")).toContain("[sito del PTM](https://www.cittametropolitana.mi.it/PTM/)");
    expect(body("2.2")).toContain("1. recuperano aree entro 500 metri da una stazione;\n2. restituiscono superficie permeabile e alberature;\n3. integrano");
  });
});

describe("HTML → Markdown (mammoth's output)", () => {
  it("escapes text that would become Markdown, and keeps entities' text", () => {
    expect(htmlToMarkdown("<p>1. Non è un elenco</p><p>Costo &lt; 5 &amp; *non* enfasi</p>")).toBe("1\\. Non è un elenco\n\nCosto \\< 5 & \\*non\\* enfasi\n");
  });

  it("nests lists, keeps pipes inside table cells, drops images but keeps their alt text, ignores unsafe links", () => {
    const md = htmlToMarkdown(
      '<ul><li>uno<ul><li>uno.a</li></ul></li><li>due</li></ul><table><tr><td>a|b</td><td><p>x</p><p>y</p></td></tr></table><p><img src="data:image/png;base64,AAA" alt="mappa"> <a href="javascript:alert(1)">clic</a></p>',
    );
    expect(md).toBe("- uno\n  - uno.a\n- due\n\n| a\\|b | x y |\n| --- | --- |\n\nmappa clic\n");
  });
});
