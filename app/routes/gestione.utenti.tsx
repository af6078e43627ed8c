import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "~/lib/zod.server";
import { changeRoleSchema } from "~/domain/accounts/schemas";
import { requirePermission } from "~/domain/accounts/session.server";
import { changeRole, listUsers } from "~/domain/accounts/users.server";
import { endAllSessions } from "~/domain/accounts/session.server";
import { DomainError } from "~/lib/domain-error";
import { domainFormError, formError, invariantFound } from "~/lib/http.server";
import { formValues, parseForm } from "~/lib/forms";
import { translateLoose, type MessageKey } from "~/i18n";
import { useT } from "~/i18n/react";
import type { RouteHandle } from "~/lib/breadcrumb";
import { ROLES } from "~db/schema/enums";
import { Pagination } from "~/components/layout/Pagination";

export const handle: RouteHandle = { breadcrumb: { key: "staff.users" } };
export const meta: MetaFunction = () => [{ title: "Utenti e ruoli — Concerta" }];

const querySchema = () => z.object({
  q: z.string().trim().max(100).catch(""),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "user.list");
  const q = querySchema().parse(Object.fromEntries(new URL(request.url).searchParams));
  const result = await listUsers(q);
  return { q: q.q, ...result, rows: result.rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })) };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requirePermission(request, "user.changeRole");
  const values = formValues(await request.formData());
  const parsed = parseForm(changeRoleSchema, values);
  if (!parsed.success) return formError(values, parsed.errors);
  try {
    const ok = await changeRole(admin.id, parsed.data.userId, parsed.data.role);
    invariantFound(ok, request, "errors.notFound.user");
  } catch (error) {
    if (error instanceof DomainError) return domainFormError(error, values);
    throw error;
  }
  // New rights take effect at the next log-in; old sessions must not keep the old ones.
  if (parsed.data.userId !== admin.id) await endAllSessions(parsed.data.userId);
  const url = new URL(request.url);
  return redirect(`/gestione/utenti?ok=role${url.searchParams.get("q") ? `&q=${encodeURIComponent(url.searchParams.get("q")!)}` : ""}`);
}

export default function Users() {
  const { rows, q, page, pages, total } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const [params] = useSearchParams();
  const errors = (result?.errors ?? {}) as Record<string, string>;
  return (
    <>
      <h1>{t("staff.users")}</h1>
      {params.get("ok") === "role" ? (
        <div className="alert alert-success" role="status">
          {t("staff.roleChanged")}
        </div>
      ) : null}
      {Object.keys(errors).length ? (
        <div className="alert alert-danger" role="alert">
          {translateLoose(t, errors.form ?? Object.values(errors)[0])}
        </div>
      ) : null}
      <Form method="get" role="search" className="actions">
        <label htmlFor="q">{t("staff.search")}</label>
        <input type="search" id="q" name="q" defaultValue={q} />
        <button type="submit" className="btn btn-outline">
          {t("staff.searchSubmit")}
        </button>
      </Form>
      <table>
        <caption className="visually-hidden">{t("staff.users")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("account.name")}</th>
            <th scope="col">{t("account.email")}</th>
            <th scope="col">{t("account.role")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((u) => (
            <tr key={u.id}>
              <td>{u.name}</td>
              <td>{u.email}</td>
              <td>
                <Form method="post" className="actions">
                  <input type="hidden" name="userId" value={u.id} />
                  <label htmlFor={`role-${u.id}`} className="visually-hidden">
                    {t("staff.changeRole")}: {u.name}
                  </label>
                  <select id={`role-${u.id}`} name="role" defaultValue={u.role}>
                    {ROLES.map((r) => (
                      <option key={r} value={r}>
                        {t(`role.${r}` as MessageKey)}
                      </option>
                    ))}
                  </select>
                  <button type="submit" className="btn btn-outline">
                    {t("staff.changeRole")}
                  </button>
                </Form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pagination page={page} pages={pages} total={total} omit={["ok"]} />
    </>
  );
}
