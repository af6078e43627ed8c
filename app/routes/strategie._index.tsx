import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listStrategies } from "~/domain/plan/plan.server";
import { metaTranslator } from "~/i18n/meta";
import { useLang, useT } from "~/i18n/react";

export const meta: MetaFunction = ({ matches }) => [{ title: metaTranslator(matches)("plan.strategies.metaTitle") }];

export async function loader() {
  return { strategies: await listStrategies() };
}

export default function Strategies() {
  const { strategies } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  const contentLang = lang === "it" ? undefined : "it";
  return (
    <>
      <h1>{t("plan.strategies.title")}</h1>
      <p className="lead">{t("plan.strategies.lead")}</p>
      {lang === "it" ? null : <p className="muted">{t("plan.contentLanguageNote")}</p>}
      {strategies.map((s) => {
        const headingId = `sttm-${s.number}`;
        return (
          <section key={s.code} className="strategy-summary" aria-labelledby={headingId}>
            <p className="kicker">{t("plan.sttmLabel", { number: s.number })}</p>
            <h2 id={headingId} lang={contentLang}>
              {s.title}
            </h2>
            <ul className="target-list" aria-label={t("plan.strategy.targetsCaption", { number: s.number })}>
              {s.targets.map((target) => (
                <li key={target.code}>
                  <span className="code">{target.code}</span> <span lang={contentLang}>{target.title}</span>
                </li>
              ))}
            </ul>
            <p>
              <Link to={`/strategie/${s.code}`}>{t("plan.strategies.open", { number: s.number })}</Link>
            </p>
          </section>
        );
      })}
    </>
  );
}
