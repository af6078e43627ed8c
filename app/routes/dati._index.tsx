import type { HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { publishedStats } from "~/domain/contributions/published-stats.server";
import { COMUNE_FIELDS, CSV_COLUMNS, LICENCE, LICENCE_LINK_HEADER, ZONE_FIELDS } from "~/domain/opendata/open-data.server";
import { formatNumber, isMessageKey, type MessageKey } from "~/i18n";
import { metaTranslator } from "~/i18n/meta";
import { useLang, useT } from "~/i18n/react";
import type { RouteHandle } from "~/lib/breadcrumb";
import planStyles from "~/styles/plan.css";

// GET /dati: what the open data are, their fields, licence, downloads and the OGC API (decision 13).

export const handle: RouteHandle = { breadcrumb: { key: "opendata.title" } };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: planStyles }];

export const meta: MetaFunction = ({ matches }) => [{ title: metaTranslator(matches)("opendata.metaTitle") }];

export const headers: HeadersFunction = () => ({ "Access-Control-Allow-Origin": "*", Link: LICENCE_LINK_HEADER });

export async function loader({ request }: LoaderFunctionArgs) {
  const origin = new URL(request.url).origin;
  return {
    origin,
    published: publishedStats().count,
    licence: { name: LICENCE.name, url: LICENCE.url, attribution: LICENCE.attribution, boundaries: LICENCE.boundariesAttribution },
    fields: { contributi: [...CSV_COLUMNS], comuni: [...COMUNE_FIELDS], zone: [...ZONE_FIELDS] },
  };
}

const QGIS_MENU = "Layer > Add Layer > Add WFS / OGC API - Features Layer";

