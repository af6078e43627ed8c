import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { useT } from "~/i18n/react";

/** What a refused form sends back: which form, the field at fault (if any), the message, and everything typed. */
export type FormState = { formId: string; field: string | null; message: string; values: Record<string, string> } | null;

/** What every participation form on the section page needs to know. */
export type Ui = {
  signedIn: boolean;
  isStaff: boolean;
  viewerName: string;
  organizations: { id: number; name: string }[];
  windowOpen: boolean;
  /** The draft version being read (section pages), to tell "this version" from earlier ones. */
  currentVersionId?: number | null;
  state: FormState;
  /** Changes after each successful submission, so forms are emptied then (and only then). */
  formKey: string;
  /** "it" when the interface is in another language: drafts and contributions are written in Italian. */
  contentLang?: string;
};

/** The state of one form, when the last refusal was about it. */
export function stateFor(ui: Ui, formId: string) {
  return ui.state?.formId === formId ? ui.state : null;
}

export function FormAlert({ id, message }: { id: string; message: string | null | undefined }) {
  if (!message) return null;
  return (
    <div className="alert alert-danger" role="alert" id={id}>
      <p>{message}</p>
    </div>
  );
}

type TextAreaProps = {
  formId: string;
  name: string;
  label: string;
  hint?: string;
  rows?: number;
  maxLength: number;
  defaultValue: string;
  required?: boolean;
  ui: Ui;
};

/** A labelled textarea tied to its hint and to the form's error message; keeps what was typed after a refusal. */
export function TextArea({ formId, name, label, hint, rows = 5, maxLength, defaultValue, required, ui }: TextAreaProps) {
  const t = useT();
  const state = stateFor(ui, formId);
  const id = `${formId}-${name}`;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = state ? `${formId}-error` : undefined;
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {required ? null : <span className="muted"> ({t("common.optional")})</span>}
      </label>
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <textarea
        id={id}
        name={name}
        rows={rows}
        maxLength={maxLength}
        required={required}
        lang={ui.contentLang}
        defaultValue={state?.values[name] ?? defaultValue}
        aria-invalid={state?.field === name ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
      />
    </div>
  );
}

/** "A nome di": the participant themselves or one of the organizations they represent (shown only if they represent any). */
export function OnBehalfSelect({ formId, ui }: { formId: string; ui: Ui }) {
  const t = useT();
  if (ui.organizations.length === 0) return null;
  const state = stateFor(ui, formId);
  const id = `${formId}-organizationId`;
  return (
    <div className="field">
      <label htmlFor={id}>{t("participation.onBehalf")}</label>
      <select
        id={id}
        name="organizationId"
        defaultValue={state?.values.organizationId ?? ""}
        aria-invalid={state?.field === "organizationId" ? true : undefined}
        aria-describedby={state ? `${formId}-error` : undefined}
      >
        <option value="">{t("participation.onBehalfSelf", { name: ui.viewerName })}</option>
        {ui.organizations.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A small post form with hidden fields and one button (delete, withdraw, approve). */
export function ButtonForm({
  intent,
  fields,
  label,
  className = "btn btn-outline btn-small",
  children,
}: {
  intent: string;
  fields: Record<string, string | number>;
  label: ReactNode;
  className?: string;
  children?: ReactNode;
}) {
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(fields).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={String(v)} />
      ))}
      {children}
      <button type="submit" className={className}>
        {label}
      </button>
    </Form>
  );
}

/**
 * Staff actions on one item: approve (pending, rejected, hidden) and reject/hide (pending, published)
 * with a reason for the author. Each form carries the revision staff saw (moderation/decide.server.ts).
 */
export function ModerationActions({ kind, id, status, revision, ui }: { kind: "comment" | "amendment"; id: number; status: string; revision: number | null; ui: Ui }) {
  const t = useT();
  if (!ui.isStaff || status === "withdrawn") return null;
  const reasonId = `reason-${kind}-${id}`;
  const formId = `moderate-${kind}-${id}`;
  const state = stateFor(ui, formId);
  return (
    <div className="moderation-actions">
      <p className="visually-hidden">{t("participation.moderation.label")}</p>
      <FormAlert id={`${formId}-error`} message={state?.message} />
      {status === "pending" || status === "rejected" || status === "hidden" ? (
        <ButtonForm intent="approve" fields={{ kind, itemId: id, revision: revision ?? "" }} label={t("participation.moderation.approve")} className="btn btn-small" />
      ) : null}
      {status === "pending" || status === "published" ? (
        <Form method="post" className="inline-form">
          <input type="hidden" name="intent" value="reject" />
          <input type="hidden" name="kind" value={kind} />
          <input type="hidden" name="itemId" value={id} />
          <input type="hidden" name="revision" value={revision ?? ""} />
          <label htmlFor={reasonId} className="inline-label">
            {t("participation.moderation.reason")}
          </label>
          <input id={reasonId} name="reason" type="text" maxLength={1000} />
          <button type="submit" className="btn btn-outline btn-small">
            {status === "pending" ? t("participation.moderation.reject") : t("participation.moderation.hide")}
          </button>
        </Form>
      ) : null}
    </div>
  );
}
