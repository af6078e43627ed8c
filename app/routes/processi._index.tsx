import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listProcesses } from "~/domain/processes/processes.server";
import { currentPhase } from "~/domain/processes/timeline";
import { formatMilestoneDate } from "~/domain/plan/milestones";
import { markdownToText } from "~/lib/markdown.server";
import { metaTranslator } from "~/i18n/meta";
import { useLang, useT } from "~/i18n/react";
import type { MessageKey } from "~/i18n";

export const meta: MetaFunction = ({ matches }) => [{ title: metaTranslator(matches)("processes.list.metaTitle") }];

const SUMMARY_LENGTH = 280;

function summary(markdown: string) {
  const text = markdownToText(markdown).split("\n\n")[0] ?? "";
  return text.length > SUMMARY_LENGTH ? `${text.slice(0, SUMMARY_LENGTH).replace(/\s+\S*$/, "")}…` : text;
}

export async function loader() {
  const now = new Date();
  const processes = await listProcesses();
  return {
    processes: processes.map((p) => {
      const timeline = currentPhase(p.phases, now);
      return {
        slug: p.slug,
        title: p.title,
        status: p.status,
        summary: summary(p.description),
        strategies: p.strategies,
        plannedAdoptionDate: p.plannedAdoptionDate,
        current: timeline.current === null ? null : p.phases[timeline.current].title,
        next: timeline.next === null ? null : p.phases[timeline.next].title,
        hasPhases: p.phases.length > 0,
      };
    }),
  };
}

export default function Processes() {
  const { processes } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  const contentLang = lang === "it" ? undefined : "it";
  return (
    <>
      <h1>{t("processes.list.title")}</h1>
      <p className="lead">{t("processes.list.lead")}</p>
      {processes.length === 0 ? (
        <p>{t("processes.list.empty")}</p>
      ) : (
        <ul className="cards process-cards">
          {processes.map((p) => (
            <li className="card" key={p.slug}>
              <p className="card-kicker">
                <span className="badge">{t(`processes.status.${p.status}` as MessageKey)}</span>{" "}
                {p.strategies.map((s) => (
                  <span className="badge" key={s.code}>
                    {t("plan.sttmLabel", { number: s.number })}
                  </span>
                ))}
              </p>
              <h2 lang={contentLang}>
                <Link to={`/processi/${p.slug}`}>{p.title}</Link>
              </h2>
              {p.summary ? <p lang={contentLang}>{p.summary}</p> : null}
              <p className="card-meta">
                {p.current ? (
                  t("processes.list.currentPhase", { title: p.current })
                ) : p.next ? (
                  t("processes.list.nextPhase", { title: p.next })
                ) : p.hasPhases ? (
                  t("processes.list.allPast")
                ) : (
                  t("processes.noPhases")
                )}
              </p>
              <p>
                {t("processes.plannedAdoptionDate")}: {p.plannedAdoptionDate ? formatMilestoneDate(lang, p.plannedAdoptionDate) : t("processes.notSet")}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
