import { formatNumber, type Lang, type Translate } from "~/i18n";
import { formatRate, zoneName } from "./format";

export type ZoneRow = {
  id: string;
  name: string;
  isCapoluogo: boolean;
  population: number;
  comuniCount: number;
  comuniTookPart: number;
  comuniTouched: number;
  contributions: number;
  organizations: number;
  contributionsPer10k: number | null;
  organizationsPer10k: number | null;
};
export type ComuneRow = {
  istat: string;
  name: string;
  zoneId: string;
  population: number | null;
  contributions: number;
  organizations: number;
  contributionsPer10k: number | null;
  organizationsPer10k: number | null;
  tookPart: boolean;
};

export const COMUNI_ORDERS = ["tasso", "nome", "zona", "abitanti", "contributi", "organizzazioni"] as const;
export type ComuniOrder = (typeof COMUNI_ORDERS)[number];

export function ZoneTable({ t, lang, zones }: { t: Translate; lang: Lang; zones: ZoneRow[] }) {
  const n = (v: number) => formatNumber(lang, v);
  const sum = (f: (z: ZoneRow) => number) => zones.reduce((acc, z) => acc + f(z), 0);
  return (
    <div className="table-scroll">
      <table className="data-table dashboard-zones">
        <caption>{t("dashboard.zones.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("dashboard.col.zone")}</th>
            <th scope="col">{t("dashboard.col.population")}</th>
            <th scope="col">{t("dashboard.col.contributions")}</th>
            <th scope="col">{t("dashboard.col.contributionsRate")}</th>
            <th scope="col">{t("dashboard.col.organizations")}</th>
            <th scope="col">{t("dashboard.col.organizationsRate")}</th>
            <th scope="col">{t("dashboard.col.tookPart")}</th>
            <th scope="col">{t("dashboard.col.touched")}</th>
          </tr>
        </thead>
        <tbody>
          {zones.map((z) => (
            <tr key={z.id} data-zone={z.id}>
              <th scope="row">{zoneName(t, z)}</th>
              <td className="num">{n(z.population)}</td>
              <td className="num" data-col="contributions">
                {n(z.contributions)}
              </td>
              <td className="num" data-col="contributionsRate">
                {formatRate(lang, z.contributionsPer10k)}
              </td>
              <td className="num" data-col="organizations">
                {n(z.organizations)}
              </td>
              <td className="num">{formatRate(lang, z.organizationsPer10k)}</td>
              <td className="num" data-col="tookPart">
                {t("dashboard.ofTotal", { count: n(z.comuniTookPart), total: n(z.comuniCount) })}
              </td>
              <td className="num" data-col="touched">
                {t("dashboard.ofTotal", { count: n(z.comuniTouched), total: n(z.comuniCount) })}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t("dashboard.total")}</th>
            <td className="num">{n(sum((z) => z.population))}</td>
            <td className="num">{n(sum((z) => z.contributions))}</td>
            <td />
            <td className="num">{n(sum((z) => z.organizations))}</td>
            <td />
            <td className="num">{t("dashboard.ofTotal", { count: n(sum((z) => z.comuniTookPart)), total: n(sum((z) => z.comuniCount)) })}</td>
            <td className="num">{t("dashboard.ofTotal", { count: n(sum((z) => z.comuniTouched)), total: n(sum((z) => z.comuniCount)) })}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

const COLUMN_OF: Record<ComuniOrder, Parameters<Translate>[0]> = {
  tasso: "dashboard.col.contributionsRate",
  nome: "dashboard.col.comune",
  zona: "dashboard.col.zone",
  abitanti: "dashboard.col.population",
  contributi: "dashboard.col.contributions",
  organizzazioni: "dashboard.col.organizations",
};

/** The comuni, sorted by the server; each sortable column header is a link (works without JavaScript). */
export function ComuniTable({
  t,
  lang,
  comuni,
  zoneNames,
  order,
  sortHref,
}: {
  t: Translate;
  lang: Lang;
  comuni: ComuneRow[];
  zoneNames: Record<string, string>;
  order: ComuniOrder;
  sortHref: (order: ComuniOrder) => string;
}) {
  const n = (v: number) => formatNumber(lang, v);
  const header = (o: ComuniOrder) => {
    const label = t(COLUMN_OF[o]);
    const ascending = o === "tasso" || o === "nome" || o === "zona";
    return (
      <th scope="col" aria-sort={order === o ? (ascending ? "ascending" : "descending") : undefined}>
        {order === o ? (
          label
        ) : (
          <a href={sortHref(o)}>
            {label}
            <span className="visually-hidden"> — {t("dashboard.comuni.sortBy", { column: t(`dashboard.order.${o}`) })}</span>
          </a>
        )}
      </th>
    );
  };
  return (
    <div className="table-scroll">
      <table className="data-table dashboard-comuni">
        <caption>{t("dashboard.comuni.caption", { order: t(`dashboard.order.${order}`) })}</caption>
        <thead>
          <tr>
            {header("nome")}
            {header("zona")}
            {header("abitanti")}
            {header("contributi")}
            {header("tasso")}
            {header("organizzazioni")}
            <th scope="col">{t("dashboard.col.organizationsRate")}</th>
            <th scope="col">{t("dashboard.col.comuneTookPart")}</th>
          </tr>
        </thead>
        <tbody>
          {comuni.map((c) => (
            <tr key={c.istat} data-istat={c.istat} className={c.contributions === 0 && !c.tookPart ? "not-heard" : undefined}>
              <th scope="row">{c.name}</th>
              <td>{zoneNames[c.zoneId] ?? c.zoneId}</td>
              <td className="num">{c.population == null ? "–" : n(c.population)}</td>
              <td className="num" data-col="contributions">
                {n(c.contributions)}
              </td>
              <td className="num" data-col="contributionsRate">
                {formatRate(lang, c.contributionsPer10k)}
              </td>
              <td className="num" data-col="organizations">
                {n(c.organizations)}
              </td>
              <td className="num">{formatRate(lang, c.organizationsPer10k)}</td>
              <td data-col="tookPart">{c.tookPart ? t("dashboard.yes") : t("dashboard.no")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The comuni neither heard through a contribution nor taking part through their Comune, by zone. */
export function NotInvolvedList({ t, zones }: { t: Translate; zones: { id: string; label: string; comuni: { istat: string; name: string }[] }[] }) {
  const withSome = zones.filter((z) => z.comuni.length > 0);
  if (!withSome.length) return <p>{t("dashboard.notInvolved.none")}</p>;
  return (
    <dl className="not-involved">
      {withSome.map((z) => (
        <div key={z.id} data-zone={z.id}>
          <dt>
            {z.label} ({z.comuni.length})
          </dt>
          <dd>
            <ul className="inline-list">
              {z.comuni.map((c) => (
                <li key={c.istat} data-istat={c.istat}>
                  {c.name}
                </li>
              ))}
            </ul>
          </dd>
        </div>
      ))}
    </dl>
  );
}
