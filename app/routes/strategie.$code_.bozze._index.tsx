import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { VersionStatus } from "~/components/drafts/VersionStatus";
import { CompareForm } from "~/components/drafts/CompareForm";
import { can } from "~/domain/accounts/permissions";
import { getUser } from "~/domain/accounts/session.server";
import { commentsOpen } from "~/domain/drafts/lifecycle.server";
import { listVersions } from "~/domain/drafts/versions.server";
import { getStrategy } from "~/domain/plan/plan.server";
import { formatDate } from "~/i18n";
import { metaTranslator } from "~/i18n/meta";
import { useLang, useT } from "~/i18n/react";
import { invariantFound } from "~/lib/http.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaTranslator(matches);
  if (!data) return [{ title: `${t("errors.title")} — Concerta` }];
  return [{ title: t("drafts.list.metaTitle", { number: data.strategy.number }) }];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const strategy = await getStrategy(params.code ?? "");
  invariantFound(strategy, request, "errors.notFound.strategy");
  const isStaff = can(await getUser(request), "draft.manage");
  const now = new Date();
  const versions = listVersions({ strategyCode: strategy.code, includeDrafts: isStaff }).map((v) => ({
    id: v.id,
    label: v.label,
    versionDate: v.versionDate,
    status: v.status,
    sectionCount: v.sectionCount,
    publishedAt: v.publishedAt?.toISOString() ?? null,
    commentsOpenUntil: v.commentsOpenUntil?.toISOString() ?? null,
    commentsOpen: commentsOpen(v, now),
  }));
  return { strategy: { code: strategy.code, number: strategy.number, title: strategy.title }, versions, isStaff };
}

export default function DraftVersions() {
  const { strategy, versions, isStaff } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  const contentLang = lang === "it" ? undefined : "it";
  return (
    <>
      <p className="kicker">{t("plan.sttmLabel", { number: strategy.number })}</p>
      <h1>{t("drafts.list.title", { number: strategy.number })}</h1>
      <p className="lead" lang={contentLang}>
        {strategy.title}
      </p>
      <p>{t("drafts.list.intro")}</p>
      {isStaff ? (
        <p className="alert">
          {t("drafts.list.staffNote")} <Link to="/gestione/bozze">{t("drafts.staff.title")}</Link>
        </p>
      ) : null}
      {versions.length === 0 ? (
        <p>{t("drafts.list.none")}</p>
      ) : (
        <ul className="draft-versions">
          {versions.map((v) => (
            <li key={v.id} className="card">
              <h2>
                <Link to={`/strategie/${strategy.code}/bozze/${v.id}`} lang={contentLang}>
                  {v.label}
                </Link>
              </h2>
              <p>
                <VersionStatus status={v.status} />{" "}
                <span className="muted">
                  {t("drafts.list.versionDate", { date: formatDate(lang, `${v.versionDate}T12:00:00Z`) })} ·{" "}
                  {t("drafts.list.sections", { count: v.sectionCount })}
                </span>
              </p>
              {v.publishedAt ? <p>{t("drafts.list.publishedAt", { date: formatDate(lang, v.publishedAt) })}</p> : null}
              {v.commentsOpen && v.commentsOpenUntil ? (
                <p>
                  <strong>{t("drafts.list.commentsOpenUntil", { date: formatDate(lang, v.commentsOpenUntil) })}</strong>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {versions.length >= 2 ? (
        <section aria-labelledby="compare-title">
          <h2 id="compare-title">{t("drafts.compare.title")}</h2>
          <CompareForm strategyCode={strategy.code} versions={versions} from={versions[1].id} to={versions[0].id} />
        </section>
      ) : null}
      <p>
        <Link to={`/strategie/${strategy.code}`}>{t("drafts.backToStrategy", { number: strategy.number })}</Link>
      </p>
    </>
  );
}
