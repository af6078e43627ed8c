import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { changePasswordSchema } from "~/domain/accounts/schemas";
import { endAllSessions, requireUser, startSession } from "~/domain/accounts/session.server";
import { changePassword } from "~/domain/accounts/users.server";
import { Field, FormErrorSummary } from "~/components/form/Field";
import { formError } from "~/lib/http.server";
import { formValues, parseForm } from "~/lib/forms";
import { translateLoose } from "~/i18n";
import { useT } from "~/i18n/react";
import type { RouteHandle } from "~/lib/breadcrumb";

export const handle: RouteHandle = { breadcrumb: { key: "password.title" } };
export const meta: MetaFunction = () => [{ title: "Cambia password — Concerta" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const values = formValues(await request.formData());
  const parsed = parseForm(changePasswordSchema, values);
  if (!parsed.success) return formError({}, parsed.errors);
  const ok = await changePassword(user.id, parsed.data.currentPassword, parsed.data.newPassword);
  if (!ok) return formError({}, { currentPassword: "errors.currentPassword" });
  // A new password ends every other session (a thief's included) and starts a fresh one here.
  await endAllSessions(user.id);
  return redirect("/account?ok=password", { headers: { "Set-Cookie": await startSession(user.id) } });
}

export default function ChangePassword() {
  const t = useT();
  const result = useActionData<typeof action>();
  const errors = (result?.errors ?? {}) as Record<string, string>;
  const err = (k: string) => (errors[k] ? translateLoose(t, errors[k]) : null);
  return (
    <div className="form">
      <h1>{t("password.title")}</h1>
      <FormErrorSummary message={t("common.formHasErrors")} errors={errors} />
      <Form method="post" noValidate>
        <Field name="currentPassword" type="password" autoComplete="current-password" label={t("password.current")} required error={err("currentPassword")} />
        <Field
          name="newPassword"
          type="password"
          autoComplete="new-password"
          label={t("password.new")}
          hint={t("register.passwordHint")}
          required
          error={err("newPassword")}
        />
        <Field name="newPasswordConfirm" type="password" autoComplete="new-password" label={t("password.confirm")} required error={err("newPasswordConfirm")} />
        <button type="submit" className="btn">
          {t("password.submit")}
        </button>
      </Form>
    </div>
  );
}
