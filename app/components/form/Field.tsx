import type { InputHTMLAttributes, ReactNode } from "react";

type FieldProps = {
  name: string;
  label: string;
  error?: string | null;
  hint?: ReactNode;
  required?: boolean;
  requiredLabel?: string;
} & Omit<InputHTMLAttributes<HTMLInputElement>, "name">;

/** A labelled input with hint and error, tied together by aria-describedby. */
export function Field({ name, label, error, hint, required, requiredLabel, id, ...input }: FieldProps) {
  const inputId = id ?? `f-${name}`;
  const hintId = hint ? `${inputId}-hint` : undefined;
  const errorId = error ? `${inputId}-error` : undefined;
  return (
    <div className="field">
      <label htmlFor={inputId}>
        {label}
        {required && requiredLabel ? <span className="muted"> ({requiredLabel})</span> : null}
      </label>
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="error" id={errorId}>
          {error}
        </p>
      ) : null}
      <input
        id={inputId}
        name={name}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
        {...input}
      />
    </div>
  );
}

/** The summary at the top of a failed form, so screen-reader users hear that it failed. */
export function FormErrorSummary({ message, errors }: { message: string; errors?: Record<string, string> | null }) {
  if (!errors || Object.keys(errors).length === 0) return null;
  return (
    <div className="alert alert-danger" role="alert">
      <p>{message}</p>
    </div>
  );
}
