import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/domain/accounts/session.server";
import { formatMilestoneDate } from "~/domain/plan/milestones";
import { art7bisIssuesFor, listProcesses, unconfirmedIssues } from "~/domain/processes/processes.server";
import type { MessageKey } from "~/i18n";
import { metaTranslator } from "~/i18n/meta";
import { useLang, useT } from "~/i18n/react";

export const meta: MetaFunction = ({ matches }) => [{ title: metaTranslator(matches)("processes.staff.metaTitle") }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "process.manage");
  const processes = await listProcesses({ includeDrafts: true });
  return {
    processes: processes.map((p) => {
      const issues = art7bisIssuesFor(p.id);
      const rules: MessageKey =
        !p.plannedAdoptionDate
          ? "processes.staff.rulesNoDates"
          : issues.length === 0
            ? "processes.staff.rulesOk"
            : unconfirmedIssues(issues, p.rulesOverride).length === 0
              ? "processes.staff.rulesConfirmed"
              : "processes.staff.rulesIssues";
      return {
        id: p.id,
        slug: p.slug,
        title: p.title,
        status: p.status,
        phaseCount: p.phases.length,
        plannedAdoptionDate: p.plannedAdoptionDate,
        rules,
        rulesOk: issues.length === 0,
      };
    }),
  };
}

export default function StaffProcesses() {
  const { processes } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  return (
    <>
      <h1>{t("processes.staff.title")}</h1>
      <p>{t("processes.staff.intro")}</p>
      <p>
        <Link className="btn" to="/gestione/processi/nuovo">
          {t("processes.staff.new")}
        </Link>
      </p>
      {processes.length === 0 ? (
        <p>{t("processes.staff.empty")}</p>
      ) : (
        <table>
          <caption className="visually-hidden">{t("processes.staff.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("processes.staff.col.title")}</th>
              <th scope="col">{t("processes.staff.col.status")}</th>
              <th scope="col">{t("processes.staff.col.phases")}</th>
              <th scope="col">{t("processes.staff.col.adoption")}</th>
              <th scope="col">{t("processes.staff.col.rules")}</th>
            </tr>
          </thead>
          <tbody>
            {processes.map((p) => (
              <tr key={p.id}>
                <th scope="row">
                  <Link to={`/gestione/processi/${p.id}`}>{p.title}</Link>
                  <div className="muted">/processi/{p.slug}</div>
                </th>
                <td>{t(`processes.status.${p.status}` as MessageKey)}</td>
                <td>{p.phaseCount}</td>
                <td>{p.plannedAdoptionDate ? formatMilestoneDate(lang, p.plannedAdoptionDate) : t("processes.notSet")}</td>
                <td>
                  <span className={`badge ${p.rulesOk ? "" : "badge-warning"}`}>{t(p.rules)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
