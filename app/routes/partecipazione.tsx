import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "~/lib/zod.server";
import { getLang } from "~/lib/lang.server";
import { listProcesses } from "~/domain/processes/processes.server";
import { byRateAscending, cachedParticipationDashboard, classOf, rateClasses, resolveDashboardFilters, type ComuneStats } from "~/domain/dashboard/dashboard.server";
import { NO_DATA_FILL, renderSvgMap } from "~/domain/territory/svg-map.server";
import { BarChart } from "~/components/dashboard/BarChart";
import { COMUNI_ORDERS, ComuniTable, NotInvolvedList, ZoneTable, type ComuniOrder } from "~/components/dashboard/DashboardTables";
import { MapLegend } from "~/components/dashboard/MapLegend";
import { formatRate, zoneName } from "~/components/dashboard/format";
import { formatDate, formatNumber, translator } from "~/i18n";
import { metaTranslator } from "~/i18n/meta";
import { useLang, useT } from "~/i18n/react";
import type { RouteHandle } from "~/lib/breadcrumb";
import dashboardCss from "~/styles/dashboard.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: dashboardCss }];
export const handle: RouteHandle = { breadcrumb: { key: "dashboard.title" } };
export const meta: MetaFunction = ({ matches }) => [{ title: metaTranslator(matches)("dashboard.metaTitle") }];

// Filters and order live in the URL (a GET form and links), so the page works without JavaScript.
const querySchema = () =>
  z.object({
    sttm: z.string().regex(/^STTM\d{1,2}$/).optional().catch(undefined),
    processo: z.string().max(120).optional().catch(undefined),
    ordine: z.enum(COMUNI_ORDERS).catch("tasso"),
  });

const collator = new Intl.Collator("it", { sensitivity: "base" });
const SORTS: Record<ComuniOrder, (a: ComuneStats, b: ComuneStats, zoneOrder: Map<string, number>) => number> = {
  tasso: (a, b) => byRateAscending(a, b),
  nome: (a, b) => collator.compare(a.name, b.name),
  zona: (a, b, zones) => (zones.get(a.zoneId) ?? 0) - (zones.get(b.zoneId) ?? 0) || collator.compare(a.name, b.name),
  abitanti: (a, b) => (b.population ?? 0) - (a.population ?? 0) || collator.compare(a.name, b.name),
  contributi: (a, b) => b.contributions - a.contributions || collator.compare(a.name, b.name),
  organizzazioni: (a, b) => b.organizations - a.organizations || collator.compare(a.name, b.name),
};

// Public page: no log-in needed.
export async function loader({ request }: LoaderFunctionArgs) {
  const raw = Object.fromEntries([...new URL(request.url).searchParams].filter(([, v]) => v !== ""));
  const q = querySchema().parse(raw);
  const lang = await getLang(request);
  const t = translator(lang);
  const [{ strategies, strategy, process: publicProcess, filters }, processes] = await Promise.all([resolveDashboardFilters(q.sttm, q.processo), listProcesses()]);
  const { data, computedAt } = cachedParticipationDashboard(filters);
  const zoneNames = Object.fromEntries(data.zones.map((z) => [z.id, zoneName(t, z)]));
  const zoneOrder = new Map(data.zones.map((z, i) => [z.id, i]));

  // Choropleth: quantile classes of the positive rates; the comuni with no contribution hatched.
  const classes = rateClasses(data.comuni.map((c) => c.contributionsPer10k ?? 0));
  const rate = (r: number) => formatRate(lang, r);
  const legend = [
    ...classes.map((c) => ({
      label: c.min === c.max ? t("dashboard.map.classOne", { min: rate(c.min) }) : t("dashboard.map.class", { min: rate(c.min), max: rate(c.max) }),
      fill: c.color,
    })),
    { label: t("dashboard.map.none"), fill: NO_DATA_FILL, noData: true },
  ];
  const comuneFill: Record<string, string> = {};
  const comuneLabel: Record<string, string> = {};
  for (const c of data.comuni) {
    comuneFill[c.istat] = classOf(c.contributionsPer10k, classes)?.color ?? NO_DATA_FILL;
    comuneLabel[c.istat] =
      c.contributions > 0
        ? t("dashboard.map.comuneLabel", { comune: c.name, count: formatNumber(lang, c.contributions), rate: formatRate(lang, c.contributionsPer10k) })
        : t("dashboard.map.comuneLabelNone", { comune: c.name });
  }
  const noneCount = data.comuni.filter((c) => c.contributions === 0).length;
  const mapSvg = await renderSvgMap({
    idPrefix: "partecipazione-mappa",
    title: t("dashboard.map.title"),
    description: classes.length
      ? t("dashboard.map.description", { total: data.comuni.length, classes: classes.length, none: noneCount })
      : t("dashboard.map.descriptionEmpty", { total: data.comuni.length }),
    comuneFill,
    comuneLabel,
    legend: legend.map(({ label, fill }) => ({ label, fill })),
    attribution: t("dashboard.method.boundaries").replace(/\.$/, ""),
  });

  const comuni = [...data.comuni].sort((a, b) => SORTS[q.ordine](a, b, zoneOrder));
  const notInvolved = data.zones.map((z) => ({
    id: z.id,
    label: zoneNames[z.id],
    comuni: data.comuni
      .filter((c) => c.zoneId === z.id && !c.tookPart && !c.touched)
      .sort((a, b) => collator.compare(a.name, b.name))
      .map((c) => ({ istat: c.istat, name: c.name })),
  }));

  return {
    filters: { sttm: strategy?.code ?? "", processo: publicProcess?.slug ?? "", ordine: q.ordine },
    filterLabel: [strategy ? `STTM ${strategy.number} — ${strategy.title}` : "", publicProcess?.title ?? ""].filter(Boolean).join(" · "),
    options: {
      strategies: strategies.map((s) => ({ code: s.code, number: s.number })),
      processes: processes.map((p) => ({ slug: p.slug, title: p.title })),
    },
    computedAt,
    totals: data.totals,
    zones: data.zones,
    zoneNames,
    comuni,
    notInvolved,
    legend,
    mapSvg,
  };
}

