import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "~/lib/zod.server";
import { requirePermission } from "~/domain/accounts/session.server";
import {
  canCancel,
  cancelMeeting,
  getMeetingDetail,
  liveRegistrationCount,
  meetingOptions,
  transitionMeeting,
  TRANSITIONS,
} from "~/domain/meetings/meetings.server";
import { deleteDocument, listDocuments, parseDocumentUpload, storeDocument } from "~/domain/meetings/documents.server";
import { DocumentTooLargeError, DocumentTypeError } from "~/domain/uploads/content";
import { submitMeetingForm } from "~/domain/meetings/meeting-form.server";
import { cancelMeetingSchema, documentTitleSchema, meetingFormValues } from "~/domain/meetings/schemas";
import { MeetingForm } from "~/components/meetings/MeetingForm";
import { fileSize, fileTypeLabel, StatusBadge } from "~/components/meetings/MeetingBits";
import { Field } from "~/components/form/Field";
import { DomainError } from "~/lib/domain-error";
import { fieldErrorsOf, formValues, parseForm } from "~/lib/forms";
import { invariantFound } from "~/lib/http.server";
import { formatDate, translateLoose, type MessageKey } from "~/i18n";
import { metaTranslator } from "~/i18n/meta";
import { useLang, useT } from "~/i18n/react";
import { MEETING_STATUSES } from "~db/schema/enums";

export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) => {
  const t = metaTranslator(matches);
  return [{ title: d ? `${t("meetings.staff.editTitle", { title: d.meeting.title })} — Concerta` : `${t("errors.title")} — Concerta` }];
};

function meetingId(request: Request, params: LoaderFunctionArgs["params"]) {
  const id = Number(params.id);
  invariantFound(Number.isInteger(id) && id >= 1, request, "errors.notFound.meeting");
  return id;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "meeting.manage");
  const id = meetingId(request, params);
  const meeting = await getMeetingDetail(id);
  invariantFound(meeting, request, "errors.notFound.meeting");
  const [options, documents, registrations] = await Promise.all([meetingOptions(), listDocuments(id), liveRegistrationCount(id)]);
  return {
    meeting: { id: meeting.id, title: meeting.title, status: meeting.status, startsAt: meeting.startsAt.toISOString() },
    values: meetingFormValues({ ...meeting, strategyCodes: meeting.strategies.map((s) => s.code) }),
    options,
    documents: documents.map((d) => ({ id: d.id, title: d.title, fileName: d.fileName, mimeType: d.mimeType, sizeBytes: d.sizeBytes })),
    registrations,
    transitions: TRANSITIONS[meeting.status],
    canCancel: canCancel(meeting.status),
  };
}

type Panel = "meeting" | "upload" | "status" | "cancel" | "documents";
function failed(panel: Panel, status: number, errors: Record<string, string>, values: Record<string, string | string[]> = {}, issues: unknown = null) {
  return data({ panel, values, errors, issues: issues as import("~/domain/processes/art7bis").Art7bisIssue[] | null }, { status });
}

