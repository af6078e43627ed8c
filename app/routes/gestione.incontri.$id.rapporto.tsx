import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { requirePermission } from "~/domain/accounts/session.server";
import { getMeetingDetail } from "~/domain/meetings/meetings.server";
import {
  ensureReport,
  findReport,
  listReportVersions,
  publishReportVersion,
  saveReportTexts,
  type ReportSubject,
} from "~/domain/reports/reports.server";
import { buildMeetingReport, meetingContributionStatusCounts, meetingReportEligibility } from "~/domain/reports/meeting-report.server";
import { prepareReportForDisplay } from "~/domain/reports/display.server";
import { ReportView } from "~/components/reports/ReportView";
import { ReportDownloads } from "~/components/reports/ReportDownloads";
import { ReportVersions } from "~/components/reports/ReportVersions";
import { ReportTextsForm } from "~/components/reports/ReportTextsForm";
import { readReportTextsForm, reportIntentSchema, reportTextsSchema, type ReportTextsForm as ReportTextsValues } from "~/domain/reports/report-texts-form.server";
import { DomainError } from "~/lib/domain-error";
import { fieldErrorsOf, parseForm } from "~/lib/forms";
import { invariantFound } from "~/lib/http.server";
import type { MessageKey } from "~/i18n";
import { metaTranslator } from "~/i18n/meta";
import { useLang, useT } from "~/i18n/react";
import type { RouteHandle } from "~/lib/breadcrumb";
import reportCss from "~/styles/report.css";

// Staff: the report of one meeting — eligibility, the introduction and conclusions (Markdown), a
// live preview built from the data (ReportView) with the draft's downloads, publish (a frozen
// version; a correction note from version 2), and the published versions.
export const links: LinksFunction = () => [{ rel: "stylesheet", href: reportCss }];
export const handle: RouteHandle = { breadcrumb: { key: "reports.meeting.staff.crumb" } };
export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) => {
  const t = metaTranslator(matches);
  return [{ title: d ? `${t("reports.meeting.staff.metaTitle", { title: d.meeting.title })} — Concerta` : `${t("errors.title")} — Concerta` }];
};

function meetingId(request: Request, params: LoaderFunctionArgs["params"]) {
  const id = Number(params.id);
  invariantFound(Number.isInteger(id) && id >= 1, request, "errors.notFound.meeting");
  return id;
}

const subjectOf = (id: number): ReportSubject => ({ kind: "meeting", meetingId: id });

/** What staff see of the report: eligibility, saved texts, the preview, versions, pending contributions. */
async function reportState(request: Request, id: number, texts?: { introduction: string; conclusions: string }) {
  const meeting = await getMeetingDetail(id);
  invariantFound(meeting, request, "errors.notFound.meeting");
  const eligibility = (await meetingReportEligibility(id))!;
  // The report row is made as soon as the meeting is reportable, so the draft has an id for its downloads.
  const report = eligibility.eligible ? ensureReport(subjectOf(id)) : await findReport(subjectOf(id));
  const saved = { introduction: report?.introduction ?? "", conclusions: report?.conclusions ?? "" };
  const [versions, statuses] = await Promise.all([report ? listReportVersions(report.id) : Promise.resolve([]), meetingContributionStatusCounts(id)]);
  const document = eligibility.eligible ? await buildMeetingReport(id, texts ?? saved) : undefined;
  const preview = document ? await prepareReportForDisplay(document) : null;
  return {
    meeting: { id: meeting.id, title: meeting.title, status: meeting.status },
    eligible: eligibility.eligible,
    reportId: report?.id ?? null,
    saved,
    versions: versions.map((v) => ({ number: v.number, publishedAt: v.publishedAt.toISOString(), correctionNote: v.correctionNote })),
    pending: statuses.pending,
    preview,
  };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "report.manage");
  return reportState(request, meetingId(request, params));
}

