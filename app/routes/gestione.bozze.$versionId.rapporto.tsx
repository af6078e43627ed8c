import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { ReportTextsForm } from "~/components/reports/ReportTextsForm";
import { ParticipationRule } from "~/components/reports/ParticipationRule";
import { ReportDownloads } from "~/components/reports/ReportDownloads";
import { ReportVersions } from "~/components/reports/ReportVersions";
import { ReportView } from "~/components/reports/ReportView";
import { requirePermission } from "~/domain/accounts/session.server";
import { getStrategy } from "~/domain/plan/plan.server";
import { prepareReportForDisplay } from "~/domain/reports/display.server";
import { buildParticipationReport, participationReportCounts, participationReportEligibility } from "~/domain/reports/participation-report.server";
import {
  ensureReport,
  findReport,
  listReportVersions,
  publishReportVersion,
  saveReportTexts,
  type ReportSubject,
} from "~/domain/reports/reports.server";
import { translateLoose } from "~/i18n";
import { metaTranslator } from "~/i18n/meta";
import { useLang, useT } from "~/i18n/react";
import type { RouteHandle } from "~/lib/breadcrumb";
import { readReportTextsForm, reportIntentSchema, reportTextsSchema, type ReportTextsForm as ReportTextsValues } from "~/domain/reports/report-texts-form.server";
import { DomainError } from "~/lib/domain-error";
import { fieldErrorsOf, parseForm } from "~/lib/forms";
import { invariantFound } from "~/lib/http.server";
import reportCss from "~/styles/report.css";

// Staff: the participation report of one STTM version (rapporto sulla partecipazione e
// controdeduzioni) — eligibility (not for a bozza), the introduction and conclusions (Markdown), a
// live preview built from the data with the items still without an outcome or waiting for
// moderation (a warning, not a block), the draft's downloads, publish (a frozen version; a
// correction note from version 2), and the published versions. Which items belong to the report is
// written in participation-report.server.ts and shown on the page.
export const links: LinksFunction = () => [{ rel: "stylesheet", href: reportCss }];
export const handle: RouteHandle = { breadcrumb: { key: "reports.participation.link" } };
export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) => {
  const t = metaTranslator(matches);
  return [{ title: d ? `${t("reports.participation.staff.metaTitle", { label: d.version.label })} — Concerta` : `${t("errors.title")} — Concerta` }];
};

function versionIdOf(request: Request, params: LoaderFunctionArgs["params"]) {
  const id = Number(params.versionId);
  invariantFound(Number.isInteger(id) && id >= 1, request, "errors.notFound.version");
  return id;
}

const subjectOf = (id: number): ReportSubject => ({ kind: "participation", draftVersionId: id });

async function reportState(request: Request, versionId: number, texts?: { introduction: string; conclusions: string }) {
  const eligibility = participationReportEligibility(versionId);
  const version = eligibility.version;
  invariantFound(version, request, "errors.notFound.version");
  const strategy = await getStrategy(version.strategyCode);
  // The report row is made as soon as the version is reportable, so the draft has an id for its downloads.
  const report = eligibility.eligible ? ensureReport(subjectOf(versionId)) : await findReport(subjectOf(versionId));
  const saved = { introduction: report?.introduction ?? "", conclusions: report?.conclusions ?? "" };
  const versions = report ? await listReportVersions(report.id) : [];
  const document = eligibility.eligible ? await buildParticipationReport(versionId, texts ?? saved) : undefined;
  const preview = document ? await prepareReportForDisplay(document) : null;
  return {
    version: { id: version.id, label: version.label, status: version.status, strategyCode: version.strategyCode, strategyNumber: strategy?.number ?? 0 },
    eligible: eligibility.eligible,
    notEligibleKey: eligibility.eligible ? null : eligibility.reasonKey,
    reportId: report?.id ?? null,
    saved,
    versions: versions.map((v) => ({ number: v.number, publishedAt: v.publishedAt.toISOString(), correctionNote: v.correctionNote })),
    counts: eligibility.eligible ? participationReportCounts(versionId) ?? null : null,
    preview,
  };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "report.manage");
  return reportState(request, versionIdOf(request, params));
}

