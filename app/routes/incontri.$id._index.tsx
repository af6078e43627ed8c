import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { getUser, requirePermission } from "~/domain/accounts/session.server";
import { can } from "~/domain/accounts/permissions";
import { cancelRegistration, register, registrationPanel } from "~/domain/meetings/registrations.server";
import { refusalKey, refusalStatus, type Refusal } from "~/domain/meetings/registration-rules";
import { panelSchema } from "~/domain/meetings/registration-schemas";
import { refusalText } from "~/components/registrations/refusal";
import { formError, invariantFound } from "~/lib/http.server";
import { formValues, parseForm } from "~/lib/forms";
import { formatNumber, translateLoose, type MessageKey } from "~/i18n";
import { useLang, useT } from "~/i18n/react";
import styles from "~/styles/registrations.css";

// The registration panel: the index child of the meeting page (incontri.$id.tsx renders it in its <Outlet/>).
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

function meetingId(request: Request, params: LoaderFunctionArgs["params"]) {
  const id = Number(params.id);
  invariantFound(Number.isInteger(id) && id > 0, request, "errors.notFound.meeting");
  return id;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = meetingId(request, params);
  const user = await getUser(request);
  const panel = await registrationPanel({ meetingId: id, userId: user?.id ?? null });
  invariantFound(panel, request, "errors.notFound.meeting");
  return {
    ...panel,
    canManage: can(user, "registration.manage"),
    canInvite: can(user, "invitation.manage") && panel.meeting.kind === "conferenza_istruttoria",
  };
}