function FieldTable({ caption, dataset, fields }: { caption: string; dataset: string; fields: string[] }) {
  const t = useT();
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t("opendata.fields.name")}</th>
          <th scope="col">{t("opendata.fields.meaning")}</th>
        </tr>
      </thead>
      <tbody>
        {fields.map((f) => {
          const key = `opendata.field.${dataset}.${f}`;
          return (
            <tr key={f}>
              <th scope="row">
                <code>{f}</code>
              </th>
              <td>{isMessageKey(key) ? t(key as MessageKey) : ""}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export default function OpenData() {
  const { origin, published, licence, fields } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  const ogcUrl = `${origin}/ogc`;
  const example = "/dati/contributi.csv?sttm=STTM1&kind=proposta";
  const downloads: { label: MessageKey; href: string; format: string }[] = [
    { label: "opendata.downloads.contributionsCsv", href: "/dati/contributi.csv", format: "CSV" },
    { label: "opendata.downloads.contributionsCsvSemicolon", href: "/dati/contributi.csv?sep=;", format: "CSV" },
    { label: "opendata.downloads.contributionsGeojson", href: "/dati/contributi.geojson", format: "GeoJSON" },
    { label: "opendata.downloads.comuniGeojson", href: "/dati/comuni.geojson", format: "GeoJSON" },
    { label: "opendata.downloads.zoneGeojson", href: "/dati/zone.geojson", format: "GeoJSON" },
  ];
  const sections: { id: string; title: MessageKey }[] = [
    { id: "licenza", title: "opendata.licence.title" },
    { id: "dati-personali", title: "opendata.privacy.title" },
    { id: "scaricare", title: "opendata.downloads.title" },
    { id: "campi", title: "opendata.fields.title" },
    { id: "ogc-api", title: "opendata.ogc.title" },
    { id: "qgis", title: "opendata.qgis.title" },
  ];
  const [licenceBefore, licenceAfter] = t("opendata.licence.text").split("{licence}");
  const [filtersBefore, filtersAfter] = t("opendata.downloads.filters").split("{example}");
  const [gdalBefore, gdalAfter] = t("opendata.qgis.gdal").split("{command}");
  const [menuBefore, menuAfter] = t("opendata.qgis.step1").split("{menu}");
  const [urlBefore, urlAfter] = t("opendata.qgis.step2").split("{url}");
  return (
    <article className="legal">
      <h1>{t("opendata.title")}</h1>
      <p className="lead">{t("opendata.lead")}</p>

      <nav className="legal-toc" aria-labelledby="opendata-toc">
        <h2 id="opendata-toc">{t("opendata.toc")}</h2>
        <ol>
          {sections.map((s) => (
            <li key={s.id}>
              <a href={`#${s.id}`}>{t(s.title)}</a>
            </li>
          ))}
        </ol>
      </nav>

      <section aria-labelledby="licenza">
        <h2 id="licenza">{t("opendata.licence.title")}</h2>
        <p>
          {licenceBefore}
          <a href={licence.url} rel="license">
            {t("opendata.licence.link")}
          </a>
          {licenceAfter}
        </p>
        <p>{t("opendata.licence.cite")}</p>
        <blockquote lang="it">
          <p>{licence.attribution}</p>
        </blockquote>
        <p>
          {t("opendata.licence.boundaries")} <span lang="it">{licence.boundaries}</span>
        </p>
      </section>

      <section aria-labelledby="dati-personali">
        <h2 id="dati-personali">{t("opendata.privacy.title")}</h2>
        <p>{t("opendata.privacy.text")}</p>
      </section>

      <section aria-labelledby="scaricare">
        <h2 id="scaricare">{t("opendata.downloads.title")}</h2>
        <p>{t("opendata.downloads.count", { count: formatNumber(lang, published) })}</p>
        <table>
          <caption>{t("opendata.downloads.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("opendata.downloads.dataset")}</th>
              <th scope="col">{t("opendata.downloads.format")}</th>
              <th scope="col">{t("opendata.downloads.address")}</th>
            </tr>
          </thead>
          <tbody>
            {downloads.map((d) => (
              <tr key={d.href}>
                <th scope="row">
                  <a href={d.href}>{t(d.label)}</a>
                </th>
                <td>{d.format}</td>
                <td>
                  <code>{`${origin}${d.href}`}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p>
          {filtersBefore}
          <a href={example}>
            <code>{example}</code>
          </a>
          {filtersAfter}
        </p>
        <p>{t("opendata.downloads.encoding")}</p>
      </section>

      <section aria-labelledby="campi">
        <h2 id="campi">{t("opendata.fields.title")}</h2>
        <FieldTable caption={t("opendata.fields.contributionsCaption")} dataset="contributi" fields={fields.contributi} />
        <FieldTable caption={t("opendata.fields.comuniCaption")} dataset="comuni" fields={fields.comuni} />
        <FieldTable caption={t("opendata.fields.zoneCaption")} dataset="zone" fields={fields.zone} />
      </section>

      <section aria-labelledby="ogc-api">
        <h2 id="ogc-api">{t("opendata.ogc.title")}</h2>
        <p>{t("opendata.ogc.text")}</p>
        <p>
          {t("opendata.ogc.address")} <code>{ogcUrl}</code>
        </p>
        <h3 id="ogc-resources">{t("opendata.ogc.resources")}</h3>
        <ul aria-labelledby="ogc-resources">
          <li>
            <a href="/ogc">/ogc</a> — {t("opendata.ogc.landing")}
          </li>
          <li>
            <a href="/ogc/conformance">/ogc/conformance</a> — {t("opendata.ogc.conformance")}
          </li>
          <li>
            <a href="/ogc/collections">/ogc/collections</a> — {t("opendata.ogc.collections")}
          </li>
          <li>
            <a href="/ogc/api">/ogc/api</a> — {t("opendata.ogc.api")}
          </li>
        </ul>
        <p>{t("opendata.ogc.params")}</p>
      </section>

      <section aria-labelledby="qgis">
        <h2 id="qgis">{t("opendata.qgis.title")}</h2>
        <ol>
          <li>
            {menuBefore}
            <strong lang="en">{QGIS_MENU}</strong>
            {menuAfter}
          </li>
          <li>
            {urlBefore}
            <code>{ogcUrl}</code>
            {urlAfter}
          </li>
          <li>{t("opendata.qgis.step3")}</li>
        </ol>
        <p>
          {gdalBefore}
          <code>{`ogrinfo OAPIF:${ogcUrl}`}</code>
          {gdalAfter}
        </p>
      </section>
    </article>
  );
}
