import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, isRouteErrorResponse, useLoaderData, useRouteError } from "@remix-run/react";
import { getStrategy, listFrameworks } from "~/domain/plan/plan.server";
import { versionInConsultation } from "~/domain/drafts/versions.server";
import { metaTranslator } from "~/i18n/meta";
import { useLang, useT } from "~/i18n/react";
import type { RouteHandle } from "~/lib/breadcrumb";
import { invariantFound } from "~/lib/http.server";

type Data = { strategy: { code: string; number: number; title: string } } | undefined;

export const handle: RouteHandle = {
  breadcrumb: { label: (data) => ((data as Data)?.strategy ? `STTM ${(data as NonNullable<Data>).strategy.number}` : "STTM") },
};

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaTranslator(matches);
  if (!data) return [{ title: `${t("errors.title")} — Concerta` }];
  return [{ title: `${t("plan.sttmLabel", { number: data.strategy.number })}: ${data.strategy.title} — Concerta` }];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const [strategy, frameworks] = await Promise.all([getStrategy(params.code ?? ""), listFrameworks()]);
  invariantFound(strategy, request, "errors.notFound.strategy");
  return { strategy, frameworks, inConsultation: versionInConsultation(strategy.code) ?? null };
}

export default function StrategyPage() {
  const { strategy, frameworks, inConsultation } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  const contentLang = lang === "it" ? undefined : "it";
  return (
    <>
      <p className="kicker">{t("plan.sttmLabel", { number: strategy.number })}</p>
      <h1 lang={contentLang}>{strategy.title}</h1>
      {lang === "it" ? null : <p className="muted">{t("plan.contentLanguageNote")}</p>}

      <section aria-labelledby="frameworks-title">
        <h2 id="frameworks-title">{t("plan.strategy.frameworksTitle")}</h2>
        <p>{t("plan.strategy.frameworksIntro")}</p>
        <ul className="cards" aria-labelledby="frameworks-title">
          {frameworks.map((f) => (
            <li className="card" key={f.code}>
              <h3 lang={contentLang}>{f.title}</h3>
              <p lang={contentLang}>{f.about}</p>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="targets-title">
        <h2 id="targets-title">{t("plan.strategy.targetsTitle")}</h2>
        <table>
          <caption className="visually-hidden">{t("plan.strategy.targetsCaption", { number: strategy.number })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("plan.target.code")}</th>
              <th scope="col">{t("plan.target.title")}</th>
              <th scope="col">{t("plan.target.theme")}</th>
            </tr>
          </thead>
          <tbody>
            {strategy.targets.map((target) => (
              <tr key={target.code}>
                <th scope="row">{target.code}</th>
                <td lang={contentLang}>{target.title}</td>
                <td lang={contentLang}>{target.theme}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="drafts-title">
        <h2 id="drafts-title">{t("drafts.strategy.title")}</h2>
        <p>{t("drafts.strategy.intro")}</p>
        {inConsultation ? (
          <p>
            <strong>
              <Link to={`/strategie/${strategy.code}/bozze/${inConsultation.id}`}>{t("drafts.strategy.inConsultation", { label: inConsultation.label })}</Link>
            </strong>
          </p>
        ) : null}
        <p>
          <Link to={`/strategie/${strategy.code}/bozze`}>{t("drafts.strategy.link", { number: strategy.number })}</Link>
        </p>
      </section>

      <p>
        <Link to="/strategie">{t("plan.strategy.backToList")}</Link>
      </p>
    </>
  );
}

/** Unknown code: the message stays inside the strategies section, with a way back to the list. */
export function ErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  if (!notFound) throw error;
  return (
    <div className="error-page">
      <h1>{typeof error.data === "string" ? error.data : t("errors.404")}</h1>
      <p>{t("plan.strategy.notFound")}</p>
      <p className="muted">HTTP 404</p>
      <p>
        <Link to="/strategie">{t("plan.strategy.backToList")}</Link>
      </p>
    </div>
  );
}
