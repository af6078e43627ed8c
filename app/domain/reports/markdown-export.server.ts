// A report as Markdown (GitHub-flavoured): "#" for the title, "##"–"####" for the sections, a
// table of contents of links, GFM tables, items with their outcome as a quote; a map becomes a
// sentence, the list of what it shows and the link to the GeoJSON. Text blocks are their source.
import { translator } from "~/i18n";
import { tocEntries, type ReportBlock, type ReportDocument } from "./document";
import { exportHeaderLines, type ExportContext } from "./export-context";

const t = translator("it");

/** Escapes what Markdown would read as markup in a plain string (a title, a fact, a cell). */
export function mdEscape(text: string): string {
  return text
    .replace(/\r?\n/g, " ")
    .replace(/([\\`*_[\]<>|~])/g, "\\$1")
    .replace(/^(\s*)([#+-]|\d+\.)(\s)/, "$1\\$2$3");
}

const cell = (v: string | number) => (typeof v === "number" ? v.toLocaleString("it-IT") : mdEscape(v));

/** GitHub's heading ids (github-slugger): lowercase, punctuation out, spaces to dashes, -1, -2 for repeats. */
function githubSlugger() {
  const seen = new Map<string, number>();
  return (text: string) => {
    const base = text
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "")
      .replace(/ /g, "-");
    const n = seen.get(base);
    seen.set(base, (n ?? -1) + 1);
    return n === undefined ? base : `${base}-${n + 1}`;
  };
}

function table(block: Extract<ReportBlock, { type: "table" }>): string[] {
  const align = block.columns.map((_, i) => (block.numeric?.[i] ? "---:" : "---"));
  const row = (cells: (string | number)[]) => `| ${cells.map(cell).join(" | ")} |`;
  const lines = [`*${mdEscape(block.caption)}*`, "", row(block.columns), `| ${align.join(" | ")} |`, ...block.rows.map(row)];
  if (block.totals) lines.push(`| ${block.totals.map((v) => `**${cell(v)}**`).join(" | ")} |`);
  return lines;
}

function quote(markdown: string): string[] {
  return markdown.split(/\r?\n/).map((l) => (l ? `> ${l}` : ">"));
}

function block(b: ReportBlock, level: number, ctx: ExportContext): string[] {
  switch (b.type) {
    case "text":
      return [b.markdown.trim()];
    case "facts":
      return b.items.map((f) => `- **${mdEscape(f.label)}:** ${mdEscape(f.value)}`);
    case "list":
      return b.items.length ? b.items.map((i) => `- ${mdEscape(i)}`) : [mdEscape(b.emptyText || t("reports.view.emptyList"))];
    case "table":
      return table(b);
    case "map": {
      const caption = mdEscape(b.caption);
      const lines = [ctx.geojsonUrl ? t("reports.format.mapSentence", { caption, url: `<${ctx.geojsonUrl}>` }) : t("reports.format.mapSentenceShort", { caption })];
      if (b.features.length) lines.push("", t("reports.format.mapItems"), "", ...b.features.map((f, i) => `${i + 1}. ${mdEscape(f.label)}`));
      return lines;
    }
    case "item": {
      const lines = [`${"#".repeat(Math.min(level + 1, 6))} ${mdEscape(b.heading)}`];
      if (b.facts.length) lines.push("", ...b.facts.map((f) => `- **${mdEscape(f.label)}:** ${mdEscape(f.value)}`));
      if (b.markdown.trim()) lines.push("", b.markdown.trim());
      if (b.outcome) {
        lines.push("", `> **${t("reports.view.outcome")}: ${mdEscape(b.outcome.label)}**`);
        if (b.outcome.markdown.trim()) lines.push(">", ...quote(b.outcome.markdown.trim()));
      }
      return lines;
    }
  }
}

/** The whole report as one Markdown text (LF line ends, final newline). */
export function reportToMarkdown(doc: ReportDocument, ctx: ExportContext): string {
  const slug = githubSlugger();
  const entries = tocEntries(doc);
  const out: string[] = [`# ${mdEscape(doc.title)}`];
  slug(doc.title);
  if (doc.subtitle) out.push("", `*${mdEscape(doc.subtitle)}*`);
  out.push(...exportHeaderLines(doc, ctx).flatMap((line) => ["", mdEscape(line)]));
  out.push("", `## ${t("reports.view.toc")}`, "");
  slug(t("reports.view.toc"));
  // Links to the headings as GitHub, GitLab and most renderers name them: ids given in document
  // order, item headings included (they take ids too).
  const ids = new Map<unknown, string>();
  for (const e of entries) {
    ids.set(e.section, slug(e.section.title));
    for (const b of e.section.blocks) if (b.type === "item") slug(b.heading);
  }
  for (const e of entries) out.push(`${"  ".repeat(e.level - 2)}- [${mdEscape(e.section.title)}](#${ids.get(e.section)})`);
  for (const e of entries) {
    out.push("", `${"#".repeat(e.level)} ${mdEscape(e.section.title)}`);
    for (const b of e.section.blocks) out.push("", ...block(b, e.level, ctx));
  }
  return `${out.join("\n").replace(/\n{3,}/g, "\n\n")}\n`;
}
