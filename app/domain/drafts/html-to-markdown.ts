/**
 * The small HTML → Markdown conversion the .docx import needs (pure). Its input is mammoth's
 * output — machine-written, well-formed HTML with a known, short list of elements: headings,
 * paragraphs, lists, tables, bold/italic/strike, links, line breaks, images. Anything else is
 * reduced to its text, so no text is lost. (A general converter such as turndown would need a
 * DOM on the server; this input does not need one.)
 */
type Node = { tag: string; attrs: Record<string, string>; children: Child[] };
type Child = Node | string;

const VOID = new Set(["br", "img", "hr", "input", "meta", "link", "col", "wbr"]);
const TOKEN = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*(\/?)>|[^<]+|</g;
const ATTR = /([^\s=>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };
export function decodeEntities(text: string) {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === "#") {
      const code = e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

export function parseHtml(html: string): Node {
  const root: Node = { tag: "#root", attrs: {}, children: [] };
  const stack: Node[] = [root];
  for (const m of html.matchAll(TOKEN)) {
    const [whole, closing, rawTag, rawAttrs, selfClosing] = m;
    const top = stack[stack.length - 1];
    if (whole.startsWith("<!--")) continue;
    if (!rawTag) {
      top.children.push(decodeEntities(whole));
      continue;
    }
    const tag = rawTag.toLowerCase();
    if (closing) {
      const at = stack.map((n) => n.tag).lastIndexOf(tag);
      if (at > 0) stack.length = at;
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of (rawAttrs ?? "").matchAll(ATTR)) attrs[a[1].toLowerCase()] = decodeEntities(a[2] ?? a[3] ?? a[4] ?? "");
    const node: Node = { tag, attrs, children: [] };
    top.children.push(node);
    if (!VOID.has(tag) && !selfClosing) stack.push(node);
  }
  return root;
}

const isNode = (c: Child): c is Node => typeof c !== "string";
const BLOCK = new Set(["p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "blockquote", "pre", "hr", "div", "li", "section", "article", "body", "html"]);

/** Backslash-escapes the characters that would turn plain text into Markdown. */
function escapeText(text: string) {
  return text.replace(/([\\`*_[\]<>~])/g, "\\$1");
}

/** Escapes what would start a block (a heading, a list, a quote) at the start of a paragraph. */
function escapeLineStart(text: string) {
  return text.replace(/^(\s*)([#>+-]|\d+[.)])(?=\s|$)/, (_m, space: string, mark: string) => `${space}${mark.replace(/([#>+\-.)])$/, "\\$1")}`);
}

function inline(children: Child[], opts: { inTable?: boolean } = {}): string {
  let out = "";
  for (const c of children) {
    if (!isNode(c)) {
      out += escapeText(c.replace(/\s+/g, " "));
      continue;
    }
    const inner = () => inline(c.children, opts);
    switch (c.tag) {
      case "strong":
      case "b":
        out += wrap("**", inner());
        break;
      case "em":
      case "i":
        out += wrap("*", inner());
        break;
      case "s":
      case "del":
      case "strike":
        out += wrap("~~", inner());
        break;
      case "a": {
        const text = inner();
        const href = c.attrs.href ?? "";
        out += /^(https?:|mailto:)/i.test(href) && text.trim() ? `[${text}](${href.replace(/[()\s]/g, encodeURIComponent)})` : text;
        break;
      }
      case "br":
        out += opts.inTable ? " " : "  \n";
        break;
      case "img":
        // Images are not imported (a remote or embedded image has no place in the text); the alt text stays.
        out += c.attrs.alt ? escapeText(c.attrs.alt) : "";
        break;
      default:
        // Blocks inside inline context (a paragraph in a table cell, a list in a cell): keep the text, separated.
        out += BLOCK.has(c.tag) ? ` ${inline(c.children, opts).trim()} ` : inner();
    }
  }
  return out;
}

function wrap(mark: string, text: string) {
  const t = text.trim();
  if (!t) return text;
  // Markdown emphasis may not start or end with a space: keep the spaces outside.
  const lead = text.match(/^\s*/)![0];
  const trail = text.match(/\s*$/)![0];
  return `${lead}${mark}${t}${mark}${trail}`;
}

/** Collapses spaces; keeps hard line breaks ("  \n", from <br>). */
function tidy(text: string) {
  return text
    .split("  \n")
    .map((part) => part.replace(/\s+/g, " ").trim())
    .filter(Boolean)
    .join("  \n");
}

function list(node: Node, indent: string): string {
  const ordered = node.tag === "ol";
  let n = Number(node.attrs.start ?? 1) || 1;
  const items: string[] = [];
  for (const li of node.children.filter(isNode)) {
    if (li.tag !== "li") continue;
    const marker = ordered ? `${n++}. ` : "- ";
    const pad = indent + " ".repeat(marker.length);
    const text = tidy(inline(li.children.filter((c) => !(isNode(c) && (c.tag === "ul" || c.tag === "ol")))));
    const nested = li.children.filter(isNode).filter((c) => c.tag === "ul" || c.tag === "ol");
    let item = `${indent}${marker}${text.replace(/\n/g, `\n${pad}`)}`;
    for (const sub of nested) item += `\n${list(sub, pad)}`;
    items.push(item);
  }
  return items.join("\n");
}

function table(node: Node): string {
  const rows: Node[] = [];
  const collect = (n: Node) => {
    for (const c of n.children.filter(isNode)) {
      if (c.tag === "tr") rows.push(c);
      else if (c.tag === "thead" || c.tag === "tbody" || c.tag === "tfoot") collect(c);
    }
  };
  collect(node);
  const cells = rows.map((r) =>
    r.children
      .filter(isNode)
      .filter((c) => c.tag === "td" || c.tag === "th")
      .map((c) => tidy(inline(c.children, { inTable: true })).replace(/\|/g, "\\|")),
  );
  const width = Math.max(0, ...cells.map((r) => r.length));
  if (width === 0) return "";
  const line = (r: string[]) => `| ${Array.from({ length: width }, (_, i) => r[i] ?? "").join(" | ")} |`;
  const [head, ...body] = cells;
  return [line(head), `| ${Array(width).fill("---").join(" | ")} |`, ...body.map(line)].join("\n");
}

function blocks(children: Child[]): string[] {
  const out: string[] = [];
  let pending: Child[] = [];
  const flush = () => {
    const text = tidy(inline(pending));
    if (text) out.push(escapeLineStart(text));
    pending = [];
  };
  for (const c of children) {
    if (!isNode(c) || !BLOCK.has(c.tag)) {
      pending.push(c);
      continue;
    }
    flush();
    const level = /^h([1-6])$/.exec(c.tag);
    if (level) {
      const text = tidy(inline(c.children).replace(/\s*\n\s*/g, " "));
      if (text) out.push(`${"#".repeat(Number(level[1]))} ${text}`);
    } else if (c.tag === "p") {
      const text = tidy(inline(c.children));
      if (text) out.push(escapeLineStart(text));
    } else if (c.tag === "ul" || c.tag === "ol") {
      const text = list(c, "");
      if (text) out.push(text);
    } else if (c.tag === "table") {
      const text = table(c);
      if (text) out.push(text);
    } else if (c.tag === "blockquote") {
      const inner = blocks(c.children).join("\n\n");
      if (inner) out.push(inner.replace(/^/gm, "> "));
    } else if (c.tag === "hr") {
      out.push("---");
    } else if (c.tag === "pre") {
      out.push("```\n" + textOf(c).replace(/```/g, "ʼʼʼ") + "\n```");
    } else {
      out.push(...blocks(c.children));
    }
  }
  flush();
  return out;
}

function textOf(node: Child): string {
  return isNode(node) ? node.children.map(textOf).join("") : node;
}

export function htmlToMarkdown(html: string): string {
  return blocks(parseHtml(html).children).join("\n\n") + "\n";
}