function failed(status: number, errors: Record<string, string>, values: ReportTextsValues) {
  return data({ ok: false as const, errors, values, preview: null }, { status });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "report.manage");
  const id = meetingId(request, params);
  const { raw, values } = await readReportTextsForm(request);
  const intent = reportIntentSchema().safeParse(raw);
  if (!intent.success) return failed(400, { form: "errors.unknownIntent" }, values);
  const eligibility = await meetingReportEligibility(id);
  invariantFound(eligibility, request, "errors.notFound.meeting");
  const parsed = parseForm(reportTextsSchema("reports.meeting"), values);
  if (!parsed.success) return failed(400, parsed.errors, values);
  const texts = { introduction: parsed.data.introduction, conclusions: parsed.data.conclusions };

  if (intent.data.intent === "preview") {
    if (!eligibility.eligible) return failed(409, { form: "reports.meeting.error.notEligible" }, values);
    const state = await reportState(request, id, texts);
    return data({ ok: true as const, errors: {} as Record<string, string>, values, preview: state.preview });
  }

  if (intent.data.intent === "save") {
    saveReportTexts({ actorId: user.id, subject: subjectOf(id), ...texts });
    return redirect(`/gestione/incontri/${id}/rapporto?ok=saved`);
  }

  if (!eligibility.eligible) return failed(409, { form: "reports.meeting.error.notEligible" }, values);
  const existing = await findReport(subjectOf(id));
  const published = existing ? (await listReportVersions(existing.id)).length : 0;
  // Checked before anything is written, so that a refused publish does not save the texts either.
  if (published > 0 && !parsed.data.correctionNote.trim()) return failed(400, { correctionNote: "reports.meeting.error.noteRequired" }, values);
  try {
    const document = await buildMeetingReport(id, texts);
    invariantFound(document, request, "errors.notFound.meeting");
    saveReportTexts({ actorId: user.id, subject: subjectOf(id), ...texts });
    const version = publishReportVersion({ actorId: user.id, subject: subjectOf(id), document, correctionNote: parsed.data.correctionNote });
    return redirect(`/gestione/incontri/${id}/rapporto?ok=published&n=${version.number}`);
  } catch (error) {
    if (error instanceof DomainError) return failed(error.status, fieldErrorsOf(error), values);
    throw error;
  }
}

export default function MeetingReportStaff() {
  const state = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const lang = useLang();
  const [params] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  const { meeting, versions, reportId } = state;
  const errors = (result?.errors ?? {}) as Record<string, string>;
  const values = result?.values ?? { ...state.saved, correctionNote: "" };
  const preview = result?.preview ?? state.preview;
  const fromForm = Boolean(result?.preview);
  const ok = params.get("ok");
  const notice =
    ok === "published" ? t("reports.meeting.staff.ok.published", { number: params.get("n") ?? "" }) : ok === "saved" ? t("reports.meeting.staff.ok.saved") : null;
  const hasVersions = versions.length > 0;

  return (
    <>
      <h1>{t("reports.meeting.staff.title", { title: meeting.title })}</h1>
      {notice ? (
        <div className="alert alert-success" role="status">
          {notice}
        </div>
      ) : null}
      <p className="actions">
        <Link to={`/gestione/incontri/${meeting.id}`}>{t("reports.meeting.staff.back")}</Link>
        <Link to={`/gestione/incontri/${meeting.id}/verbale`}>{t("reports.meeting.staff.minutesLink")}</Link>
        {hasVersions ? <Link to={`/incontri/${meeting.id}/rapporto`}>{t("reports.meeting.staff.publicPage")}</Link> : null}
      </p>
      <p>{t("reports.meeting.staff.intro")}</p>

      {!state.eligible ? (
        <div className="alert alert-warning" role="note">
          <p>{t("reports.meeting.staff.notEligible", { status: t(`meetings.status.${meeting.status}` as MessageKey) })}</p>
          <p>
            <Link to={`/gestione/incontri/${meeting.id}`}>{t("reports.meeting.staff.statusLink")}</Link>
          </p>
        </div>
      ) : (
        <>
          {state.pending > 0 ? (
            <div className="alert alert-warning" role="note">
              <p>{t("reports.meeting.staff.pending", { count: state.pending })}</p>
              <p>
                <Link to="/gestione/moderazione">{t("reports.meeting.staff.moderationLink")}</Link>
              </p>
            </div>
          ) : (
            <p className="muted">{t("reports.meeting.staff.noPending")}</p>
          )}

          <ReportTextsForm
            prefix="reports.meeting.staff"
            className="panel"
            t={t}
            values={values}
            errors={errors}
            busy={busy}
            hasVersions={hasVersions}
            showCorrectionNote={hasVersions || Boolean(errors.correctionNote)}
            publishNote={t("reports.meeting.staff.publishNote")}
          />

          {reportId != null ? <ReportDownloads reportId={reportId} version="bozza" lang={lang} /> : null}
        </>
      )}

      {reportId != null ? (
        hasVersions ? (
          <ReportVersions reportId={reportId} versions={versions} lang={lang} readHref={(n) => `/incontri/${meeting.id}/rapporto?versione=${n}`} />
        ) : (
          <section aria-labelledby="report-versions-empty">
            <h2 id="report-versions-empty">{t("reports.meeting.staff.versionsTitle")}</h2>
            <p>{t("reports.meeting.staff.noVersions")}</p>
          </section>
        )
      ) : null}

      {preview ? (
        <section className="report-preview" aria-labelledby="report-preview-title">
          <h2 id="report-preview-title">{t("reports.meeting.staff.previewTitle")}</h2>
          <p className="muted">{fromForm ? t("reports.meeting.staff.previewUnsaved") : t("reports.meeting.staff.previewNote")}</p>
          <ReportView embedded document={preview.document} maps={preview.maps} lang={lang} meta={<p className="alert alert-warning">{t("reports.view.draftVersion")}</p>} />
        </section>
      ) : null}
    </>
  );
}
