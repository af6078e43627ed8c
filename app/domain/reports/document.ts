// The shape every report is built into, whatever it is about (a held meeting, the consultation on
// an STTM version) and whatever it becomes (the page, the print view and its PDF, Markdown, DOCX,
// and the CSV/GeoJSON of the data behind it). Builders produce a ReportDocument from the data;
// renderers read only this. Browser-safe: types and pure helpers, no Node or database imports.
//
// A published version stores the ReportDocument as JSON (report_versions.document), so what
// was published stays readable exactly as it was after a correction makes a new version.
// No personal data goes in: authors appear as their organization or as "cittadino/a".
import type { Geometry } from "geojson";
import type { ReportKind } from "~db/schema/enums";

export type { ReportKind };

/** A contribution or an amendment the report speaks about (to compare IDs, to carry redactions). */
export type ReportItemRef = { kind: "contribution" | "amendment"; id: number };

export type ReportFact = { label: string; value: string };

export type ReportBlock =
  /** Text written in Markdown (staff's introduction, minutes, a reasoned response). `html` is filled
   * on the server (sanitized, lib/markdown.server.ts) just before a page renders it; never stored. */
  | { type: "text"; markdown: string; html?: string }
  /** A short list of facts (definition list): date, venue, kind… */
  | { type: "facts"; items: ReportFact[] }
  /** A data table: numbers right-aligned where `numeric[i]` is true; an optional last row of totals. */
  | { type: "table"; caption: string; columns: string[]; rows: (string | number)[][]; numeric?: boolean[]; totals?: (string | number)[] }
  /** A plain list of short strings (e.g. the comuni of a zone that did not attend). */
  | { type: "list"; items: string[]; emptyText?: string }
  /** A map drawn as SVG from our own comune boundaries (see svg-map.server.ts): contributions over comuni. */
  | { type: "map"; caption: string; description: string; features: ReportMapFeature[]; focusComuni?: string[] }
  /** One contribution or amendment: its heading, facts, text, and (participation report) its outcome. */
  | {
      type: "item";
      ref: ReportItemRef;
      heading: string;
      facts: ReportFact[];
      markdown: string;
      html?: string;
      outcome?: { label: string; markdown: string; html?: string };
    };

export type ReportMapFeature = { id: number; label: string; geometry: Geometry };

/** A section: numbered headings come from nesting (level 2 at the top, then 3 and 4). */
export type ReportSection = { id: string; title: string; blocks: ReportBlock[]; sections?: ReportSection[] };

/**
 * One row of the data behind a report (its CSV and GeoJSON). Labels in Italian, no personal data:
 * `organization` is the organization's name or "cittadino/a".
 */
export type ReportDataRow = {
  ref: ReportItemRef;
  title: string;
  /** proposta / osservazione / … or "emendamento" */
  type: string;
  strategy: string | null;
  targets: string[];
  organization: string;
  organizationKind: string | null;
  comuni: string[];
  zones: string[];
  status: string;
  outcome: string | null;
  response: string | null;
  /** e.g. "2.3 Rete ecologica" — the draft section it is linked to, if any */
  sections: string[];
  /** ISO date (Europe/Rome) of publication */
  publishedAt: string | null;
  /** path on the site, e.g. "/contributi/12" */
  url: string;
  geometry: Geometry | null;
};

export type ReportDocument = {
  kind: ReportKind;
  title: string;
  subtitle: string;
  /** ISO timestamp of when the data were read. */
  generatedAt: string;
  sections: ReportSection[];
  data: ReportDataRow[];
};

/** Every section of a document, depth-first, with its heading level (2, 3, 4). */
export function flattenSections(sections: ReportSection[], level = 2): { section: ReportSection; level: number }[] {
  return sections.flatMap((section) => [{ section, level }, ...flattenSections(section.sections ?? [], Math.min(level + 1, 4))]);
}

/** The refs of every item block in the document, in order (duplicates kept, so tests can count them). */
export function itemRefs(doc: ReportDocument): ReportItemRef[] {
  return flattenSections(doc.sections).flatMap(({ section }) =>
    section.blocks.flatMap((b) => (b.type === "item" ? [b.ref] : [])),
  );
}

/** An anchor id safe for HTML and DOCX bookmarks: "s-" + lowercase ASCII letters, digits and dashes. */
export function sectionAnchor(text: string): string {
  const slug = text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return `s-${slug || "sezione"}`;
}

/** The key of a map block's rendered SVG (display.server.ts fills it, ReportView reads it). */
export function mapKey(sectionId: string, blockIndex: number): string {
  return `${sectionId}#${blockIndex}`;
}

/** A section as every renderer lists it: heading level (2–4), its anchor (unique in the document). */
export type TocEntry = { section: ReportSection; level: number; anchor: string };

/**
 * The table of contents shared by the page, the print view/PDF, Markdown and DOCX: every section
 * depth-first with its level and an anchor made from its id (or title), made unique with -2, -3…
 */
export function tocEntries(doc: Pick<ReportDocument, "sections">): TocEntry[] {
  const seen = new Map<string, number>();
  return flattenSections(doc.sections).map(({ section, level }) => {
    const base = /^s-[a-z0-9-]+$/.test(section.id) ? section.id.slice(0, 62) : sectionAnchor(section.id || section.title);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return { section, level, anchor: n === 1 ? base : `${base}-${n}` };
  });
}

/** A file name safe everywhere (ASCII letters, digits, dashes) from a title: "Verbale e rapporto — Rho" → "verbale-e-rapporto-rho". */
export function fileSlug(title: string, max = 60): string {
  const slug = title
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  // Too long: cut at the last whole word that fits.
  const cut = slug.length > max ? slug.slice(0, slug.lastIndexOf("-", max) > 0 ? slug.lastIndexOf("-", max) : max) : slug;
  return cut || "rapporto";
}
