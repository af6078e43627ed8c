import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { requirePermission } from "~/domain/accounts/session.server";
import { invitableOrganizations, invite, inviteAllComuni, listInvitations, withdrawInvitation } from "~/domain/meetings/invitations.server";
import { meetingSummary } from "~/domain/meetings/registration-lists.server";
import { refusalKey, refusalStatus, type Refusal } from "~/domain/meetings/registration-rules";
import { invitationsSchema } from "~/domain/meetings/registration-schemas";
import { refusalText } from "~/components/registrations/refusal";
import { formError, invariantFound } from "~/lib/http.server";
import { formValues, parseForm } from "~/lib/forms";
import { formatDate, formatNumber, translateLoose, type MessageKey } from "~/i18n";
import { useLang, useT } from "~/i18n/react";
import type { RouteHandle } from "~/lib/breadcrumb";
import { ORGANIZATION_KINDS } from "~db/schema/enums";
import styles from "~/styles/registrations.css";

// Staff: invitations to a conferenza istruttoria (all comuni at once, plus chosen organizations).
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const handle: RouteHandle = { breadcrumb: { key: "invitations.title" } };
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Inviti — ${data?.meeting.title ?? ""} — Concerta` }];

function meetingId(request: Request, params: LoaderFunctionArgs["params"]) {
  const id = Number(params.id);
  invariantFound(Number.isInteger(id) && id > 0, request, "errors.notFound.meeting");
  return id;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "invitation.manage");
  const id = meetingId(request, params);
  const meeting = await meetingSummary(id);
  invariantFound(meeting, request, "errors.notFound.meeting");
  const applies = meeting.kind === "conferenza_istruttoria";
  const [invited, invitable] = applies ? await Promise.all([listInvitations(id), invitableOrganizations(id)]) : [[], []];
  return { meeting, applies, invited, invitable };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requirePermission(request, "invitation.manage");
  const id = meetingId(request, params);
  const values = formValues(await request.formData());
  const parsed = parseForm(invitationsSchema, values);
  if (!parsed.success) return formError(values, parsed.errors);
  const input = parsed.data;
  const result =
    input.intent === "inviteAll"
      ? await inviteAllComuni({ meetingId: id, staffId: staff.id })
      : input.intent === "invite"
        ? await invite({ meetingId: id, organizationIds: [input.organizationId], staffId: staff.id })
        : await withdrawInvitation({ meetingId: id, organizationId: input.organizationId, staffId: staff.id });
  if (!result.ok) {
    return data(
      { ok: false as const, values, errors: { form: refusalKey(result.refusal.reason) } as Record<string, string>, refusal: result.refusal },
      { status: refusalStatus(result.refusal.reason) },
    );
  }
  const ok = input.intent === "inviteAll" ? `all&count=${result.added}` : input.intent === "invite" ? "added" : "withdrawn";
  return redirect(`/gestione/incontri/${id}/inviti?ok=${ok}`);
}

export default function Invitations() {
  const { meeting, applies, invited, invitable } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const lang = useLang();
  const [params] = useSearchParams();
  const ok = params.get("ok");
  const errors = (result?.errors ?? {}) as Record<string, string>;
  const values = (result?.values ?? {}) as Record<string, string>;
  const failure = result && "refusal" in result && result.refusal ? refusalText(t, lang, result.refusal as Refusal) : null;
  const fieldError = errors.organizationId ? translateLoose(t, errors.organizationId) : !failure && errors.form ? translateLoose(t, errors.form) : null;
  const notice =
    ok === "all"
      ? t("invitations.ok.all", { count: formatNumber(lang, Number(params.get("count") ?? 0)) })
      : ok === "added"
        ? t("invitations.ok.added")
        : ok === "withdrawn"
          ? t("invitations.ok.withdrawn")
          : null;

  return (
    <>
      <h1>
        {t("invitations.title")}: {meeting.title}
      </h1>
      <p>
        <time dateTime={new Date(meeting.startsAt).toISOString()}>{formatDate(lang, meeting.startsAt, { dateStyle: "full", timeStyle: "short" })}</time>
      </p>
      <p className="actions">
        <Link to={`/incontri/${meeting.id}`}>{t("staffRegistrations.meetingPage")}</Link>
        <Link to={`/gestione/incontri/${meeting.id}/iscrizioni`}>{t("staffRegistrations.title")}</Link>
      </p>
      {notice ? (
        <div className="alert alert-success" role="status">
          {notice}
        </div>
      ) : null}
      {failure ? (
        <div className="alert alert-danger" role="alert">
          {failure}
        </div>
      ) : null}
      {!applies ? (
        <p className="alert alert-warning">{t("registration.refusal.invitations_only_conferenza")}</p>
      ) : (
        <>
          <p>{t("invitations.intro")}</p>
          <Form method="post" className="form">
            <input type="hidden" name="intent" value="inviteAll" />
            <p className="muted" id="invite-all-hint">
              {t("invitations.inviteAllHint")}
            </p>
            <button type="submit" className="btn" aria-describedby="invite-all-hint">
              {t("invitations.inviteAll")}
            </button>
          </Form>
          <Form method="post" className="form" noValidate>
            <input type="hidden" name="intent" value="invite" />
            <div className="field">
              <label htmlFor="f-organizationId">{t("invitations.organization")}</label>
              {fieldError ? (
                <p className="error" id="organizationId-error">
                  {fieldError}
                </p>
              ) : null}
              <select
                id="f-organizationId"
                name="organizationId"
                defaultValue={values.organizationId ?? ""}
                aria-invalid={fieldError ? true : undefined}
                aria-describedby={fieldError ? "organizationId-error" : undefined}
              >
                <option value="">{t("invitations.choose")}</option>
                {ORGANIZATION_KINDS.map((kind) => {
                  const group = invitable.filter((o) => o.kind === kind);
                  if (!group.length) return null;
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
            <button type="submit" className="btn btn-outline">
              {t("invitations.add")}
            </button>
          </Form>

          <h2>{t("invitations.list", { count: formatNumber(lang, invited.length) })}</h2>
          {invited.length === 0 ? (
            <p>{t("invitations.none")}</p>
          ) : (
            <table>
              <caption className="visually-hidden">{t("invitations.list", { count: formatNumber(lang, invited.length) })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("membership.organization")}</th>
                  <th scope="col">{t("invitations.kind")}</th>
                  <th scope="col">{t("invitations.zone")}</th>
                  <th scope="col">{t("invitations.invitedAt")}</th>
                  <th scope="col">{t("invitations.registration")}</th>
                  <th scope="col">{t("staffRegistrations.actions")}</th>
                </tr>
              </thead>
              <tbody>
                {invited.map((o) => (
                  <tr key={o.organizationId}>
                    <th scope="row">{o.name}</th>
                    <td>{t(`orgKind.${o.kind}` as MessageKey)}</td>
                    <td>{o.zoneName ?? "—"}</td>
                    <td>{formatDate(lang, o.invitedAt, { dateStyle: "short" })}</td>
                    <td>{o.registered ? t("invitations.registered") : t("invitations.notRegistered")}</td>
                    <td>
                      <Form method="post" className="inline">
                        <input type="hidden" name="intent" value="withdraw" />
                        <input type="hidden" name="organizationId" value={o.organizationId} />
                        <button type="submit" className="btn btn-outline btn-small" aria-label={t("invitations.withdrawFor", { name: o.name })}>
                          {t("invitations.withdraw")}
                        </button>
                      </Form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </>
  );
}