function failed(status: number, errors: Record<string, string>, values: ReportTextsValues) {
  return data({ ok: false as const, errors, values, preview: null }, { status });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "report.manage");
  const versionId = versionIdOf(request, params);
  const { raw, values } = await readReportTextsForm(request);
  const eligibility = participationReportEligibility(versionId);
  invariantFound(eligibility.version, request, "errors.notFound.version");
  const intent = reportIntentSchema().safeParse(raw);
  if (!intent.success) return failed(400, { form: "errors.unknownIntent" }, values);
  if (!eligibility.eligible) return failed(409, { form: eligibility.reasonKey }, values);
  const parsed = parseForm(reportTextsSchema("reports.participation"), values);
  if (!parsed.success) return failed(400, parsed.errors, values);
  const texts = { introduction: parsed.data.introduction, conclusions: parsed.data.conclusions };
  const base = `/gestione/bozze/${versionId}/rapporto`;

  if (intent.data.intent === "preview") {
    const state = await reportState(request, versionId, texts);
    return data({ ok: true as const, errors: {} as Record<string, string>, values, preview: state.preview });
  }
  if (intent.data.intent === "save") {
    saveReportTexts({ actorId: user.id, subject: subjectOf(versionId), ...texts });
    return redirect(`${base}?ok=saved`);
  }

  const existing = await findReport(subjectOf(versionId));
  const published = existing ? (await listReportVersions(existing.id)).length : 0;
  // Checked before anything is written, so that a refused publication does not save the texts either.
  if (published > 0 && !parsed.data.correctionNote.trim()) return failed(400, { correctionNote: "reports.participation.error.noteRequired" }, values);
  try {
    const document = await buildParticipationReport(versionId, texts);
    invariantFound(document, request, "errors.notFound.version");
    saveReportTexts({ actorId: user.id, subject: subjectOf(versionId), ...texts });
    const version = publishReportVersion({ actorId: user.id, subject: subjectOf(versionId), document, correctionNote: parsed.data.correctionNote });
    return redirect(`${base}?ok=published&n=${version.number}`);
  } catch (error) {
    if (error instanceof DomainError) return failed(error.status, fieldErrorsOf(error), values);
    throw error;
  }
}

export default function ParticipationReportStaff() {
  const state = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const lang = useLang();
  const [params] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  const { version, versions, reportId, counts } = state;
  const errors = (result?.errors ?? {}) as Record<string, string>;
  const values = result?.values ?? { ...state.saved, correctionNote: "" };
  const preview = result?.preview ?? state.preview;
  const fromForm = Boolean(result?.preview);
  const ok = params.get("ok");
  const notice =
    ok === "published"
      ? t("reports.participation.staff.ok.published", { number: params.get("n") ?? "" })
      : ok === "saved"
      ? t("reports.participation.staff.ok.saved")
      : null;
  const hasVersions = versions.length > 0;
  const publicPath = `/strategie/${version.strategyCode}/bozze/${version.id}/rapporto`;
  const warn = counts && (counts.withoutOutcome > 0 || counts.pending > 0);

  return (
    <>
      <p className="kicker">
        {t("plan.sttmLabel", { number: version.strategyNumber })} · {version.label}
      </p>
      <h1>{t("reports.participation.staff.metaTitle", { label: version.label })}</h1>
      {notice ? (
        <div className="alert alert-success" role="status">
          {notice}
        </div>
      ) : null}
      <ul className="draft-links">
        <li>
          <Link to={`/gestione/bozze/${version.id}`}>{t("reports.participation.staff.backToVersion")}</Link>
        </li>
        {hasVersions ? (
          <li>
            <Link to={publicPath}>{t("reports.participation.staff.publicPage")}</Link>
          </li>
        ) : null}
      </ul>
      <p>{t("reports.participation.staff.intro")}</p>
      <ParticipationRule t={t} />

      {!state.eligible ? (
        <div className="alert alert-warning" role="note">
          <p>{translateLoose(t, state.notEligibleKey)}</p>
        </div>
      ) : (
        <>
          {counts ? (
            <section className="draft-panel" aria-labelledby="report-check-title">
              <h2 id="report-check-title">{t("reports.participation.staff.checkTitle")}</h2>
              <p>{t("reports.participation.staff.items", { count: counts.items })}</p>
              {warn ? (
                <div className="alert alert-warning" role="note">
                  {counts.withoutOutcome > 0 ? <p>{t("reports.participation.staff.withoutOutcome", { count: counts.withoutOutcome })}</p> : null}
                  {counts.pending > 0 ? <p>{t("reports.participation.staff.pending", { count: counts.pending })}</p> : null}
                  <p>{t("reports.participation.staff.warningNote")}</p>
                  <p>
                    <Link to="/gestione/moderazione">{t("reports.participation.staff.moderationLink")}</Link>
                  </p>
                </div>
              ) : (
                <p className="muted">{t("reports.participation.staff.allDone")}</p>
              )}
            </section>
          ) : null}

          <ReportTextsForm
            prefix="reports.participation.staff"
            className="draft-panel"
            t={t}
            values={values}
            errors={errors}
            busy={busy}
            hasVersions={hasVersions}
            showCorrectionNote
          />

          {reportId != null ? <ReportDownloads reportId={reportId} version="bozza" lang={lang} /> : null}
        </>
      )}

      {reportId != null && hasVersions ? (
        <ReportVersions reportId={reportId} versions={versions} lang={lang} readHref={(n) => `${publicPath}?versione=${n}`} />
      ) : (
        <section aria-labelledby="report-versions-empty">
          <h2 id="report-versions-empty">{t("reports.participation.staff.versionsTitle")}</h2>
          <p>{t("reports.participation.staff.noVersions")}</p>
        </section>
      )}

      {preview ? (
        <section className="report-preview" aria-labelledby="report-preview-title">
          <h2 id="report-preview-title">{t("reports.participation.staff.previewTitle")}</h2>
          <p className="muted">{fromForm ? t("reports.participation.staff.previewUnsaved") : t("reports.participation.staff.previewNote")}</p>
          <ReportView embedded
            document={preview.document}
            maps={preview.maps}
            lang={lang}
            meta={<p className="alert alert-warning">{t("reports.view.draftVersion")}</p>}
          />
        </section>
      ) : null}
    </>
  );
}
