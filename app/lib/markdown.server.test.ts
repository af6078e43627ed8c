import { describe, expect, it } from "vitest";
import { markdownToText, renderMarkdown } from "./markdown.server";

describe("renderMarkdown", () => {
  it("renders ordinary Markdown", () => {
    const html = renderMarkdown("# Titolo\n\nTesto **forte** e [link](https://www.cittametropolitana.mi.it/).\n\n- uno\n- due");
    expect(html).toContain("<h2>Titolo</h2>");
    expect(html).toContain("<strong>forte</strong>");
    expect(html).toContain('<a href="https://www.cittametropolitana.mi.it/" rel="noopener noreferrer nofollow">link</a>');
    expect(html).toContain("<li>uno</li>");
  });

  const payloads = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[clic](javascript:alert(1))",
    "[clic](JaVaScRiPt:alert(1))",
    "[dati](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "![pixel](https://tracker.example/p.gif)",
    '<svg onload="alert(1)"></svg>',
    '<a href="#" onclick="alert(1)">x</a>',
    "<iframe src=\"https://evil.example\"></iframe>",
    "<<script>alert(1)//<</script>",
  ];
  for (const p of payloads) {
    it(`neutralises ${p}`, () => {
      const html = renderMarkdown(p);
      // Escaped text (&lt;script&gt;) is harmless; real tags and attributes are not.
      expect(html).not.toMatch(/<(script|svg|iframe)/i);
      expect(html).not.toMatch(/<[a-z][^>]*\son\w+\s*=/i);
      expect(html).not.toMatch(/(href|src)="\s*(javascript|data):/i);
      expect(html).not.toMatch(/<img[^>]*tracker\.example/i);
    });
  }

  it("keeps local images", () => {
    expect(renderMarkdown("![mappa](/documenti/mappa.png)")).toContain('<img src="/documenti/mappa.png" alt="mappa" />');
  });

  it("gives plain text, with characters rather than entities", () => {
    expect(markdownToText("**Ordine del giorno**\n\n1. Saluti")).toBe("Ordine del giorno\n\nSaluti");
    expect(markdownToText("Sala \"Gaber\" & l'atrio: 3 < 5")).toBe("Sala \"Gaber\" & l'atrio: 3 < 5");
  });
});
