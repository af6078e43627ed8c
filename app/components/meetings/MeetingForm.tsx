import { useEffect, useRef, type ReactNode } from "react";
import { Form } from "@remix-run/react";
import { Field, FormErrorSummary } from "~/components/form/Field";
import { translateLoose, type Translate } from "~/i18n";
import type { Art7bisIssue } from "~/domain/processes/art7bis";
import { MEETING_KINDS } from "~db/schema/enums";
import { kindLabel, zoneLabel } from "./MeetingBits";

export type MeetingFormOptions = {
  zones: { id: string; name: string; isCapoluogo: boolean }[];
  strategies: { code: string; number: number; title: string }[];
  processes: { id: number; title: string }[];
};

type Values = Record<string, string | string[] | undefined>;

type Props = {
  t: Translate;
  values: Values;
  errors: Record<string, string>;
  options: MeetingFormOptions;
  issues?: Art7bisIssue[] | null;
  submitLabel: string;
};

/** Label, hint and error around a control that is not a plain <input> (select, textarea). */
function Shell({
  name,
  label,
  hint,
  error,
  optional,
  t,
  children,
}: {
  name: string;
  label: string;
  hint?: string;
  error?: string | null;
  optional?: boolean;
  t: Translate;
  children: (aria: { id: string; "aria-invalid"?: true; "aria-describedby"?: string }) => ReactNode;
}) {
  const id = `f-${name}`;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {optional ? <span className="muted"> ({t("common.optional")})</span> : null}
      </label>
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="error" id={errorId}>
          {error}
        </p>
      ) : null}
      {children({ id, "aria-invalid": error ? true : undefined, "aria-describedby": [hintId, errorId].filter(Boolean).join(" ") || undefined })}
    </div>
  );
}

function str(v: string | string[] | undefined) {
  return Array.isArray(v) ? (v[0] ?? "") : (v ?? "");
}

export function art7bisText(t: Translate, issue: Art7bisIssue, formatDay: (iso: string) => string) {
  if (issue.rule === "draft_90_days") return t("meetings.art7bis.draft", { date: formatDay(issue.draftPublicDate), days: issue.days });
  if (issue.days < 1) return t("meetings.art7bis.conferenceLate", { date: formatDay(issue.conferenceDate) });
  return t("meetings.art7bis.conferenceEarly", { date: formatDay(issue.conferenceDate), days: issue.days });
}

/**
 * The meeting form (create and edit). Works without JavaScript; on a failed save the action
 * sends back what was typed (`values`) and the messages (`errors`, catalogue keys).
 */
