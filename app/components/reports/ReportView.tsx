// A report as HTML: the same component on the site's pages, in the print view and (through the
// print view) in the PDF. Browser-safe and free of router hooks, so that it also renders with
// renderToStaticMarkup outside Remix: the language comes in as a prop. Styles: ~/styles/report.css.
import { Fragment, type ReactNode } from "react";
import { mapKey, tocEntries, type ReportBlock, type ReportDocument, type ReportFact, type ReportSection, type TocEntry } from "~/domain/reports/document";
import { formatDate, formatNumber, translator, type Lang, type Translate } from "~/i18n";

type Heading = "h2" | "h3" | "h4" | "h5" | "h6";
const heading = (level: number): Heading => `h${Math.min(Math.max(level, 2), 6)}` as Heading;

export type ReportViewProps = {
  /** A document prepared on the server (prepareReportForDisplay): `html` filled, maps rendered. */
  document: ReportDocument;
  maps: Record<string, string>;
  /** The interface language (labels); the report's own text is Italian. */
  lang: Lang;
  /** Shown under the subtitle: version facts, a draft warning… */
  meta?: ReactNode;
  /** Inside another page (a staff preview): the title is an h2 and every heading one level lower. */
  embedded?: boolean;
};

export function ReportView({ document: doc, maps, lang, meta, embedded = false }: ReportViewProps) {
  const shift = embedded ? 1 : 0;
  const Title = embedded ? "h2" : "h1";
  const t = translator(lang);
  const entries = tocEntries(doc);
  const anchors = new Map(entries.map((e) => [e.section, e.anchor]));
  const contentLang = lang === "it" ? undefined : "it";
  return (
    <article className="report" aria-labelledby="report-title">
      <header className="report-head">
        <Title id="report-title" lang={contentLang}>
          {doc.title}
        </Title>
        {doc.subtitle ? (
          <p className="report-subtitle" lang={contentLang}>
            {doc.subtitle}
          </p>
        ) : null}
        {meta}
        <p className="report-generated muted">{t("reports.view.generatedAt", { date: formatDate(lang, doc.generatedAt, { dateStyle: "long", timeStyle: "short" }) })}</p>
        {contentLang ? <p className="muted">{t("reports.view.contentLanguageNote")}</p> : null}
      </header>
      <ReportToc entries={entries} t={t} contentLang={contentLang} shift={shift} />
      <div className="report-body" lang={contentLang}>
        {doc.sections.map((s) => (
          <ReportSectionView key={s.id} section={s} level={2} shift={shift} anchors={anchors} maps={maps} t={t} />
        ))}
      </div>
    </article>
  );
}

type TocNode = TocEntry & { children: TocNode[] };

function tocTree(entries: TocEntry[]): TocNode[] {
  const roots: TocNode[] = [];
  const stack: TocNode[] = [];
  for (const e of entries) {
    const node: TocNode = { ...e, children: [] };
    while (stack.length && stack[stack.length - 1].level >= node.level) stack.pop();
    (stack.length ? stack[stack.length - 1].children : roots).push(node);
    stack.push(node);
  }
  return roots;
}

function ReportToc({ entries, t, contentLang, shift }: { entries: TocEntry[]; t: Translate; contentLang?: string; shift: number }) {
  if (entries.length === 0) return null;
  const TocTitle = heading(2 + shift);
  const list = (nodes: TocNode[]) => (
    <ol>
      {nodes.map((n) => (
        <li key={n.anchor}>
          <a href={`#${n.anchor}`} lang={contentLang}>
            {n.section.title}
          </a>
          {n.children.length ? list(n.children) : null}
        </li>
      ))}
    </ol>
  );
  return (
    <nav className="report-toc" aria-label={t("reports.view.tocLabel")}>
      <TocTitle className="report-toc-title">{t("reports.view.toc")}</TocTitle>
      {list(tocTree(entries))}
    </nav>
  );
}

type SectionProps = { section: ReportSection; level: number; shift: number; anchors: Map<ReportSection, string>; maps: Record<string, string>; t: Translate };

