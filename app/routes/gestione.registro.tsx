import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/domain/accounts/session.server";
import { auditFilterChoices, auditFilters, listAudit } from "~/domain/audit/audit-log.server";
import { formatDate } from "~/i18n";
import { metaTranslator } from "~/i18n/meta";
import { useLang, useT } from "~/i18n/react";
import type { RouteHandle } from "~/lib/breadcrumb";
import moderationStyles from "~/styles/moderation.css";
import { Pagination } from "~/components/layout/Pagination";

// The audit log, for admins: every staff action (who, what, when, on what, before → after),
// filtered by actor, action, subject and date, newest first, paginated; CSV of the same selection.

export const handle: RouteHandle = { breadcrumb: { key: "moderation.audit.title" } };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: moderationStyles }];
export const meta: MetaFunction = ({ matches }) => [{ title: `${metaTranslator(matches)("moderation.audit.title")} — Concerta` }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "moderation.audit");
  const url = new URL(request.url);
  const f = auditFilters(url);
  const result = listAudit(f);
  const search = new URLSearchParams(url.searchParams);
  search.delete("page");
  return {
    filters: { attore: f.actor ?? "", azione: f.action ?? "", soggetto: f.subjectType ?? "", id: f.subjectId ?? "", dal: f.from ?? "", al: f.to ?? "" },
    search: search.toString(),
    choices: auditFilterChoices(),
    ...result,
    rows: result.rows.map((r) => ({ ...r, at: r.at.toISOString() })),
  };
}

function Json({ value }: { value: string | null }) {
  if (!value) return <span className="muted">—</span>;
  let text = value;
  try {
    text = JSON.stringify(JSON.parse(value), null, 1);
  } catch {
    // shown as stored
  }
  return <pre className="audit-json">{text}</pre>;
}

export default function AuditLog() {
  const { rows, total, page, pages, filters, search, choices } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  return (
    <>
      <h1>{t("moderation.audit.title")}</h1>
      <p>{t("moderation.audit.intro")}</p>
      <Form method="get" className="queue-filters" aria-label={t("moderation.filters.label")}>
        <div className="field">
          <label htmlFor="a-actor">{t("moderation.audit.actor")}</label>
          <select id="a-actor" name="attore" defaultValue={filters.attore}>
            <option value="">{t("moderation.filters.any")}</option>
            {choices.actors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name ?? a.id}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="a-action">{t("moderation.audit.action")}</label>
          <select id="a-action" name="azione" defaultValue={filters.azione}>
            <option value="">{t("moderation.filters.any")}</option>
            {choices.actions.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="a-subject">{t("moderation.audit.subjectType")}</label>
          <select id="a-subject" name="soggetto" defaultValue={filters.soggetto}>
            <option value="">{t("moderation.filters.any")}</option>
            {choices.subjectTypes.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="a-id">{t("moderation.audit.subjectId")}</label>
          <input id="a-id" name="id" type="text" size={8} defaultValue={filters.id} />
        </div>
        <div className="field">
          <label htmlFor="a-from">{t("moderation.audit.from")}</label>
          <input id="a-from" name="dal" type="date" defaultValue={filters.dal} />
        </div>
        <div className="field">
          <label htmlFor="a-to">{t("moderation.audit.to")}</label>
          <input id="a-to" name="al" type="date" defaultValue={filters.al} />
        </div>
        <button type="submit" className="btn btn-outline">
          {t("moderation.filters.submit")}
        </button>
      </Form>
      <p>
        {t("moderation.audit.count", { count: total })} ·{" "}
        <a href={`/gestione/registro.csv${search ? `?${search}` : ""}`} download>
          {t("moderation.audit.csv")}
        </a>
      </p>
      {rows.length === 0 ? (
        <p>{t("moderation.audit.empty")}</p>
      ) : (
        <table>
          <caption className="visually-hidden">{t("moderation.audit.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("moderation.audit.when")}</th>
              <th scope="col">{t("moderation.audit.actor")}</th>
              <th scope="col">{t("moderation.audit.action")}</th>
              <th scope="col">{t("moderation.audit.subject")}</th>
              <th scope="col">{t("moderation.audit.before")}</th>
              <th scope="col">{t("moderation.audit.after")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>
                  <time dateTime={r.at}>{formatDate(lang, r.at, { dateStyle: "short", timeStyle: "medium" })}</time>
                </td>
                <td>{r.actorId ? (r.actorName ?? r.actorId) : t("moderation.audit.system")}</td>
                <td>
                  <code>{r.action}</code>
                </td>
                <td>
                  {r.subjectType} #{r.subjectId}
                </td>
                <td>
                  <Json value={r.before} />
                </td>
                <td>
                  <Json value={r.after} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination page={page} pages={pages} />
    </>
  );
}
