import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "~/lib/zod.server";
import { requirePermission } from "~/domain/accounts/session.server";
import { getMeetingDetail } from "~/domain/meetings/meetings.server";
import {
  ensureReport,
  findReport,
  listReportVersions,
  MAX_CORRECTION_NOTE,
  MAX_REPORT_TEXT,
  publishReportVersion,
  ReportError,
  saveReportTexts,
  type ReportSubject,
} from "~/domain/reports/reports.server";
import { buildMeetingReport, meetingContributionStatusCounts, meetingReportEligibility } from "~/domain/reports/meeting-report.server";
import { prepareReportForDisplay } from "~/domain/reports/display.server";
import { ReportView } from "~/components/reports/ReportView";
import { ReportDownloads } from "~/components/reports/ReportDownloads";
import { ReportVersions } from "~/components/reports/ReportVersions";
import { FormErrorSummary } from "~/components/form/Field";
import { formValues } from "~/lib/forms";
import { notFound } from "~/lib/http.server";
import { translateLoose, type MessageKey, type Translate } from "~/i18n";
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

function meetingId(params: LoaderFunctionArgs["params"]) {
  const id = Number(params.id);
  if (!Number.isInteger(id) || id < 1) notFound("Incontro non trovato");
  return id;
}

const subjectOf = (id: number): ReportSubject => ({ kind: "meeting", meetingId: id });

/** What staff see of the report: eligibility, saved texts, the preview, versions, pending contributions. */
async function reportState(id: number, texts?: { introduction: string; conclusions: string }) {
  const meeting = await getMeetingDetail(id);
  if (!meeting) notFound("Incontro non trovato");
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
    previewFromForm: Boolean(texts),
  };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "report.manage");
  return reportState(meetingId(params));
}

const intentSchema = () => z.object({ intent: z.enum(["save", "preview", "publish"]) });
const text = (max: number, message: string) => z.preprocess((v) => (typeof v === "string" ? v.replace(/\r\n/g, "\n") : ""), z.string().max(max, { message }));
const textsSchema = () =>
  z.object({
    introduction: text(MAX_REPORT_TEXT, "reports.meeting.error.tooLong"),
    conclusions: text(MAX_REPORT_TEXT, "reports.meeting.error.tooLong"),
    correctionNote: text(MAX_CORRECTION_NOTE, "reports.meeting.error.noteTooLong"),
  });

type Values = { introduction?: string; conclusions?: string; correctionNote?: string };
function failed(status: number, errors: Record<string, string>, values: Values) {
  return data({ ok: false as const, errors, values, preview: null }, { status });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "report.manage");
  const id = meetingId(params);
  const raw = formValues(await request.formData());
  const values: Values = {
    introduction: typeof raw.introduction === "string" ? raw.introduction : "",
    conclusions: typeof raw.conclusions === "string" ? raw.conclusions : "",
    correctionNote: typeof raw.correctionNote === "string" ? raw.correctionNote : "",
  };
  const intent = intentSchema().safeParse(raw);
  if (!intent.success) return failed(400, { form: "errors.unknownIntent" }, values);
  const eligibility = await meetingReportEligibility(id);
  if (!eligibility) notFound("Incontro non trovato");
  const parsed = textsSchema().safeParse(values);
  if (!parsed.success) {
    // Our own message keys (reports.meeting.error.*), one per field.
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? "form")] ??= issue.message;
    return failed(400, errors, values);
  }
  const texts = { introduction: parsed.data.introduction, conclusions: parsed.data.conclusions };

  if (intent.data.intent === "preview") {
    if (!eligibility.eligible) return failed(409, { form: "reports.meeting.error.notEligible" }, values);
    const state = await reportState(id, texts);
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
    if (!document) notFound("Incontro non trovato");
    saveReportTexts({ actorId: user.id, subject: subjectOf(id), ...texts });
    const version = publishReportVersion({ actorId: user.id, subject: subjectOf(id), document, correctionNote: parsed.data.correctionNote });
    return redirect(`/gestione/incontri/${id}/rapporto?ok=published&n=${version.number}`);
  } catch (error) {
    if (error instanceof ReportError) {
      const key = error.field === "correctionNote" ? "reports.meeting.error.noteRequired" : "reports.meeting.error.publish";
      return failed(error.status >= 400 && error.status < 500 ? error.status : 400, { [error.field ?? "form"]: key }, values);
    }
    throw error;
  }
}

function MarkdownField({ name, label, hint, value, error, t, rows = 10 }: { name: string; label: string; hint: string; value: string; error?: string; t: Translate; rows?: number }) {
  const id = `f-${name}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <p className="hint" id={`${id}-hint`}>
        {hint}
      </p>
      {error ? (
        <p className="error" id={`${id}-error`}>
          {translateLoose(t, error)}
        </p>
      ) : null}
      <textarea
        id={id}
        name={name}
        rows={rows}
        className="markdown"
        defaultValue={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={[`${id}-hint`, error ? `${id}-error` : ""].filter(Boolean).join(" ")}
      />
    </div>
  );
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
  const fieldErrors = Object.fromEntries(Object.entries(errors).filter(([k]) => k !== "form"));
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

          <section className="panel" aria-labelledby="report-texts-title">
            <h2 id="report-texts-title">{t("reports.meeting.staff.textsTitle")}</h2>
            {errors.form ? (
              <div className="alert alert-danger" role="alert">
                {translateLoose(t, errors.form)}
              </div>
            ) : (
              <FormErrorSummary message={t("common.formHasErrors")} errors={Object.keys(fieldErrors).length ? fieldErrors : null} />
            )}
            <Form method="post" aria-labelledby="report-texts-title" noValidate>
              <MarkdownField
                name="introduction"
                label={t("reports.meeting.staff.introduction")}
                hint={t("reports.meeting.staff.markdownHint")}
                value={values.introduction ?? ""}
                error={errors.introduction}
                t={t}
              />
              <MarkdownField
                name="conclusions"
                label={t("reports.meeting.staff.conclusions")}
                hint={t("reports.meeting.staff.markdownHint")}
                value={values.conclusions ?? ""}
                error={errors.conclusions}
                t={t}
              />
              <div className="actions">
                <button type="submit" name="intent" value="save" className="btn btn-outline" disabled={busy}>
                  {t("reports.meeting.staff.save")}
                </button>
                <button type="submit" name="intent" value="preview" className="btn btn-outline" disabled={busy}>
                  {t("reports.meeting.staff.preview")}
                </button>
              </div>
              {hasVersions || errors.correctionNote ? (
                <MarkdownField
                  name="correctionNote"
                  label={t("reports.meeting.staff.correctionNote")}
                  hint={t("reports.meeting.staff.correctionNoteHint")}
                  value={values.correctionNote ?? ""}
                  error={errors.correctionNote}
                  t={t}
                  rows={3}
                />
              ) : null}
              <p className="muted">{t("reports.meeting.staff.publishNote")}</p>
              <button type="submit" name="intent" value="publish" className="btn" disabled={busy}>
                {hasVersions ? t("reports.meeting.staff.publishCorrection") : t("reports.meeting.staff.publish")}
              </button>
            </Form>
          </section>

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
