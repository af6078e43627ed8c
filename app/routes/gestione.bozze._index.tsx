import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { VersionStatus } from "~/components/drafts/VersionStatus";
import { requirePermission } from "~/domain/accounts/session.server";
import { newVersionSchema } from "~/domain/drafts/schemas";
import { createVersion, listVersions } from "~/domain/drafts/versions.server";
import { listStrategies } from "~/domain/plan/plan.server";
import { formatDate, translateLoose } from "~/i18n";
import { metaTranslator } from "~/i18n/meta";
import { useLang, useT } from "~/i18n/react";
import { romeDate } from "~/lib/dates";
import { formValues, parseForm } from "~/lib/forms";
import { DomainError } from "~/lib/domain-error";
import { domainFormError, formError } from "~/lib/http.server";

export const meta: MetaFunction = ({ matches }) => [{ title: metaTranslator(matches)("drafts.staff.metaTitle") }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "draft.manage");
  const [strategies, versions] = [await listStrategies(), listVersions({ includeDrafts: true })];
  return {
    today: romeDate(new Date()),
    strategies: strategies.map((s) => ({
      code: s.code,
      number: s.number,
      title: s.title,
      versions: versions
        .filter((v) => v.strategyCode === s.code)
        .map((v) => ({ id: v.id, label: v.label, versionDate: v.versionDate, status: v.status, sectionCount: v.sectionCount })),
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "draft.manage");
  const values = formValues(await request.formData());
  const parsed = parseForm(newVersionSchema, values);
  if (!parsed.success) return formError(values, parsed.errors);
  try {
    const id = createVersion({ ...parsed.data, actorId: user.id });
    return redirect(`/gestione/bozze/${id}?ok=created`);
  } catch (error) {
    if (error instanceof DomainError) return domainFormError(error, values);
    throw error;
  }
}

export default function StaffDrafts() {
  const { strategies, today } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const lang = useLang();
  const errors = (result?.errors ?? {}) as Record<string, string>;
  const values = (result?.values ?? {}) as Record<string, string>;
  const err = (name: string) => (errors[name] ? translateLoose(t, errors[name]) : null);
  return (
    <>
      <h1>{t("drafts.staff.title")}</h1>
      <p>{t("drafts.staff.intro")}</p>
      <p>
        <Link to="/gestione/bozze/importa" className="btn">
          {t("drafts.import.title")}
        </Link>
      </p>
      {strategies.map((s) => (
        <section key={s.code} aria-labelledby={`sttm-${s.code}`}>
          <h2 id={`sttm-${s.code}`}>
            {t("plan.sttmLabel", { number: s.number })} <span className="muted draft-strategy-inline" lang={lang === "it" ? undefined : "it"}>— {s.title}</span>
          </h2>
          {s.versions.length === 0 ? (
            <p>{t("drafts.staff.noVersions")}</p>
          ) : (
            <div className="table-scroll">
              <table>
                <caption className="visually-hidden">{t("drafts.staff.versionsCaption", { number: s.number })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("drafts.field.label")}</th>
                    <th scope="col">{t("drafts.field.versionDate")}</th>
                    <th scope="col">{t("drafts.facts.status")}</th>
                    <th scope="col">{t("drafts.staff.sectionCount")}</th>
                    <th scope="col">{t("drafts.staff.read")}</th>
                  </tr>
                </thead>
                <tbody>
                  {s.versions.map((v) => (
                    <tr key={v.id}>
                      <th scope="row">
                        <Link to={`/gestione/bozze/${v.id}`}>{v.label}</Link>
                      </th>
                      <td>{formatDate(lang, `${v.versionDate}T12:00:00Z`, { dateStyle: "medium" })}</td>
                      <td>
                        <VersionStatus status={v.status} />
                      </td>
                      <td>{v.sectionCount}</td>
                      <td>
                        <Link to={`/strategie/${s.code}/bozze/${v.id}`}>
                          {t("drafts.staff.readLink")}
                          <span className="visually-hidden"> {v.label}</span>
                        </Link>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ))}

      <section aria-labelledby="new-version-title" className="form">
        <h2 id="new-version-title">{t("drafts.new.title")}</h2>
        <p>{t("drafts.new.intro")}</p>
        {errors.form ? (
          <div className="alert alert-danger" role="alert">
            {translateLoose(t, errors.form)}
          </div>
        ) : Object.keys(errors).length ? (
          <div className="alert alert-danger" role="alert">
            {t("common.formHasErrors")}
          </div>
        ) : null}
        <Form method="post">
          <div className="field">
            <label htmlFor="new-strategy">{t("drafts.field.strategy")}</label>
            <select id="new-strategy" name="strategyCode" defaultValue={values.strategyCode ?? strategies[0]?.code}>
              {strategies.map((s) => (
                <option key={s.code} value={s.code}>
                  {t("plan.sttmLabel", { number: s.number })}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="new-based">{t("drafts.field.basedOn")}</label>
            <p className="hint" id="new-based-hint">
              {t("drafts.field.basedOnHint")}
            </p>
            <select id="new-based" name="basedOnVersionId" defaultValue={values.basedOnVersionId ?? ""} aria-describedby="new-based-hint">
              <option value="">{t("drafts.field.basedOnNone")}</option>
              {strategies
                .filter((s) => s.versions.length)
                .map((s) => (
                  <optgroup key={s.code} label={t("plan.sttmLabel", { number: s.number })}>
                    {s.versions.map((v) => (
                      <option key={v.id} value={v.id}>
                        {v.label}
                      </option>
                    ))}
                  </optgroup>
                ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="new-label">{t("drafts.field.label")}</label>
            <p className="hint" id="new-label-hint">
              {t("drafts.field.labelHint")}
            </p>
            {err("label") ? (
              <p className="error" id="new-label-error">
                {err("label")}
              </p>
            ) : null}
            <input
              type="text"
              id="new-label"
              name="label"
              required
              maxLength={120}
              defaultValue={values.label ?? ""}
              aria-invalid={err("label") ? true : undefined}
              aria-describedby={["new-label-hint", err("label") ? "new-label-error" : ""].filter(Boolean).join(" ")}
            />
          </div>
          <div className="field">
            <label htmlFor="new-date">{t("drafts.field.versionDate")}</label>
            {err("versionDate") ? (
              <p className="error" id="new-date-error">
                {err("versionDate")}
              </p>
            ) : null}
            <input
              type="date"
              id="new-date"
              name="versionDate"
              required
              defaultValue={values.versionDate ?? today}
              aria-invalid={err("versionDate") ? true : undefined}
              aria-describedby={err("versionDate") ? "new-date-error" : undefined}
            />
          </div>
          <div className="field">
            <label htmlFor="new-notes">{t("drafts.field.notes")}</label>
            <textarea id="new-notes" name="notes" rows={3} maxLength={4000} defaultValue={values.notes ?? ""} />
          </div>
          <button type="submit" className="btn">
            {t("drafts.new.submit")}
          </button>
        </Form>
      </section>
    </>
  );
}
