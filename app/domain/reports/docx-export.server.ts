// A report as a Word document (docx library), for staff who finish it in a word processor: the
// sections as real Heading 1–3 styles (every item a Heading 4, below any section) so that Word's
// navigation pane and table of contents work; a TOC field (filled from the headings, updated by
// Word when the file opens) followed by a plain list of links to the sections; GFM-like tables with
// a repeated header row; "Pagina X di Y" in the footer; Markdown walked from marked's tokens.
// The map is not drawn: a sentence points to the PDF and the GeoJSON (see decision record 0014).
import {
  AlignmentType,
  Bookmark,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  HeadingLevel,
  InternalHyperlink,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
  type IParagraphOptions,
  type ParagraphChild,
} from "docx";
import type { Token, Tokens } from "marked";
import { translator } from "~/i18n";
import { isSafeHref, markdownTokens } from "~/lib/markdown.server";
import { tocEntries, type ReportBlock, type ReportDocument, type ReportFact } from "./document";
import { exportHeaderLines, type ExportContext } from "./export-context";

const t = translator("it");
const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6];
/** Report level 2 (top sections) is Heading 1 in Word. */
const headingFor = (reportLevel: number) => HEADINGS[Math.min(Math.max(reportLevel - 2, 0), 5)];

type Inline = { bold?: boolean; italics?: boolean; strike?: boolean; code?: boolean };
type ParaExtra = Omit<IParagraphOptions, "children" | "text">;

/** Word bookmark names: a letter first, then letters, digits, underscores; 40 characters at most; unique. */
function bookmarkNamer() {
  const used = new Set<string>();
  return (anchor: string) => {
    const base = `_${anchor}`.replace(/[^A-Za-z0-9_]/g, "_").replace(/^_+/, "").replace(/^(?=\d)/, "s") || "s";
    let name = base.slice(0, 40);
    for (let n = 2; used.has(name); n++) name = `${base.slice(0, 40 - String(n).length - 1)}_${n}`;
    used.add(name);
    return name;
  };
}

// ---------------------------------------------------------------------------------------------
// Markdown → docx, from marked's tokens (the same lexer that renders the pages).

function inlineRuns(tokens: Token[] | undefined, style: Inline = {}): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  const run = (text: string, s: Inline = style) =>
    new TextRun({ text, bold: s.bold, italics: s.italics, strike: s.strike, font: s.code ? "Consolas" : undefined });
  for (const tok of tokens ?? []) {
    switch (tok.type) {
      case "strong":
        out.push(...inlineRuns((tok as Tokens.Strong).tokens, { ...style, bold: true }));
        break;
      case "em":
        out.push(...inlineRuns((tok as Tokens.Em).tokens, { ...style, italics: true }));
        break;
      case "del":
        out.push(...inlineRuns((tok as Tokens.Del).tokens, { ...style, strike: true }));
        break;
      case "codespan":
        out.push(run(decode((tok as Tokens.Codespan).text), { ...style, code: true }));
        break;
      case "br":
        out.push(new TextRun({ text: "", break: 1 }));
        break;
      case "link": {
        const link = tok as Tokens.Link;
        // Only http(s) and mailto become links (as on the pages); anything else stays its text.
        if (isSafeHref(link.href)) out.push(new ExternalHyperlink({ link: link.href.trim(), children: linkRuns(link, style) }));
        else out.push(...inlineRuns(link.tokens, style));
        break;
      }
      case "image":
        // Images are not embedded; their description stays.
        if ((tok as Tokens.Image).text) out.push(run(`[${(tok as Tokens.Image).text}]`));
        break;
      case "text": {
        const text = tok as Tokens.Text;
        if (text.tokens?.length) out.push(...inlineRuns(text.tokens, style));
        else out.push(run(decode(text.text)));
        break;
      }
      case "escape":
        out.push(run((tok as Tokens.Escape).text));
        break;
      default:
        // html and anything unknown: its source, as text (never markup).
        if ("raw" in tok && typeof tok.raw === "string") out.push(run(tok.raw));
    }
  }
  return out;
}

