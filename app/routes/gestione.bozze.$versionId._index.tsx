import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "~/lib/zod.server";
import { SectionHeadFields, SectionLinkFields, sectionValues } from "~/components/drafts/SectionFields";
import { VersionFactsList } from "~/components/drafts/VersionFactsList";
import { requirePermission } from "~/domain/accounts/session.server";
import { versionFacts } from "~/domain/drafts/facts.server";
import { adoptVersion, closeVersion, publishVersion } from "~/domain/drafts/lifecycle.server";
import { newSectionSchema, publishSchema, versionMetaSchema } from "~/domain/drafts/schemas";
import { addSection, deleteSection, moveSection, renumberSections } from "~/domain/drafts/sections.server";
import { getVersion, listVersions, updateVersionMeta, versionSections } from "~/domain/drafts/versions.server";
import { getStrategy, listFrameworks, listObjectives } from "~/domain/plan/plan.server";
import { translateLoose, type MessageKey } from "~/i18n";
import { metaTranslator } from "~/i18n/meta";
import { useT } from "~/i18n/react";
import { addDays, romeDate, romeToUtc } from "~/lib/dates";
import { formValues, parseForm } from "~/lib/forms";
import { DomainError } from "~/lib/domain-error";
import { domainFormError, formError, invariantFound } from "~/lib/http.server";

export const meta: MetaFunction = ({ matches }) => [{ title: metaTranslator(matches)("drafts.editor.metaTitle") }];

function versionOf(request: Request, params: LoaderFunctionArgs["params"]) {
  const version = getVersion(Number(params.versionId));
  invariantFound(version, request, "errors.notFound.version");
  return version;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "draft.manage");
  const version = versionOf(request, params);
  const [strategy, frameworks, objectives] = await Promise.all([getStrategy(version.strategyCode), listFrameworks(), listObjectives()]);
  const sections = versionSections(version.id);
  const today = romeDate(new Date());
  const previous = listVersions({ strategyCode: version.strategyCode, includeDrafts: true }).find((v) => v.id < version.id);
  return {
    version: versionFacts(version),
    strategy: { code: version.strategyCode, number: strategy?.number ?? 0 },
    previousId: previous?.id ?? null,
    sections: sections.map((s) => ({
      id: s.id,
      number: s.number,
      title: s.title,
      depth: s.depth,
      framework: frameworks.find((f) => f.code === s.frameworkCode)?.title ?? null,
      links: s.targetCodes.length + s.objectiveCodes.length,
      empty: s.body.trim() === "",
    })),
    frameworks: frameworks.map(({ code, title }) => ({ code, title })),
    targets: (strategy?.targets ?? []).map(({ code, title }) => ({ code, title })),
    objectives,
    defaults: { from: today, until: addDays(today, 90) },
  };
}

const sectionRef = () => z.object({ sectionTextId: z.coerce.number().int().positive() });

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "draft.manage");
  const version = versionOf(request, params);
  const values = formValues(await request.formData());
  const intent = values.intent;
  const base = `/gestione/bozze/${version.id}`;
  const own = (id: number) => versionSections(version.id).some((s) => s.id === id);
  try {
    switch (intent) {
      case "meta": {
        const parsed = parseForm(versionMetaSchema, values);
        if (!parsed.success) return formError({ ...values, intent }, parsed.errors);
        updateVersionMeta(version.id, parsed.data, user.id);
        return redirect(`${base}?ok=meta`);
      }
      case "add": {
        const parsed = parseForm(newSectionSchema, values);
        if (!parsed.success) return formError({ ...values, intent }, parsed.errors);
        if (parsed.data.afterSectionTextId && !own(parsed.data.afterSectionTextId)) return formError({ ...values, intent }, { form: "errors.draftSectionNotFound" });
        const id = addSection(version.id, parsed.data, user.id);
        return redirect(`${base}?ok=added#sezione-${id}`);
      }
      case "up":
      case "down":
      case "delete": {
        const parsed = parseForm(sectionRef(), values);
        if (!parsed.success || !own(parsed.data.sectionTextId)) return formError({ intent }, { form: "errors.draftSectionNotFound" }, 404);
        const id = parsed.data.sectionTextId;
        if (intent === "delete") {
          deleteSection(id, user.id);
          return redirect(`${base}?ok=deleted#sezioni`);
        }
        const moved = moveSection(id, intent, user.id);
        return redirect(`${base}?ok=${moved ? "moved" : "notMoved"}#sezione-${id}`);
      }
      case "renumber":
        renumberSections(version.id, user.id);
        return redirect(`${base}?ok=renumbered#sezioni`);
      case "publish": {
        const parsed = parseForm(publishSchema, values);
        if (!parsed.success) return formError({ ...values, intent }, parsed.errors);
        // Open from the start of the first day to the end of the last one, Rome time.
        const from = romeToUtc(parsed.data.commentsOpenFrom);
        const until = new Date(romeToUtc(addDays(parsed.data.commentsOpenUntil, 1)).getTime() - 1000);
        publishVersion(version.id, { from, until }, user.id);
        return redirect(`${base}?ok=published`);
      }
      case "close":
        closeVersion(version.id, user.id);
        return redirect(`${base}?ok=closed`);
      case "adopt":
        adoptVersion(version.id, user.id);
        return redirect(`${base}?ok=adopted`);
      default:
        return formError({ intent: "" }, { form: "errors.unknownIntent" });
    }
  } catch (error) {
    if (error instanceof DomainError) return domainFormError(error, { ...values, intent });
    throw error;
  }
}

