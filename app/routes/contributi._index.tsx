import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation, useRouteLoaderData, useSubmit } from "@remix-run/react";
import type { FormEvent } from "react";
import leafletCss from "leaflet/dist/leaflet.css";
import { browseContributions, filterOptions, type ContributionCard } from "~/domain/contributions/browse.server";
import { filtersToSearchParams, parseFilters, selectionOf } from "~/domain/contributions/filters";
import { AUTHOR_KINDS, OUTCOME_FILTERS, SORTS } from "~/domain/contributions/filter-values";
import { ContributionsMap } from "~/components/map/ContributionsMap";
import { listPageHref, Pagination } from "~/components/layout/Pagination";
import { longDate, wholeNumber } from "~/components/contributions/format";
import type { Lang, Translate } from "~/i18n";
import { metaTranslator } from "~/i18n/meta";
import { useLang, useT } from "~/i18n/react";
import type { RouteHandle } from "~/lib/breadcrumb";
import type { RootLoaderData } from "~/root";
import browseCss from "~/styles/browse.css";
import { CONTRIBUTION_KINDS } from "~db/schema/enums";

// The public list of contributions with its map: both driven by the same filters, in the URL
// (a GET form), so a filtered view can be shared, survives a reload and works without JavaScript.

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: leafletCss },
  { rel: "stylesheet", href: browseCss },
];

export const handle: RouteHandle = { breadcrumb: { key: "browse.title" }, map: true };

