import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useFetcher, useLoaderData, useNavigation, useRouteLoaderData, type ShouldRevalidateFunction } from "@remix-run/react";
import { useCallback, useEffect, useRef, type FormEvent } from "react";
import leafletCss from "leaflet/dist/leaflet.css";
import geomanCss from "@geoman-io/leaflet-geoman-free/dist/leaflet-geoman.css";
import { RichText } from "~/components/RichText";
import {
  ErrorSummary,
  FIELD_ANCHOR,
  KindFields,
  PlaceFields,
  SimilarContributions,
  TextFields,
  ThemeFields,
  type FieldMessages,
} from "~/components/contributions/ContributionFields";
import { WizardSteps } from "~/components/contributions/WizardSteps";
import { can } from "~/domain/accounts/permissions";
import { getUser, requirePermission } from "~/domain/accounts/session.server";
import { submitContributionDraft } from "~/domain/contributions/submit.server";
import { formOptions, reviewOf, sectionOfOrigin, sectionOption, withSection } from "~/domain/contributions/form-options.server";
import { stepOfField, validateStep } from "~/domain/contributions/form.server";
import { similarContributions } from "~/domain/contributions/contributions.server";
import { draftFrom, isWizardStep, mergeDraft, MAX_ATTACHMENTS, STEP_FIELDS, WIZARD_STEPS, type ContributionDraft, type WizardStep } from "~/domain/contributions/rules";
import { territoryBounds } from "~/domain/territory/territory.server";
import { isMessageKey, type MessageKey } from "~/i18n";
import { metaTranslator } from "~/i18n/meta";
import { useT } from "~/i18n/react";
import type { RouteHandle } from "~/lib/breadcrumb";
import { deleteDraft, loadDraft, peekStash, restore, saveDraft, stash } from "~/lib/form-stash.server";
import { formValues } from "~/lib/forms";
import { forbidden } from "~/lib/http.server";
import type { RootLoaderData } from "~/root";
import contributionsCss from "~/styles/contributions.css";
import territoryCss from "~/styles/territory.css";

// The submission form, one step per page (?passo=tipo|tema|luogo|testo|riepilogo). Each step is a
// server-rendered form posting to this action (intent next/back/save); what was typed is kept in
// the user's saved draft (form_stashes), so a reload, a failed step or an expired session loses
// nothing. The review posts the attachments (multipart) and creates the contribution.
// The loader only reads: what a GET brings (the section it was opened from, the values kept across
// an expired session) is shown in the step and carried by its form as hidden fields, and the
// step's first POST stores it.

const PATH = "/contributi/nuovo";
const GEOJSON_URL = "/territorio/comuni.geojson";

// Leaflet's and the drawing plugin's stylesheets only on this page (the map is on the "luogo" step).
export const links: LinksFunction = () => [
  { rel: "stylesheet", href: leafletCss },
  { rel: "stylesheet", href: geomanCss },
  { rel: "stylesheet", href: territoryCss },
  { rel: "stylesheet", href: contributionsCss },
];

export const handle: RouteHandle = { breadcrumb: { key: "contributions.new.title" }, map: true };

export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) => {
  const t = metaTranslator(matches);
  return [{ title: t("contributions.new.metaTitle", { step: t(`contributions.step.${d?.step ?? "tipo"}` as MessageKey) }) }];
};

function stepOf(url: URL): WizardStep {
  const s = url.searchParams.get("passo");
  return isWizardStep(s) ? s : "tipo";
}