function linkRuns(link: Tokens.Link, style: Inline): ParagraphChild[] {
  const text = plain(link.tokens) || link.href;
  return [new TextRun({ text, style: "Hyperlink", bold: style.bold, italics: style.italics })];
}

/** The text of inline tokens, without formatting. */
function plain(tokens: Token[] | undefined): string {
  return (tokens ?? [])
    .map((tok) => ("tokens" in tok && tok.tokens ? plain(tok.tokens as Token[]) : "text" in tok && typeof tok.text === "string" ? decode(tok.text) : ""))
    .join("");
}

/** marked leaves &amp; &lt; … in text tokens (it escapes for HTML); Word wants characters. */
function decode(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (_m, e: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" })[e]!);
}

type Block = Paragraph | Table;

class MarkdownWriter {
  private orderedInstance = 0;

  blocks(source: string, extra: ParaExtra = {}): Block[] {
    return this.tokens(markdownTokens(source), extra, 0);
  }

  private tokens(tokens: Token[], extra: ParaExtra, listLevel: number): Block[] {
    const out: Block[] = [];
    for (const tok of tokens) {
      switch (tok.type) {
        case "paragraph":
          out.push(new Paragraph({ ...extra, children: inlineRuns((tok as Tokens.Paragraph).tokens) }));
          break;
        case "heading":
          // Headings inside a text stay text (bold): the document's outline is the report's sections.
          out.push(new Paragraph({ ...extra, keepNext: true, children: inlineRuns((tok as Tokens.Heading).tokens, { bold: true }) }));
          break;
        case "text":
          out.push(new Paragraph({ ...extra, children: inlineRuns((tok as Tokens.Text).tokens ?? [tok]) }));
          break;
        case "list":
          out.push(...this.list(tok as Tokens.List, extra, listLevel));
          break;
        case "blockquote":
          out.push(...this.tokens((tok as Tokens.Blockquote).tokens, { ...extra, indent: { left: 567 }, border: { left: { style: BorderStyle.SINGLE, size: 12, color: "C5C7C9", space: 8 } } }, listLevel));
          break;
        case "code":
          out.push(...(tok as Tokens.Code).text.split("\n").map((line) => new Paragraph({ ...extra, children: [new TextRun({ text: line, font: "Consolas" })] })));
          break;
        case "table":
          out.push(...gfmTable(tok as Tokens.Table));
          break;
        case "hr":
          out.push(new Paragraph({ ...extra, border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: "C5C7C9", space: 1 } }, children: [] }));
          break;
        case "space":
          break;
        default:
          if ("raw" in tok && typeof tok.raw === "string" && tok.raw.trim()) out.push(new Paragraph({ ...extra, children: [new TextRun(tok.raw.trim())] }));
      }
    }
    return out;
  }

  private list(list: Tokens.List, extra: ParaExtra, level: number): Block[] {
    const out: Block[] = [];
    const instance = list.ordered ? ++this.orderedInstance : 0;
    for (const item of list.items) {
      const [first, ...rest] = item.tokens;
      const children = first && (first.type === "text" || first.type === "paragraph") ? inlineRuns((first as Tokens.Text).tokens ?? [first]) : [];
      out.push(
        new Paragraph({
          ...extra,
          children,
          ...(list.ordered ? { numbering: { reference: "ordered", level: Math.min(level, 3), instance } } : { bullet: { level: Math.min(level, 3) } }),
        }),
      );
      const more = first && (first.type === "text" || first.type === "paragraph") ? rest : item.tokens;
      for (const tok of more) out.push(...(tok.type === "list" ? this.list(tok as Tokens.List, extra, level + 1) : this.tokens([tok], { ...extra, indent: { left: 720 * (level + 1) } }, level)));
    }
    return out;
  }
}

function gfmTable(tok: Tokens.Table): Block[] {
  const align = (a: "center" | "left" | "right" | null) => (a === "right" ? AlignmentType.RIGHT : a === "center" ? AlignmentType.CENTER : AlignmentType.LEFT);
  return [
    table(
      tok.header.map((h) => ({ runs: inlineRuns(h.tokens, { bold: true }), align: align(h.align) })),
      tok.rows.map((r) => r.map((c) => ({ runs: inlineRuns(c.tokens), align: align(c.align) }))),
    ),
  ];
}

