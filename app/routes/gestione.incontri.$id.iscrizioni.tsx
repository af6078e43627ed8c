import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { requirePermission } from "~/domain/accounts/session.server";
import { cancelRegistrationAsStaff, markAttendance } from "~/domain/meetings/registrations.server";
import { listRegistrations, meetingSummary, missingComuni, registrationCounts } from "~/domain/meetings/registration-lists.server";
import { REGISTRATION_FILTERS, refusalKey, refusalStatus, type Refusal } from "~/domain/meetings/registration-rules";
import { staffListQuery, staffRegistrationsSchema } from "~/domain/meetings/registration-schemas";
import { refusalText } from "~/components/registrations/refusal";
import { formError, invariantFound } from "~/lib/http.server";
import { formValues, parseForm } from "~/lib/forms";
import { formatDate, formatNumber, translateLoose, type MessageKey } from "~/i18n";
import { useLang, useT } from "~/i18n/react";
import type { RouteHandle } from "~/lib/breadcrumb";
import styles from "~/styles/registrations.css";
import { Pagination } from "~/components/layout/Pagination";

// Staff: the registrations of one meeting (nested in the staff meeting layout, gestione.incontri.$id.tsx).
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const handle: RouteHandle = { breadcrumb: { key: "staffRegistrations.title" } };
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Iscrizioni — ${data?.meeting.title ?? ""} — Concerta` }];

function meetingId(request: Request, params: LoaderFunctionArgs["params"]) {
  const id = Number(params.id);
  invariantFound(Number.isInteger(id) && id > 0, request, "errors.notFound.meeting");
  return id;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "registration.manage");
  const id = meetingId(request, params);
  const meeting = await meetingSummary(id);
  invariantFound(meeting, request, "errors.notFound.meeting");
  const q = staffListQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [list, counts, missing] = await Promise.all([listRegistrations(id, q), registrationCounts(id), missingComuni(id)]);
  return { meeting, list, counts, missing, isTable: meeting.kind === "tavolo_territoriale" && Boolean(meeting.zoneId) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requirePermission(request, "registration.manage");
  const id = meetingId(request, params);
  const values = formValues(await request.formData());
  const parsed = parseForm(staffRegistrationsSchema, values);
  if (!parsed.success) return formError(values, parsed.errors);
  const input = parsed.data;
  const result =
    input.intent === "attendance"
      ? await markAttendance({ registrationId: input.registrationId, attended: input.attended === "yes", staffId: staff.id, meetingId: id })
      : await cancelRegistrationAsStaff({ registrationId: input.registrationId, staffId: staff.id, meetingId: id });
  if (!result.ok) {
    return data(
      { ok: false as const, values, errors: { form: refusalKey(result.refusal.reason) } as Record<string, string>, refusal: result.refusal },
      { status: refusalStatus(result.refusal.reason) },
    );
  }
  // Back to the same page of the list, with its filter.
  const url = new URL(request.url);
  const back = new URLSearchParams(url.searchParams);
  back.delete("index");
  back.set("ok", input.intent === "attendance" ? "attendance" : "cancelled");
  return redirect(`${url.pathname}?${back}#r${input.registrationId}`);
}

const NOTICES: Record<string, MessageKey> = {
  attendance: "staffRegistrations.ok.attendance",
  cancelled: "staffRegistrations.ok.cancelled",
};

