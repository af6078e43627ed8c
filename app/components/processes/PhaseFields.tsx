import { Field } from "~/components/form/Field";
import { PHASE_KINDS } from "~db/schema/enums";
import { translateLoose, type MessageKey, type Translate } from "~/i18n";
import { DATE_PRECISIONS } from "~db/schema/enums";
import { valueOf, type FormValues } from "./ProcessForm";

/** The fields of a phase; `prefix` keeps ids unique when several phase forms share the page. */
export function PhaseFields({ t, prefix, values, errors }: { t: Translate; prefix: string; values: FormValues; errors: Record<string, string> }) {
  const err = (name: string) => (errors[name] ? translateLoose(t, errors[name]) : null);
  const id = (name: string) => `${prefix}-${name}`;
  return (
    <>
      <Field id={id("title")} name="title" type="text" label={t("processes.phase.form.title")} defaultValue={valueOf(values, "title")} maxLength={200} required error={err("title")} />
      <div className="field">
        <label htmlFor={id("kind")}>{t("processes.phase.form.kind")}</label>
        {err("kind") ? (
          <p className="error" id={id("kind-error")}>
            {err("kind")}
          </p>
        ) : null}
        <select id={id("kind")} name="kind" defaultValue={valueOf(values, "kind")} aria-describedby={err("kind") ? id("kind-error") : undefined}>
          <option value="">{t("processes.phase.form.kindNone")}</option>
          {PHASE_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`processes.kind.${k}` as MessageKey)}
            </option>
          ))}
        </select>
      </div>
      <div className="date-pair">
        <Field id={id("startDate")} name="startDate" type="date" label={t("processes.phase.form.startDate")} defaultValue={valueOf(values, "startDate")} required error={err("startDate")} />
        <Field
          id={id("endDate")}
          name="endDate"
          type="date"
          label={t("processes.phase.form.endDate")}
          hint={t("processes.phase.form.endDateHint")}
          defaultValue={valueOf(values, "endDate")}
          error={err("endDate")}
        />
      </div>
      <fieldset className="field">
        <legend>{t("processes.phase.form.precision")}</legend>
        {DATE_PRECISIONS.map((p) => (
          <div className="checkbox" key={p}>
            <input type="radio" id={id(`precision-${p}`)} name="precision" value={p} defaultChecked={(valueOf(values, "precision") || "day") === p} />
            <label htmlFor={id(`precision-${p}`)}>{t(`processes.phase.form.precision.${p}` as MessageKey)}</label>
          </div>
        ))}
        {err("precision") ? <p className="error">{err("precision")}</p> : null}
      </fieldset>
      <div className="field">
        <label htmlFor={id("description")}>
          {t("processes.phase.form.description")} <span className="muted">({t("common.optional")})</span>
        </label>
        {err("description") ? (
          <p className="error" id={id("description-error")}>
            {err("description")}
          </p>
        ) : null}
        <textarea id={id("description")} name="description" rows={3} defaultValue={valueOf(values, "description")} aria-describedby={err("description") ? id("description-error") : undefined} />
      </div>
    </>
  );
}
