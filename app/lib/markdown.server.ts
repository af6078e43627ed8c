import { Marked } from "marked";
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

/** Plain text of a Markdown source (for e-mails, summaries, exports). */
export function markdownToText(source: string | null | undefined): string {
  return sanitizeHtml(renderMarkdown(source), { allowedTags: [], allowedAttributes: {} }).replace(/\n{3,}/g, "\n\n").trim();
}
