import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, isRouteErrorResponse, useLoaderData, useRouteError } from "@remix-run/react";
import { RichText } from "~/components/RichText";
import { Art7bisIssueList } from "~/components/processes/Art7bisIssues";
import { PhaseDates } from "~/components/processes/PhaseDates";
import { can } from "~/domain/accounts/permissions";
import { getUser } from "~/domain/accounts/session.server";
import { formatMilestoneDate } from "~/domain/plan/milestones";
import { art7bisIssuesFor, getProcessBySlug, unconfirmedIssues } from "~/domain/processes/processes.server";
import { currentPhase, type PhaseStatus } from "~/domain/processes/timeline";
import { renderMarkdown } from "~/lib/markdown.server";
import { invariantFound } from "~/lib/http.server";
import { formatDate, type MessageKey } from "~/i18n";
import { metaTranslator } from "~/i18n/meta";
import { useLang, useT } from "~/i18n/react";
import type { RouteHandle } from "~/lib/breadcrumb";

type Data = { process?: { title: string } } | undefined;

export const handle: RouteHandle = { breadcrumb: { label: (data) => (data as Data)?.process?.title ?? "—" } };

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaTranslator(matches);
  return [{ title: data ? `${data.process.title} — Concerta` : `${t("errors.title")} — Concerta` }];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const process = await getProcessBySlug(params.slug ?? "");
  // A draft is visible only to staff, who check it before publishing.
  const isStaff = can(await getUser(request), "process.manage");
  invariantFound(process && (process.status !== "draft" || isStaff), request, "errors.notFound.process");
  const timeline = currentPhase(process.phases, new Date());
  const issues = art7bisIssuesFor(process.id);
  const confirmed = issues.length > 0 && unconfirmedIssues(issues, process.rulesOverride).length === 0 ? process.rulesOverride!.confirmedAt : null;
  return {
    process: {
      slug: process.slug,
      title: process.title,
      status: process.status,
      descriptionHtml: renderMarkdown(process.description),
      draftPublicDate: process.draftPublicDate,
      plannedAdoptionDate: process.plannedAdoptionDate,
      strategies: process.strategies,
    },
    phases: process.phases.map((p, i) => ({
      id: p.id,
      title: p.title,
      startDate: p.startDate,
      endDate: p.endDate,
      precision: p.precision,
      descriptionHtml: renderMarkdown(p.description),
      status: timeline.statuses[i],
      isNext: timeline.current === null && timeline.next === i,
    })),
    issues,
    confirmedAt: confirmed,
  };
}

const STATUS_LABEL: Record<PhaseStatus, MessageKey> = {
  past: "processes.phase.past",
  current: "processes.phase.current",
  upcoming: "processes.phase.upcoming",
};

export default function ProcessPage() {
  const { process, phases, issues, confirmedAt } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  const contentLang = lang === "it" ? undefined : "it";
  const day = (iso: string | null) => (iso ? formatMilestoneDate(lang, iso) : t("processes.notSet"));
  return (
    <article>
      <p className="kicker">
        {t("processes.kicker")} · {t(`processes.status.${process.status}` as MessageKey)}
      </p>
      <h1 lang={contentLang}>{process.title}</h1>
      {process.status === "draft" ? (
        <div className="alert alert-warning" role="note">
          {t("processes.draftNotice")}
        </div>
      ) : null}
      {lang === "it" ? null : <p className="muted">{t("plan.contentLanguageNote")}</p>}
      {process.descriptionHtml ? (
        <div lang={contentLang}>
          <RichText html={process.descriptionHtml} />
        </div>
      ) : null}

      <div className="home-grid">
        <section aria-labelledby="phases-title">
          <h2 id="phases-title">{t("processes.phasesTitle")}</h2>
          {phases.length === 0 ? (
            <p>{t("processes.noPhases")}</p>
          ) : (
            <ol className="timeline process-timeline" aria-labelledby="phases-title">
              {phases.map((p) => (
                <li key={p.id} className={`is-${p.status}`} aria-current={p.status === "current" ? "step" : undefined}>
                  <p className="milestone-when">
                    <PhaseDates phase={p} lang={lang} />
                  </p>
                  <h3 lang={contentLang}>{p.title}</h3>
                  <p className="phase-status">
                    {p.status === "current" ? (
                      <span className="badge badge-success">{t("processes.phase.current")}</span>
                    ) : p.isNext ? (
                      <span className="badge">{t("processes.phase.next")}</span>
                    ) : (
                      <span className="muted">{t(STATUS_LABEL[p.status])}</span>
                    )}
                  </p>
                  {p.descriptionHtml ? (
                    <div lang={contentLang}>
                      <RichText html={p.descriptionHtml} />
                    </div>
                  ) : null}
                </li>
              ))}
            </ol>
          )}
        </section>

        <div>
          <section aria-labelledby="dates-title">
            <h2 id="dates-title">{t("processes.datesTitle")}</h2>
            <p>{t("processes.datesIntro")}</p>
            <dl className="facts process-dates">
              <dt>{t("processes.draftPublicDate")}</dt>
              <dd>{process.draftPublicDate ? <time dateTime={process.draftPublicDate}>{day(process.draftPublicDate)}</time> : day(null)}</dd>
              <dt>{t("processes.plannedAdoptionDate")}</dt>
              <dd>
                {process.plannedAdoptionDate ? <time dateTime={process.plannedAdoptionDate}>{day(process.plannedAdoptionDate)}</time> : day(null)}
              </dd>
            </dl>
            {issues.length > 0 ? (
              <div className="alert alert-warning" role="note" aria-labelledby="rules-not-met">
                <p id="rules-not-met">
                  <strong>{t("processes.rulesNotMet")}</strong>
                </p>
                <Art7bisIssueList issues={issues} t={t} lang={lang} mood="indicative" />
                {confirmedAt ? <p>{t("processes.rulesConfirmed", { date: formatDate(lang, confirmedAt, { dateStyle: "long" }) })}</p> : null}
              </div>
            ) : null}
          </section>

          <section aria-labelledby="strategies-title">
            <h2 id="strategies-title">{t("processes.strategiesTitle")}</h2>
            {process.strategies.length === 0 ? (
              <p>{t("processes.noStrategies")}</p>
            ) : (
              <ul className="rules">
                {process.strategies.map((s) => (
                  <li key={s.code}>
                    <Link to={`/strategie/${s.code}`}>
                      {t("plan.sttmLabel", { number: s.number })}: <span lang={contentLang}>{s.title}</span>
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      </div>

      <p>
        <Link to="/processi">{t("processes.backToList")}</Link>
      </p>
    </article>
  );
}

/** Unknown (or unpublished) process: the message stays in the processes section, with a way back. */
export function ErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  if (!(isRouteErrorResponse(error) && error.status === 404)) throw error;
  return (
    <div className="error-page">
      <h1>{t("errors.title")}</h1>
      <p>{t("processes.notFound")}</p>
      <p className="muted">HTTP 404</p>
      <p>
        <Link to="/processi">{t("processes.backToList")}</Link>
      </p>
    </div>
  );
}
