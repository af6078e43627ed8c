import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useRouteLoaderData } from "@remix-run/react";
import leafletCss from "leaflet/dist/leaflet.css";
import geomanCss from "@geoman-io/leaflet-geoman-free/dist/leaflet-geoman.css";
import { ErrorSummary, FIELD_ANCHOR, KindFields, PlaceFields, TextFields, ThemeFields, type FieldMessages } from "~/components/contributions/ContributionFields";
import { getUser, requirePermission } from "~/domain/accounts/session.server";
import { AttachmentError, parseAttachmentUpload, prepareAttachments } from "~/domain/contributions/attachments.server";
import {
  addOwnAttachments,
  draftOfContribution,
  getOwnContribution,
  removeOwnAttachment,
  similarContributions,
  updateOwnContribution,
} from "~/domain/contributions/contributions.server";
import { formOptions } from "~/domain/contributions/form-options.server";
import { inputFromDraft, validateStep } from "~/domain/contributions/form.server";
import { draftFrom, MAX_ATTACHMENTS, mergeDraft, STEP_FIELDS, type ContributionDraft } from "~/domain/contributions/rules";
import { attachmentsErrorKey } from "~/domain/contributions/submit.server";
import { territoryBounds } from "~/domain/territory/territory.server";
import { formatNumber, isMessageKey, type MessageKey } from "~/i18n";
import { metaTranslator } from "~/i18n/meta";
import { useLang, useT } from "~/i18n/react";
import type { RouteHandle } from "~/lib/breadcrumb";
import { restore, stash } from "~/lib/form-stash.server";
import { DomainError } from "~/lib/domain-error";
import { fieldErrorsOf, formValues } from "~/lib/forms";
import { invariantFound } from "~/lib/http.server";
import type { RootLoaderData } from "~/root";
import contributionsCss from "~/styles/contributions.css";
import territoryCss from "~/styles/territory.css";

// Editing one's own contribution while it waits for moderation: the fields of every step on one
// page, the same checks as a new contribution. Attachments are added and removed with forms of their own.
// Someone else's contribution (or one that does not exist) is a 404.

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: leafletCss },
  { rel: "stylesheet", href: geomanCss },
  { rel: "stylesheet", href: territoryCss },
  { rel: "stylesheet", href: contributionsCss },
];
export const handle: RouteHandle = { breadcrumb: { key: "contributions.edit.breadcrumb" }, map: true };
export const meta: MetaFunction = ({ matches }) => [{ title: metaTranslator(matches)("contributions.edit.metaTitle") }];

const ALL_FIELDS = [...STEP_FIELDS.tipo, ...STEP_FIELDS.tema, ...STEP_FIELDS.luogo, ...STEP_FIELDS.testo];

function idOf(request: Request, params: LoaderFunctionArgs["params"]) {
  const id = Number(params.id);
  invariantFound(Number.isInteger(id) && id > 0, request, "errors.notFound.contribution");
  return id;
}

const pathOf = (id: number) => `/account/contributi/${id}/modifica`;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = idOf(request, params);
  const user = await requirePermission(request, "contribution.create");
  const own = await getOwnContribution(user.id, id);
  invariantFound(own, request, "errors.notFound.contribution");
  let values = draftOfContribution(own);
  // Back from logging in after the session expired: the values of the refused POST.
  const restored = restore(new URL(request.url).searchParams.get("ripristina"), pathOf(id));
  if (restored) values = mergeDraft(values, restored, ALL_FIELDS);
  const options = await formOptions(user.id, values);
  return {
    id,
    editable: own.editable,
    status: own.status,
    values,
    restored: Boolean(restored),
    options,
    bounds: await territoryBounds(),
    similar: await similarContributions(values.title, { excludeId: id }),
    attachments: own.attachments,
  };
}

type ActionResult = { errors: Record<string, string>; values?: ContributionDraft };