const stepUrl = (step: WizardStep, extra = "") => `${PATH}?passo=${step}${extra}`;
const loginUrl = (back: string) => `/accedi?redirectTo=${encodeURIComponent(back)}`;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "contribution.create");
  const url = new URL(request.url);
  const step = stepOf(url);
  let draft = draftFrom(loadDraft(user.id, PATH));
  // Carried by the step's form until its first POST stores them (see `carried` in the action).
  const carry: { ripristina?: string; sezione?: string } = {};
  let stepQuery = "";

  // Back from logging in after the session expired: what the refused POST carried is shown in its
  // step (read, not used up: the step's next POST stores it and uses the token up).
  const token = url.searchParams.get("ripristina");
  const restored = token !== null ? peekStash(token, PATH) : null;
  if (token !== null && restored) {
    const from = isWizardStep(restored._step) ? restored._step : step;
    if (from !== step || !url.searchParams.has("ripristinato")) throw redirect(stepUrl(from, `&ripristinato=1&ripristina=${token}`));
    draft = mergeDraft(draft, restored, STEP_FIELDS[from]);
    carry.ripristina = token;
  }

  // Opened from a section of a draft version: shown linked to it and to its STTM.
  if (url.searchParams.has("sezione")) {
    const sectionId = Number(url.searchParams.get("sezione"));
    const versionId = Number(url.searchParams.get("versione"));
    const section = Number.isInteger(sectionId) && Number.isInteger(versionId) ? sectionOption(versionId, sectionId) : null;
    if (!section) throw redirect(stepUrl(step));
    draft = withSection(draft, section);
    carry.sezione = section.value;
    // Kept on the links between steps while the section is not stored yet.
    stepQuery = `&sezione=${sectionId}&versione=${versionId}`;
  }

  const options = await formOptions(user.id, draft);
  const similar = step === "testo" || step === "riepilogo" ? await similarContributions(draft.title) : [];
  const review = step === "riepilogo" ? await reviewOf(draft, options.zones) : null;
  const problems = step === "riepilogo" ? await validateStep(user.id, "riepilogo", draft) : {};
  return {
    step,
    draft,
    options,
    bounds: await territoryBounds(),
    similar,
    review,
    problems: Object.entries(problems).map(([field, key]) => ({ field, key: key as string, step: stepOfField(field as never) })),
    notice: carry.ripristina ? ("restored" as const) : carry.sezione ? ("section" as const) : null,
    carry,
    stepQuery,
  };
}

type ActionResult =
  | { kind: "errors"; errors: Record<string, string>; step: WizardStep }
  | { kind: "saved" }
  | { kind: "autosaved" }
  | { kind: "expired" };

export async function action({ request }: ActionFunctionArgs) {
  const url = new URL(request.url);
  const step = stepOf(url);
  const user = await getUser(request);
  const multipart = (request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data");

  if (!user) {
    // The session expired (or was never there): keep what this POST carried, log in, come back to it.
    // The review posts only files, which are not kept (the page says so); the draft has the rest.
    if (multipart) throw redirect(loginUrl(stepUrl("riepilogo")));
    const values = formValues(await request.formData());
    if (values.intent === "autosave") return data<ActionResult>({ kind: "expired" }, { status: 401 });
    const kept: Record<string, string | string[]> = { _step: step };
    for (const field of STEP_FIELDS[step]) if (values[field] !== undefined) kept[field] = values[field];
    const token = stash(PATH, kept);
    throw redirect(loginUrl(stepUrl(step, `&ripristina=${token}`)));
  }
  if (!can(user, "contribution.create")) forbidden();

  if (multipart) {
    const result = await submitContributionDraft(user.id, PATH, request);
    if (result.ok) {
      deleteDraft(user.id, PATH);
      throw redirect(`/account/contributi?esito=${result.status === "published" ? "published" : "pending"}`);
    }
    return data<ActionResult>({ kind: "errors", errors: result.errors, step: "riepilogo" }, { status: result.status });
  }

  const values = formValues(await request.formData());
  const draft = mergeDraft(carried(draftFrom(loadDraft(user.id, PATH)), values), values, STEP_FIELDS[step]);
  saveDraft(user.id, PATH, draft);
  const at = WIZARD_STEPS.indexOf(step);
  switch (values.intent) {
    case "autosave":
      return data<ActionResult>({ kind: "autosaved" });
    case "save":
      return data<ActionResult>({ kind: "saved" });
    case "back":
      throw redirect(stepUrl(WIZARD_STEPS[Math.max(0, at - 1)]));
    case "next": {
      const errors = await validateStep(user.id, step, draft);
      if (Object.keys(errors).length) return data<ActionResult>({ kind: "errors", errors: errors as Record<string, string>, step }, { status: 400 });
      throw redirect(stepUrl(WIZARD_STEPS[Math.min(WIZARD_STEPS.length - 1, at + 1)]));
    }
    default:
      return data<ActionResult>({ kind: "errors", errors: { form: "errors.unknownIntent" }, step }, { status: 400 });
  }
}

/**
 * What the page's GET showed without storing it, carried by the step's form: the section it was
 * opened from (checked again), and the token of the values restored after an expired session
 * (used up here; the values themselves are in the posted fields).
 */
function carried(draft: ContributionDraft, values: Record<string, string | string[]>): ContributionDraft {
  const token = values._ripristina;
  if (typeof token === "string") restore(token, PATH);
  const section = typeof values._sezione === "string" ? sectionOfOrigin(values._sezione) : null;
  return section ? withSection(draft, section) : draft;
}

// Autosaves must not reload the page's data (the fields are the participant's, not the server's).
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) => {
  if (formData?.get("intent") === "autosave") return false;
  return defaultShouldRevalidate;
};

