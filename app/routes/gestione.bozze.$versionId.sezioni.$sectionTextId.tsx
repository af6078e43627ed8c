import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useFetcher, useLoaderData, useSearchParams } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { RichText } from "~/components/RichText";
import { SectionHeadFields, SectionLinkFields, sectionValues } from "~/components/drafts/SectionFields";
import { requirePermission } from "~/domain/accounts/session.server";
import { sectionSchema } from "~/domain/drafts/schemas";
import { getSectionText, updateSection } from "~/domain/drafts/sections.server";
import { getVersion } from "~/domain/drafts/versions.server";
import { getStrategy, listFrameworks, listObjectives } from "~/domain/plan/plan.server";
import { translateLoose } from "~/i18n";
import { metaTranslator } from "~/i18n/meta";
import { useT } from "~/i18n/react";
import type { RouteHandle } from "~/lib/breadcrumb";
import { formValues, parseForm } from "~/lib/forms";
import { DomainError } from "~/lib/domain-error";
import { domainFormError, formError, invariantFound } from "~/lib/http.server";
import { renderMarkdown } from "~/lib/markdown.server";

type Data = { section?: { number: string } } | undefined;
export const handle: RouteHandle = { breadcrumb: { label: (d) => `§ ${(d as Data)?.section?.number ?? ""}` } };
export const meta: MetaFunction = ({ matches }) => [{ title: metaTranslator(matches)("drafts.section.metaTitle") }];

function load(request: Request, params: LoaderFunctionArgs["params"]) {
  const version = getVersion(Number(params.versionId));
  const section = getSectionText(Number(params.sectionTextId));
  // The section must be this version's.
  invariantFound(version && section && section.versionId === version.id, request, "errors.notFound.section");
  return { version, section };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "draft.manage");
  const { version, section } = load(request, params);
  const [strategy, frameworks, objectives] = await Promise.all([getStrategy(version.strategyCode), listFrameworks(), listObjectives()]);
  return {
    version: { id: version.id, label: version.label, status: version.status, strategyCode: version.strategyCode },
    section: {
      id: section.id,
      sectionId: section.sectionId,
      number: section.number,
      title: section.title,
      depth: section.depth,
      body: section.body,
      frameworkCode: section.frameworkCode ?? "",
      targetCodes: section.targetCodes,
      objectiveCodes: section.objectiveCodes,
    },
    preview: renderMarkdown(section.body),
    frameworks: frameworks.map(({ code, title }) => ({ code, title })),
    targets: (strategy?.targets ?? []).map(({ code, title }) => ({ code, title })),
    objectives,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "draft.manage");
  const { version, section } = load(request, params);
  const values = formValues(await request.formData());
  // Without JavaScript, "Anteprima" submits the form: the preview comes back with what was typed, nothing is saved.
  if (values.intent === "preview") {
    const body = typeof values.body === "string" ? values.body : "";
    return data({ ok: false as const, preview: renderMarkdown(body), values, errors: {} as Record<string, string> });
  }
  const parsed = parseForm(sectionSchema, values);
  if (!parsed.success) return formError(values, parsed.errors);
  try {
    updateSection(section.id, parsed.data, user.id);
  } catch (error) {
    if (error instanceof DomainError) return domainFormError(error, values);
    throw error;
  }
  return redirect(`/gestione/bozze/${version.id}/sezioni/${section.id}?ok=saved`);
}

/** Live preview: the same server-side rendering as the reading view, asked for while typing (debounced). */
function useLivePreview(initial: string) {
  const fetcher = useFetcher<{ html: string }>();
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const [live, setLive] = useState(false);
  useEffect(() => () => clearTimeout(timer.current), []);
  const onInput = (markdown: string) => {
    setLive(true);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      fetcher.submit({ markdown }, { method: "post", action: "/gestione/bozze/anteprima" });
    }, 300);
  };
  return { html: live && fetcher.data ? fetcher.data.html : initial, onInput, busy: fetcher.state !== "idle" };
}

export default function SectionEditor() {
  const { version, section, preview, frameworks, targets, objectives } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const [params] = useSearchParams();
  const errors = (result?.errors ?? {}) as Record<string, string>;
  const values = result?.values as Record<string, string | string[]> | undefined;
  const serverPreview = result && "preview" in result ? String(result.preview) : preview;
  const { html, onInput, busy } = useLivePreview(serverPreview);
  const editable = version.status === "bozza";
  const body = typeof values?.body === "string" ? values.body : section.body;
  const bodyError = errors.body ? translateLoose(t, errors.body) : null;
  const fieldValues = sectionValues(values, {
    number: section.number,
    title: section.title,
    depth: String(section.depth),
    frameworkCode: section.frameworkCode,
    targetCodes: section.targetCodes,
    objectiveCodes: section.objectiveCodes,
  });

  return (
    <>
      <p className="kicker">
        {version.strategyCode} · {version.label}
      </p>
      <h1>
        {t("drafts.section.title", { number: section.number })} <span className="muted">{section.title}</span>
      </h1>
      {params.get("ok") === "saved" && !result ? (
        <div className="alert alert-success" role="status">
          {t("drafts.section.saved")}
        </div>
      ) : null}
      {errors.form ? (
        <div className="alert alert-danger" role="alert">
          {translateLoose(t, errors.form)}
        </div>
      ) : Object.keys(errors).length ? (
        <div className="alert alert-danger" role="alert">
          {t("common.formHasErrors")}
        </div>
      ) : null}
      {!editable ? <div className="alert alert-warning">{t("drafts.editor.frozen")}</div> : null}
      <p>
        <Link to={`/gestione/bozze/${version.id}#sezione-${section.id}`}>{t("drafts.section.back", { label: version.label })}</Link>
      </p>

      <Form method="post" className="section-editor">
        <div className="section-editor-fields">
          <SectionHeadFields idPrefix="sec" values={fieldValues} errors={errors} />
        </div>
        <div className="section-editor-body">
          <div className="field">
            <label htmlFor="sec-body">{t("drafts.field.body")}</label>
            <p className="hint" id="sec-body-hint">
              {t("drafts.field.bodyHint")}
            </p>
            {bodyError ? (
              <p className="error" id="sec-body-error">
                {bodyError}
              </p>
            ) : null}
            <textarea
              id="sec-body"
              name="body"
              rows={18}
              defaultValue={body}
              onChange={(e) => onInput(e.currentTarget.value)}
              aria-invalid={bodyError ? true : undefined}
              aria-describedby={["sec-body-hint", bodyError ? "sec-body-error" : ""].filter(Boolean).join(" ")}
            />
          </div>
          <section className="section-preview" aria-labelledby="preview-title" aria-busy={busy}>
            <h2 id="preview-title">{t("drafts.section.preview")}</h2>
            {html ? <RichText html={html} className="draft-body" /> : <p className="muted">{t("drafts.section.previewEmpty")}</p>}
          </section>
        </div>
        <div className="section-editor-fields">
          <SectionLinkFields idPrefix="sec" values={fieldValues} errors={errors} frameworks={frameworks} targets={targets} objectives={objectives} />
        </div>
        {editable ? (
          <div className="actions">
            <button type="submit" name="intent" value="save" className="btn">
              {t("common.save")}
            </button>
            <button type="submit" name="intent" value="preview" className="btn btn-outline">
              {t("drafts.section.previewButton")}
            </button>
          </div>
        ) : null}
      </Form>
    </>
  );
}
