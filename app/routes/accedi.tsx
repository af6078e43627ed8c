import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { loginSchema, safeRedirect } from "~/domain/accounts/schemas";
import { getUser, startSession } from "~/domain/accounts/session.server";
import { authenticate } from "~/domain/accounts/users.server";
import { loginBlockedFor, recordLoginFailure, recordLoginSuccess } from "~/domain/accounts/login-throttle.server";
import { Field, FormErrorSummary } from "~/components/form/Field";
import { clientAddress, formError } from "~/lib/http.server";
import { formValues, parseForm, withoutSecrets } from "~/lib/forms";
import { translateLoose } from "~/i18n";
import { useT } from "~/i18n/react";
import type { RouteHandle } from "~/lib/breadcrumb";

export const handle: RouteHandle = { breadcrumb: { key: "login.title" } };
export const meta: MetaFunction = () => [{ title: "Accedi — Concerta" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  if (user) throw redirect(safeRedirect(new URL(request.url).searchParams.get("redirectTo")));
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const values = formValues(await request.formData());
  const echo = withoutSecrets(values);
  const parsed = parseForm(loginSchema, values);
  if (!parsed.success) return formError(echo, parsed.errors);
  const { email, password, redirectTo } = parsed.data;
  const address = clientAddress(context);

  const wait = await loginBlockedFor(email, address);
  if (wait > 0) {
    return formError(echo, { form: "login.throttled", minutes: String(Math.ceil(wait / 60)) }, 429);
  }
  const user = await authenticate(email, password);
  if (!user) {
    await recordLoginFailure(email, address);
    // Same message whether the e-mail exists or not.
    return formError(echo, { form: "login.invalid" }, 401);
  }
  await recordLoginSuccess(email);
  return redirect(safeRedirect(redirectTo), { headers: { "Set-Cookie": await startSession(user.id) } });
}

export default function Login() {
  const t = useT();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const values = (result?.values ?? {}) as Record<string, string>;
  const errors = (result?.errors ?? {}) as Record<string, string>;
  const formMessage = errors.form
    ? errors.form === "login.throttled"
      ? t("login.throttled", { minutes: errors.minutes ?? "15" })
      : translateLoose(t, errors.form)
    : null;
  return (
    <div className="form">
      <h1>{t("login.title")}</h1>
      <p>{t("login.intro")}</p>
      {params.get("ok") === "deleted" ? (
        <div className="alert alert-success" role="status">
          {t("delete.done")}
        </div>
      ) : null}
      {formMessage ? (
        <div className="alert alert-danger" role="alert">
          {formMessage}
        </div>
      ) : (
        <FormErrorSummary message={t("common.formHasErrors")} errors={errors} />
      )}
      <Form method="post" noValidate>
        <input type="hidden" name="redirectTo" value={values.redirectTo ?? params.get("redirectTo") ?? ""} />
        <Field
          name="email"
          type="email"
          autoComplete="username"
          label={t("login.email")}
          required
          defaultValue={values.email ?? ""}
          error={errors.email ? translateLoose(t, errors.email) : null}
        />
        <Field
          name="password"
          type="password"
          autoComplete="current-password"
          label={t("login.password")}
          required
          error={errors.password ? translateLoose(t, errors.password) : null}
        />
        <div className="actions">
          <button type="submit" className="btn" disabled={navigation.state === "submitting"}>
            {t("login.submit")}
          </button>
          <span>
            {t("login.noAccount")} <Link to="/registrati">{t("login.registerLink")}</Link>
          </span>
        </div>
      </Form>
    </div>
  );
}