export const meta: MetaFunction = ({ matches }) => [{ title: metaTranslator(matches)("browse.metaTitle") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const filters = parseFilters(url.searchParams);
  const result = await browseContributions(filters);
  const { bounds, ...options } = filterOptions();
  return {
    filters,
    options,
    result,
    bounds,
    // Built here, so the page's browser bundle needs no parsing code.
    mapQuery: filtersToSearchParams(selectionOf(filters)).toString(),
    // The filters and order without the page (page comes last in the URL, and page 1 is the plain list).
    listQuery: filtersToSearchParams({ ...filters, page: 1 }).toString(),
  };
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

function zoneLabel(t: Translate, zone: { name: string; isCapoluogo: boolean }) {
  return zone.isCapoluogo ? t("browse.capoluogo") : zone.name;
}

function countText(t: Translate, lang: Lang, result: LoaderData["result"]) {
  if (result.totalCapped) return t("browse.count.more", { count: wholeNumber(lang, result.total) });
  if (result.total === 0) return t("browse.count.none");
  if (result.total === 1) return t("browse.count.one");
  return t("browse.count.many", { count: wholeNumber(lang, result.total) });
}

function Card({
  item,
  t,
  lang,
  strategyNumbers,
}: {
  item: ContributionCard | LoaderData["result"]["items"][number];
  t: Translate;
  lang: Lang;
  strategyNumbers: Map<string, number>;
}) {
  const number = item.strategyCode ? strategyNumbers.get(item.strategyCode) : undefined;
  const comuni = item.comuni.join(", ") + (item.moreComuni > 0 ? ` ${t("browse.card.moreComuni", { count: item.moreComuni })}` : "");
  const who = item.organization ? `${item.organization.name} (${t(`orgKind.${item.organization.kind}`)})` : t("browse.person");
  // One line of facts, as text: a list page renders 25 of these, and every element costs server time.
  const facts = [
    comuni,
    who,
    item.publishedAt ? t("browse.card.publishedOn", { date: longDate(lang, item.publishedAt) }) : "",
    item.supportCount === 1 ? t("browse.card.supportOne") : t("browse.card.supports", { count: wholeNumber(lang, item.supportCount) }),
  ]
    .filter(Boolean)
    .join(" · ");
  return (
    <li className="contribution-card" data-contribution-id={item.id}>
      <h3 lang="it">
        <Link to={`/contributi/${item.id}`}>{item.title}</Link>
      </h3>
      <p className="card-tags">
        <span className={`badge kind-badge kind-${item.kind}`}>{t(`contributions.kind.${item.kind}`)}</span>
        {number != null ? <span className="badge">{t("plan.sttmLabel", { number })}</span> : null}
      </p>
      <p className="card-facts">{facts}</p>
    </li>
  );
}

export default function ContributionsBrowse() {
  const data = useLoaderData<typeof loader>();
  const { filters, options, result } = data;
  const t = useT();
  const lang = useLang();
  const navigation = useNavigation();
  const submit = useSubmit();
  // With JavaScript, the URL keeps only the filters that are set (without it, the browser sends every field: same result).
  const submitWithoutEmpty = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const [k, v] of new FormData(event.currentTarget)) if (typeof v === "string" && v.trim() !== "" && !(k === "sort" && v === "newest")) params.append(k, v);
    submit(params, { method: "get", action: "/contributi" });
  };
  const root = useRouteLoaderData("root") as RootLoaderData | undefined;
  const strategyNumbers = new Map(options.strategies.map((s) => [s.code, s.number]));
  const kindLabels = Object.fromEntries(CONTRIBUTION_KINDS.map((k) => [k, t(`contributions.kind.${k}`)]));
  const busy = navigation.state === "loading" && navigation.location.pathname === "/contributi";
  // Remounts the form after each navigation, so its fields show the filters of the URL.
  const formKey = filtersToQueryKey(filters);
  // The less used filters fold away, and open when one of them is set.
  const moreActive = [
    filters.target,
    filters.comune,
    filters.orgKind,
    filters.outcome,
    filters.from,
    filters.to,
    filters.sort !== "newest" ? filters.sort : undefined,
  ].filter(Boolean).length;

  return (
    <>
      <div className="browse-heading">
        <h1>{t("browse.title")}</h1>
        <Link to="/contributi/nuovo" className="btn btn-cta">
          {t("browse.submitCta")}
        </Link>
      </div>
      <p className="lead">{t("browse.intro")}</p>

      <section aria-labelledby="browse-filters-title" className="browse-filters">
        <h2 id="browse-filters-title">{t("browse.filters.title")}</h2>
        <Form method="get" action="/contributi" key={formKey} aria-labelledby="browse-filters-title" onSubmit={submitWithoutEmpty}>
          <div className="filters-main">
            <div className="field field-search">
              <label htmlFor="filter-q">{t("browse.filters.q")}</label>
              <input id="filter-q" name="q" type="search" defaultValue={filters.q ?? ""} maxLength={200} aria-describedby="filter-q-hint" lang="it" />
              <p className="hint" id="filter-q-hint">
                {t("browse.filters.qHint")}
              </p>
            </div>
            <div className="field">
              <label htmlFor="filter-sttm">{t("browse.filters.sttm")}</label>
              <select id="filter-sttm" name="sttm" defaultValue={filters.sttm ?? ""}>
                <option value="">{t("browse.filters.any")}</option>
                {options.strategies.map((s) => (
                  <option key={s.code} value={s.code}>
                    {t("plan.sttmLabel", { number: s.number })}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="filter-kind">{t("browse.filters.kind")}</label>
              <select id="filter-kind" name="kind" defaultValue={filters.kind ?? ""}>
                <option value="">{t("browse.filters.any")}</option>
                {CONTRIBUTION_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {kindLabels[k]}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="filter-zone">{t("browse.filters.zone")}</label>
              <select id="filter-zone" name="zone" defaultValue={filters.zone ?? ""}>
                <option value="">{t("browse.filters.anyFeminine")}</option>
                {options.zones.map((z) => (
                  <option key={z.id} value={z.id}>
                    {zoneLabel(t, z)}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <details className="more-filters" open={moreActive > 0}>
            <summary>{moreActive > 0 ? t("browse.filters.moreActive", { count: moreActive }) : t("browse.filters.more")}</summary>
            <div className="filter-grid">
              <div className="field">
                <label htmlFor="filter-target">{t("browse.filters.target")}</label>
                <select id="filter-target" name="target" defaultValue={filters.target ?? ""}>
                  <option value="">{t("browse.filters.any")}</option>
                  {options.strategies.map((s) => (
                    <optgroup key={s.code} label={t("plan.sttmLabel", { number: s.number })}>
                      {options.targets
                        .filter((x) => x.strategyCode === s.code)
                        .map((x) => (
                          <option key={x.code} value={x.code}>
                            {x.code.replace("STTM", "")} {x.title}
                          </option>
                        ))}
                    </optgroup>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor="filter-comune">{t("browse.filters.comune")}</label>
                <select id="filter-comune" name="comune" defaultValue={filters.comune ?? ""}>
                  <option value="">{t("browse.filters.any")}</option>
                  {options.zones.map((z) => (
                    <optgroup key={z.id} label={zoneLabel(t, z)}>
                      {z.comuni.map((c) => (
                        <option key={c.istat} value={c.istat}>
                          {c.name}
                        </option>
                      ))}
                    </optgroup>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor="filter-orgKind">{t("browse.filters.orgKind")}</label>
                <select id="filter-orgKind" name="orgKind" defaultValue={filters.orgKind ?? ""}>
                  <option value="">{t("browse.filters.anyAuthor")}</option>
                  {AUTHOR_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {k === "person" ? t("browse.filters.person") : t(`orgKind.${k}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor="filter-outcome">{t("browse.filters.outcome")}</label>
                <select id="filter-outcome" name="outcome" defaultValue={filters.outcome ?? ""}>
                  <option value="">{t("browse.filters.any")}</option>
                  {OUTCOME_FILTERS.map((o) => (
                    <option key={o} value={o}>
                      {o === "with" || o === "without" ? t(`browse.filters.outcome.${o}`) : t(`browse.outcome.${o}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor="filter-from">{t("browse.filters.from")}</label>
                <input id="filter-from" name="from" type="date" defaultValue={filters.from ?? ""} />
              </div>
              <div className="field">
                <label htmlFor="filter-to">{t("browse.filters.to")}</label>
                <input id="filter-to" name="to" type="date" defaultValue={filters.to ?? ""} />
              </div>
              <div className="field">
                <label htmlFor="filter-sort">{t("browse.filters.sort")}</label>
                <select id="filter-sort" name="sort" defaultValue={filters.sort}>
                  {SORTS.map((s) => (
                    <option key={s} value={s}>
                      {t(`browse.sort.${s}`)}
                    </option>
                  ))}
                </select>
              </div>
            </div>
          </details>
          <div className="actions">
            <button type="submit" className="btn">
              {t("browse.filters.submit")}
            </button>
            <Link to="/contributi">{t("browse.filters.reset")}</Link>
          </div>
        </Form>
      </section>

      <p className="result-count" role="status" aria-live="polite" aria-busy={busy}>
        {countText(t, lang, result)}
      </p>

      <div className="browse-layout">
        <section aria-labelledby="browse-map-title" className="browse-map">
          <h2 id="browse-map-title">{t("browse.map.title")}</h2>
          <p>
            <a href="#browse-list-title">{t("browse.map.skipToList")}</a>
          </p>
          <ContributionsMap
            query={data.mapQuery}
            tileUrl={root?.env.MAP_TILE_URL ?? ""}
            bounds={data.bounds}
            kindLabels={kindLabels}
            describedBy="browse-map-hint"
          />
          <p id="browse-map-hint" className="muted map-hint">
            {t("browse.map.hint")}
          </p>
          <ul className="map-legend kind-legend" aria-label={t("browse.map.legend")}>
            {CONTRIBUTION_KINDS.map((k) => (
              <li key={k}>
                <span className={`point-marker kind-${k}`} aria-hidden="true">
                  <span />
                </span>
                {kindLabels[k]}
              </li>
            ))}
            <li>
              <span className="cluster-marker" aria-hidden="true">
                <span>12</span>
              </span>
              {t("browse.map.legendCluster")}
            </li>
          </ul>
        </section>

        <section aria-labelledby="browse-list-title" className="browse-list">
          <h2 id="browse-list-title" tabIndex={-1}>
            {t("browse.list.title")}
          </h2>
          {result.items.length === 0 ? (
            <p>{result.page > 1 ? t("browse.list.pastEnd") : t("browse.list.empty")}</p>
          ) : (
            <ol className="contribution-cards" aria-labelledby="browse-list-title">
              {result.items.map((item) => (
                <Card key={item.id} item={item} t={t} lang={lang} strategyNumbers={strategyNumbers} />
              ))}
            </ol>
          )}
          <Pagination
            numbered
            page={result.page}
            pages={result.pageCount}
            hasNext={result.hasNext}
            label={t("browse.pagination")}
            href={(p) => listPageHref("/contributi", data.listQuery, p)}
          />
        </section>
      </div>
    </>
  );
}

function filtersToQueryKey(filters: LoaderData["filters"]) {
  return JSON.stringify(filters);
}
