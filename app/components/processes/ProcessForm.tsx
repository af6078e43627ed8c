import { Form } from "@remix-run/react";
import { Field, FormErrorSummary } from "~/components/form/Field";
import type { Art7bisIssue } from "~/domain/processes/art7bis";
import { translateLoose, type Lang, type MessageKey, type Translate } from "~/i18n";
import { MODERATION_MODES, PROCESS_STATUSES } from "~db/schema/enums";
import { Art7bisIssueList } from "./Art7bisIssues";

export type FormValues = Record<string, string | string[] | undefined>;

export function valueOf(values: FormValues, name: string): string {
  const v = values[name];
  return Array.isArray(v) ? (v[0] ?? "") : (v ?? "");
}

function listOf(values: FormValues, name: string): string[] {
  const v = values[name];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

type Props = {
  t: Translate;
  lang: Lang;
  strategies: { code: string; number: number; title: string }[];
  values: FormValues;
  errors: Record<string, string>;
  /** Art. 7bis issues still to confirm: shows the warning and the confirmation checkbox. */
  issues: Art7bisIssue[];
  submitLabel: string;
};

/**
 * The process form (create and edit). Works without JavaScript: a plain POST with intent "process".
 * The warning is announced (role=alert) and comes first, next to the checkbox that confirms it.
 */
export function ProcessForm({ t, lang, strategies, values, errors, issues, submitLabel }: Props) {
  const err = (name: string) => (errors[name] ? translateLoose(t, errors[name]) : null);
  const chosen = listOf(values, "strategies");
  const strategiesError = err("strategies");
  return (
    <Form method="post" noValidate className="form process-form">
      <input type="hidden" name="intent" value="process" />
      <FormErrorSummary message={t("common.formHasErrors")} errors={errors} />
      {issues.length > 0 ? (
        <div className="alert alert-warning art7bis-warning" role="alert">
          <p>
            <strong>{t("processes.warn.title")}</strong>
          </p>
          <Art7bisIssueList issues={issues} t={t} lang={lang} mood="conditional" />
          <p>{t("processes.warn.intro")}</p>
          <div className="checkbox">
            <input type="checkbox" id="f-confirmArt7bis" name="confirmArt7bis" value="on" />
            <label htmlFor="f-confirmArt7bis">{t("processes.warn.confirm")}</label>
          </div>
        </div>
      ) : null}
      <Field name="title" type="text" label={t("processes.form.title")} defaultValue={valueOf(values, "title")} maxLength={200} required error={err("title")} />
      <div className="field">
        <label htmlFor="f-description">{t("processes.form.description")}</label>
        <p className="hint" id="f-description-hint">
          {t("processes.form.descriptionHint")}
        </p>
        {err("description") ? (
          <p className="error" id="f-description-error">
            {err("description")}
          </p>
        ) : null}
        <textarea
          id="f-description"
          name="description"
          rows={8}
          defaultValue={valueOf(values, "description")}
          aria-invalid={err("description") ? true : undefined}
          aria-describedby={["f-description-hint", err("description") ? "f-description-error" : ""].filter(Boolean).join(" ")}
        />
      </div>
      <div className="field">
        <label htmlFor="f-status">{t("processes.form.status")}</label>
        <p className="hint" id="f-status-hint">
          {t("processes.form.statusHint")}
        </p>
        <select id="f-status" name="status" defaultValue={valueOf(values, "status") || "draft"} aria-describedby="f-status-hint">
          {PROCESS_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`processes.status.${s}` as MessageKey)}
            </option>
          ))}
        </select>
      </div>
      <div className="date-pair">
        <Field
          name="draftPublicDate"
          type="date"
          label={t("processes.form.draftPublicDate")}
          hint={t("processes.form.draftPublicDateHint")}
          defaultValue={valueOf(values, "draftPublicDate")}
          error={err("draftPublicDate")}
        />
        <Field
          name="plannedAdoptionDate"
          type="date"
          label={t("processes.form.plannedAdoptionDate")}
          hint={t("processes.form.plannedAdoptionDateHint")}
          defaultValue={valueOf(values, "plannedAdoptionDate")}
          error={err("plannedAdoptionDate")}
        />
      </div>
      <fieldset className="field" aria-describedby={strategiesError ? "f-strategies-error" : undefined}>
        <legend>{t("processes.form.strategies")}</legend>
        {strategiesError ? (
          <p className="error" id="f-strategies-error">
            {strategiesError}
          </p>
        ) : null}
        {strategies.map((s) => (
          <div className="checkbox" key={s.code}>
            <input type="checkbox" id={`f-strategy-${s.code}`} name="strategies" value={s.code} defaultChecked={chosen.includes(s.code)} />
            <label htmlFor={`f-strategy-${s.code}`}>
              {t("plan.sttmLabel", { number: s.number })} — <span lang={lang === "it" ? undefined : "it"}>{s.title}</span>
            </label>
          </div>
        ))}
      </fieldset>
      <fieldset className="field">
        <legend>{t("processes.form.moderationMode")}</legend>
        {MODERATION_MODES.map((m) => (
          <div className="checkbox" key={m}>
            <input type="radio" id={`f-moderation-${m}`} name="moderationMode" value={m} defaultChecked={(valueOf(values, "moderationMode") || "pre") === m} />
            <label htmlFor={`f-moderation-${m}`}>{t(`processes.moderation.${m}` as MessageKey)}</label>
          </div>
        ))}
        {err("moderationMode") ? <p className="error">{err("moderationMode")}</p> : null}
      </fieldset>
      <Field
        name="flagThreshold"
        type="number"
        inputMode="numeric"
        min={1}
        max={100}
        label={t("processes.form.flagThreshold")}
        hint={t("processes.form.flagThresholdHint")}
        defaultValue={valueOf(values, "flagThreshold") || "3"}
        error={err("flagThreshold")}
      />
      <button type="submit" className="btn">
        {submitLabel}
      </button>
    </Form>
  );
}