// ---------------------------------------------------------------------------------------------
// Report blocks.

type Cell = { runs: ParagraphChild[]; align: (typeof AlignmentType)[keyof typeof AlignmentType] };

function table(header: Cell[], rows: Cell[][], totals?: Cell[]): Table {
  const border = { style: BorderStyle.SINGLE, size: 4, color: "C5C7C9" };
  const borders = { top: border, bottom: border, left: border, right: border };
  const cell = (c: Cell, head = false) =>
    new TableCell({
      borders,
      shading: head ? { type: ShadingType.CLEAR, fill: "F2F7FC", color: "auto" } : undefined,
      children: [new Paragraph({ alignment: c.align, children: c.runs })],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      // Repeated at the top of every page the table runs onto; no row is split across pages.
      new TableRow({ tableHeader: true, cantSplit: true, children: header.map((c) => cell(c, true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c) => cell(c)) })),
      ...(totals ? [new TableRow({ cantSplit: true, children: totals.map((c) => cell(c, true)) })] : []),
    ],
  });
}

const num = (v: string | number) => (typeof v === "number" ? v.toLocaleString("it-IT") : v);

function facts(items: ReportFact[], extra: ParaExtra = {}): Paragraph[] {
  return items.map((f) => new Paragraph({ ...extra, spacing: { after: 40 }, children: [new TextRun({ text: `${f.label}: `, bold: true }), new TextRun(f.value)] }));
}

function reportBlock(b: ReportBlock, level: number, md: MarkdownWriter, ctx: ExportContext): Block[] {
  switch (b.type) {
    case "text":
      return md.blocks(b.markdown);
    case "facts":
      return facts(b.items);
    case "list":
      return b.items.length ? b.items.map((i) => new Paragraph({ text: i, bullet: { level: 0 } })) : [new Paragraph({ text: b.emptyText || t("reports.view.emptyList") })];
    case "table": {
      const align = (i: number) => (b.numeric?.[i] ? AlignmentType.RIGHT : AlignmentType.LEFT);
      const cells = (row: (string | number)[], bold = false) => row.map((v, i) => ({ runs: [new TextRun({ text: String(num(v)), bold })], align: align(i) }));
      return [
        new Paragraph({ keepNext: true, spacing: { before: 200, after: 80 }, children: [new TextRun({ text: b.caption, bold: true, color: "003366" })] }),
        table(cells(b.columns, true), b.rows.map((r) => cells(r)), b.totals ? cells(b.totals, true) : undefined),
        new Paragraph({ children: [] }),
      ];
    }
    case "map": {
      const sentence = t("reports.format.mapSentenceShort", { caption: b.caption });
      return [
        new Paragraph({
          children: [
            new TextRun({ text: sentence, italics: true }),
            ...(ctx.geojsonUrl ? [new TextRun(" "), new ExternalHyperlink({ link: ctx.geojsonUrl, children: [new TextRun({ text: ctx.geojsonUrl, style: "Hyperlink" })] })] : []),
          ],
        }),
        ...(b.features.length
          ? [new Paragraph({ keepNext: true, children: [new TextRun(t("reports.format.mapItems"))] }), ...b.features.map((f) => new Paragraph({ text: f.label, numbering: { reference: "ordered", level: 0, instance: 10_000 + f.id } }))]
          : []),
      ];
    }
    case "item": {
      const box: ParaExtra = {
        shading: { type: ShadingType.CLEAR, fill: "E6F5F0", color: "auto" },
        border: { left: { style: BorderStyle.SINGLE, size: 24, color: "00805A", space: 8 } },
        indent: { left: 170 },
      };
      return [
        // Always Heading 4: deeper than any section, and out of the TOC (levels 1–3 = the sections).
        new Paragraph({ heading: HeadingLevel.HEADING_4, keepNext: true, children: [new TextRun(b.heading)] }),
        ...facts(b.facts),
        ...md.blocks(b.markdown),
        ...(b.outcome
          ? [
              new Paragraph({ ...box, keepNext: true, children: [new TextRun({ text: `${t("reports.view.outcome")}: `, bold: true }), new TextRun(b.outcome.label)] }),
              ...md.blocks(b.outcome.markdown, box),
            ]
          : []),
      ];
    }
  }
}

