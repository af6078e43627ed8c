import { Lexer } from "marked";

/**
 * Markdown → a tree of draft sections (pure: no database). The rules, also written down in
 * docs/decisions/0008-draft-section-identity.md:
 * - headings of the three top levels used by the document become sections of depth 1..3
 *   (normally #, ##, ###); deeper headings stay in the body of their section;
 * - a number at the start of the heading ("2.3 Titolo", "2.3. Titolo", "2.3 – Titolo") is kept;
 *   a heading without one gets a number from the tree (parent's number + position among siblings);
 * - a single level-1 heading without a number, coming first and followed by other headings, is the
 *   document's title: it is not a section (it is returned as `title`);
 * - text before the first section is not lost: it becomes a section "0 Premessa";
 * - the text between a heading and the next one is the body, as written (Markdown).
 * Headings are found with marked's lexer, so a "#" line inside a code block is not a heading.
 */
export type ParsedSection = {
  number: string;
  title: string;
  depth: number;
  body: string;
  /** Whether the number came from the heading (false: generated from the tree). */
  numbered: boolean;
};

export type ParsedDocument = { title: string | null; sections: ParsedSection[] };

export const MAX_DEPTH = 3;
export const PREAMBLE_TITLE = "Premessa";

// Up to 3 digits per part, so a year ("2030 Agenda") is not taken for a number.
const NUMBERED = /^(\d{1,3}(?:\.\d{1,3})*)(?:\.?\s*[-–—:]\s+|\.?\s+)(\S.*)$/;

type Heading = { level: number; text: string; start: number; end: number };

function lex(source: string) {
  const src = source.replace(/\r\n?/g, "\n").replace(/^\uFEFF/, "");
  const tokens = Lexer.lex(src, { gfm: true });
  const headings: Heading[] = [];
  let offset = 0;
  for (const token of tokens) {
    if (token.type === "heading") headings.push({ level: token.depth, text: token.text, start: offset, end: offset + token.raw.length });
    offset += token.raw.length;
  }
  return { src, headings };
}

/** Heading text without inline Markdown: titles are shown as plain text. */
export function plainTitle(text: string): string {
  return text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/(\*\*|__)(.+?)\1/g, "$2")
    .replace(/\*(\S(?:.*?\S)?)\*/g, "$1")
    .replace(/(^|[^\w])_(\S(?:.*?\S)?)_(?=[^\w]|$)/g, "$1$2")
    .replace(/`([^`]*)`/g, "$1")
    .replace(/\\([\\`*_{}[\]()#+\-.!|>~<])/g, "$1")
    .replace(/\s+/g, " ")
    .trim();
}

function cleanBody(text: string) {
  return text.replace(/^(?:[ \t]*\n)+/, "").trimEnd();
}

export function splitNumber(text: string): { number: string | null; title: string } {
  const title = plainTitle(text);
  const m = NUMBERED.exec(title);
  return m ? { number: m[1], title: m[2].trim() } : { number: null, title };
}

export function parseMarkdownDocument(source: string): ParsedDocument {
  const { src, headings: all } = lex(source);
  let headings = all;
  let title: string | null = null;

  // The document's title: the only level-1 heading, first, without a number, with headings after it.
  const level1 = all.filter((h) => h.level === 1);
  if (level1.length === 1 && all[0] === level1[0] && all.length > 1 && splitNumber(all[0].text).number === null) {
    title = splitNumber(all[0].text).title;
    headings = all.slice(1);
  }

  const top = headings.length ? Math.min(...headings.map((h) => h.level)) : 1;
  const sectionHeadings = headings.filter((h) => h.level < top + MAX_DEPTH);

  const sections: ParsedSection[] = [];
  let previousDepth = 0;
  sectionHeadings.forEach((h, i) => {
    const next = sectionHeadings[i + 1];
    // No jumps in the tree: a ### straight after a # becomes its child (depth 2).
    const depth = Math.min(h.level - top + 1, previousDepth + 1);
    previousDepth = depth;
    const { number, title: text } = splitNumber(h.text);
    sections.push({
      number: number ?? "",
      title: text,
      depth,
      body: cleanBody(src.slice(h.end, next ? next.start : src.length)),
      numbered: number !== null,
    });
  });
  fillNumbers(sections);

  const preambleStart = title !== null ? all[0].end : 0;
  const preamble = cleanBody(src.slice(preambleStart, sectionHeadings[0]?.start ?? src.length));
  if (preamble) sections.unshift({ number: "0", title: PREAMBLE_TITLE, depth: 1, body: preamble, numbered: true });
  return { title, sections };
}

/** Gives unnumbered sections a number from the tree; a numbered sibling sets where counting goes on from. */
export function fillNumbers(sections: ParsedSection[]) {
  const counters: number[] = [];
  const numbers: string[] = [];
  for (const s of sections) {
    const d = s.depth;
    counters.length = d;
    numbers.length = d;
    if (s.number) {
      const last = Number(s.number.split(".").pop());
      counters[d - 1] = Number.isFinite(last) ? last : (counters[d - 1] ?? 0) + 1;
    } else {
      counters[d - 1] = (counters[d - 1] ?? 0) + 1;
      const parent = d > 1 ? numbers[d - 2] : undefined;
      s.number = parent ? `${parent}.${counters[d - 1]}` : String(counters[d - 1]);
    }
    numbers[d - 1] = s.number;
  }
}

function escapeTitle(title: string) {
  // A trailing " #" would be read as the heading's closing sequence.
  return title.replace(/(\s)(#+)$/, "$1\\$2");
}

/** The normalised Markdown of a tree: every heading numbered, depth 1..3 as #..###. Parses back to the same tree. */
export function sectionsToMarkdown(sections: Pick<ParsedSection, "number" | "title" | "depth" | "body">[]): string {
  return (
    sections
      .map((s) => {
        const heading = `${"#".repeat(Math.min(Math.max(s.depth, 1), MAX_DEPTH))} ${s.number} ${escapeTitle(s.title)}`;
        return s.body.trim() ? `${heading}\n\n${s.body.trimEnd()}` : heading;
      })
      .join("\n\n") + "\n"
  );
}
