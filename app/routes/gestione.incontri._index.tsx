import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "~/lib/zod.server";
import { requirePermission } from "~/domain/accounts/session.server";
import { listMeetings } from "~/domain/meetings/meetings.server";
import { kindLabel, StatusBadge, zoneLabel } from "~/components/meetings/MeetingBits";
import { formatDate } from "~/i18n";
import { metaTranslator } from "~/i18n/meta";
import { useLang, useT } from "~/i18n/react";
import { Pagination } from "~/components/layout/Pagination";

export const meta: MetaFunction = ({ matches }) => [{ title: `${metaTranslator(matches)("meetings.staff.title")} — Concerta` }];

const querySchema = () => z.object({ page: z.coerce.number().int().min(1).max(10_000).catch(1) });

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "meeting.manage");
  const { page } = querySchema().parse(Object.fromEntries(new URL(request.url).searchParams));
  const result = await listMeetings({ page, pageSize: 50 });
  return { ...result, rows: result.rows.map((r) => ({ ...r, startsAt: r.startsAt.toISOString(), endsAt: r.endsAt.toISOString() })) };
}

export default function StaffMeetings() {
  const { rows, page, pages } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  return (
    <>
      <h1>{t("meetings.staff.title")}</h1>
      <p>{t("meetings.staff.intro")}</p>
      <p>
        <Link to="/gestione/incontri/nuovo" className="btn">
          {t("meetings.staff.new")}
        </Link>
      </p>
      {rows.length === 0 ? (
        <p>{t("meetings.staff.empty")}</p>
      ) : (
        <table>
          <caption className="visually-hidden">{t("meetings.list.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("meetings.page.when")}</th>
              <th scope="col">{t("meetings.form.title")}</th>
              <th scope="col">{t("meetings.page.kind")}</th>
              <th scope="col">{t("meetings.page.status")}</th>
              <th scope="col">{t("meetings.staff.registrations")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className={r.past ? "muted-row" : undefined}>
                <td>
                  <time dateTime={r.startsAt}>{formatDate(lang, r.startsAt, { dateStyle: "medium", timeStyle: "short" })}</time>
                </td>
                <td>
                  <Link to={`/gestione/incontri/${r.id}`}>{r.title}</Link>
                  {r.zoneId ? <div className="muted">{zoneLabel(t, { id: r.zoneId, name: r.zoneName })}</div> : null}
                  <div>
                    <Link to={`/incontri/${r.id}`} className="muted">
                      {t("meetings.staff.publicPage")}
                      <span className="visually-hidden">: {r.title}</span>
                    </Link>
                  </div>
                </td>
                <td>{kindLabel(t, r.kind)}</td>
                <td>
                  <StatusBadge t={t} status={r.status} />
                </td>
                <td>
                  {r.liveRegistrations}
                  {r.capacity ? ` / ${r.capacity}` : ""}
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