function refused(values: Record<string, unknown>, refusal: Refusal) {
  return data({ ok: false as const, values, errors: { form: refusalKey(refusal.reason) } as Record<string, string>, refusal }, { status: refusalStatus(refusal.reason) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const id = meetingId(request, params);
  const user = await requirePermission(request, "registration.create");
  const values = formValues(await request.formData());
  const parsed = parseForm(panelSchema, values);
  if (!parsed.success) return formError(values, parsed.errors);
  if (parsed.data.intent === "register") {
    const { choice } = parsed.data;
    const result = await register({ userId: user.id, meetingId: id, organizationId: choice === "self" ? null : choice });
    if (!result.ok) return refused(values, result.refusal);
    return redirect(`/incontri/${id}?ok=${result.registration.status}`);
  }
  const result = await cancelRegistration({ registrationId: parsed.data.registrationId, userId: user.id });
  if (!result.ok) return refused(values, result.refusal);
  return redirect(`/incontri/${id}?ok=cancelled`);
}

const NOTICES: Record<string, MessageKey> = {
  confirmed: "registration.ok.confirmed",
  waitlisted: "registration.ok.waitlisted",
  cancelled: "registration.ok.cancelled",
};

export default function RegistrationPanel() {
  const panel = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const lang = useLang();
  const [params] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  const { meeting, seats, closed, mine } = panel;
  const notice = NOTICES[params.get("ok") ?? ""];
  const errors = (result?.errors ?? {}) as Record<string, string>;
  const values = (result?.values ?? {}) as Record<string, string>;
  const failure = result && "refusal" in result && result.refusal ? refusalText(t, lang, result.refusal) : errors.form || errors.choice ? translateLoose(t, errors.form ?? errors.choice) : null;
  const allowed = panel.choices.filter((c) => c.allowed);
  const notAllowed = panel.choices.filter((c) => !c.allowed);
  const full = seats.left === 0;
  const capacity = (c: string) => t(`registration.capacity.${c}` as MessageKey);
  const loginTo = `/accedi?redirectTo=${encodeURIComponent(`/incontri/${meeting.id}`)}`;
  const checked = values.choice ?? (allowed.length === 1 ? String(allowed[0].organizationId ?? "self") : undefined);

  return (
    <section className="registration-panel" aria-labelledby="registration-title">
      <h2 id="registration-title">{t("registration.title")}</h2>
      {notice ? (
        <div className="alert alert-success" role="status">
          {t(notice)}
        </div>
      ) : null}
      {failure ? (
        <div className="alert alert-danger" role="alert">
          <p>
            <strong>{t("registration.failed")}</strong> {failure}
          </p>
        </div>
      ) : null}
      <p>
        {seats.capacity == null
          ? t("registration.seatsUnlimited")
          : t("registration.seats", { capacity: formatNumber(lang, seats.capacity), left: formatNumber(lang, seats.left ?? 0) })}{" "}
        {seats.waitlisted > 0 ? t("registration.waitlistLength", { count: formatNumber(lang, seats.waitlisted) }) : null}
      </p>
      {panel.invited.length ? <p>{t("registration.invited", { organizations: panel.invited.join(", ") })}</p> : null}

      {mine ? (
        <>
          <p className={`alert ${mine.status === "confirmed" ? "alert-success" : "alert-warning"}`}>
            {mine.status === "confirmed"
              ? mine.organizationName
                ? t("registration.mineConfirmedFor", { organization: mine.organizationName, capacity: capacity(mine.capacity) })
                : t("registration.mineConfirmed", { capacity: capacity(mine.capacity) })
              : mine.organizationName
                ? t("registration.mineWaitlistedFor", { organization: mine.organizationName, position: mine.position ?? "?" })
                : t("registration.mineWaitlisted", { position: mine.position ?? "?" })}
          </p>
          {mine.canCancel ? (
            <Form method="post" preventScrollReset>
              <input type="hidden" name="intent" value="cancel" />
              <input type="hidden" name="registrationId" value={mine.id} />
              <p className="muted">{t("registration.cancelHint")}</p>
              <button type="submit" className="btn btn-outline" disabled={busy}>
                {t("registration.cancel")}
              </button>
            </Form>
          ) : (
            <p className="muted">{t("registration.refusal.cancel_after_start")}</p>
          )}
        </>
      ) : closed ? (
        <p>{refusalText(t, lang, closed)}</p>
      ) : !panel.signedIn ? (
        <>
          <p>
            <Link to={loginTo} className="btn">
              {t("registration.loginToRegister")}
            </Link>
          </p>
          <p>
            {t("registration.noAccount")} <Link to="/registrati">{t("registration.registerLink")}</Link>
          </p>
        </>
      ) : (
        <>
          {full ? <p>{t("registration.seatsFull")}</p> : null}
          {allowed.length ? (
            <Form method="post" preventScrollReset noValidate>
              <input type="hidden" name="intent" value="register" />
              <fieldset aria-describedby={errors.choice ? "choice-error" : undefined}>
                <legend>{t("registration.chooseLegend")}</legend>
                {errors.choice ? (
                  <p className="error" id="choice-error">
                    {translateLoose(t, errors.choice)}
                  </p>
                ) : null}
                {allowed.map((c) => {
                  const value = String(c.organizationId ?? "self");
                  return (
                    <div className="radio" key={value}>
                      <input type="radio" id={`choice-${value}`} name="choice" value={value} defaultChecked={checked === value} />
                      <label htmlFor={`choice-${value}`}>
                        {c.organizationName ?? t("registration.ownName")} — {c.allowed ? capacity(c.capacity) : null}
                      </label>
                    </div>
                  );
                })}
              </fieldset>
              <button type="submit" className="btn" disabled={busy}>
                {full ? t("registration.submitWaitlist") : t("registration.submit")}
              </button>
            </Form>
          ) : (
            <p>{t("registration.nothingAllowed")}</p>
          )}
          {notAllowed.length ? (
            <>
              <h3>{t("registration.notPossible")}</h3>
              <ul className="refusals">
                {notAllowed.map((c) => (
                  <li key={String(c.organizationId ?? "self")}>
                    <strong>{c.organizationName ?? t("registration.ownName")}</strong>: {c.allowed ? null : refusalText(t, lang, c.refusal)}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      )}

      {panel.canManage || panel.canInvite ? (
        <p className="actions">
          {panel.canManage ? <Link to={`/gestione/incontri/${meeting.id}/iscrizioni`}>{t("registration.staffManage")}</Link> : null}
          {panel.canInvite ? <Link to={`/gestione/incontri/${meeting.id}/inviti`}>{t("registration.staffInvitations")}</Link> : null}
        </p>
      ) : null}
    </section>
  );
}
