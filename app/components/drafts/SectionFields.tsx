import { translateLoose } from "~/i18n";
import { useT } from "~/i18n/react";

export type SectionFieldValues = {
  number: string;
  title: string;
  depth: string;
  frameworkCode: string;
  targetCodes: string[];
  objectiveCodes: string[];
};
type Option = { code: string; title: string };

type Props = {
  idPrefix: string;
  values: SectionFieldValues;
  errors: Record<string, string>;
};

function useFieldHelpers({ idPrefix, errors }: Props) {
  const t = useT();
  const id = (name: string) => `${idPrefix}-${name}`;
  const err = (name: string) => (errors[name] ? translateLoose(t, errors[name]) : null);
  const described = (name: string, hint = false) => [hint ? `${id(name)}-hint` : "", err(name) ? `${id(name)}-error` : ""].filter(Boolean).join(" ") || undefined;
  const error = (name: string) =>
    err(name) ? (
      <p className="error" id={`${id(name)}-error`}>
        {err(name)}
      </p>
    ) : null;
  return { t, id, err, described, error };
}

/** Number, level and title of a section. */
export function SectionHeadFields(props: Props) {
  const { t, id, err, described, error } = useFieldHelpers(props);
  const { values } = props;
  return (
    <>
      <div className="section-fields-row">
        <div className="field field-number">
          <label htmlFor={id("number")}>{t("drafts.field.number")}</label>
          {error("number")}
          <input
            type="text"
            id={id("number")}
            name="number"
            required
            inputMode="decimal"
            pattern="[0-9]{1,3}(\.[0-9]{1,3}){0,5}"
            maxLength={24}
            defaultValue={values.number}
            aria-invalid={err("number") ? true : undefined}
            aria-describedby={described("number")}
          />
        </div>
        <div className="field field-depth">
          <label htmlFor={id("depth")}>{t("drafts.field.depth")}</label>
          {error("depth")}
          <select id={id("depth")} name="depth" defaultValue={values.depth} aria-invalid={err("depth") ? true : undefined} aria-describedby={described("depth")}>
            {[1, 2, 3].map((d) => (
              <option key={d} value={d}>
                {t("drafts.field.depthOption", { depth: d })}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="field">
        <label htmlFor={id("title")}>{t("drafts.field.title")}</label>
        {error("title")}
        <input
          type="text"
          id={id("title")}
          name="title"
          required
          maxLength={300}
          defaultValue={values.title}
          aria-invalid={err("title") ? true : undefined}
          aria-describedby={described("title")}
        />
      </div>
    </>
  );
}

/** Framework, work targets and PTM objectives of a section. */
export function SectionLinkFields(props: Props & { frameworks: Option[]; targets: Option[]; objectives: Option[] }) {
  const { t, id, error } = useFieldHelpers(props);
  const { values, frameworks, targets, objectives } = props;
  return (
    <>
      <div className="field">
        <label htmlFor={id("framework")}>{t("drafts.field.framework")}</label>
        <select id={id("framework")} name="frameworkCode" defaultValue={values.frameworkCode}>
          <option value="">{t("drafts.field.frameworkNone")}</option>
          {frameworks.map((f) => (
            <option key={f.code} value={f.code}>
              {f.title}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="field checkbox-group">
        <legend>{t("drafts.field.targets")}</legend>
        {error("targetCodes")}
        {targets.map((target) => (
          <div className="checkbox" key={target.code}>
            <input
              type="checkbox"
              id={id(`target-${target.code}`)}
              name="targetCodes"
              value={target.code}
              defaultChecked={values.targetCodes.includes(target.code)}
            />
            <label htmlFor={id(`target-${target.code}`)}>
              <span className="draft-code">{target.code}</span> {target.title}
            </label>
          </div>
        ))}
      </fieldset>
      <fieldset className="field checkbox-group checkbox-columns">
        <legend>{t("drafts.field.objectives")}</legend>
        {error("objectiveCodes")}
        {objectives.map((o) => (
          <div className="checkbox" key={o.code}>
            <input type="checkbox" id={id(`objective-${o.code}`)} name="objectiveCodes" value={o.code} defaultChecked={values.objectiveCodes.includes(o.code)} />
            <label htmlFor={id(`objective-${o.code}`)}>
              <span className="draft-code">{o.code}</span> {o.title}
            </label>
          </div>
        ))}
      </fieldset>
    </>
  );
}

/** Form values (possibly a failed submission's) as the fields' defaults. */
export function sectionValues(source: Record<string, unknown> | undefined, fallback: SectionFieldValues): SectionFieldValues {
  if (!source) return fallback;
  const list = (v: unknown) => (Array.isArray(v) ? v.map(String) : typeof v === "string" && v ? [v] : []);
  return {
    number: String(source.number ?? ""),
    title: String(source.title ?? ""),
    depth: String(source.depth ?? "1"),
    frameworkCode: String(source.frameworkCode ?? ""),
    targetCodes: list(source.targetCodes),
    objectiveCodes: list(source.objectiveCodes),
  };
}