const intentSchema = () => z.object({ intent: z.enum(["save", "transition", "cancel", "deleteDocument"]) });
const transitionSchema = () => z.object({ to: z.enum(MEETING_STATUSES) });
const deleteSchema = () => z.object({ documentId: z.coerce.number().int().positive() });

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "meeting.manage");
  const id = meetingId(request, params);

  // The document upload is its own multipart form: read as a stream with a size limit, never buffered whole.
  if ((request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) {
    const upload = await parseDocumentUpload(request);
    if (!upload.ok) {
      const status = upload.problem === "tooLarge" ? 413 : upload.problem === "type" ? 415 : 400;
      const key = { tooLarge: "errors.documentTooLarge", type: "errors.documentType", missing: "errors.documentMissing", malformed: "errors.documentMalformed" }[upload.problem];
      return failed("upload", status, { file: key }, { title: upload.title });
    }
    const title = parseForm(documentTitleSchema, { title: upload.title });
    if (!title.success) return failed("upload", 400, title.errors, { title: upload.title });
    try {
      const doc = await storeDocument(user.id, id, { title: title.data.title, file: upload.file });
      invariantFound(doc, request, "errors.notFound.meeting");
    } catch (error) {
      if (error instanceof DocumentTooLargeError) return failed("upload", 413, { file: "errors.documentTooLarge" }, { title: upload.title });
      if (error instanceof DocumentTypeError) return failed("upload", 415, { file: "errors.documentType" }, { title: upload.title });
      throw error;
    }
    return redirect(`/gestione/incontri/${id}?ok=uploaded#documenti`);
  }

  const formData = await request.formData();
  const values = formValues(formData);
  const intent = intentSchema().safeParse(values);
  if (!intent.success) return failed("meeting", 400, { form: "errors.unknownIntent" });

  switch (intent.data.intent) {
    case "save": {
      const outcome = await submitMeetingForm(user.id, formData, id);
      invariantFound(outcome, request, "errors.notFound.meeting");
      if (!outcome.ok) return failed("meeting", outcome.status, outcome.errors, outcome.values, outcome.issues);
      return redirect(`/gestione/incontri/${id}?ok=${outcome.notified ? "savedNotified" : "saved"}`);
    }
    case "transition": {
      const to = transitionSchema().safeParse(values);
      if (!to.success) return failed("status", 400, { form: "errors.meetingTransition" });
      try {
        const done = await transitionMeeting(user.id, id, to.data.to);
        invariantFound(done, request, "errors.notFound.meeting");
      } catch (error) {
        if (error instanceof DomainError) return failed("status", error.status, fieldErrorsOf(error));
        throw error;
      }
      return redirect(`/gestione/incontri/${id}?ok=status`);
    }
    case "cancel": {
      const parsed = parseForm(cancelMeetingSchema, values);
      if (!parsed.success) return failed("cancel", 400, parsed.errors, values);
      try {
        const done = await cancelMeeting(user.id, id, parsed.data.reason);
        invariantFound(done, request, "errors.notFound.meeting");
        return redirect(`/gestione/incontri/${id}?ok=cancelled&n=${done.notified}`);
      } catch (error) {
        if (error instanceof DomainError) return failed("cancel", error.status, fieldErrorsOf(error), values);
        throw error;
      }
    }
    case "deleteDocument": {
      const parsed = deleteSchema().safeParse(values);
      const deleted = parsed.success && (await deleteDocument(user.id, id, parsed.data.documentId));
      invariantFound(deleted, request, "errors.notFound.document");
      return redirect(`/gestione/incontri/${id}?ok=deleted#documenti`);
    }
  }
}

const NOTICES: Record<string, MessageKey> = {
  created: "meetings.staff.created",
  saved: "meetings.staff.saved",
  savedNotified: "meetings.staff.savedNotified",
  status: "meetings.actions.statusChanged",
  uploaded: "meetings.docs.uploaded",
  deleted: "meetings.docs.deleted",
};

