import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getMeetingDetail } from "~/domain/meetings/meetings.server";
import { findReport, getPublishedReport, listReportVersions } from "~/domain/reports/reports.server";
import { prepareReportForDisplay } from "~/domain/reports/display.server";
import { ReportView } from "~/components/reports/ReportView";
import { ReportDownloads } from "~/components/reports/ReportDownloads";
import { ReportVersions } from "~/components/reports/ReportVersions";
import { invariantFound } from "~/lib/http.server";
import { formatDate, translator } from "~/i18n";
import { getLang } from "~/lib/lang.server";
import { metaTranslator } from "~/i18n/meta";
import { useLang, useT } from "~/i18n/react";
import type { RouteHandle } from "~/lib/breadcrumb";
import reportCss from "~/styles/report.css";

// The published report of a meeting, for everyone: the latest version, or an earlier one with
// ?versione=N (marked as replaced). Outside the meeting page's layout (its registration panel and
// map would sit beside the report): the URL is /incontri/:id/rapporto. Nothing is shown before a
// version is published — the draft is staff's (404, not a hint that one exists).
export const links: LinksFunction = () => [{ rel: "stylesheet", href: reportCss }];

type Data = { crumb?: string } | undefined;
export const handle: RouteHandle = { breadcrumb: { label: (d) => (d as Data)?.crumb ?? "" } };

export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) => {
  const t = metaTranslator(matches);
  return [{ title: d ? t("reports.meeting.public.metaTitle", { title: d.meeting.title }) : `${t("errors.title")} — Concerta` }];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = Number(params.id);
  const meeting = Number.isInteger(id) && id > 0 ? await getMeetingDetail(id) : null;
  invariantFound(meeting, request, "errors.notFound.meeting");
  const asked = new URL(request.url).searchParams.get("versione");
  invariantFound(asked === null || /^[1-9]\d{0,5}$/.test(asked), request, "errors.notFound.reportVersion");
  const report = await findReport({ kind: "meeting", meetingId: id });
  invariantFound(report, request, "errors.notFound.report");
  const versions = await listReportVersions(report.id);
  invariantFound(versions.length, request, "errors.notFound.report");
  const version = await getPublishedReport(report.id, asked === null ? undefined : Number(asked));
  invariantFound(version, request, "errors.notFound.reportVersion");
  const latest = versions[0];
  const prepared = await prepareReportForDisplay(version.document);
  const t = translator(await getLang(request));
  return {
    crumb: `${t("reports.meeting.public.crumb")} — ${meeting.title}`,
    meeting: { id: meeting.id, title: meeting.title },
    reportId: report.id,
    version: { number: version.number, publishedAt: version.publishedAt.toISOString(), correctionNote: version.correctionNote },
    latest: { number: latest.number, publishedAt: latest.publishedAt.toISOString() },
    versions: versions.map((v) => ({ number: v.number, publishedAt: v.publishedAt.toISOString(), correctionNote: v.correctionNote })),
    prepared,
  };
}

export default function MeetingReportPage() {
  const { meeting, reportId, version, latest, versions, prepared } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  const older = version.number !== latest.number;
  const date = (iso: string) => formatDate(lang, iso, { dateStyle: "long" });
  const base = `/incontri/${meeting.id}/rapporto`;

  const meta = (
    <div className="report-version-meta">
      {older ? (
        <div className="alert alert-warning" role="note">
          <p>{t("reports.meeting.public.older", { number: version.number, date: date(version.publishedAt), latest: latest.number })}</p>
          <p>
            <Link to={base}>{t("reports.meeting.public.latest")}</Link>
          </p>
        </div>
      ) : (
        <p>{t("reports.meeting.public.published", { number: version.number, date: date(version.publishedAt) })}</p>
      )}
      {version.correctionNote ? <p lang={lang === "it" ? undefined : "it"}>{t("reports.meeting.public.correction", { note: version.correctionNote })}</p> : null}
    </div>
  );

  return (
    <>
      <p>
        <Link to={`/incontri/${meeting.id}`}>{t("reports.meeting.public.backToMeeting")}</Link>
      </p>
      <ReportView document={prepared.document} maps={prepared.maps} lang={lang} meta={meta} />
      <ReportDownloads reportId={reportId} version={version.number} lang={lang} />
      <ReportVersions reportId={reportId} versions={versions} lang={lang} current={version.number} readHref={(n) => (n === latest.number ? base : `${base}?versione=${n}`)} />
    </>
  );
}