export default function ParticipationDashboard() {
  const d = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  const n = (v: number) => formatNumber(lang, v);
  const query = (changes: Record<string, string>) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...d.filters, ...changes })) if (v && !(k === "ordine" && v === "tasso")) params.set(k, v);
    const s = params.toString();
    return s ? `/partecipazione?${s}` : "/partecipazione";
  };
  const csvQuery = new URLSearchParams(Object.entries({ sttm: d.filters.sttm, processo: d.filters.processo }).filter(([, v]) => v)).toString();
  const csvHref = (file: string, semicolon = false) => {
    const params = new URLSearchParams(csvQuery);
    if (semicolon) params.set("sep", ";");
    const s = params.toString();
    return `/partecipazione/${file}${s ? `?${s}` : ""}`;
  };
  const zoneBars = (value: (z: (typeof d.zones)[number]) => number, text: (z: (typeof d.zones)[number]) => string) =>
    d.zones.map((z) => ({ key: z.id, label: d.zoneNames[z.id], value: value(z), valueText: text(z) }));

  return (
    <>
      <h1>{t("dashboard.title")}</h1>
      <p className="lead">{t("dashboard.intro")}</p>
      <p>
        {t("dashboard.equity")} <Link to="/obiettivi">{t("dashboard.equityLink")}</Link>.
      </p>

      <section aria-labelledby="dashboard-filters-title">
        <h2 id="dashboard-filters-title" className="visually-hidden">
          {t("dashboard.filters.title")}
        </h2>
        <Form method="get" className="dashboard-filters" aria-labelledby="dashboard-filters-title">
          <div className="field">
            <label htmlFor="filter-sttm">{t("dashboard.filters.strategy")}</label>
            <select id="filter-sttm" name="sttm" defaultValue={d.filters.sttm}>
              <option value="">{t("dashboard.filters.anyStrategy")}</option>
              {d.options.strategies.map((s) => (
                <option key={s.code} value={s.code}>
                  STTM {s.number}
                </option>
              ))}
            </select>
          </div>
          {d.options.processes.length > 1 || d.filters.processo ? (
            <div className="field">
              <label htmlFor="filter-process">{t("dashboard.filters.process")}</label>
              <select id="filter-process" name="processo" defaultValue={d.filters.processo}>
                <option value="">{t("dashboard.filters.anyProcess")}</option>
                {d.options.processes.map((p) => (
                  <option key={p.slug} value={p.slug}>
                    {p.title}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          {d.filters.ordine !== "tasso" ? <input type="hidden" name="ordine" value={d.filters.ordine} /> : null}
          <div className="actions">
            <button type="submit" className="btn">
              {t("dashboard.filters.submit")}
            </button>
            <Link to="/partecipazione">{t("dashboard.filters.reset")}</Link>
          </div>
        </Form>
        {d.filterLabel ? <p role="status">{t("dashboard.filters.showing", { what: d.filterLabel })}</p> : null}
        <p className="muted">{t("dashboard.updated", { date: formatDate(lang, d.computedAt, { dateStyle: "long", timeStyle: "short" }) })}</p>
      </section>

      <section aria-labelledby="headline-title">
        <h2 id="headline-title">{t("dashboard.headline.title")}</h2>
        <ul className="headline">
          <li data-figure="contributions">
            <span className="figure">{n(d.totals.contributions)}</span> {t("dashboard.headline.contributions")}
          </li>
          <li data-figure="organizations">
            <span className="figure">{n(d.totals.organizations)}</span> {t("dashboard.headline.organizations")}
          </li>
          <li data-figure="tookPart">
            <span className="figure">{n(d.totals.comuniTookPart)}</span> {t("dashboard.headline.tookPart", { total: n(d.totals.comuni) })}
          </li>
          <li data-figure="touched">
            <span className="figure">{n(d.totals.comuniTouched)}</span> {t("dashboard.headline.touched", { total: n(d.totals.comuni) })}
          </li>
          <li data-figure="notInvolved" className={d.totals.comuniNotInvolved > 0 ? "is-alert" : undefined}>
            <span className="figure">{n(d.totals.comuniNotInvolved)}</span> {t("dashboard.headline.notInvolved")}
          </li>
        </ul>
        {d.totals.contributionsWithoutPlace > 0 ? <p>{t("dashboard.headline.withoutPlace", { count: n(d.totals.contributionsWithoutPlace) })}</p> : null}
      </section>

      <section aria-labelledby="dashboard-map-title">
        <h2 id="dashboard-map-title">{t("dashboard.map.title")}</h2>
        <p>
          <a href="#comuni-title">{t("dashboard.map.toTable")}</a>
        </p>
        <div className="dashboard-map-layout">
          {/* Our own markup, built on the server by renderSvgMap, which escapes every text in it (comune names and labels). */}
          <div className="dashboard-map" dangerouslySetInnerHTML={{ __html: d.mapSvg }} />
          <div>
            <MapLegend title={t("dashboard.map.legend")} entries={d.legend} />
            {d.legend.length > 1 ? <p className="muted">{t("dashboard.map.classesNote")}</p> : null}
          </div>
        </div>
      </section>

      <section aria-labelledby="charts-title">
        <h2 id="charts-title">{t("dashboard.charts.title")}</h2>
        <div className="bar-charts">
          <div>
            <h3>{t("dashboard.charts.contributionsTitle")}</h3>
            <BarChart
              id="chart-contributions"
              title={t("dashboard.charts.contributionsTitle")}
              description={t("dashboard.charts.contributionsDesc", { count: d.zones.length })}
              bars={zoneBars(
                (z) => z.contributionsPer10k ?? 0,
                (z) => formatRate(lang, z.contributionsPer10k),
              )}
            />
          </div>
          <div>
            <h3>{t("dashboard.charts.organizationsTitle")}</h3>
            <BarChart
              id="chart-organizations"
              title={t("dashboard.charts.organizationsTitle")}
              description={t("dashboard.charts.organizationsDesc", { count: d.zones.length })}
              bars={zoneBars(
                (z) => z.organizations,
                (z) => n(z.organizations),
              )}
            />
          </div>
        </div>
        <h3 id="zones-title">{t("dashboard.zones.title")}</h3>
        <ZoneTable t={t} lang={lang} zones={d.zones} />
        <p className="muted">{t("dashboard.totalNote")}</p>
      </section>

      <section aria-labelledby="comuni-title">
        <h2 id="comuni-title" tabIndex={-1}>
          {t("dashboard.comuni.title")}
        </h2>
        <ComuniTable
          t={t}
          lang={lang}
          comuni={d.comuni}
          zoneNames={d.zoneNames}
          order={d.filters.ordine}
          sortHref={(o) => `${query({ ordine: o })}#comuni-title`}
        />
      </section>

      <section aria-labelledby="not-involved-title">
        <h2 id="not-involved-title">{t("dashboard.notInvolved.title")}</h2>
        {d.totals.comuniNotInvolved > 0 ? <p>{t("dashboard.notInvolved.intro", { count: n(d.totals.comuniNotInvolved) })}</p> : null}
        <NotInvolvedList t={t} zones={d.notInvolved} />
      </section>

      <section aria-labelledby="download-title">
        <h2 id="download-title">{t("dashboard.download.title")}</h2>
        <ul>
          <li>
            <a href={csvHref("comuni.csv")}>{t("dashboard.download.comuni")}</a> · <a href={csvHref("comuni.csv", true)}>{t("dashboard.download.comuniSemicolon")}</a>
          </li>
          <li>
            <a href={csvHref("zone.csv")}>{t("dashboard.download.zones")}</a> · <a href={csvHref("zone.csv", true)}>{t("dashboard.download.zonesSemicolon")}</a>
          </li>
        </ul>
      </section>

      <section aria-labelledby="method-title">
        <h2 id="method-title">{t("dashboard.method.title")}</h2>
        <p>{t("dashboard.method.contributions")}</p>
        <p>{t("dashboard.method.organizations")}</p>
        <p>{t("dashboard.method.tookPart")}</p>
        <p>{t("dashboard.method.population", { total: n(d.totals.population) })}</p>
        <p>{t("dashboard.method.boundaries")}</p>
      </section>
    </>
  );
}
