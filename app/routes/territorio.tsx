import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import leafletCss from "leaflet/dist/leaflet.css";
import { listZonesWithComuni, territoryBounds } from "~/domain/territory/territory.server";
import { TerritoryMap } from "~/components/map/TerritoryMap";
import { zoneColor } from "~/components/map/zoneColors";
import { isLang, translator, type Translate } from "~/i18n";
import { useT } from "~/i18n/react";
import type { RouteHandle } from "~/lib/breadcrumb";
import type { RootLoaderData } from "~/root";
import territoryCss from "~/styles/territory.css";

const GEOJSON_URL = "/territorio/comuni.geojson";

// Leaflet's stylesheet only on the pages that draw a map.
export const links: LinksFunction = () => [
  { rel: "stylesheet", href: leafletCss },
  { rel: "stylesheet", href: territoryCss },
];

export const handle: RouteHandle = { breadcrumb: { key: "territory.title" }, map: true };

export const meta: MetaFunction = ({ matches }) => {
  const lang = (matches.find((m) => m.id === "root")?.data as { lang?: unknown } | undefined)?.lang;
  const t = translator(isLang(lang) ? lang : "it");
  return [{ title: t("territory.metaTitle") }];
};

// Public page: no log-in needed.
export async function loader() {
  const [zones, bounds] = await Promise.all([listZonesWithComuni(), territoryBounds()]);
  return { zones, bounds };
}

type Zone = Awaited<ReturnType<typeof loader>>["zones"][number];

function zoneLabel(t: Translate, zone: Pick<Zone, "name" | "isCapoluogo">) {
  // The stored name of the capoluogo entry is Italian ("Milano (capoluogo)"); the zone names are proper names.
  return zone.isCapoluogo ? t("territory.capoluogo") : zone.name;
}

function countLabel(t: Translate, count: number) {
  return count === 1 ? t("territory.list.countOne") : t("territory.list.count", { count });
}

function Swatch({ zoneId, className }: { zoneId: string; className: string }) {
  return <span className={className} style={{ backgroundColor: zoneColor(zoneId) }} aria-hidden="true" />;
}

export default function Territory() {
  const t = useT();
  const { zones, bounds } = useLoaderData<typeof loader>();
  const root = useRouteLoaderData("root") as RootLoaderData | undefined;
  const tileUrl = root?.env.MAP_TILE_URL ?? "";
  const zoneLabels = useMemo(() => Object.fromEntries(zones.map((z) => [z.id, zoneLabel(t, z)])), [zones, t]);
  const total = zones.reduce((n, z) => n + z.comuni.length, 0);
  const capoluogoCount = zones.filter((z) => z.isCapoluogo).reduce((n, z) => n + z.comuni.length, 0);

  return (
    <>
      <h1>{t("territory.title")}</h1>
      <p className="lead">
        {t("territory.intro", {
          comuni: total,
          others: total - capoluogoCount,
          zones: zones.filter((z) => !z.isCapoluogo).length,
        })}
      </p>

      <div className="map-layout">
        <section aria-labelledby="territory-map-title">
          <h2 id="territory-map-title">{t("territory.map.title")}</h2>
          <p>
            <a href="#territory-list">{t("territory.map.skipToList")}</a>
          </p>
          <TerritoryMap
            dataUrl={GEOJSON_URL}
            tileUrl={tileUrl}
            bounds={bounds}
            zoneLabels={zoneLabels}
            describedBy="territory-map-hint"
          />
          <p id="territory-map-hint" className="muted map-hint">
            {t("territory.map.keyboardHint")}
          </p>
        </section>

        <section aria-labelledby="territory-legend-title" className="territory-legend">
          <h2 id="territory-legend-title">{t("territory.legend.title")}</h2>
          <ul className="map-legend">
            {zones.map((z) => (
              <li key={z.id}>
                <Swatch zoneId={z.id} className="swatch" />
                <span>{zoneLabels[z.id]}</span>
                <span className="count">{countLabel(t, z.comuni.length)}</span>
              </li>
            ))}
          </ul>
        </section>
      </div>

      <section aria-labelledby="territory-list" className="zone-list">
        <h2 id="territory-list" tabIndex={-1}>
          {t("territory.list.title")}
        </h2>
        <p>{t("territory.list.intro", { count: total })}</p>
        {zones.map((z) => (
          <section key={z.id} data-zone={z.id}>
            <h3 id={`zone-${z.id}`}>
              <Swatch zoneId={z.id} className="zone-swatch" />
              <span>{zoneLabels[z.id]}</span>
              <span className="count">({countLabel(t, z.comuni.length)})</span>
            </h3>
            <ul className="comuni-list" aria-labelledby={`zone-${z.id}`}>
              {z.comuni.map((c) => (
                <li key={c.istat}>{c.name}</li>
              ))}
            </ul>
          </section>
        ))}
      </section>

      <section aria-labelledby="territory-data-title">
        <h2 id="territory-data-title">{t("territory.geojson.title")}</h2>
        <p>
          {t("territory.geojson.text")} <a href={GEOJSON_URL}>{t("territory.geojson.link")}</a>.{" "}
          {t("footer.boundaries")}.
        </p>
      </section>
    </>
  );
}
