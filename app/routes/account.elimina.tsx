import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { deleteAccountSchema } from "~/domain/accounts/schemas";
import { blankSessionCookie, requireUser } from "~/domain/accounts/session.server";
import { deleteAccount } from "~/domain/accounts/users.server";
import { Field, FormErrorSummary } from "~/components/form/Field";
import { DomainError } from "~/lib/domain-error";
import { domainFormError, formError } from "~/lib/http.server";
import { formValues, parseForm } from "~/lib/forms";
import { translateLoose } from "~/i18n";
import { useT } from "~/i18n/react";
import type { RouteHandle } from "~/lib/breadcrumb";

export const handle: RouteHandle = { breadcrumb: { key: "delete.title" } };
export const meta: MetaFunction = () => [{ title: "Elimina l'account — Concerta" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const values = formValues(await request.formData());
  const parsed = parseForm(deleteAccountSchema, values);
  if (!parsed.success) return formError(values, parsed.errors);
  try {
    await deleteAccount(user.id);
  } catch (error) {
    if (error instanceof DomainError) return domainFormError(error, values);
    throw error;
  }
  return redirect("/accedi?ok=deleted", { headers: { "Set-Cookie": blankSessionCookie() } });
}

export default function DeleteAccount() {
  const t = useT();
  const result = useActionData<typeof action>();
  const errors = (result?.errors ?? {}) as Record<string, string>;
  const values = (result?.values ?? {}) as Record<string, string>;
  return (
    <div className="form">
      <h1>{t("delete.title")}</h1>
      <p>{t("delete.intro")}</p>
      <p>
        {t("delete.download")} <a href="/account/dati">{t("account.downloadData")}</a>
      </p>
      {errors.form ? (
        <div className="alert alert-danger" role="alert">
          {translateLoose(t, errors.form)}
        </div>
      ) : (
        <FormErrorSummary message={t("common.formHasErrors")} errors={errors} />
      )}
      <Form method="post" noValidate>
        <Field name="confirm" label={t("delete.confirm")} required defaultValue={values.confirm ?? ""} autoComplete="off" error={errors.confirm ? translateLoose(t, errors.confirm) : null} />
        <button type="submit" className="btn btn-danger">
          {t("delete.submit")}
        </button>
      </Form>
    </div>
  );
}