const OK_MESSAGES = ["created", "imported", "meta", "added", "moved", "notMoved", "deleted", "renumbered", "published", "closed", "adopted"];

export default function VersionEditor() {
  const { version, strategy, sections, frameworks, targets, objectives, defaults, previousId } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const [params] = useSearchParams();
  const ok = params.get("ok");
  const errors = (result?.errors ?? {}) as Record<string, string>;
  const values = (result?.values ?? {}) as Record<string, string | string[]>;
  const failed = (intent: string) => values.intent === intent;
  const err = (intent: string, name: string) => (failed(intent) && errors[name] ? translateLoose(t, errors[name]) : null);
  const str = (name: string, fallback: string) => (typeof values[name] === "string" ? (values[name] as string) : fallback);
  const editable = version.status === "bozza";
  const readPath = `/strategie/${strategy.code}/bozze/${version.id}`;
  const addValues = sectionValues(failed("add") ? values : undefined, { number: "", title: "", depth: "1", frameworkCode: "", targetCodes: [], objectiveCodes: [] });
  const addErrors = failed("add") ? errors : {};

  return (
    <>
      <p className="kicker">{t("plan.sttmLabel", { number: strategy.number })}</p>
      <h1>{version.label}</h1>
      {ok && OK_MESSAGES.includes(ok) ? (
        <div className="alert alert-success" role="status">
          {t(`drafts.editor.ok.${ok}` as MessageKey)}
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
      <ul className="draft-links">
        <li>
          <Link to={readPath}>{t("drafts.editor.read")}</Link>
        </li>
        {previousId ? (
          <li>
            <Link to={`/strategie/${strategy.code}/confronta?da=${previousId}&a=${version.id}`}>{t("drafts.read.compareWithPrevious")}</Link>
          </li>
        ) : null}
        {editable ? null : (
          <li>
            <Link to={`/gestione/bozze/${version.id}/rapporto`}>{t("reports.participation.link")}</Link>
          </li>
        )}
        <li>
          <Link to="/gestione/bozze">{t("drafts.editor.allVersions")}</Link>
        </li>
      </ul>
      <VersionFactsList facts={version} />

      {!editable ? (
        <div className="alert alert-warning">
          <p>{t("drafts.editor.frozen")}</p>
          <Form method="post" action="/gestione/bozze" className="inline-actions">
            <input type="hidden" name="strategyCode" value={strategy.code} />
            <input type="hidden" name="basedOnVersionId" value={version.id} />
            <input type="hidden" name="label" value={t("drafts.editor.nextLabel", { label: version.label })} />
            <input type="hidden" name="versionDate" value={defaults.from} />
            <button type="submit" className="btn btn-outline">
              {t("drafts.editor.newFromThis")}
            </button>
          </Form>
        </div>
      ) : null}

      <section aria-labelledby="lifecycle-title" className="draft-panel">
        <h2 id="lifecycle-title">{t("drafts.lifecycle.title")}</h2>
        <p>{t("drafts.lifecycle.intro")}</p>
        {version.status === "bozza" ? (
          <Form method="post" className="form">
            <input type="hidden" name="intent" value="publish" />
            <p>{t("drafts.lifecycle.publishIntro")}</p>
            <div className="section-fields-row">
              <div className="field">
                <label htmlFor="pub-from">{t("drafts.lifecycle.from")}</label>
                {err("publish", "commentsOpenFrom") ? (
                  <p className="error" id="pub-from-error">
                    {err("publish", "commentsOpenFrom")}
                  </p>
                ) : null}
                <input
                  type="date"
                  id="pub-from"
                  name="commentsOpenFrom"
                  required
                  defaultValue={str("commentsOpenFrom", defaults.from)}
                  aria-invalid={err("publish", "commentsOpenFrom") ? true : undefined}
                  aria-describedby={err("publish", "commentsOpenFrom") ? "pub-from-error" : undefined}
                />
              </div>
              <div className="field">
                <label htmlFor="pub-until">{t("drafts.lifecycle.until")}</label>
                {err("publish", "commentsOpenUntil") ? (
                  <p className="error" id="pub-until-error">
                    {err("publish", "commentsOpenUntil")}
                  </p>
                ) : null}
                <input
                  type="date"
                  id="pub-until"
                  name="commentsOpenUntil"
                  required
                  defaultValue={str("commentsOpenUntil", defaults.until)}
                  aria-invalid={err("publish", "commentsOpenUntil") ? true : undefined}
                  aria-describedby={err("publish", "commentsOpenUntil") ? "pub-until-error" : undefined}
                />
              </div>
            </div>
            <button type="submit" className="btn">
              {t("drafts.lifecycle.publish")}
            </button>
          </Form>
        ) : version.status === "in_consultazione" ? (
          <Form method="post">
            <input type="hidden" name="intent" value="close" />
            <p>{t("drafts.lifecycle.closeIntro")}</p>
            <button type="submit" className="btn btn-outline">
              {t("drafts.lifecycle.close")}
            </button>
          </Form>
        ) : version.status === "chiusa" ? (
          <Form method="post">
            <input type="hidden" name="intent" value="adopt" />
            <p>{t("drafts.lifecycle.adoptIntro")}</p>
            <button type="submit" className="btn btn-outline">
              {t("drafts.lifecycle.adopt")}
            </button>
          </Form>
        ) : (
          <p>{t("drafts.lifecycle.adopted")}</p>
        )}
      </section>

      <section aria-labelledby="sezioni" className="draft-panel">
        <h2 id="sezioni" tabIndex={-1}>
          {t("drafts.editor.sections", { count: sections.length })}
        </h2>
        {sections.length === 0 ? <p>{t("drafts.editor.noSections")}</p> : null}
        <ol className="editor-sections">
          {sections.map((s, i) => (
            <li key={s.id} id={`sezione-${s.id}`} className={`editor-section editor-depth-${s.depth}`}>
              <div className="editor-section-head">
                <span className="draft-number">{s.number}</span>{" "}
                {editable ? <Link to={`/gestione/bozze/${version.id}/sezioni/${s.id}`}>{s.title}</Link> : <span>{s.title}</span>}
                <span className="editor-section-meta muted">
                  {s.framework ? ` · ${s.framework}` : ""}
                  {s.empty ? ` · ${t("drafts.editor.emptyBody")}` : ""}
                </span>
              </div>
              {editable ? (
                <div className="editor-section-actions">
                  <Link to={`/gestione/bozze/${version.id}/sezioni/${s.id}`} className="btn btn-outline btn-compact">
                    {t("drafts.editor.edit")}
                    <span className="visually-hidden"> {t("drafts.editor.sectionRef", { number: s.number })}</span>
                  </Link>
                  <Form method="post">
                    <input type="hidden" name="sectionTextId" value={s.id} />
                    <button type="submit" name="intent" value="up" className="btn btn-outline btn-compact" disabled={i === 0}>
                      <span aria-hidden="true">↑ </span>
                      {t("drafts.editor.up")}
                      <span className="visually-hidden"> {t("drafts.editor.sectionRef", { number: s.number })}</span>
                    </button>
                  </Form>
                  <Form method="post">
                    <input type="hidden" name="sectionTextId" value={s.id} />
                    <button type="submit" name="intent" value="down" className="btn btn-outline btn-compact" disabled={i === sections.length - 1}>
                      <span aria-hidden="true">↓ </span>
                      {t("drafts.editor.down")}
                      <span className="visually-hidden"> {t("drafts.editor.sectionRef", { number: s.number })}</span>
                    </button>
                  </Form>
                  <Form
                    method="post"
                    onSubmit={(e) => {
                      if (!window.confirm(t("drafts.editor.confirmDelete", { number: s.number }))) e.preventDefault();
                    }}
                  >
                    <input type="hidden" name="sectionTextId" value={s.id} />
                    <button type="submit" name="intent" value="delete" className="btn btn-outline btn-compact btn-outline-danger">
                      {t("drafts.editor.delete")}
                      <span className="visually-hidden"> {t("drafts.editor.sectionRef", { number: s.number })}</span>
                    </button>
                  </Form>
                </div>
              ) : null}
            </li>
          ))}
        </ol>
        {editable && sections.length > 1 ? (
          <Form method="post">
            <input type="hidden" name="intent" value="renumber" />
            <p className="hint">{t("drafts.editor.renumberHint")}</p>
            <button type="submit" className="btn btn-outline">
              {t("drafts.editor.renumber")}
            </button>
          </Form>
        ) : null}
      </section>

      {editable ? (
        <section aria-labelledby="add-title" className="draft-panel">
          <h2 id="add-title">{t("drafts.editor.addTitle")}</h2>
          <details open={failed("add")}>
            <summary>{t("drafts.editor.addOpen")}</summary>
            <Form method="post" className="form">
              <input type="hidden" name="intent" value="add" />
              <SectionHeadFields idPrefix="add" values={addValues} errors={addErrors} />
              <SectionLinkFields idPrefix="add" values={addValues} errors={addErrors} frameworks={frameworks} targets={targets} objectives={objectives} />
              <div className="field">
                <label htmlFor="add-after">{t("drafts.field.after")}</label>
                <select id="add-after" name="afterSectionTextId" defaultValue={str("afterSectionTextId", "")}>
                  <option value="">{t("drafts.field.afterEnd")}</option>
                  {sections.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.number} {s.title}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor="add-body">{t("drafts.field.body")}</label>
                <p className="hint" id="add-body-hint">
                  {t("drafts.field.bodyHint")}
                </p>
                <textarea id="add-body" name="body" rows={8} defaultValue={str("body", "")} aria-describedby="add-body-hint" />
              </div>
              <button type="submit" className="btn">
                {t("drafts.editor.add")}
              </button>
            </Form>
          </details>
        </section>
      ) : null}

      {editable ? (
        <section aria-labelledby="meta-title" className="draft-panel">
          <h2 id="meta-title">{t("drafts.editor.metaTitleSection")}</h2>
          <details open={failed("meta")}>
            <summary>{t("drafts.editor.metaOpen")}</summary>
            <Form method="post" className="form">
              <input type="hidden" name="intent" value="meta" />
              <div className="field">
                <label htmlFor="meta-label">{t("drafts.field.label")}</label>
                {err("meta", "label") ? (
                  <p className="error" id="meta-label-error">
                    {err("meta", "label")}
                  </p>
                ) : null}
                <input
                  type="text"
                  id="meta-label"
                  name="label"
                  required
                  maxLength={120}
                  defaultValue={str("label", version.label)}
                  aria-invalid={err("meta", "label") ? true : undefined}
                  aria-describedby={err("meta", "label") ? "meta-label-error" : undefined}
                />
              </div>
              <div className="field">
                <label htmlFor="meta-date">{t("drafts.field.versionDate")}</label>
                <input type="date" id="meta-date" name="versionDate" required defaultValue={str("versionDate", version.versionDate)} />
              </div>
              <div className="field">
                <label htmlFor="meta-notes">{t("drafts.field.notes")}</label>
                <textarea id="meta-notes" name="notes" rows={4} maxLength={4000} defaultValue={str("notes", version.notes)} />
              </div>
              <button type="submit" className="btn">
                {t("common.save")}
              </button>
            </Form>
          </details>
        </section>
      ) : null}
    </>
  );
}
