import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { membershipRequestSchema } from "~/domain/accounts/schemas";
import { requirePermission } from "~/domain/accounts/session.server";
import { listOrganizations, requestMembership } from "~/domain/accounts/organizations.server";
import { Field, FormErrorSummary } from "~/components/form/Field";
import { DomainError } from "~/lib/domain-error";
import { domainFormError, formError } from "~/lib/http.server";
import { formValues, parseForm } from "~/lib/forms";
import { translateLoose, type MessageKey } from "~/i18n";
import { useT } from "~/i18n/react";
import type { RouteHandle } from "~/lib/breadcrumb";
import { ORGANIZATION_KINDS } from "~db/schema/enums";

export const handle: RouteHandle = { breadcrumb: { key: "membership.title" } };
export const meta: MetaFunction = () => [{ title: "Rappresenta un'organizzazione — Concerta" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "membership.request");
  return { organizations: await listOrganizations() };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "membership.request");
  const values = formValues(await request.formData());
  const parsed = parseForm(membershipRequestSchema, values);
  if (!parsed.success) return formError(values, parsed.errors);
  try {
    const id = await requestMembership({ userId: user.id, ...parsed.data });
    if (id === null) return formError(values, { organizationId: "errors.organization" });
  } catch (error) {
    if (error instanceof DomainError) return domainFormError(error, values);
    throw error;
  }
  return redirect("/account?ok=membership");
}

export default function RequestMembership() {
  const { organizations } = useLoaderData<typeof loader>();
  const t = useT();
  const result = useActionData<typeof action>();
  const errors = (result?.errors ?? {}) as Record<string, string>;
  const values = (result?.values ?? {}) as Record<string, string>;
  const orgError = errors.organizationId ? translateLoose(t, errors.organizationId) : null;
  return (
    <div className="form">
      <h1>{t("membership.title")}</h1>
      <p>{t("membership.intro")}</p>
      <FormErrorSummary message={t("common.formHasErrors")} errors={errors} />
      <Form method="post" noValidate>
        <div className="field">
          <label htmlFor="f-organizationId">{t("membership.organization")}</label>
          {orgError ? (
            <p className="error" id="organizationId-error">
              {orgError}
            </p>
          ) : null}
          <select
            id="f-organizationId"
            name="organizationId"
            required
            defaultValue={values.organizationId ?? ""}
            aria-invalid={orgError ? true : undefined}
            aria-describedby={orgError ? "organizationId-error" : undefined}
          >
            <option value="">{t("membership.choose")}</option>
            {ORGANIZATION_KINDS.map((kind) => {
              const group = organizations.filter((o) => o.kind === kind);
              if (group.length === 0) return null;
              return (
                <optgroup key={kind} label={t(`orgKind.${kind}` as MessageKey)}>
                  {group.map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.name}
                    </option>
                  ))}
                </optgroup>
              );
            })}
          </select>
        </div>
        <Field
          name="position"
          label={t("membership.position")}
          hint={t("membership.positionHint")}
          defaultValue={values.position ?? ""}
          maxLength={120}
          error={errors.position ? translateLoose(t, errors.position) : null}
        />
        <div className="field">
          <label htmlFor="f-message">
            {t("membership.message")} <span className="muted">({t("common.optional")})</span>
          </label>
          <textarea id="f-message" name="message" rows={4} maxLength={1000} defaultValue={values.message ?? ""} />
        </div>
        <button type="submit" className="btn">
          {t("membership.submit")}
        </button>
      </Form>
    </div>
  );
}