/** The report as a .docx file. */
export async function reportToDocx(doc: ReportDocument, ctx: ExportContext): Promise<Buffer> {
  const md = new MarkdownWriter();
  const entries = tocEntries(doc);
  const bookmark = bookmarkNamer();
  const names = new Map(entries.map((e) => [e.section, bookmark(e.anchor)]));

  const front: Block[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(doc.title)] }),
    ...(doc.subtitle ? [new Paragraph({ children: [new TextRun({ text: doc.subtitle, italics: true, size: 26 })] })] : []),
    ...exportHeaderLines(doc, ctx).map((line) => new Paragraph({ children: [new TextRun({ text: line, color: "5C6F82" })] })),
    new Paragraph({ spacing: { before: 360 }, children: [new TextRun({ text: t("reports.view.toc"), bold: true, size: 28, color: "003366" })] }),
  ];
  const toc = new TableOfContents(t("reports.view.toc"), { hyperlink: true, headingStyleRange: "1-3" });
  // The same contents as plain links, readable before Word updates the field (and in other programs).
  const plainToc: Block[] = [
    new Paragraph({ spacing: { before: 240 }, children: [new TextRun({ text: t("reports.format.tocFieldNote"), italics: true, size: 18, color: "5C6F82" })] }),
    ...entries.map(
      (e) =>
        new Paragraph({
          indent: { left: 360 * (e.level - 2) },
          spacing: { after: 40 },
          children: [new InternalHyperlink({ anchor: names.get(e.section)!, children: [new TextRun({ text: e.section.title, style: "Hyperlink" })] })],
        }),
    ),
  ];
  const body: Block[] = [];
  for (const e of entries) {
    body.push(
      new Paragraph({
        heading: headingFor(e.level),
        keepNext: true,
        // Every top-level section on a new page, as in the PDF.
        pageBreakBefore: e.level === 2,
        children: [new Bookmark({ id: names.get(e.section)!, children: [new TextRun(e.section.title)] })],
      }),
    );
    for (const b of e.section.blocks) body.push(...reportBlock(b, e.level, md, ctx));
  }

  // "Pagina {page} di {pages}" around Word's PAGE and NUMPAGES fields.
  const [before, between, after] = t("reports.format.page", { page: "{page}", pages: "{pages}" }).split(/\{pages?\}/);
  const footer = new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [before, PageNumber.CURRENT, between, PageNumber.TOTAL_PAGES, after ?? ""], size: 18, color: "5C6F82" })],
      }),
    ],
  });

  const document = new Document({
    creator: "Concerta — Città metropolitana di Milano",
    title: doc.title,
    subject: doc.subtitle,
    description: doc.subtitle,
    features: { updateFields: true },
    styles: {
      default: {
        document: { run: { font: "Calibri", size: 22 } },
        title: { run: { color: "003366", size: 44, bold: true } },
        heading1: { run: { color: "003366", size: 32, bold: true }, paragraph: { spacing: { before: 240, after: 120 } } },
        heading2: { run: { color: "003366", size: 28, bold: true }, paragraph: { spacing: { before: 240, after: 100 } } },
        heading3: { run: { color: "003366", size: 24, bold: true }, paragraph: { spacing: { before: 200, after: 80 } } },
        heading4: { run: { color: "003366", size: 22, bold: true }, paragraph: { spacing: { before: 160, after: 60 } } },
      },
    },
    numbering: {
      config: [
        {
          reference: "ordered",
          levels: [0, 1, 2, 3].map((level) => ({
            level,
            format: LevelFormat.DECIMAL,
            text: `%${level + 1}.`,
            alignment: AlignmentType.START,
            style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
          })),
        },
      ],
    },
    sections: [{ footers: { default: footer }, children: [...front, toc, ...plainToc, ...body] }],
  });
  return Packer.toBuffer(document);
}
