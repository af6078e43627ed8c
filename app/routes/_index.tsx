import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { Fragment } from "react";
import { listStrategies, processMilestones, processRules } from "~/domain/plan/plan.server";
import { milestoneDateParts, RANGE_SEPARATOR } from "~/domain/plan/milestones";
import { metaTranslator } from "~/i18n/meta";
import { useLang, useT } from "~/i18n/react";
import planStyles from "~/styles/plan.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: planStyles }];

export const meta: MetaFunction = ({ matches }) => [{ title: metaTranslator(matches)("home.metaTitle") }];

export async function loader() {
  const strategies = await listStrategies();
  return {
    strategies: strategies.map((s) => ({ code: s.code, number: s.number, title: s.title, targetCount: s.targets.length })),
    milestones: processMilestones().map(({ date, endDate, title, about }) => ({ date, endDate, title, about })),
    rules: processRules(),
  };
}

export default function Home() {
  const { strategies, milestones, rules } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  const signedIn = Boolean((useRouteLoaderData("root") as { user?: unknown } | undefined)?.user);
  // Plan content is the plan's official Italian wording: marked as such on the English pages.
  const contentLang = lang === "it" ? undefined : "it";
  return (
    <>
      <section className="hero" aria-labelledby="home-title">
        <p className="kicker">{t("home.kicker")}</p>
        <h1 id="home-title">{t("home.title")}</h1>
        <p className="lead">{t("home.lead")}</p>
        <p>{t("home.ptm")}</p>
        <div className="actions">
          <Link className="btn" to="/strategie">
            {t("home.ctaStrategies")}
          </Link>
          <Link className="btn" to="/contributi/nuovo">
            {t("contributions.new.cta")}
          </Link>
          {signedIn ? null : (
            <Link className="btn btn-outline" to="/registrati">
              {t("home.ctaRegister")}
            </Link>
          )}
        </div>
      </section>

      <section aria-labelledby="purpose-title">
        <h2 id="purpose-title">{t("home.purposeTitle")}</h2>
        <ul className="purpose-list">
          <li>{t("home.purposeRead")}</li>
          <li>{t("home.purposeContribute")}</li>
          <li>{t("home.purposeMeet")}</li>
        </ul>
        <p>{t("home.accountability")}</p>
      </section>

      <section aria-labelledby="strategies-title">
        <h2 id="strategies-title">{t("home.strategiesTitle")}</h2>
        <p>{t("home.strategiesIntro")}</p>
        <ul className="cards" aria-labelledby="strategies-title">
          {strategies.map((s) => (
            <li className="card" key={s.code}>
              <p className="card-kicker">
                <span className="badge">{t("plan.sttmLabel", { number: s.number })}</span>
              </p>
              <h3 lang={contentLang}>
                <Link to={`/strategie/${s.code}`}>{s.title}</Link>
              </h3>
              <p className="card-meta">
                {t(s.targetCount === 1 ? "plan.targetsCount.one" : "plan.targetsCount.other", { count: s.targetCount })}
              </p>
            </li>
          ))}
        </ul>
        <p>
          <Link to="/strategie">{t("home.allStrategies")}</Link>
        </p>
      </section>

      <div className="home-grid">
        <section aria-labelledby="process-title">
          <h2 id="process-title">{t("home.processTitle")}</h2>
          <p>{t("home.processIntro")}</p>
          <ol className="timeline" aria-labelledby="process-title">
            {milestones.map((m) => (
              <li key={`${m.date}-${m.title}`}>
                <p className="milestone-when">
                  {milestoneDateParts(lang, m.date, m.endDate).map((part, i) => (
                    <Fragment key={part.dateTime}>
                      {i > 0 ? RANGE_SEPARATOR : null}
                      <time dateTime={part.dateTime}>{part.text}</time>
                    </Fragment>
                  ))}
                </p>
                <h3 lang={contentLang}>{m.title}</h3>
                {m.about ? <p lang={contentLang}>{m.about}</p> : null}
              </li>
            ))}
          </ol>
          <p>
            <Link to="/processi/redazione-prime-3-sttm">{t("processes.homeLink")}</Link>
          </p>
        </section>

        <section aria-labelledby="rules-title">
          <h2 id="rules-title">{t("home.rulesTitle")}</h2>
          <p>{t("home.rulesIntro")}</p>
          <ul className="rules">
            {rules.map((r) => (
              <li key={r.rule} lang={contentLang}>
                <span className="rule-ref">{r.ref}</span>: {r.rule}.
              </li>
            ))}
          </ul>
        </section>
      </div>
    </>
  );
}
