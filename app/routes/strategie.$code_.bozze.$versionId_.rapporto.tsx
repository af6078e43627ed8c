import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ParticipationRule } from "~/components/reports/ParticipationRule";
import { ReportDownloads } from "~/components/reports/ReportDownloads";
import { ReportVersions } from "~/components/reports/ReportVersions";
import { ReportView } from "~/components/reports/ReportView";
import { getReadableVersion } from "~/domain/drafts/versions.server";
import { getStrategy } from "~/domain/plan/plan.server";
import { prepareReportForDisplay } from "~/domain/reports/display.server";
import { findReport, getPublishedReport, listReportVersions } from "~/domain/reports/reports.server";
import { formatDate, translator } from "~/i18n";
import { metaTranslator } from "~/i18n/meta";
import { useLang, useT } from "~/i18n/react";
import type { RouteHandle } from "~/lib/breadcrumb";
import { invariantFound } from "~/lib/http.server";
import { getLang } from "~/lib/lang.server";
import reportCss from "~/styles/report.css";

// The published participation report of an STTM version, for everyone: the latest version, or an
// earlier one with ?versione=N (marked as replaced). Outside the reading view's layout (the URL
// segment "$versionId_" escapes it): /strategie/:code/bozze/:versionId/rapporto. A 404 before a
// version of the report is published (the draft is staff's), for a bozza, an unknown version, or a
// version of another STTM than the one in the URL.
export const links: LinksFunction = () => [{ rel: "stylesheet", href: reportCss }];

type Data = { crumb?: string } | undefined;
export const handle: RouteHandle = { breadcrumb: { label: (d) => (d as Data)?.crumb ?? "" } };

export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) => {
  const t = metaTranslator(matches);
  return [
    {
      title: d
        ? `${t("reports.participation.public.metaTitle", { label: d.version.label, number: d.strategy.number })} — Concerta`
        : `${t("errors.title")} — Concerta`,
    },
  ];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const strategy = await getStrategy(params.code ?? "");
  const version = strategy ? getReadableVersion(Number(params.versionId), strategy.code, false) : undefined;
  invariantFound(strategy && version, request, "errors.notFound.version");
  const asked = new URL(request.url).searchParams.get("versione");
  invariantFound(asked === null || /^[1-9]\d{0,5}$/.test(asked), request, "errors.notFound.reportVersion");
  const report = await findReport({ kind: "participation", draftVersionId: version.id });
  invariantFound(report, request, "errors.notFound.report");
  const versions = await listReportVersions(report.id);
  invariantFound(versions.length, request, "errors.notFound.report");
  const published = await getPublishedReport(report.id, asked === null ? undefined : Number(asked));
  invariantFound(published, request, "errors.notFound.reportVersion");
  const prepared = await prepareReportForDisplay(published.document);
  const t = translator(await getLang(request));
  return {
    crumb: `${version.label} · ${t("reports.participation.link")}`,
    strategy: { code: strategy.code, number: strategy.number },
    version: { id: version.id, label: version.label },
    reportId: report.id,
    shown: { number: published.number, publishedAt: published.publishedAt.toISOString(), correctionNote: published.correctionNote },
    latest: versions[0].number,
    versions: versions.map((v) => ({ number: v.number, publishedAt: v.publishedAt.toISOString(), correctionNote: v.correctionNote })),
    prepared,
  };
}

export default function ParticipationReportPage() {
  const { strategy, version, reportId, shown, latest, versions, prepared } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  const older = shown.number !== latest;
  const base = `/strategie/${strategy.code}/bozze/${version.id}/rapporto`;
  const date = formatDate(lang, shown.publishedAt, { dateStyle: "long" });

  const meta = (
    <div className="report-version-meta">
      {older ? (
        <div className="alert alert-warning" role="note">
          <p>{t("reports.participation.public.older", { number: shown.number })}</p>
          <p>
            <Link to={base}>{t("reports.participation.public.latest")}</Link>
          </p>
        </div>
      ) : null}
      <p>{t("reports.participation.public.published", { number: shown.number, date })}</p>
      {shown.correctionNote ? (
        <p lang={lang === "it" ? undefined : "it"}>{t("reports.participation.public.correction", { note: shown.correctionNote })}</p>
      ) : null}
    </div>
  );

  return (
    <>
      <p className="no-print">
        <Link to={`/strategie/${strategy.code}/bozze/${version.id}`}>{t("reports.participation.public.backToVersion")}</Link>
      </p>
      <ReportView document={prepared.document} maps={prepared.maps} lang={lang} meta={meta} />
      <ParticipationRule t={t} />
      <ReportDownloads reportId={reportId} version={shown.number} lang={lang} />
      <ReportVersions
        reportId={reportId}
        versions={versions}
        lang={lang}
        current={shown.number}
        readHref={(n) => (n === latest ? base : `${base}?versione=${n}`)}
      />
    </>
  );
}
