import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, MaxPartSizeExceededError, redirect, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requirePermission } from "~/domain/accounts/session.server";
import { docxToMarkdown, isDocx } from "~/domain/drafts/import-docx.server";
import { parseMarkdownDocument, sectionsToMarkdown, type ParsedSection } from "~/domain/drafts/import-markdown";
import { importSaveSchema, importUploadSchema, MAX_IMPORT_BYTES } from "~/domain/drafts/schemas";
import { DraftError, importVersion, planImport } from "~/domain/drafts/versions.server";
import { listStrategies } from "~/domain/plan/plan.server";
import { translateLoose } from "~/i18n";
import { metaTranslator } from "~/i18n/meta";
import { useLang, useT } from "~/i18n/react";
import type { RouteHandle } from "~/lib/breadcrumb";
import { romeDate } from "~/lib/dates";
import { DomainError } from "~/lib/domain-error";
import { fieldErrorsOf, formValues, parseForm } from "~/lib/forms";
import { domainFormError, formError } from "~/lib/http.server";
import { markdownToText } from "~/lib/markdown.server";

export const handle: RouteHandle = { breadcrumb: { key: "drafts.import.title" } };
export const meta: MetaFunction = ({ matches }) => [{ title: metaTranslator(matches)("drafts.import.metaTitle") }];

const MARKDOWN_NAME = /\.(md|markdown|txt)$/i;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "draft.manage");
  return { today: romeDate(new Date()), strategies: (await listStrategies()).map((s) => ({ code: s.code, number: s.number })) };
}

type Review = {
  strategyCode: string;
  label: string;
  versionDate: string;
  notes: string;
  fileName: string;
  markdown: string;
  previousLabel: string | null;
  items: { number: string; title: string; depth: number; firstLine: string; match: string | null }[];
};

/** The file's text, as Markdown: a .docx is recognised by its bytes; anything else must be UTF-8 text named .md/.markdown/.txt. */
async function readUpload(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.byteLength === 0) throw new DraftError("errors.draftImportEmpty", 400, { field: "file" });
  if (bytes.byteLength > MAX_IMPORT_BYTES) throw new DraftError("errors.draftFileTooLarge", 413, { field: "file" });
  if (isDocx(bytes)) return (await docxToMarkdown(bytes)).markdown;
  if (!MARKDOWN_NAME.test(file.name)) throw new DraftError("errors.draftFileType", 415, { field: "file" });
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    // A binary file renamed .md: NUL bytes do not occur in text.
    if (text.includes("\u0000")) throw new Error("binary");
    return text;
  } catch {
    throw new DraftError("errors.draftFileType", 415, { field: "file" });
  }
}

async function upload(request: Request) {
  const length = Number(request.headers.get("Content-Length") ?? 0);
  if (length > MAX_IMPORT_BYTES + 64 * 1024) return formError({}, { file: "errors.draftFileTooLarge" }, 413);
  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_IMPORT_BYTES }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return formError({}, { file: "errors.draftFileTooLarge" }, 413);
    throw error;
  }
  const values = formValues(form);
  const strategyCode = String(values.strategyCode ?? "").toUpperCase();
  const file = form.get("file");
  const meta = parseForm(importUploadSchema, values);
  const errors: Record<string, string> = meta.success ? {} : { ...meta.errors };
  if (!(file instanceof File) || file.size === 0) errors.file = "errors.draftImportEmpty";
  const strategies = await listStrategies();
  if (!strategies.some((s) => s.code === strategyCode)) errors.strategyCode = "errors.draftStrategy";
  if (Object.keys(errors).length || !(file instanceof File) || !meta.success) return formError(values, errors);
  let markdown: string;
  try {
    markdown = await readUpload(file);
  } catch (error) {
    if (error instanceof DomainError) return domainFormError(error, values);
    throw error;
  }
  const doc = parseMarkdownDocument(markdown);
  if (doc.sections.length === 0) return formError(values, { file: "errors.draftImportEmpty" }, 422);
  const label = meta.data.label || doc.title || file.name.replace(/\.[^.]+$/, "");
  return { ok: true as const, review: reviewOf({ strategyCode, ...meta.data, label, fileName: file.name }, doc.sections) };
}

