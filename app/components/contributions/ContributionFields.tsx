import { Link } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { PlaceDrawMap } from "~/components/map/PlaceDrawMap";
import { formatDate, type MessageKey } from "~/i18n";
import { useLang, useT } from "~/i18n/react";
import { BODY_MAX, TITLE_MAX, type ContributionDraft } from "~/domain/contributions/rules";
import { CONTRIBUTION_KINDS } from "~db/schema/enums";

// The fields of the contribution form, shared by the submission wizard (one group per step) and
// the edit page (all groups at once). Plain inputs: everything works without JavaScript; with it,
// the theme step hides the targets of the other STTM and the text step shows similar contributions live.

/** Translated messages by field name. */
export type FieldMessages = Partial<Record<string, string>>;

type Option = { code: string; title: string };
export type FieldOptions = {
  strategies: { code: string; number: number; title: string; targets: Option[] }[];
  objectives: Option[];
  zones: { id: string; name: string; isCapoluogo: boolean; comuni: { istat: string; name: string }[] }[];
  meetings: { id: number; title: string; startsAt: string }[];
  section: { value: string; number: string; title: string; versionLabel: string } | null;
  organizations: { id: number; name: string }[];
};

export type SimilarItem = { id: number; title: string; kind: string; supportCount: number };

function ErrorText({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p className="error" id={id}>
      {message}
    </p>
  );
}

const describedBy = (...ids: (string | false | null | undefined)[]) => ids.filter(Boolean).join(" ") || undefined;

