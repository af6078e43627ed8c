import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { RichText } from "~/components/RichText";
import { countsLabel, DraftToc, type TocItem } from "~/components/drafts/DraftToc";
import { VersionFactsList } from "~/components/drafts/VersionFactsList";
import { can } from "~/domain/accounts/permissions";
import { getUser } from "~/domain/accounts/session.server";
import { versionFacts } from "~/domain/drafts/facts.server";
import { participationCounts } from "~/domain/drafts/participation.server";
import { getReadableVersion, listVersions, versionSections } from "~/domain/drafts/versions.server";
import { getStrategy, listFrameworks, listObjectives } from "~/domain/plan/plan.server";
import { contributionsLinkedToVersion } from "~/domain/moderation/outcomes.server";
import { findReport, listReportVersions } from "~/domain/reports/reports.server";
import type { MessageKey } from "~/i18n";
import { metaTranslator } from "~/i18n/meta";
import { useLang, useT } from "~/i18n/react";
import type { RouteHandle } from "~/lib/breadcrumb";
import { invariantFound } from "~/lib/http.server";
import { renderMarkdown } from "~/lib/markdown.server";

type Data = { version?: { label: string } } | undefined;
export const handle: RouteHandle = { breadcrumb: { label: (d) => (d as Data)?.version?.label ?? "—" } };

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaTranslator(matches);
  if (!data) return [{ title: `${t("errors.title")} — Concerta` }];
  return [{ title: t("drafts.read.metaTitle", { label: data.version.label, number: data.strategy.number }) }];
};

/** "2.3" → "sezione-2-3", unique within the page. */
function anchors(numbers: string[]) {
  const seen = new Map<string, number>();
  return numbers.map((n) => {
    const base = `sezione-${n.replace(/[^0-9A-Za-z]+/g, "-").replace(/^-|-$/g, "") || "x"}`;
    const k = (seen.get(base) ?? 0) + 1;
    seen.set(base, k);
    return k === 1 ? base : `${base}-${k}`;
  });
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const strategy = await getStrategy(params.code ?? "");
  const isStaff = can(await getUser(request), "draft.manage");
  const version = strategy ? getReadableVersion(Number(params.versionId), strategy.code, isStaff) : undefined;
  // A bozza is a 404 for the public, like a version that does not exist: its existence is not revealed.
  invariantFound(strategy && version, request, "errors.notFound.version");

  const [frameworks, objectives, counts] = await Promise.all([listFrameworks(), listObjectives(), participationCounts(version.id)]);
  const sections = versionSections(version.id);
  const linked = contributionsLinkedToVersion(version.id);
  const ids = anchors(sections.map((s) => s.number));
  // A framework label is shown where it starts: on a section whose parent is in another framework (or has none).
  const parentFramework: (string | null)[] = [];
  const frameworkShown = sections.map((s) => {
    parentFramework.length = s.depth - 1;
    const shown = s.frameworkCode !== null && s.frameworkCode !== (parentFramework[s.depth - 2] ?? null);
    parentFramework[s.depth - 1] = s.frameworkCode;
    return shown;
  });
  const older = listVersions({ strategyCode: strategy.code, includeDrafts: isStaff }).filter((v) => v.id < version.id);
  const report = await findReport({ kind: "participation", draftVersionId: version.id });
  const reportPublished = report ? (await listReportVersions(report.id)).length > 0 : false;
  return {
    reportPublished,
    strategy: { code: strategy.code, number: strategy.number, title: strategy.title },
    version: versionFacts(version),
    isStaff,
    previousId: older[0]?.id ?? null,
    sections: sections.map((s, i) => ({
      sectionId: s.sectionId,
      number: s.number,
      title: s.title,
      depth: s.depth,
      anchor: ids[i],
      html: renderMarkdown(s.body),
      framework: frameworkShown[i] ? (frameworks.find((f) => f.code === s.frameworkCode)?.title ?? null) : null,
      targets: strategy.targets.filter((t) => s.targetCodes.includes(t.code)).map((t) => ({ code: t.code, title: t.title })),
      objectives: objectives.filter((o) => s.objectiveCodes.includes(o.code)),
      comments: counts[s.sectionId]?.comments ?? 0,
      amendments: counts[s.sectionId]?.amendments ?? 0,
      linked: linked[s.sectionId] ?? [],
    })),
  };
}

const HEADINGS = ["h2", "h3", "h4"] as const;