function reviewOf(meta: Omit<Review, "markdown" | "previousLabel" | "items">, sections: ParsedSection[]): Review {
  const plan = planImport(meta.strategyCode, sections);
  return {
    ...meta,
    markdown: sectionsToMarkdown(sections),
    previousLabel: plan.previous?.label ?? null,
    items: plan.items.map((i) => ({ number: i.number, title: i.title, depth: i.depth, firstLine: firstLine(i.body), match: i.match ? i.match.number : null })),
  };
}

function firstLine(body: string) {
  const text = markdownToText(body).replace(/\s+/g, " ").trim();
  return text.length > 140 ? `${text.slice(0, 139)}…` : text;
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "draft.manage");
  if ((request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) return upload(request);
  // Saving what was reviewed: the normalised Markdown is parsed again, so what is saved is what was shown.
  const values = formValues(await request.formData());
  const parsed = parseForm(importSaveSchema, values);
  const markdown = typeof values.markdown === "string" ? values.markdown : "";
  const sections = parseMarkdownDocument(markdown.slice(0, MAX_IMPORT_BYTES)).sections;
  // A refused save shows the review again, with the message, rather than losing it.
  const refuse = (errors: Record<string, string>, status: number) => {
    const strategyCode = String(values.strategyCode ?? "");
    const review =
      sections.length && /^STTM\d{1,2}$/.test(strategyCode)
        ? reviewOf({ strategyCode, label: String(values.label ?? ""), versionDate: String(values.versionDate ?? ""), notes: String(values.notes ?? ""), fileName: "" }, sections)
        : null;
    return data({ ok: false as const, review, values: { ...values, markdown: "" }, errors }, { status });
  };
  if (!parsed.success) return refuse(parsed.errors, 400);
  const { markdown: _markdown, ...meta } = parsed.data;
  try {
    const id = importVersion({ ...meta, sections, actorId: user.id });
    return redirect(`/gestione/bozze/${id}?ok=imported`);
  } catch (error) {
    if (error instanceof DomainError) return refuse(fieldErrorsOf(error), error.status);
    throw error;
  }
}