export default function StaffRegistrations() {
  const { meeting, list, counts, missing, isTable } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const lang = useLang();
  const [params] = useSearchParams();
  const notice = NOTICES[params.get("ok") ?? ""];
  const errors = (result?.errors ?? {}) as Record<string, string>;
  const failure = result && "refusal" in result && result.refusal ? refusalText(t, lang, result.refusal as Refusal) : errors.form || Object.keys(errors).length ? translateLoose(t, errors.form ?? Object.values(errors)[0]) : null;
  const n = (x: number) => formatNumber(lang, x);
  const kindLabel = (kind: string) => (kind === "person" ? t("staffRegistrations.kindPerson") : t(`orgKind.${kind}` as MessageKey));

  return (
    <>
      <h1>
        {t("staffRegistrations.title")}: {meeting.title}
      </h1>
      <p>
        <time dateTime={new Date(meeting.startsAt).toISOString()}>{formatDate(lang, meeting.startsAt, { dateStyle: "full", timeStyle: "short" })}</time>
        {meeting.zoneName ? <> — {meeting.zoneName}</> : null}
        {meeting.capacity != null ? <> — {t("staffRegistrations.capacityLine", { capacity: n(meeting.capacity) })}</> : null}
      </p>
      <p className="actions">
        <Link to={`/incontri/${meeting.id}`}>{t("staffRegistrations.meetingPage")}</Link>
        <a href={`/gestione/incontri/${meeting.id}/iscrizioni.csv`} download>
          {t("staffRegistrations.csv")}
        </a>
        <a href={`/gestione/incontri/${meeting.id}/iscrizioni.csv?sep=%3B`} download>
          {t("staffRegistrations.csvSemicolon")}
        </a>
        {meeting.kind === "conferenza_istruttoria" ? <Link to={`/gestione/incontri/${meeting.id}/inviti`}>{t("invitations.title")}</Link> : null}
      </p>
      {notice ? (
        <div className="alert alert-success" role="status">
          {t(notice)}
        </div>
      ) : null}
      {failure ? (
        <div className="alert alert-danger" role="alert">
          {failure}
        </div>
      ) : null}

      <h2>{t("staffRegistrations.counts")}</h2>
      <p>
        <strong>
          {t("staffRegistrations.totals", { confirmed: n(counts.totals.confirmed), waitlisted: n(counts.totals.waitlisted), attended: n(counts.totals.attended) })}
        </strong>
      </p>
      <div className="count-tables">
        <table>
          <caption>{t("staffRegistrations.byKind")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("staffRegistrations.kindColumn")}</th>
              <th scope="col" className="num">
                {t("staffRegistrations.confirmed")}
              </th>
              <th scope="col" className="num">
                {t("staffRegistrations.waitlisted")}
              </th>
            </tr>
          </thead>
          <tbody>
            {counts.byKind.map((k) => (
              <tr key={k.kind}>
                <th scope="row">{kindLabel(k.kind)}</th>
                <td className="num">{n(k.confirmed)}</td>
                <td className="num">{n(k.waitlisted)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table>
          <caption>{t("staffRegistrations.byZone")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("staffRegistrations.zoneColumn")}</th>
              <th scope="col" className="num">
                {t("staffRegistrations.confirmed")}
              </th>
              <th scope="col" className="num">
                {t("staffRegistrations.waitlisted")}
              </th>
            </tr>
          </thead>
          <tbody>
            {counts.byZone.map((z) => (
              <tr key={z.zoneId ?? "none"}>
                <th scope="row">{z.zoneName ?? t("staffRegistrations.noZone")}</th>
                <td className="num">{n(z.confirmed)}</td>
                <td className="num">{n(z.waitlisted)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {isTable ? (
        <>
          <h2>{t("staffRegistrations.missing", { count: n(missing.length) })}</h2>
          {missing.length ? (
            <ul className="missing-comuni">
              {missing.map((c) => (
                <li key={c.istat}>{c.name}</li>
              ))}
            </ul>
          ) : (
            <p>{t("staffRegistrations.missingNone")}</p>
          )}
        </>
      ) : null}

      <h2>{t("staffRegistrations.list")}</h2>
      <Form method="get" className="actions">
        <label htmlFor="filter">{t("staffRegistrations.filter")}</label>
        <select id="filter" name="filter" defaultValue={list.filter}>
          {REGISTRATION_FILTERS.map((f) => (
            <option key={f} value={f}>
              {t(`staffRegistrations.filter.${f}` as MessageKey)}
            </option>
          ))}
        </select>
        <button type="submit" className="btn btn-outline">
          {t("staffRegistrations.show")}
        </button>
      </Form>
      {list.rows.length === 0 ? (
        <p>{t("staffRegistrations.empty")}</p>
      ) : (
        <table>
          <caption className="visually-hidden">{t("staffRegistrations.list")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("staffRegistrations.participant")}</th>
              <th scope="col">{t("staffRegistrations.capacity")}</th>
              <th scope="col">{t("staffRegistrations.status")}</th>
              <th scope="col">{t("staffRegistrations.createdAt")}</th>
              <th scope="col">{t("staffRegistrations.attendance")}</th>
              <th scope="col">{t("staffRegistrations.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {list.rows.map((r) => {
              const name = r.userName ?? t("staffRegistrations.deletedUser");
              return (
                <tr key={r.id} id={`r${r.id}`}>
                  <td>
                    <strong>{name}</strong>
                    {r.userEmail ? <div>{r.userEmail}</div> : null}
                    {r.organizationName ? (
                      <div>
                        {r.organizationName}
                        {r.zoneName ? <span className="muted"> ({r.zoneName})</span> : null}
                      </div>
                    ) : null}
                  </td>
                  <td>{t(`registration.capacity.${r.capacity}` as MessageKey)}</td>
                  <td>
                    {t(`registration.status.${r.status}` as MessageKey)}
                    {r.position ? <div className="muted">{t("registration.position", { position: r.position })}</div> : null}
                  </td>
                  <td>{formatDate(lang, r.createdAt, { dateStyle: "short", timeStyle: "short" })}</td>
                  <td>
                    {r.status === "confirmed" ? (
                      <Form method="post" preventScrollReset>
                        <input type="hidden" name="intent" value="attendance" />
                        <input type="hidden" name="registrationId" value={r.id} />
                        <div className="attendance" role="group" aria-label={t("staffRegistrations.attendanceFor", { name })}>
                          <button type="submit" name="attended" value="yes" className="btn btn-outline btn-small" aria-pressed={r.attended === true}>
                            {t("staffRegistrations.present")}
                          </button>
                          <button type="submit" name="attended" value="no" className="btn btn-outline btn-small" aria-pressed={r.attended === false}>
                            {t("staffRegistrations.absent")}
                          </button>
                        </div>
                      </Form>
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                  <td>
                    {r.status !== "cancelled" ? (
                      <Form
                        method="post"
                        preventScrollReset
                        onSubmit={(e) => {
                          if (!window.confirm(t("staffRegistrations.cancelFor", { name }) + "?")) e.preventDefault();
                        }}
                      >
                        <input type="hidden" name="intent" value="cancel" />
                        <input type="hidden" name="registrationId" value={r.id} />
                        <button type="submit" className="btn btn-outline btn-small" aria-label={t("staffRegistrations.cancelFor", { name })}>
                          {t("staffRegistrations.cancel")}
                        </button>
                      </Form>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <Pagination page={list.page} pages={list.pages} total={list.total} omit={["ok"]} />
    </>
  );
}
