import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { listObjectives, listPrinciples } from "~/domain/plan/plan.server";
import { metaTranslator } from "~/i18n/meta";
import { useLang, useT } from "~/i18n/react";
import type { RouteHandle } from "~/lib/breadcrumb";
import planStyles from "~/styles/plan.css";

export const handle: RouteHandle = { breadcrumb: { key: "nav.objectives" } };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: planStyles }];

export const meta: MetaFunction = ({ matches }) => [{ title: metaTranslator(matches)("plan.objectives.metaTitle") }];

export async function loader() {
  const [principles, objectives] = await Promise.all([listPrinciples(), listObjectives()]);
  return { principles, objectives };
}

export default function Objectives() {
  const { principles, objectives } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  const contentLang = lang === "it" ? undefined : "it";
  return (
    <>
      <h1>{t("plan.objectives.title")}</h1>
      <p className="lead">{t("plan.objectives.lead")}</p>
      {lang === "it" ? null : <p className="muted">{t("plan.contentLanguageNote")}</p>}

      <section aria-labelledby="principles-title">
        <h2 id="principles-title">{t("plan.principles.title")}</h2>
        <ol className="code-list" aria-labelledby="principles-title">
          {principles.map((p) => (
            <li key={p.code}>
              <span className="code">{p.code}</span>
              <span lang={contentLang}>{p.title}</span>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="objectives-title">
        <h2 id="objectives-title">{t("plan.objectives.listTitle")}</h2>
        <ol className="code-list" aria-labelledby="objectives-title">
          {objectives.map((o) => (
            <li key={o.code}>
              <span className="code">{o.code}</span>
              <span lang={contentLang}>{o.title}</span>
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
