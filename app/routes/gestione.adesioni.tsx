import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "~/lib/zod.server";
import { membershipDecisionSchema } from "~/domain/accounts/schemas";
import { requirePermission } from "~/domain/accounts/session.server";
import { decideMembership, membershipRequests } from "~/domain/accounts/organizations.server";
import { DomainError } from "~/lib/domain-error";
import { domainFormError, formError, invariantFound } from "~/lib/http.server";
import { formValues, parseForm } from "~/lib/forms";
import { formatDate, translateLoose, type MessageKey } from "~/i18n";
import { useLang, useT } from "~/i18n/react";
import type { RouteHandle } from "~/lib/breadcrumb";
import { MEMBERSHIP_STATUSES } from "~db/schema/enums";
import { Pagination } from "~/components/layout/Pagination";

export const handle: RouteHandle = { breadcrumb: { key: "staff.memberships" } };
export const meta: MetaFunction = () => [{ title: "Richieste di rappresentanza — Concerta" }];

const querySchema = () => z.object({
  status: z.enum(MEMBERSHIP_STATUSES).catch("pending"),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "membership.review");
  const q = querySchema().parse(Object.fromEntries(new URL(request.url).searchParams));
  const result = await membershipRequests(q);
  return {
    status: q.status,
    ...result,
    rows: result.rows.map((r) => ({ ...r, requestedAt: r.requestedAt.toISOString(), decidedAt: r.decidedAt?.toISOString() ?? null })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "membership.review");
  const values = formValues(await request.formData());
  const parsed = parseForm(membershipDecisionSchema, values);
  if (!parsed.success) return formError(values, parsed.errors);
  try {
    const done = await decideMembership({ actorId: user.id, ...parsed.data });
    invariantFound(done, request, "errors.notFound.request");
  } catch (error) {
    if (error instanceof DomainError) return domainFormError(error, values);
    throw error;
  }
  return redirect(`/gestione/adesioni?ok=${parsed.data.decision}`);
}

export default function MembershipRequests() {
  const { rows, status, page, pages, total } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const lang = useLang();
  const [params] = useSearchParams();
  const ok = params.get("ok");
  const errors = (result?.errors ?? {}) as Record<string, string>;
  return (
    <>
      <h1>{t("staff.memberships")}</h1>
      {ok === "approved" || ok === "refused" ? (
        <div className="alert alert-success" role="status">
          {t(ok === "approved" ? "staff.approved" : "staff.refused")}
        </div>
      ) : null}
      {Object.keys(errors).length ? (
        <div className="alert alert-danger" role="alert">
          {translateLoose(t, errors.form ?? Object.values(errors)[0])}
        </div>
      ) : null}
      <Form method="get" className="actions">
        <label htmlFor="status">{t("staff.showStatus")}</label>
        <select id="status" name="status" defaultValue={status}>
          {MEMBERSHIP_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`membership.status.${s}` as MessageKey)}
            </option>
          ))}
        </select>
        <button type="submit" className="btn btn-outline">
          {t("staff.searchSubmit")}
        </button>
      </Form>
      {rows.length === 0 ? (
        <p>{t("staff.noRequests")}</p>
      ) : (
        <table>
          <caption className="visually-hidden">{t("staff.memberships")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("staff.requester")}</th>
              <th scope="col">{t("membership.organization")}</th>
              <th scope="col">{t("staff.requestedAt")}</th>
              <th scope="col">{t("staff.decision")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>
                  <strong>{r.userName ?? "utente cancellato"}</strong>
                  {r.userEmail ? <div>{r.userEmail}</div> : null}
                  {r.position ? <div className="muted">{r.position}</div> : null}
                  {r.message ? <p>{r.message}</p> : null}
                </td>
                <td>
                  {r.organizationName} <span className="muted">({t(`orgKind.${r.organizationKind}` as MessageKey)})</span>
                </td>
                <td>{formatDate(lang, r.requestedAt, { dateStyle: "medium", timeStyle: "short" })}</td>
                <td>
                  {r.status === "pending" ? (
                    <Form method="post" aria-label={`${t("staff.decision")}: ${r.userName ?? ""} — ${r.organizationName}`}>
                      <input type="hidden" name="membershipId" value={r.id} />
                      <div className="field">
                        <label htmlFor={`note-${r.id}`}>{t("staff.note")}</label>
                        <input type="text" id={`note-${r.id}`} name="note" maxLength={500} />
                      </div>
                      <div className="actions">
                        <button type="submit" name="decision" value="approved" className="btn">
                          {t("staff.approve")}
                        </button>
                        <button type="submit" name="decision" value="refused" className="btn btn-outline">
                          {t("staff.refuse")}
                        </button>
                      </div>
                    </Form>
                  ) : (
                    <>
                      {t(`membership.status.${r.status}` as MessageKey)}
                      {r.decisionNote ? <div className="muted">{r.decisionNote}</div> : null}
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination page={page} pages={pages} total={total} omit={["ok"]} />
    </>
  );
}
