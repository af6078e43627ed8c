import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "~/lib/zod.server";
import { CompareForm } from "~/components/drafts/CompareForm";
import { DiffText } from "~/components/drafts/DiffText";
import { can } from "~/domain/accounts/permissions";
import { getUser } from "~/domain/accounts/session.server";
import { compareVersions } from "~/domain/drafts/compare.server";
import { listVersions } from "~/domain/drafts/versions.server";
import { getStrategy } from "~/domain/plan/plan.server";
import { translator, type Translate } from "~/i18n";
import { metaTranslator } from "~/i18n/meta";
import { useLang, useT } from "~/i18n/react";
import type { RouteHandle } from "~/lib/breadcrumb";
import { invariantFound } from "~/lib/http.server";
import { getLang } from "~/lib/lang.server";
import draftStyles from "~/styles/drafts.css";

type Data = { crumb: string } | undefined;
export const handle: RouteHandle = { breadcrumb: { label: (d) => (d as Data)?.crumb ?? "—" } };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: draftStyles }];

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaTranslator(matches);
  if (!data) return [{ title: `${t("errors.title")} — Concerta` }];
  return [{ title: t("drafts.compare.metaTitle", { number: data.strategy.number }) }];
};

const querySchema = () => z.object({
  da: z.coerce.number().int().positive().optional().catch(undefined),
  a: z.coerce.number().int().positive().optional().catch(undefined),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const strategy = await getStrategy(params.code ?? "");
  invariantFound(strategy, request, "errors.notFound.strategy");
  const isStaff = can(await getUser(request), "draft.manage");
  const t: Translate = translator(await getLang(request));
  const versions = listVersions({ strategyCode: strategy.code, includeDrafts: isStaff }).map((v) => ({ id: v.id, label: v.label, status: v.status }));
  const q = querySchema().parse(Object.fromEntries(new URL(request.url).searchParams));
  // Without a choice, the two latest versions the reader may see.
  const from = q.da ?? versions[1]?.id;
  const to = q.a ?? versions[0]?.id;
  let result = null;
  if (from && to) {
    const found = compareVersions(strategy.code, from, to, isStaff);
    // A version that does not exist, is another STTM's, or is a bozza for the public: 404.
    invariantFound(found, request, "errors.notFound.version");
    result = {
      a: { id: found.a.id, label: found.a.label },
      b: { id: found.b.id, label: found.b.label },
      counts: {
        changed: found.comparison.changed.length,
        added: found.comparison.added.length,
        removed: found.comparison.removed.length,
        moved: found.comparison.moved.length,
        unchanged: found.comparison.sections.filter((s) => !s.added && !s.removed && !s.moved && !s.changed).length,
      },
      sections: found.comparison.sections.filter((s) => s.added || s.removed || s.moved || s.changed),
    };
  }
  return {
    crumb: t("drafts.compare.crumb", { number: strategy.number }),
    strategy: { code: strategy.code, number: strategy.number },
    versions,
    from: from ?? null,
    to: to ?? null,
    result,
  };
}

export default function CompareVersions() {
  const { strategy, versions, from, to, result } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  const contentLang = lang === "it" ? undefined : "it";
  return (
    <>
      <p className="kicker">{t("plan.sttmLabel", { number: strategy.number })}</p>
      <h1>{t("drafts.compare.title")}</h1>
      {versions.length < 2 ? (
        <p>{t("drafts.compare.notEnough")}</p>
      ) : (
        <CompareForm strategyCode={strategy.code} versions={versions} from={from ?? undefined} to={to ?? undefined} />
      )}
      {result ? (
        <section aria-labelledby="compare-result-title" className="compare-result">
          <h2 id="compare-result-title">
            {t("drafts.compare.resultTitle")} <span lang={contentLang}>{result.a.label}</span> → <span lang={contentLang}>{result.b.label}</span>
          </h2>
          {result.a.id === result.b.id ? <p>{t("drafts.compare.same")}</p> : null}
          <ul className="compare-summary">
            <li>{t("drafts.compare.count.changed", { count: result.counts.changed })}</li>
            <li>{t("drafts.compare.count.added", { count: result.counts.added })}</li>
            <li>{t("drafts.compare.count.removed", { count: result.counts.removed })}</li>
            <li>{t("drafts.compare.count.moved", { count: result.counts.moved })}</li>
            <li>{t("drafts.compare.count.unchanged", { count: result.counts.unchanged })}</li>
          </ul>
          <p className="muted">{t("drafts.compare.legend")}</p>
          {result.sections.map((s) => {
            const shown = s.b ?? s.a!;
            return (
              <article key={s.sectionId} className="compare-entry" aria-labelledby={`cmp-${s.sectionId}`}>
                <h3 id={`cmp-${s.sectionId}`}>
                  <span className="draft-number">{shown.number}</span> <span lang={contentLang}>{shown.title}</span>
                </h3>
                <ul className="compare-flags">
                  {s.added ? <li className="badge badge-success">{t("drafts.compare.flag.added")}</li> : null}
                  {s.removed ? <li className="badge badge-danger">{t("drafts.compare.flag.removed")}</li> : null}
                  {s.moved && s.a && s.b ? (
                    <li className="badge">
                      {s.a.number !== s.b.number
                        ? t("drafts.compare.flag.movedFromTo", { from: s.a.number, to: s.b.number })
                        : t("drafts.compare.flag.moved")}
                      {s.parentA !== s.parentB
                        ? ` — ${t("drafts.compare.flag.parent", { from: s.parentA ?? t("drafts.compare.topLevel"), to: s.parentB ?? t("drafts.compare.topLevel") })}`
                        : ""}
                    </li>
                  ) : null}
                  {s.changed ? <li className="badge badge-warning">{t("drafts.compare.flag.changed")}</li> : null}
                </ul>
                {s.titleDiff ? (
                  <p className="compare-diff" lang={contentLang}>
                    <span className="compare-diff-label">{t("drafts.compare.titleDiff")}</span> <DiffText parts={s.titleDiff} />
                  </p>
                ) : null}
                {s.bodyDiff ? (
                  <div className="compare-diff compare-body" lang={contentLang}>
                    <DiffText parts={s.bodyDiff} />
                  </div>
                ) : null}
                {s.added && s.b?.body ? (
                  <div className="compare-diff compare-body" lang={contentLang}>
                    <DiffText parts={[{ kind: "added", text: s.b.body }]} />
                  </div>
                ) : null}
                {s.removed && s.a?.body ? (
                  <div className="compare-diff compare-body" lang={contentLang}>
                    <DiffText parts={[{ kind: "removed", text: s.a.body }]} />
                  </div>
                ) : null}
              </article>
            );
          })}
          <p className="no-print">
            <Link to={`/strategie/${strategy.code}/bozze/${result.b.id}`}>{t("drafts.compare.readB", { label: result.b.label })}</Link>
          </p>
        </section>
      ) : null}
      <p className="no-print">
        <Link to={`/strategie/${strategy.code}/bozze`}>{t("drafts.read.allVersions")}</Link>
      </p>
    </>
  );
}