function ReportSectionView({ section, level, shift, anchors, maps, t }: SectionProps) {
  const anchor = anchors.get(section) ?? section.id;
  const H = heading(level + shift);
  const children = section.sections ?? [];
  return (
    <section className={`report-section report-level-${Math.min(level, 4)}`} aria-labelledby={anchor}>
      <H id={anchor} className="report-section-title">
        {section.title}
      </H>
      {section.blocks.length === 0 && children.length === 0 ? <p className="muted">{t("reports.view.emptySection")}</p> : null}
      {section.blocks.map((block, i) => (
        <BlockView key={i} block={block} level={level + shift} svg={block.type === "map" ? maps[mapKey(section.id, i)] : undefined} t={t} />
      ))}
      {children.map((s) => (
        <ReportSectionView key={s.id} section={s} level={Math.min(level + 1, 4)} shift={shift} anchors={anchors} maps={maps} t={t} />
      ))}
    </section>
  );
}

function Facts({ items }: { items: ReportFact[] }) {
  if (items.length === 0) return null;
  return (
    <dl className="facts report-facts">
      {items.map((f, i) => (
        <Fragment key={i}>
          <dt>{f.label}</dt>
          <dd>{f.value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}

/** Sanitized HTML from lib/markdown.server.ts (filled by withRenderedHtml on the server). */
function Html({ html, className }: { html?: string; className?: string }) {
  if (!html) return null;
  return <div className={["rich-text", className].filter(Boolean).join(" ")} dangerouslySetInnerHTML={{ __html: html }} />;
}

const cell = (v: string | number) => (typeof v === "number" ? formatNumber("it", v) : v);

function BlockView({ block, level, svg, t }: { block: ReportBlock; level: number; svg?: string; t: Translate }) {
  switch (block.type) {
    case "text":
      return <Html html={block.html} className="report-text" />;
    case "facts":
      return <Facts items={block.items} />;
    case "list":
      return block.items.length ? (
        <ul className="report-list">
          {block.items.map((item, i) => (
            <li key={i}>{item}</li>
          ))}
        </ul>
      ) : (
        <p className="report-list-empty">{block.emptyText || t("reports.view.emptyList")}</p>
      );
    case "table": {
      const num = (i: number) => (block.numeric?.[i] ? "num" : undefined);
      return (
        <table className="report-table">
          <caption>{block.caption}</caption>
          <thead>
            <tr>
              {block.columns.map((c, i) => (
                <th key={i} scope="col" className={num(i)}>
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {block.rows.map((row, r) => (
              <tr key={r}>
                {row.map((v, i) =>
                  i === 0 ? (
                    <th key={i} scope="row" className={num(i)}>
                      {cell(v)}
                    </th>
                  ) : (
                    <td key={i} className={num(i)}>
                      {cell(v)}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
          {block.totals ? (
            <tfoot>
              <tr>
                {block.totals.map((v, i) =>
                  i === 0 ? (
                    <th key={i} scope="row" className={num(i)}>
                      {cell(v)}
                    </th>
                  ) : (
                    <td key={i} className={num(i)}>
                      {cell(v)}
                    </td>
                  ),
                )}
              </tr>
            </tfoot>
          ) : null}
        </table>
      );
    }
    case "map":
      return (
        <figure className="report-map">
          {svg ? (
            // The SVG is our own markup from svg-map.server.ts: drawn from the comuni boundaries in
            // our database, every text in it (titles, labels) XML-escaped there. Nothing a user typed
            // reaches it unescaped, so injecting it is safe, and it keeps the map vector in the PDF.
            <div className="report-map-svg" dangerouslySetInnerHTML={{ __html: svg }} />
          ) : (
            <p className="report-map-missing">
              {t("reports.view.mapMissing")} {block.description}
            </p>
          )}
          <figcaption>
            <span className="report-map-caption">{block.caption}</span>
            {block.features.length ? (
              <>
                <span className="report-map-items-label">{t("reports.view.mapItems")}</span>
                <ol className="report-map-items">
                  {block.features.map((f) => (
                    <li key={f.id}>{f.label}</li>
                  ))}
                </ol>
              </>
            ) : null}
          </figcaption>
        </figure>
      );
    case "item": {
      const H = heading(level + 1);
      return (
        <article className="report-item" aria-label={block.heading}>
          <H className="report-item-title">{block.heading}</H>
          <Facts items={block.facts} />
          <Html html={block.html} className="report-item-text" />
          {block.outcome ? (
            <div className="report-outcome">
              <p className="report-outcome-label">
                <strong>{t("reports.view.outcome")}:</strong> {block.outcome.label}
              </p>
              <Html html={block.outcome.html} className="report-outcome-text" />
            </div>
          ) : null}
        </article>
      );
    }
  }
}