/**
 * Saves the step's fields as the participant types (debounced), so a reload keeps them. A pending
 * save is dropped when the step's form is sent or the step changes (that submission saves them anyway).
 */
function useAutosave(step: WizardStep) {
  const fetcher = useFetcher<ActionResult>({ key: "contribution-autosave" });
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const { submit } = fetcher;
  const cancel = useCallback(() => clearTimeout(timer.current), []);
  const onInput = useCallback(
    (e: FormEvent<HTMLFormElement>) => {
      const form = e.currentTarget;
      cancel();
      timer.current = setTimeout(() => {
        if (!form.isConnected) return;
        const fd = new FormData(form);
        fd.set("intent", "autosave");
        submit(fd, { method: "post", action: `${PATH}?passo=${step}` });
      }, 1200);
    },
    [submit, cancel, step],
  );
  useEffect(() => cancel, [cancel, step]);
  return { onInput, onSubmit: cancel, state: fetcher.data?.kind === "expired" ? "expired" : fetcher.data?.kind === "autosaved" && fetcher.state === "idle" ? "saved" : null };
}

export default function NewContribution() {
  const t = useT();
  const { step, draft, options, bounds, similar, review, problems, notice, carry, stepQuery } = useLoaderData<typeof loader>();
  // Serialized through Remix's JSON typing, the union loses its shape: read it as what the action returns.
  const result = useActionData<typeof action>() as unknown as ActionResult | undefined;
  const navigation = useNavigation();
  const root = useRouteLoaderData("root") as RootLoaderData | undefined;
  const autosave = useAutosave(step);
  const busy = navigation.state === "submitting";

  const errorKeys: Record<string, string> = result && result.kind === "errors" && result.step === step ? result.errors : {};
  const tr = (key: string) => t((isMessageKey(key) ? key : "errors.invalid") as MessageKey);
  const errors: FieldMessages = Object.fromEntries(Object.entries(errorKeys).map(([f, k]) => [f, tr(k)]));
  const summary = Object.entries(errors).map(([field, message]) => ({ href: FIELD_ANCHOR[field] ?? "#main", message: message ?? "" }));
  const action = `${PATH}?passo=${step}`;
  const at = WIZARD_STEPS.indexOf(step);

  const buttons = (
    <div className="actions wizard-actions">
      {at > 0 ? (
        <button type="submit" name="intent" value="back" className="btn btn-outline" formNoValidate>
          {t("contributions.wizard.back")}
        </button>
      ) : null}
      <button type="submit" name="intent" value="save" className="btn btn-outline" formNoValidate>
        {t("contributions.wizard.save")}
      </button>
      <button type="submit" name="intent" value="next" className="btn" disabled={busy}>
        {t("contributions.wizard.next")}
      </button>
    </div>
  );

  return (
    <div className="contribution-wizard">
      <h1>{t("contributions.new.title")}</h1>
      <p className="lead">{t("contributions.new.intro")}</p>
      <WizardSteps current={step} hrefOf={(s) => `${PATH}?passo=${s}${stepQuery}`} />
      {notice === "restored" ? (
        <div className="alert alert-success" role="status">
          {t("contributions.wizard.restored")}
        </div>
      ) : null}
      {notice === "section" ? (
        <div className="alert" role="status">
          {t("contributions.wizard.prefilledSection")}
        </div>
      ) : null}
      {result?.kind === "saved" ? (
        <div className="alert alert-success" role="status">
          {t("contributions.wizard.saved")}
        </div>
      ) : null}
      <ErrorSummary title={t("common.formHasErrors")} items={summary} />

      <h2 id="step-title">
        <span className="visually-hidden">{t("contributions.steps.position", { n: at + 1, total: WIZARD_STEPS.length })}: </span>
        {t(`contributions.step.${step}` as MessageKey)}
      </h2>

      {step === "riepilogo" ? (
        <Review draft={draft} options={options} review={review!} problems={problems} errors={errors} busy={busy} similar={similar} />
      ) : (
        <Form method="post" action={action} noValidate onInput={autosave.onInput} onSubmit={autosave.onSubmit} aria-labelledby="step-title" key={step}>
          {carry.sezione ? <input type="hidden" name="_sezione" value={carry.sezione} /> : null}
          {carry.ripristina ? <input type="hidden" name="_ripristina" value={carry.ripristina} /> : null}
          {step === "tipo" ? <KindFields values={draft} errors={errors} legend={t("contributions.kindStep.legend")} /> : null}
          {step === "tema" ? <ThemeFields values={draft} errors={errors} options={options} /> : null}
          {step === "luogo" ? (
            <PlaceFields values={draft} errors={errors} options={options} map={{ dataUrl: GEOJSON_URL, tileUrl: root?.env.MAP_TILE_URL ?? "", bounds }} />
          ) : null}
          {step === "testo" ? <TextFields values={draft} errors={errors} options={options} similar={similar} /> : null}
          <p className="muted draft-note">
            {t("contributions.new.draftNote")}{" "}
            <span role="status">
              {autosave.state === "saved" ? t("contributions.wizard.autosaved") : autosave.state === "expired" ? t("contributions.wizard.autosaveExpired") : null}
            </span>
          </p>
          {buttons}
        </Form>
      )}
    </div>
  );
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

function Review({
  draft,
  options,
  review,
  problems,
  errors,
  busy,
  similar,
}: {
  draft: LoaderData["draft"];
  options: LoaderData["options"];
  review: NonNullable<LoaderData["review"]>;
  problems: LoaderData["problems"];
  errors: FieldMessages;
  busy: boolean;
  similar: LoaderData["similar"];
}) {
  const t = useT();
  const missing = <span className="muted">{t("contributions.review.missing")}</span>;
  const strategy = options.strategies.find((s) => s.code === draft.strategyCode);
  const targets = strategy?.targets.filter((x) => draft.targetCodes.includes(x.code)) ?? [];
  const objectives = options.objectives.filter((o) => draft.objectiveCodes.includes(o.code));
  const meeting = draft.origin.startsWith("meeting:") ? options.meetings.find((m) => `meeting:${m.id}` === draft.origin) : null;
  const organization = options.organizations.find((o) => String(o.id) === draft.organizationId);
  const placeKind = draft.geometry.trim() ? (JSON.parse(draft.geometry.trim().startsWith("{") ? draft.geometry : "{}") as { type?: string }).type : draft.comuni.length ? "comuni" : null;
  const placeLabel =
    placeKind === "Point" ? t("contributions.placeKind.point") : placeKind === "LineString" ? t("contributions.placeKind.line") : placeKind === "Polygon" ? t("contributions.placeKind.polygon") : placeKind === "comuni" ? t("contributions.placeKind.comuni") : null;
  const editLink = (s: WizardStep) => (
    <Link to={`${PATH}?passo=${s}`} className="review-edit">
      {t("contributions.review.edit")}
      <span className="visually-hidden"> — {t(`contributions.step.${s}` as MessageKey)}</span>
    </Link>
  );
  const problemsShown = problems.length > 0;

  return (
    <>
      {problemsShown ? (
        <div className="alert alert-warning" role="alert">
          <p>{t("contributions.review.hasErrors")}</p>
          <ul>
            {problems.map((p) => (
              <li key={p.field}>
                {t((isMessageKey(p.key) ? p.key : "errors.invalid") as MessageKey)}{" "}
                <Link to={`${PATH}?passo=${p.step}`}>{t("contributions.review.goToStep", { step: t(`contributions.step.${p.step}` as MessageKey) })}</Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <dl className="facts review-facts">
        <dt>{t("contributions.review.kind")}</dt>
        <dd>
          {draft.kind ? t(`contributions.kind.${draft.kind}` as MessageKey) : missing} {editLink("tipo")}
        </dd>
        <dt>{t("contributions.review.strategy")}</dt>
        <dd>
          {strategy ? `${t("plan.sttmLabel", { number: strategy.number })} — ${strategy.title}` : missing} {editLink("tema")}
        </dd>
        <dt>{t("contributions.review.targets")}</dt>
        <dd>{targets.length ? targets.map((x) => x.title).join("; ") : missing}</dd>
        <dt>{t("contributions.review.objectives")}</dt>
        <dd>{objectives.length ? objectives.map((o) => `${o.code} — ${o.title}`).join("; ") : t("common.none")}</dd>
        <dt>{t("contributions.review.place")}</dt>
        <dd>
          {placeLabel ?? missing} {editLink("luogo")}
        </dd>
        <dt>{t("contributions.review.comuniTouched")}</dt>
        <dd>{review.comuniTouched?.length ? review.comuniTouched.join(", ") : missing}</dd>
        <dt>{t("contributions.review.titleLabel")}</dt>
        <dd lang="it">
          {draft.title || missing} {editLink("testo")}
        </dd>
        <dt>{t("contributions.review.body")}</dt>
        <dd>{review.bodyHtml ? <RichText html={review.bodyHtml} /> : missing}</dd>
        <dt>{t("contributions.review.origin")}</dt>
        <dd>
          {meeting
            ? meeting.title
            : options.section && draft.origin === options.section.value
              ? t("contributions.textStep.originSection", { number: options.section.number, title: options.section.title, version: options.section.versionLabel })
              : t("contributions.textStep.originProcess")}
        </dd>
        <dt>{t("contributions.review.onBehalf")}</dt>
        <dd>{organization ? organization.name : t("contributions.textStep.onBehalfSelf")}</dd>
      </dl>
      {similar.length ? <SimilarContributions title={draft.title} initial={similar} /> : null}
      <Form method="post" action={`${PATH}?passo=riepilogo`} encType="multipart/form-data" noValidate aria-labelledby="step-title">
        <div className="field">
          <label htmlFor="f-files">{t("contributions.review.attachments")}</label>
          <p className="hint" id="f-files-hint">
            {t("contributions.review.attachmentsHint")}
          </p>
          {errors.attachments ? (
            <p className="error" id="f-files-error">
              {errors.attachments}
            </p>
          ) : null}
          <input
            id="f-files"
            type="file"
            name="file"
            multiple
            accept="application/pdf,image/png,image/jpeg,image/webp"
            data-max-files={MAX_ATTACHMENTS}
            aria-invalid={errors.attachments ? true : undefined}
            aria-describedby={["f-files-hint", errors.attachments ? "f-files-error" : null].filter(Boolean).join(" ")}
          />
        </div>
        <p>{options.moderationMode === "post" ? t("contributions.review.moderationPost") : t("contributions.review.moderationPre")}</p>
        <div className="actions wizard-actions">
          <Link to={`${PATH}?passo=testo`} className="btn btn-outline">
            {t("contributions.wizard.back")}
          </Link>
          <button type="submit" name="intent" value="submit" className="btn" disabled={busy}>
            {t("contributions.review.submit")}
          </button>
        </div>
      </Form>
    </>
  );
}