export default function ImportVersion() {
  const { strategies, today } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const lang = useLang();
  const contentLang = lang === "it" ? undefined : "it";
  const review = result && "review" in result ? result.review : null;
  const errors = (result && "errors" in result ? result.errors : {}) as Record<string, string>;
  const values = (result && "values" in result ? result.values : {}) as Record<string, string>;
  const err = (name: string) => (errors[name] ? translateLoose(t, errors[name]) : null);

  if (review) {
    const kept = review.items.filter((i) => i.match).length;
    return (
      <>
        <h1>{t("drafts.import.reviewTitle")}</h1>
        {Object.keys(errors).length ? (
          <div className="alert alert-danger" role="alert">
            {translateLoose(t, errors.form ?? Object.values(errors)[0])}
          </div>
        ) : null}
        <p className="lead">
          {review.fileName ? t("drafts.import.reviewLead", { file: review.fileName, count: review.items.length }) : t("drafts.import.reviewLeadAgain", { count: review.items.length })}
        </p>
        <p>
          {review.previousLabel
            ? t("drafts.import.reviewMatched", { kept, added: review.items.length - kept, previous: review.previousLabel })
            : t("drafts.import.reviewFirst")}
        </p>
        <div className="table-scroll">
          <table className="import-tree">
            <caption>{t("drafts.import.treeCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("drafts.field.number")}</th>
                <th scope="col">{t("drafts.field.title")}</th>
                <th scope="col">{t("drafts.import.firstLine")}</th>
                <th scope="col">{t("drafts.import.identity")}</th>
              </tr>
            </thead>
            <tbody lang={contentLang}>
              {review.items.map((i, k) => (
                <tr key={k}>
                  <td className={`import-depth-${i.depth}`}>{i.number}</td>
                  <th scope="row" className={`import-depth-${i.depth}`}>
                    {i.title}
                  </th>
                  <td className="muted">{i.firstLine}</td>
                  <td lang={lang}>
                    {i.match
                      ? t("drafts.import.sameAs", { number: i.match, previous: review.previousLabel ?? "" })
                      : t("drafts.import.newSection")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <Form method="post" className="form">
          <input type="hidden" name="strategyCode" value={review.strategyCode} />
          <div className="field">
            <label htmlFor="imp-label">{t("drafts.field.label")}</label>
            <input type="text" id="imp-label" name="label" required maxLength={120} defaultValue={review.label} aria-invalid={err("label") ? true : undefined} />
          </div>
          <div className="field">
            <label htmlFor="imp-date">{t("drafts.field.versionDate")}</label>
            <input type="date" id="imp-date" name="versionDate" required defaultValue={review.versionDate} aria-invalid={err("versionDate") ? true : undefined} />
          </div>
          <div className="field">
            <label htmlFor="imp-notes">{t("drafts.field.notes")}</label>
            <textarea id="imp-notes" name="notes" rows={3} maxLength={4000} defaultValue={review.notes} />
          </div>
          <details className="import-source">
            <summary>{t("drafts.import.normalised")}</summary>
            <div className="field">
              <label htmlFor="imp-markdown">{t("drafts.import.normalisedLabel")}</label>
              <textarea id="imp-markdown" name="markdown" rows={16} readOnly defaultValue={review.markdown} />
            </div>
          </details>
          <div className="actions">
            <button type="submit" className="btn">
              {t("drafts.import.save")}
            </button>
            <Link to="/gestione/bozze/importa" reloadDocument>
              {t("drafts.import.cancel")}
            </Link>
          </div>
        </Form>
      </>
    );
  }

  return (
    <>
      <h1>{t("drafts.import.title")}</h1>
      <p>{t("drafts.import.intro")}</p>
      <ul>
        <li>{t("drafts.import.ruleHeadings")}</li>
        <li>{t("drafts.import.ruleNumbers")}</li>
        <li>{t("drafts.import.ruleDocx")}</li>
        <li>{t("drafts.import.ruleIdentity")}</li>
      </ul>
      {Object.keys(errors).length ? (
        <div className="alert alert-danger" role="alert">
          {translateLoose(t, errors.form ?? errors.file ?? Object.values(errors)[0])}
        </div>
      ) : null}
      <Form method="post" encType="multipart/form-data" className="form">
        <div className="field">
          <label htmlFor="imp-strategy">{t("drafts.field.strategy")}</label>
          <select id="imp-strategy" name="strategyCode" defaultValue={values.strategyCode ?? strategies[0]?.code}>
            {strategies.map((s) => (
              <option key={s.code} value={s.code}>
                {t("plan.sttmLabel", { number: s.number })}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="imp-file">{t("drafts.import.file")}</label>
          <p className="hint" id="imp-file-hint">
            {t("drafts.import.fileHint")}
          </p>
          {err("file") ? (
            <p className="error" id="imp-file-error">
              {err("file")}
            </p>
          ) : null}
          <input
            type="file"
            id="imp-file"
            name="file"
            required
            accept=".md,.markdown,.txt,.docx,text/markdown,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            aria-invalid={err("file") ? true : undefined}
            aria-describedby={["imp-file-hint", err("file") ? "imp-file-error" : ""].filter(Boolean).join(" ")}
          />
        </div>
        <div className="field">
          <label htmlFor="imp-label">{t("drafts.field.label")}</label>
          <p className="hint" id="imp-label-hint">
            {t("drafts.import.labelHint")}
          </p>
          <input type="text" id="imp-label" name="label" maxLength={120} defaultValue={values.label ?? ""} aria-describedby="imp-label-hint" />
        </div>
        <div className="field">
          <label htmlFor="imp-date">{t("drafts.field.versionDate")}</label>
          {err("versionDate") ? (
            <p className="error" id="imp-date-error">
              {err("versionDate")}
            </p>
          ) : null}
          <input
            type="date"
            id="imp-date"
            name="versionDate"
            required
            defaultValue={values.versionDate ?? today}
            aria-invalid={err("versionDate") ? true : undefined}
            aria-describedby={err("versionDate") ? "imp-date-error" : undefined}
          />
        </div>
        <div className="field">
          <label htmlFor="imp-notes">{t("drafts.field.notes")}</label>
          <textarea id="imp-notes" name="notes" rows={3} maxLength={4000} defaultValue={values.notes ?? ""} />
        </div>
        <button type="submit" className="btn" disabled={navigation.state === "submitting"}>
          {t("drafts.import.upload")}
        </button>
      </Form>
    </>
  );
}
