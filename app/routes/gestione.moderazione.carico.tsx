import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/domain/accounts/session.server";
import { WORKLOAD_DAYS } from "~/domain/moderation/kinds";
import { workload } from "~/domain/moderation/workload.server";
import { formatDate, formatNumber } from "~/i18n";
import { metaTranslator } from "~/i18n/meta";
import { useLang, useT } from "~/i18n/react";
import type { RouteHandle } from "~/lib/breadcrumb";

// What a head of sector checks every morning: how much waits and since when, decisions per
// moderator in the last 30 days, published contributions still without an outcome per STTM.

export const handle: RouteHandle = { breadcrumb: { key: "moderation.workload.title" } };
export const meta: MetaFunction = ({ matches }) => [{ title: `${metaTranslator(matches)("moderation.workload.title")} — Concerta` }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "moderation.decide");
  const w = workload();
  return {
    ...w,
    oldest: w.oldest?.toISOString() ?? null,
    byKind: w.byKind.map((k) => ({ ...k, oldest: k.oldest?.toISOString() ?? null })),
    perModerator: w.perModerator.map((m) => ({ ...m, last: m.last.toISOString() })),
  };
}

export default function Workload() {
  const w = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  const date = (iso: string | null) => (iso ? formatDate(lang, iso, { dateStyle: "medium" }) : "—");
  return (
    <>
      <h1>{t("moderation.workload.title")}</h1>
      <p>
        <Link to="/gestione/moderazione">{t("moderation.item.back")}</Link>
      </p>
      <ul className="cards">
        <li className="card">
          <h2>{t("moderation.workload.waiting")}</h2>
          <p className="workload-number">{formatNumber(lang, w.total)}</p>
        </li>
        <li className="card">
          <h2>{t("moderation.workload.oldest")}</h2>
          <p className="workload-number">{w.oldestAgeDays === null ? "—" : t("moderation.workload.days", { count: w.oldestAgeDays })}</p>
          <p className="muted">{date(w.oldest)}</p>
        </li>
        <li className="card">
          <h2>{t("moderation.workload.sentBack")}</h2>
          <p className="workload-number">{formatNumber(lang, w.sentBack)}</p>
        </li>
      </ul>

      <table>
        <caption>{t("moderation.workload.byKind")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("moderation.filters.kind")}</th>
            <th scope="col">{t("moderation.state.pending")}</th>
            <th scope="col">{t("moderation.state.flagged")}</th>
            <th scope="col">{t("moderation.state.review")}</th>
            <th scope="col">{t("moderation.workload.total")}</th>
            <th scope="col">{t("moderation.workload.oldestShort")}</th>
          </tr>
        </thead>
        <tbody>
          {w.byKind.map((k) => (
            <tr key={k.kind}>
              <th scope="row">
                <Link to={`/gestione/moderazione?tipo=${k.kind}`}>{t(`moderation.kind.${k.kind}`)}</Link>
              </th>
              <td>{k.pending}</td>
              <td>{k.flagged}</td>
              <td>{k.review}</td>
              <td>{k.total}</td>
              <td>{date(k.oldest)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <table>
        <caption>{t("moderation.workload.perModerator", { days: WORKLOAD_DAYS })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("moderation.workload.moderator")}</th>
            <th scope="col">{t("moderation.workload.decisions")}</th>
            <th scope="col">{t("moderation.workload.last")}</th>
          </tr>
        </thead>
        <tbody>
          {w.perModerator.length === 0 ? (
            <tr>
              <td colSpan={3}>{t("moderation.workload.noDecisions")}</td>
            </tr>
          ) : (
            w.perModerator.map((m) => (
              <tr key={m.actorId}>
                <th scope="row">{m.name ?? "—"}</th>
                <td>{m.count}</td>
                <td>{date(m.last)}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>

      <table>
        <caption>{t("moderation.workload.withoutOutcome")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("moderation.filters.sttm")}</th>
            <th scope="col">{t("moderation.workload.published")}</th>
            <th scope="col">{t("moderation.workload.without")}</th>
          </tr>
        </thead>
        <tbody>
          {w.withoutOutcome.map((r) => (
            <tr key={r.strategyCode ?? "none"}>
              <th scope="row">{r.strategyCode ? <Link to={`/contributi?sttm=${r.strategyCode}&outcome=without`}>{r.strategyCode}</Link> : t("moderation.workload.noSttm")}</th>
              <td>{r.published}</td>
              <td>{r.without}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
