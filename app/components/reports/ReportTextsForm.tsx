// The staff form of a report (meeting report, participation report): introduction and conclusions
// in Markdown, save / preview, the correction note, publish. Labels come from the page's own keys
// (`<prefix>.introduction`, `<prefix>.save`…), so each report keeps its wording.
import { Form } from "@remix-run/react";
import { FormErrorSummary } from "~/components/form/Field";
import { translateLoose, type MessageKey, type Translate } from "~/i18n";

export type ReportTextsValues = { introduction?: string; conclusions?: string; correctionNote?: string };
export type ReportStaffPrefix = "reports.meeting.staff" | "reports.participation.staff";

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

export function ReportTextsForm({
  prefix,
  t,
  values,
  errors,
  busy,
  hasVersions,
  showCorrectionNote,
  publishNote,
  className,
}: {
  prefix: ReportStaffPrefix;
  t: Translate;
  values: ReportTextsValues;
  errors: Record<string, string>;
  busy: boolean;
  hasVersions: boolean;
  showCorrectionNote: boolean;
  /** A sentence above the publish button, if the page has one. */
  publishNote?: string;
  className: string;
}) {
  const k = (key: string) => t(`${prefix}.${key}` as MessageKey);
  const fieldErrors = Object.fromEntries(Object.entries(errors).filter(([name]) => name !== "form"));
  return (
    <section className={className} aria-labelledby="report-texts-title">
      <h2 id="report-texts-title">{k("textsTitle")}</h2>
      {errors.form ? (
        <div className="alert alert-danger" role="alert">
          {translateLoose(t, errors.form)}
        </div>
      ) : (
        <FormErrorSummary message={t("common.formHasErrors")} errors={Object.keys(fieldErrors).length ? fieldErrors : null} />
      )}
      <Form method="post" aria-labelledby="report-texts-title" noValidate>
        <MarkdownField name="introduction" label={k("introduction")} hint={k("markdownHint")} value={values.introduction ?? ""} error={errors.introduction} t={t} />
        <MarkdownField name="conclusions" label={k("conclusions")} hint={k("markdownHint")} value={values.conclusions ?? ""} error={errors.conclusions} t={t} />
        <div className="actions">
          <button type="submit" name="intent" value="save" className="btn btn-outline" disabled={busy}>
            {k("save")}
          </button>
          <button type="submit" name="intent" value="preview" className="btn btn-outline" disabled={busy}>
            {k("preview")}
          </button>
        </div>
        {showCorrectionNote ? (
          <MarkdownField
            name="correctionNote"
            label={k("correctionNote")}
            hint={k("correctionNoteHint")}
            value={values.correctionNote ?? ""}
            error={errors.correctionNote}
            t={t}
            rows={3}
          />
        ) : null}
        {publishNote ? <p className="muted">{publishNote}</p> : null}
        <button type="submit" name="intent" value="publish" className="btn" disabled={busy}>
          {hasVersions ? k("publishCorrection") : k("publish")}
        </button>
      </Form>
    </section>
  );
}