export function MeetingForm({ t, values, errors, options, issues, submitLabel, formatDay }: Props & { formatDay: (iso: string) => string }) {
  const err = (name: string) => (errors[name] ? translateLoose(t, errors[name]) : null);
  const selectedStrategies = new Set(Array.isArray(values.strategyCodes) ? values.strategyCodes : values.strategyCodes ? [values.strategyCodes] : []);
  const fieldErrors = Object.fromEntries(Object.entries(errors).filter(([k]) => k !== "form"));
  const hasProblems = Object.keys(fieldErrors).length > 0 || Boolean(issues?.length);
  // The submit button is at the bottom of a long form: after a failed save, bring the summary
  // (and the art. 7bis warning) into view and focus, so nobody misses it.
  const problemsRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (hasProblems) problemsRef.current?.focus();
  }, [errors, issues, hasProblems]);
  return (
    <Form method="post" noValidate className="meeting-form" aria-labelledby="meeting-form-title">
      <input type="hidden" name="intent" value="save" />
      <div ref={problemsRef} tabIndex={-1} className="form-problems">
        <FormErrorSummary message={t("common.formHasErrors")} errors={Object.keys(fieldErrors).length ? fieldErrors : null} />
        {issues && issues.length ? (
          <div className="alert alert-warning" role="alert">
            <p>
              <strong>{t("meetings.art7bis.title")}</strong>
            </p>
            <ul>
              {issues.map((i) => (
                <li key={`${i.rule}-${i.rule === "draft_90_days" ? i.draftPublicDate : i.conferenceDate}`}>{art7bisText(t, i, formatDay)}</li>
              ))}
            </ul>
            <p>{t("meetings.art7bis.explain")}</p>
            <div className="checkbox">
              <input type="checkbox" id="f-confirmArt7bis" name="confirmArt7bis" />
              <label htmlFor="f-confirmArt7bis">{t("meetings.art7bis.confirm")}</label>
            </div>
          </div>
        ) : null}
      </div>

      <fieldset className="group">
        <legend>{t("meetings.form.legendMain")}</legend>
        <Field type="text" name="title" label={t("meetings.form.title")} required requiredLabel={t("common.required")} defaultValue={str(values.title)} maxLength={200} error={err("title")} />
        <Shell name="kind" label={t("meetings.form.kind")} error={err("kind")} t={t}>
          {(aria) => (
            <select name="kind" required defaultValue={str(values.kind)} {...aria}>
              <option value="">{t("meetings.form.kindChoose")}</option>
              {MEETING_KINDS.map((k) => (
                <option key={k} value={k}>
                  {kindLabel(t, k)}
                </option>
              ))}
            </select>
          )}
        </Shell>
        {options.processes.length > 1 ? (
          <Shell name="processId" label={t("meetings.form.process")} error={err("processId")} t={t}>
            {(aria) => (
              <select name="processId" defaultValue={str(values.processId)} {...aria}>
                {options.processes.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.title}
                  </option>
                ))}
              </select>
            )}
          </Shell>
        ) : null}
        <div className="field-row">
          <Field
            type="datetime-local"
            name="startsAt"
            label={t("meetings.form.startsAt")}
            hint={t("meetings.form.dateHint")}
            required
            requiredLabel={t("common.required")}
            defaultValue={str(values.startsAt)}
            error={err("startsAt")}
          />
          <Field
            type="datetime-local"
            name="endsAt"
            label={t("meetings.form.endsAt")}
            hint={t("meetings.form.dateHint")}
            required
            requiredLabel={t("common.required")}
            defaultValue={str(values.endsAt)}
            error={err("endsAt")}
          />
        </div>
        <Shell name="zoneId" label={t("meetings.form.zone")} hint={t("meetings.form.zoneHint")} error={err("zoneId")} t={t}>
          {(aria) => (
            <select name="zoneId" defaultValue={str(values.zoneId)} {...aria}>
              <option value="">{t("meetings.form.zoneNone")}</option>
              {options.zones.map((z) => (
                <option key={z.id} value={z.id}>
                  {zoneLabel(t, z)}
                </option>
              ))}
            </select>
          )}
        </Shell>
        <fieldset className="field" aria-describedby={errors.strategyCodes ? "f-strategyCodes-error" : undefined}>
          <legend>{t("meetings.form.strategies")}</legend>
          {errors.strategyCodes ? (
            <p className="error" id="f-strategyCodes-error">
              {err("strategyCodes")}
            </p>
          ) : null}
          <ul className="checkbox-list">
            {options.strategies.map((s) => (
              <li key={s.code} className="checkbox">
                <input type="checkbox" id={`f-strategy-${s.code}`} name="strategyCodes" value={s.code} defaultChecked={selectedStrategies.has(s.code)} />
                <label htmlFor={`f-strategy-${s.code}`} title={s.title}>
                  STTM {s.number}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <div className="checkbox spaced">
          <input type="checkbox" id="f-allowObservers" name="allowObservers" defaultChecked={str(values.allowObservers) === "on"} />
          <label htmlFor="f-allowObservers">{t("meetings.form.allowObservers")}</label>
        </div>
      </fieldset>

      <fieldset className="group">
        <legend>{t("meetings.form.legendVenue")}</legend>
        <Field type="text" name="venueName" label={t("meetings.form.venueName")} defaultValue={str(values.venueName)} maxLength={200} error={err("venueName")} />
        <Field type="text" name="venueAddress" label={t("meetings.form.venueAddress")} defaultValue={str(values.venueAddress)} maxLength={300} error={err("venueAddress")} />
        <fieldset className="field" aria-describedby="coords-hint">
          <legend>
            {t("meetings.form.coords")} <span className="muted">({t("common.optional")})</span>
          </legend>
          <p className="hint" id="coords-hint">
            {t("meetings.form.coordsHint")}
          </p>
          <div className="field-row">
            <Field type="text" name="lat" label={t("meetings.form.lat")} inputMode="decimal" defaultValue={str(values.lat)} error={err("lat")} />
            <Field type="text" name="lon" label={t("meetings.form.lon")} inputMode="decimal" defaultValue={str(values.lon)} error={err("lon")} />
          </div>
        </fieldset>
        <Field
          type="url"
          name="onlineUrl"
          label={t("meetings.form.onlineUrl")}
          hint={t("meetings.form.onlineUrlHint")}
          defaultValue={str(values.onlineUrl)}
          maxLength={500}
          error={err("onlineUrl")}
        />
      </fieldset>

      <fieldset className="group">
        <legend>{t("meetings.form.legendRegistration")}</legend>
        <Field
          type="text"
          inputMode="numeric"
          name="capacity"
          label={t("meetings.form.capacity")}
          hint={t("meetings.form.capacityHint")}
          defaultValue={str(values.capacity)}
          error={err("capacity")}
        />
        <p className="hint muted">{t("meetings.form.registrationHint")}</p>
        <div className="field-row">
          <Field
            type="datetime-local"
            name="registrationOpensAt"
            label={t("meetings.form.registrationOpensAt")}
            defaultValue={str(values.registrationOpensAt)}
            error={err("registrationOpensAt")}
          />
          <Field
            type="datetime-local"
            name="registrationClosesAt"
            label={t("meetings.form.registrationClosesAt")}
            defaultValue={str(values.registrationClosesAt)}
            error={err("registrationClosesAt")}
          />
        </div>
      </fieldset>

      <Shell name="agenda" label={t("meetings.form.agenda")} hint={t("meetings.form.agendaHint")} error={err("agenda")} optional t={t}>
        {(aria) => <textarea name="agenda" rows={8} className="markdown" defaultValue={str(values.agenda)} {...aria} />}
      </Shell>

      <button type="submit" className="btn">
        {submitLabel}
      </button>
    </Form>
  );
}