export default function DraftReadingView() {
  const { strategy, version, sections, isStaff, previousId, reportPublished } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  const contentLang = lang === "it" ? undefined : "it";
  const base = `/strategie/${strategy.code}/bozze/${version.id}`;
  const toc: TocItem[] = sections.map((s) => ({ anchor: s.anchor, number: s.number, title: s.title, depth: s.depth, comments: s.comments, amendments: s.amendments }));
  return (
    <article className="draft-reader">
      <header className="draft-head">
        <p className="kicker">
          {t("plan.sttmLabel", { number: strategy.number })} · {t(`drafts.status.${version.status}` as MessageKey)}
        </p>
        <h1 lang={contentLang}>{version.label}</h1>
        <p className="draft-strategy" lang={contentLang}>
          {strategy.title}
        </p>
        {version.status === "bozza" ? (
          <p className="alert alert-warning" role="note">
            {t("drafts.read.bozzaNote")}
          </p>
        ) : null}
        <VersionFactsList facts={version} />
        {version.notes ? (
          <div className="draft-notes" lang={contentLang}>
            {version.notes.split(/\n{2,}/).map((p, i) => (
              <p key={i}>{p}</p>
            ))}
          </div>
        ) : null}
        <ul className="draft-links no-print">
          {previousId ? (
            <li>
              <Link to={`/strategie/${strategy.code}/confronta?da=${previousId}&a=${version.id}`}>{t("drafts.read.compareWithPrevious")}</Link>
            </li>
          ) : null}
          <li>
            <Link to={`/strategie/${strategy.code}/bozze`}>{t("drafts.read.allVersions")}</Link>
          </li>
          {reportPublished ? (
            <li>
              <Link to={`${base}/rapporto`}>{t("reports.participation.link")}</Link>
            </li>
          ) : null}
          {isStaff ? (
            <li>
              <Link to={`/gestione/bozze/${version.id}`}>{t("drafts.read.edit")}</Link>
            </li>
          ) : null}
        </ul>
        {lang === "it" ? null : <p className="muted">{t("drafts.contentLanguageNote")}</p>}
      </header>

      <div className="draft-layout">
        <DraftToc items={toc} />
        <div className="draft-text" lang={contentLang}>
          {sections.length === 0 ? <p>{t("drafts.read.empty")}</p> : null}
          {sections.map((s) => {
            const Heading = HEADINGS[Math.min(s.depth, 3) - 1];
            return (
              <section key={s.sectionId} className={`draft-section draft-depth-${s.depth}`} aria-labelledby={s.anchor}>
                <Heading id={s.anchor} className="draft-section-title">
                  <span className="draft-number">{s.number}</span> {s.title}{" "}
                  <a className="draft-permalink no-print" href={`#${s.anchor}`}>
                    <span aria-hidden="true">#</span>
                    <span className="visually-hidden">{t("drafts.read.permalink", { number: s.number })}</span>
                  </a>
                </Heading>
                {s.framework || s.targets.length || s.objectives.length ? (
                  <ul className="draft-tags" aria-label={t("drafts.read.tagsLabel", { number: s.number })}>
                    {s.framework ? <li className="draft-tag draft-tag-framework">{s.framework}</li> : null}
                    {s.targets.map((target) => (
                      <li key={target.code} className="draft-tag" title={target.title}>
                        <span className="visually-hidden">{t("drafts.read.target")} </span>
                        {target.code} {target.title}
                      </li>
                    ))}
                    {s.objectives.map((o) => (
                      <li key={o.code} className="draft-tag" title={o.title}>
                        <span className="visually-hidden">{t("drafts.read.objective")} </span>
                        {o.code} {o.title}
                      </li>
                    ))}
                  </ul>
                ) : null}
                {s.html ? <RichText html={s.html} className="draft-body" /> : null}
                {s.linked.length > 0 ? (
                  <div className="section-linked" lang={lang}>
                    <p className="rationale-label">{t("moderation.linked.heading")}</p>
                    <ul>
                      {s.linked.map((c) => (
                        <li key={c.id}>
                          <Link to={`/contributi/${c.id}`} lang="it">
                            {c.title}
                          </Link>{" "}
                          — {c.outcome ? t(`browse.outcome.${c.outcome}`) : t("moderation.linked.noOutcome")}
                        </li>
                      ))}
                    </ul>
                  </div>
                ) : null}
                <p className="draft-section-link no-print" lang={lang}>
                  <Link to={`${base}/sezioni/${s.sectionId}`}>
                    {t("drafts.read.sectionPage", { number: s.number })}
                    {s.comments || s.amendments ? ` (${countsLabel(t, s.comments, s.amendments)})` : ""}
                  </Link>
                </p>
              </section>
            );
          })}
        </div>
      </div>
    </article>
  );
}