/** True after hydration: progressive enhancements switch on only then (server and first client render agree). */
function useHydrated() {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

export function KindFields({ values, errors, legend }: { values: ContributionDraft; errors: FieldMessages; legend: string }) {
  const t = useT();
  return (
    <fieldset className="field choice-list" aria-describedby={errors.kind ? "kind-error" : undefined}>
      <legend>{legend}</legend>
      <ErrorText id="kind-error" message={errors.kind} />
      {CONTRIBUTION_KINDS.map((kind) => (
        <div className="checkbox" key={kind}>
          <input type="radio" name="kind" id={`kind-${kind}`} value={kind} defaultChecked={values.kind === kind} aria-describedby={`kind-${kind}-hint`} />
          <label htmlFor={`kind-${kind}`}>
            <strong>{t(`contributions.kind.${kind}`)}</strong>
            <span className="hint" id={`kind-${kind}-hint`}>
              {t(`contributions.kindHint.${kind}`)}
            </span>
          </label>
        </div>
      ))}
    </fieldset>
  );
}

export function ThemeFields({ values, errors, options }: { values: ContributionDraft; errors: FieldMessages; options: FieldOptions }) {
  const t = useT();
  const hydrated = useHydrated();
  const [strategy, setStrategy] = useState(values.strategyCode);
  return (
    <>
      <fieldset className="field choice-list" aria-describedby={errors.strategyCode ? "strategy-error" : undefined}>
        <legend>{t("contributions.themeStep.strategyLegend")}</legend>
        <ErrorText id="strategy-error" message={errors.strategyCode} />
        {options.strategies.map((s) => (
          <div className="checkbox" key={s.code}>
            <input type="radio" name="strategyCode" id={`strategy-${s.code}`} value={s.code} defaultChecked={values.strategyCode === s.code} onChange={() => setStrategy(s.code)} />
            <label htmlFor={`strategy-${s.code}`}>
              <strong>{t("plan.sttmLabel", { number: s.number })}</strong> — {s.title}
            </label>
          </div>
        ))}
      </fieldset>
      <ErrorText id="targets-error" message={errors.targetCodes} />
      {options.strategies.map((s) => {
        // Without JavaScript every STTM's targets are shown (the server checks they match the STTM);
        // with it, only those of the STTM chosen (the others are disabled, so they are not posted).
        const off = hydrated && strategy !== s.code;
        return (
          <fieldset className="field choice-list" key={s.code} disabled={off} hidden={off} aria-describedby={describedBy("targets-hint", errors.targetCodes && "targets-error")}>
            <legend>{t("contributions.themeStep.targetsLegend", { strategy: t("plan.sttmLabel", { number: s.number }) })}</legend>
            {s.targets.map((target) => (
              <div className="checkbox" key={target.code}>
                <input type="checkbox" name="targetCodes" id={`target-${target.code}`} value={target.code} defaultChecked={values.targetCodes.includes(target.code)} />
                <label htmlFor={`target-${target.code}`}>{target.title}</label>
              </div>
            ))}
          </fieldset>
        );
      })}
      <p className="hint" id="targets-hint">
        {t("contributions.themeStep.targetsHint")}
      </p>
      <fieldset className="field choice-list" aria-describedby={describedBy("objectives-hint", errors.objectiveCodes && "objectives-error")}>
        <legend>{t("contributions.themeStep.objectivesLegend")}</legend>
        <p className="hint" id="objectives-hint">
          {t("contributions.themeStep.objectivesHint")}
        </p>
        <ErrorText id="objectives-error" message={errors.objectiveCodes} />
        {options.objectives.map((o) => (
          <div className="checkbox" key={o.code}>
            <input type="checkbox" name="objectiveCodes" id={`objective-${o.code}`} value={o.code} defaultChecked={values.objectiveCodes.includes(o.code)} />
            <label htmlFor={`objective-${o.code}`}>
              {o.code} — {o.title}
            </label>
          </div>
        ))}
      </fieldset>
    </>
  );
}

type MapEnv = { dataUrl: string; tileUrl: string; bounds: [[number, number], [number, number]] | null };

export function PlaceFields({ values, errors, options, map, headingLevel = 3 }: { values: ContributionDraft; errors: FieldMessages; options: FieldOptions; map: MapEnv; headingLevel?: 2 | 3 }) {
  const t = useT();
  const H = `h${headingLevel}` as "h2" | "h3";
  const chosen = new Set(values.comuni);
  return (
    <>
      <p>{t("contributions.placeStep.intro")}</p>
      <p>
        <a href="#comuni-list">{t("contributions.placeStep.skipMap")}</a>
      </p>
      <section aria-labelledby="place-map-title" className="place-map">
        <H id="place-map-title">{t("contributions.placeStep.mapTitle")}</H>
        <p className="hint" id="place-limits">
          {t("contributions.placeStep.limits")}
        </p>
        {errors.geometry ? (
          <p className="error" id="geometry-error" role="alert">
            {errors.geometry}
          </p>
        ) : null}
        <PlaceDrawMap name="geometry" defaultValue={values.geometry} dataUrl={map.dataUrl} tileUrl={map.tileUrl} bounds={map.bounds} describedBy={describedBy("place-limits", errors.geometry && "geometry-error")} />
      </section>
      <section id="comuni-list" tabIndex={-1} aria-labelledby="place-list-title" className="place-list">
        <H id="place-list-title">{t("contributions.placeStep.listTitle")}</H>
        <p className="hint" id="comuni-hint">
          {t("contributions.placeStep.listHint")}
        </p>
        {errors.comuni ? (
          <p className="error" id="comuni-error" role="alert">
            {errors.comuni}
          </p>
        ) : null}
        {options.zones.map((z) => {
          const picked = z.comuni.filter((c) => chosen.has(c.istat)).length;
          const name = z.isCapoluogo ? t("territory.capoluogo") : z.name;
          return (
            <details key={z.id} open={picked > 0 || undefined} className="zone-choice">
              <summary>
                {z.comuni.length === 1 ? t("contributions.placeStep.zoneSummaryOne", { zone: name }) : t("contributions.placeStep.zoneSummary", { zone: name, count: z.comuni.length })}
                {picked ? <span className="badge">{t("contributions.placeStep.zoneChosen", { count: picked })}</span> : null}
              </summary>
              <fieldset aria-describedby={describedBy("comuni-hint", errors.comuni && "comuni-error")}>
                <legend className="visually-hidden">{name}</legend>
                <ul className="comuni-checklist">
                  {z.comuni.map((c) => (
                    <li className="checkbox" key={c.istat}>
                      <input type="checkbox" name="comuni" id={`comune-${c.istat}`} value={c.istat} defaultChecked={chosen.has(c.istat)} />
                      <label htmlFor={`comune-${c.istat}`}>{c.name}</label>
                    </li>
                  ))}
                </ul>
              </fieldset>
            </details>
          );
        })}
      </section>
    </>
  );
}

/**
 * Up to five similar published contributions, updated while the title is typed (debounced). A plain
 * fetch of the resource route, not a Remix fetcher: a fetcher would be revalidated with the page's
 * own data after every form post, which resource routes do not take part in.
 */
export function SimilarContributions({ title, initial, excludeId }: { title: string; initial: SimilarItem[]; excludeId?: number }) {
  const t = useT();
  const [items, setItems] = useState(initial);
  const last = useRef(title);
  useEffect(() => {
    if (title === last.current) return;
    last.current = title;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      const q = new URLSearchParams({ titolo: title });
      if (excludeId) q.set("escludi", String(excludeId));
      fetch(`/contributi/simili?${q}`, { signal: controller.signal, headers: { Accept: "application/json" } })
        .then((r) => (r.ok ? (r.json() as Promise<{ items: SimilarItem[] }>) : null))
        .then((data) => {
          if (data) setItems(data.items);
        })
        .catch(() => undefined); // offline or aborted: keep the list shown
    }, 350);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [title, excludeId]);
  return (
    <section className="similar" aria-labelledby="similar-title" aria-live="polite">
      <h3 id="similar-title">{t("contributions.similar.title")}</h3>
      {items.length === 0 ? (
        <p className="muted">{t("contributions.similar.none")}</p>
      ) : (
        <>
          <p>{t("contributions.similar.intro")}</p>
          <ul>
            {items.map((s) => (
              <li key={s.id}>
                <Link to={`/contributi/${s.id}`}>{s.title}</Link>{" "}
                <span className="muted">
                  ({t(`contributions.kind.${s.kind}` as MessageKey)}, {s.supportCount === 1 ? t("contributions.support.countOne") : t("contributions.support.count", { count: s.supportCount })})
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

export function TextFields({
  values,
  errors,
  options,
  similar,
  excludeId,
  onTitle,
}: {
  values: ContributionDraft;
  errors: FieldMessages;
  options: FieldOptions;
  similar: SimilarItem[];
  excludeId?: number;
  onTitle?: (title: string) => void;
}) {
  const t = useT();
  const lang = useLang();
  const [title, setTitle] = useState(values.title);
  return (
    <>
      <div className="field">
        <label htmlFor="f-title">{t("contributions.textStep.title")}</label>
        <p className="hint" id="f-title-hint">
          {t("contributions.textStep.titleHint")}
        </p>
        <ErrorText id="f-title-error" message={errors.title} />
        <input
          id="f-title"
          name="title"
          type="text"
          lang="it"
          maxLength={TITLE_MAX + 40}
          defaultValue={values.title}
          aria-invalid={errors.title ? true : undefined}
          aria-describedby={describedBy("f-title-hint", errors.title && "f-title-error")}
          onChange={(e) => {
            setTitle(e.target.value);
            onTitle?.(e.target.value);
          }}
        />
      </div>
      <SimilarContributions title={title} initial={similar} excludeId={excludeId} />
      <div className="field">
        <label htmlFor="f-body">{t("contributions.textStep.body")}</label>
        <p className="hint" id="f-body-hint">
          {t("contributions.textStep.bodyHint")}
        </p>
        <ErrorText id="f-body-error" message={errors.body} />
        <textarea
          id="f-body"
          name="body"
          rows={10}
          lang="it"
          maxLength={BODY_MAX + 200}
          defaultValue={values.body}
          aria-invalid={errors.body ? true : undefined}
          aria-describedby={describedBy("f-body-hint", errors.body && "f-body-error")}
        />
      </div>
      <fieldset className="field">
        <legend>{t("contributions.textStep.detailsLegend")}</legend>
        <div className="field">
          <label htmlFor="f-origin">{t("contributions.textStep.origin")}</label>
          <ErrorText id="f-origin-error" message={errors.origin} />
          <select id="f-origin" name="origin" defaultValue={values.origin} aria-invalid={errors.origin ? true : undefined} aria-describedby={errors.origin ? "f-origin-error" : undefined}>
            <option value="">{t("contributions.textStep.originProcess")}</option>
            {options.section ? (
              <option value={options.section.value}>
                {t("contributions.textStep.originSection", { number: options.section.number, title: options.section.title, version: options.section.versionLabel })}
              </option>
            ) : null}
            {options.meetings.map((m) => (
              <option key={m.id} value={`meeting:${m.id}`}>
                {t("contributions.textStep.originMeeting", { title: m.title, date: formatDate(lang, m.startsAt, { dateStyle: "medium" }) })}
              </option>
            ))}
          </select>
        </div>
        {options.organizations.length ? (
          <div className="field">
            <label htmlFor="f-organization">{t("contributions.textStep.onBehalf")}</label>
            <p className="hint" id="f-organization-hint">
              {t("contributions.textStep.onBehalfHint")}
            </p>
            <ErrorText id="f-organization-error" message={errors.organizationId} />
            <select
              id="f-organization"
              name="organizationId"
              defaultValue={values.organizationId}
              aria-invalid={errors.organizationId ? true : undefined}
              aria-describedby={describedBy("f-organization-hint", errors.organizationId && "f-organization-error")}
            >
              <option value="">{t("contributions.textStep.onBehalfSelf")}</option>
              {options.organizations.map((o) => (
                <option key={o.id} value={String(o.id)}>
                  {o.name}
                </option>
              ))}
            </select>
          </div>
        ) : (
          <>
            <ErrorText id="f-organization-error" message={errors.organizationId} />
            <input type="hidden" name="organizationId" value="" />
          </>
        )}
      </fieldset>
    </>
  );
}

/** The error summary at the top of a refused form: what is wrong, each message a link to its field. */
export function ErrorSummary({ title, items }: { title: string; items: { href: string; message: string }[] }) {
  if (items.length === 0) return null;
  return (
    <div className="alert alert-danger" role="alert">
      <p>{title}</p>
      <ul>
        {items.map((i) => (
          <li key={i.href + i.message}>
            <a href={i.href}>{i.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Where each field's message is on the page (the error summary links there). */
export const FIELD_ANCHOR: Record<string, string> = {
  kind: "#kind-error",
  strategyCode: "#strategy-error",
  targetCodes: "#targets-error",
  objectiveCodes: "#objectives-error",
  geometry: "#geometry-error",
  comuni: "#comuni-error",
  title: "#f-title",
  body: "#f-body",
  origin: "#f-origin",
  organizationId: "#f-organization-error",
  attachments: "#f-files",
  form: "#main",
};
