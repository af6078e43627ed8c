import { Marked, type Token } from "marked";
import sanitizeHtml from "sanitize-html";

/**
 * The only way rich text reaches a page: Markdown → HTML with marked, then a whitelist
 * sanitizer. Raw HTML in the source is escaped by marked's renderer override below *and*
 * filtered by sanitize-html, so no script, event handler, javascript:/data: URL or
 * remote image (a tracking pixel) survives.
 */
const marked = new Marked({ gfm: true, breaks: false, async: false });
marked.use({
  renderer: {
    // Treat raw HTML in the Markdown as text.
    html({ text }) {
      return escapeHtml(text);
    },
  },
});

function escapeHtml(text: string) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "code",
    "ul", "ol", "li", "strong", "em", "del", "s", "sup", "sub", "a",
    "table", "thead", "tbody", "tr", "th", "td", "img",
  ],
  allowedAttributes: {
    a: ["href", "title"],
    img: ["src", "alt", "title"],
    th: ["align", "scope"],
    td: ["align"],
    ol: ["start"],
    h2: ["id"], h3: ["id"], h4: ["id"], h5: ["id"], h6: ["id"],
  },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: { img: [] },
  allowProtocolRelative: false,
  // Images only from this site (relative URLs): a remote image would tell a third party who reads what.
  exclusiveFilter: (frame) => frame.tag === "img" && !/^\/(?!\/)/.test(frame.attribs.src ?? ""),
  transformTags: {
    // h1 belongs to the page; headings inside rich text start at h2.
    h1: "h2",
    a: (tagName, attribs) => ({
      tagName,
      attribs: { ...attribs, rel: "noopener noreferrer nofollow" },
    }),
  },
  allowedClasses: {},
  disallowedTagsMode: "discard",
};
SANITIZE.allowedAttributes = { ...(SANITIZE.allowedAttributes as Record<string, string[]>), a: ["href", "title", "rel"] };

/** Markdown to safe HTML. */
export function renderMarkdown(source: string | null | undefined): string {
  if (!source) return "";
  const html = marked.parse(source) as string;
  return sanitizeHtml(html, SANITIZE);
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

/** Turns the entities an HTML serializer writes back into characters (plain text wants characters). */
function decodeEntities(text: string) {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === "#") {
      const code = e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

/** Plain text of a Markdown source (for e-mails, calendars, summaries, exports): characters, not entities. */
export function markdownToText(source: string | null | undefined): string {
  const text = sanitizeHtml(renderMarkdown(source), { allowedTags: [], allowedAttributes: {} });
  return decodeEntities(text).replace(/\n{3,}/g, "\n\n").trim();
}

/**
 * The Markdown's tokens (marked's lexer, same options as renderMarkdown) for renderers that do not
 * write HTML (the DOCX export). They must treat `html` tokens as plain text and give a link its
 * address only when `isSafeHref` says so, as the sanitizer above does for pages.
 */
export function markdownTokens(source: string | null | undefined): Token[] {
  return source ? marked.lexer(source) : [];
}

/** Link addresses a document may carry: http, https and mailto (the sanitizer's allowedSchemes). */
export function isSafeHref(href: string | null | undefined): boolean {
  return /^(https?:\/\/|mailto:)/i.test((href ?? "").trim());
}