export default function EditMeeting() {
  const { meeting, values, options, documents, registrations, transitions, canCancel: cancellable } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const lang = useLang();
  const [params] = useSearchParams();
  const ok = params.get("ok") ?? "";
  const notice = ok === "cancelled" ? t("meetings.cancel.done", { count: Number(params.get("n") ?? 0) }) : NOTICES[ok] ? t(NOTICES[ok]) : null;
  const errorsOf = (panel: Panel) => (result && result.panel === panel ? (result.errors as Record<string, string>) : {});
  const valuesOf = (panel: Panel) => (result && result.panel === panel ? (result.values as Record<string, string | string[]>) : null);
  const uploadErrors = errorsOf("upload");
  const cancelErrors = errorsOf("cancel");
  const statusErrors = errorsOf("status");

  return (
    <>
      <h1 id="meeting-form-title">{t("meetings.staff.editTitle", { title: meeting.title })}</h1>
      {notice ? (
        <div className="alert alert-success" role="status">
          {notice}
        </div>
      ) : null}
      <p className="actions">
        <Link to={`/incontri/${meeting.id}`}>{t("meetings.staff.publicPage")}</Link>
        <Link to={`/gestione/incontri/${meeting.id}/verbale`}>{t("meetings.actions.minutesLink")}</Link>
        <Link to={`/gestione/incontri/${meeting.id}/rapporto`}>{t("reports.meeting.staff.link")}</Link>
      </p>

      <div className="staff-meeting-grid">
        <div>
          {meeting.status === "cancelled" ? (
            <p className="alert alert-warning">{t("meetings.cancelled.noEdit")}</p>
          ) : (
            <>
              {result?.panel === "meeting" && (result.errors as Record<string, string>).form && !result.issues ? (
                <div className="alert alert-danger" role="alert">
                  {translateLoose(t, (result.errors as Record<string, string>).form)}
                </div>
              ) : null}
              <MeetingForm
                t={t}
                values={valuesOf("meeting") ?? values}
                errors={errorsOf("meeting")}
                issues={result?.panel === "meeting" ? result.issues : null}
                options={options}
                submitLabel={t("meetings.form.save")}
                formatDay={(iso) => formatDate(lang, `${iso}T12:00:00Z`)}
              />
            </>
          )}
        </div>

        <div>
          <section className="panel" aria-labelledby="status-title">
            <h2 id="status-title">{t("meetings.actions.title")}</h2>
            <p>
              {t("meetings.actions.current")} <StatusBadge t={t} status={meeting.status} />
            </p>
            <p>
              {t("meetings.staff.registrations")}: {registrations}
            </p>
            {statusErrors.form ? (
              <p className="alert alert-danger" role="alert">
                {translateLoose(t, statusErrors.form)}
              </p>
            ) : null}
            {transitions.length ? (
              <>
                <Form method="post" className="actions" aria-labelledby="status-title">
                  <input type="hidden" name="intent" value="transition" />
                  {transitions.map((to) => (
                    <button key={to} type="submit" name="to" value={to} className="btn btn-outline">
                      {t(`meetings.actions.to.${to}` as MessageKey)}
                    </button>
                  ))}
                </Form>
                <p className="muted">{t("meetings.actions.notifyNote")}</p>
              </>
            ) : null}
            {meeting.status === "held" || meeting.status === "closed" ? (
              <p>
                <Link to={`/gestione/incontri/${meeting.id}/verbale`}>{t("meetings.actions.minutesLink")}</Link>
              </p>
            ) : null}
          </section>

          <section className="panel" aria-labelledby="documenti">
            <h2 id="documenti" tabIndex={-1}>
              {t("meetings.docs.title")}
            </h2>
            {documents.length === 0 ? (
              <p>{t("meetings.docs.none")}</p>
            ) : (
              <ul className="documents">
                {documents.map((d) => (
                  <li key={d.id}>
                    <a href={`/incontri/${meeting.id}/documenti/${d.id}`} download={d.fileName}>
                      {d.title}
                    </a>
                    <span className="muted">{t("meetings.page.documentMeta", { type: fileTypeLabel(d.mimeType), size: fileSize(lang, d.sizeBytes) })}</span>
                    <Form method="post">
                      <input type="hidden" name="intent" value="deleteDocument" />
                      <input type="hidden" name="documentId" value={d.id} />
                      <button type="submit" className="link-button" aria-label={t("meetings.docs.deleteLabel", { title: d.title })}>
                        {t("meetings.docs.delete")}
                      </button>
                    </Form>
                  </li>
                ))}
              </ul>
            )}
            <h3 id="upload-title">{t("meetings.docs.upload")}</h3>
            {uploadErrors.file ? (
              <div className="alert alert-danger" role="alert">
                {translateLoose(t, uploadErrors.file)}
              </div>
            ) : null}
            <Form method="post" encType="multipart/form-data" aria-labelledby="upload-title" noValidate>
              <Field
                type="text"
                name="title"
                id="upload-doc-title"
                label={t("meetings.docs.docTitle")}
                maxLength={200}
                required
                requiredLabel={t("common.required")}
                defaultValue={(valuesOf("upload")?.title as string | undefined) ?? ""}
                error={uploadErrors.title ? translateLoose(t, uploadErrors.title) : null}
              />
              <Field
                type="file"
                name="file"
                id="upload-doc-file"
                label={t("meetings.docs.file")}
                hint={t("meetings.docs.uploadHint")}
                accept="application/pdf,image/png,image/jpeg,image/webp,.pdf,.png,.jpg,.jpeg,.webp"
                required
                requiredLabel={t("common.required")}
                error={uploadErrors.file ? translateLoose(t, uploadErrors.file) : null}
              />
              <button type="submit" className="btn">
                {t("meetings.docs.submit")}
              </button>
            </Form>
          </section>

          {cancellable ? (
            <section className="panel" aria-labelledby="cancel-title">
              <h2 id="cancel-title">{t("meetings.cancel.title")}</h2>
              <Form method="post" aria-labelledby="cancel-title" noValidate>
                <input type="hidden" name="intent" value="cancel" />
                <div className="field">
                  <label htmlFor="f-reason">{t("meetings.cancel.reason")}</label>
                  <p className="hint" id="f-reason-hint">
                    {t("meetings.cancel.reasonHint")}
                  </p>
                  {cancelErrors.reason ? (
                    <p className="error" id="f-reason-error">
                      {translateLoose(t, cancelErrors.reason)}
                    </p>
                  ) : null}
                  <textarea
                    id="f-reason"
                    name="reason"
                    rows={3}
                    maxLength={1000}
                    required
                    defaultValue={(valuesOf("cancel")?.reason as string | undefined) ?? ""}
                    aria-invalid={cancelErrors.reason ? true : undefined}
                    aria-describedby={["f-reason-hint", cancelErrors.reason ? "f-reason-error" : ""].filter(Boolean).join(" ")}
                  />
                </div>
                <button type="submit" className="btn btn-danger">
                  {t("meetings.cancel.submit")}
                </button>
              </Form>
            </section>
          ) : null}
        </div>
      </div>
    </>
  );
}