export async function action({ request, params }: ActionFunctionArgs) {
  const id = idOf(request, params);
  const path = pathOf(id);
  const multipart = (request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data");
  if (!(await getUser(request))) {
    if (multipart) throw redirect(`/accedi?redirectTo=${encodeURIComponent(path)}`);
    const values = formValues(await request.formData());
    const token = values.intent === "save" ? stash(path, Object.fromEntries(ALL_FIELDS.filter((f) => values[f] !== undefined).map((f) => [f, values[f]]))) : null;
    throw redirect(`/accedi?redirectTo=${encodeURIComponent(token ? `${path}?ripristina=${token}` : path)}`);
  }
  const user = await requirePermission(request, "contribution.create");
  const own = await getOwnContribution(user.id, id);
  invariantFound(own, request, "errors.notFound.contribution");

  try {
    if (multipart) {
      const upload = await parseAttachmentUpload(request, { maxFiles: MAX_ATTACHMENTS });
      if (!upload.ok) return data<ActionResult>({ errors: { attachments: attachmentsErrorKey(upload.problem) } }, { status: 400 });
      await addOwnAttachments(user.id, id, await prepareAttachments(upload.files));
      return redirect(`${path}?esito=allegati#allegati`, { status: 303 });
    }
    const values = formValues(await request.formData());
    if (values.intent === "removeAttachment") {
      await removeOwnAttachment(user.id, id, Number(values.attachmentId));
      return redirect(`${path}?esito=allegati#allegati`, { status: 303 });
    }
    if (values.intent !== "save") return data<ActionResult>({ errors: { form: "errors.unknownIntent" } }, { status: 400 });
    const draft = mergeDraft(draftFrom(null), values, ALL_FIELDS);
    const problems = await validateStep(user.id, "riepilogo", draft);
    if (Object.keys(problems).length) return data<ActionResult>({ errors: problems as Record<string, string>, values: draft }, { status: 400 });
    const shaped = inputFromDraft(draft);
    if (!shaped.ok) return data<ActionResult>({ errors: shaped.errors as Record<string, string>, values: draft }, { status: 400 });
    await updateOwnContribution(user.id, id, shaped.input);
    return redirect(`/account/contributi?esito=updated#contributo-${id}`, { status: 303 });
  } catch (error) {
    if (error instanceof AttachmentError) return data<ActionResult>({ errors: { attachments: attachmentsErrorKey(error.problem) } }, { status: 400 });
    if (error instanceof DomainError) {
      invariantFound(error.status !== 404, request, "errors.notFound.contribution");
      return data<ActionResult>({ errors: fieldErrorsOf(error) }, { status: error.status });
    }
    throw error;
  }
}

export default function EditContribution() {
  const t = useT();
  const lang = useLang();
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as unknown as ActionResult | undefined;
  const navigation = useNavigation();
  const root = useRouteLoaderData("root") as RootLoaderData | undefined;
  const values = result?.values ?? loaded.values;
  const tr = (key: string) => t((isMessageKey(key) ? key : "errors.invalid") as MessageKey);
  const errors: FieldMessages = Object.fromEntries(Object.entries(result?.errors ?? {}).map(([f, k]) => [f, tr(k)]));
  const summary = Object.entries(errors).map(([field, message]) => ({ href: FIELD_ANCHOR[field] ?? "#main", message: message ?? "" }));
  const path = pathOf(loaded.id);

  if (!loaded.editable) {
    return (
      <div className="contribution-edit">
        <h1>{t("contributions.edit.title")}</h1>
        <div className="alert alert-warning" role="status">
          {t("contributions.edit.notEditable")} ({t(`contributions.status.${loaded.status}`)})
        </div>
        <p>
          <Link to="/account/contributi">{t("contributions.mine.title")}</Link>
        </p>
      </div>
    );
  }

  return (
    <div className="contribution-edit">
      <h1>{t("contributions.edit.title")}</h1>
      <p>{t("contributions.edit.intro")}</p>
      {loaded.restored ? (
        <div className="alert alert-success" role="status">
          {t("contributions.wizard.restored")}
        </div>
      ) : null}
      <ErrorSummary title={t("common.formHasErrors")} items={summary} />
      <Form method="post" action={path} noValidate key={result ? "after" : "before"}>
        <section aria-labelledby="edit-kind">
          <h2 id="edit-kind">{t("contributions.step.tipo")}</h2>
          <KindFields values={values} errors={errors} legend={t("contributions.edit.kindLegend")} />
        </section>
        <section aria-labelledby="edit-theme">
          <h2 id="edit-theme">{t("contributions.edit.themeTitle")}</h2>
          <ThemeFields values={values} errors={errors} options={loaded.options} />
        </section>
        <section aria-labelledby="edit-place">
          <h2 id="edit-place">{t("contributions.edit.placeTitle")}</h2>
          <PlaceFields values={values} errors={errors} options={loaded.options} map={{ dataUrl: "/territorio/comuni.geojson", tileUrl: root?.env.MAP_TILE_URL ?? "", bounds: loaded.bounds }} />
        </section>
        <section aria-labelledby="edit-text">
          <h2 id="edit-text">{t("contributions.edit.textTitle")}</h2>
          <TextFields values={values} errors={errors} options={loaded.options} similar={loaded.similar} excludeId={loaded.id} />
        </section>
        <div className="actions wizard-actions">
          <Link to="/account/contributi" className="btn btn-outline">
            {t("common.cancel")}
          </Link>
          <button type="submit" name="intent" value="save" className="btn" disabled={navigation.state === "submitting"}>
            {t("contributions.edit.save")}
          </button>
        </div>
      </Form>

      <section id="allegati" aria-labelledby="edit-attachments" tabIndex={-1}>
        <h2 id="edit-attachments">{t("contributions.edit.attachmentsTitle")}</h2>
        {loaded.attachments.length ? (
          <ul>
            {loaded.attachments.map((a) => (
              <li key={a.id}>
                <a href={`/contributi/${loaded.id}/allegati/${a.id}`}>{a.fileName}</a> <span className="muted">({formatNumber(lang, Math.ceil(a.sizeBytes / 1024))} KB)</span>{" "}
                <Form method="post" action={path} className="inline-form">
                  <input type="hidden" name="attachmentId" value={a.id} />
                  <button type="submit" name="intent" value="removeAttachment" className="link-button">
                    {t("contributions.edit.removeAttachment", { name: a.fileName })}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        ) : null}
        {loaded.attachments.length < MAX_ATTACHMENTS ? (
          <Form method="post" action={path} encType="multipart/form-data" noValidate>
            <div className="field">
              <label htmlFor="f-files">{t("contributions.edit.addAttachments")}</label>
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
                aria-invalid={errors.attachments ? true : undefined}
                aria-describedby={["f-files-hint", errors.attachments ? "f-files-error" : null].filter(Boolean).join(" ")}
              />
            </div>
            <button type="submit" name="intent" value="attach" className="btn btn-outline">
              {t("contributions.edit.addAttachments")}
            </button>
          </Form>
        ) : null}
      </section>
    </div>
  );
}
