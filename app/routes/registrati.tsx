import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { registerSchema } from "~/domain/accounts/schemas";
import { getUser, startSession } from "~/domain/accounts/session.server";
import { registerUser } from "~/domain/accounts/users.server";
import { Field, FormErrorSummary } from "~/components/form/Field";
import { DomainError } from "~/lib/domain-error";
import { domainFormError, formError } from "~/lib/http.server";
import { formValues, parseForm, withoutSecrets } from "~/lib/forms";
import { getLang } from "~/lib/lang.server";
import { translateLoose } from "~/i18n";
import { useT } from "~/i18n/react";
import type { RouteHandle } from "~/lib/breadcrumb";

export const handle: RouteHandle = { breadcrumb: { key: "register.title" } };
export const meta: MetaFunction = () => [{ title: "Registrati — Concerta" }];

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getUser(request)) throw redirect("/account");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const values = formValues(await request.formData());
  const echo = withoutSecrets(values);
  const parsed = parseForm(registerSchema, values);
  if (!parsed.success) return formError(echo, parsed.errors);
  try {
    const userId = await registerUser({ ...parsed.data, locale: await getLang(request) });
    return redirect("/account?ok=registered", { headers: { "Set-Cookie": await startSession(userId) } });
  } catch (error) {
    if (error instanceof DomainError) return domainFormError(error, echo);
    throw error;
  }
}

export default function Register() {
  const t = useT();
  const result = useActionData<typeof action>();
  const values = (result?.values ?? {}) as Record<string, string>;
  const errors = (result?.errors ?? {}) as Record<string, string>;
  const err = (k: string) => (errors[k] ? translateLoose(t, errors[k]) : null);
  return (
    <div className="form">
      <h1>{t("register.title")}</h1>
      <p>{t("register.intro")}</p>
      <FormErrorSummary message={t("common.formHasErrors")} errors={errors} />
      <Form method="post" noValidate>
        <Field name="name" autoComplete="name" label={t("register.name")} required defaultValue={values.name ?? ""} error={err("name")} />
        <Field
          name="email"
          type="email"
          autoComplete="email"
          label={t("register.email")}
          required
          defaultValue={values.email ?? ""}
          error={err("email")}
        />
        <Field
          name="password"
          type="password"
          autoComplete="new-password"
          label={t("register.password")}
          hint={t("register.passwordHint")}
          required
          error={err("password")}
        />
        <Field
          name="passwordConfirm"
          type="password"
          autoComplete="new-password"
          label={t("register.passwordConfirm")}
          required
          error={err("passwordConfirm")}
        />
        <div className="field">
          {errors.privacy ? (
            <p className="error" id="privacy-error">
              {err("privacy")}
            </p>
          ) : null}
          <div className="checkbox">
            <input
              type="checkbox"
              id="f-privacy"
              name="privacy"
              defaultChecked={values.privacy === "on"}
              aria-invalid={errors.privacy ? true : undefined}
              aria-describedby={errors.privacy ? "privacy-error" : undefined}
              required
            />
            <label htmlFor="f-privacy">{t("register.privacy")}</label>
          </div>
          <p className="hint">
            <Link to="/privacy">{t("register.privacyLink")}</Link>
          </p>
        </div>
        <div className="actions">
          <button type="submit" className="btn">
            {t("register.submit")}
          </button>
          <span>
            {t("register.haveAccount")} <Link to="/accedi">{t("login.title")}</Link>
          </span>
        </div>
      </Form>
    </div>
  );
}
