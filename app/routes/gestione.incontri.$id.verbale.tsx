import type { ReactNode } from "react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "~/lib/zod.server";
import { requirePermission } from "~/domain/accounts/session.server";
import { listOrganizations } from "~/domain/accounts/organizations.server";
import { listZonesWithComuni } from "~/domain/territory/territory.server";
import { closeMeeting, getMeetingDetail, meetingOptions, saveMinutes } from "~/domain/meetings/meetings.server";
import { contributionsOfMeeting, createOnBehalf } from "~/domain/contributions/on-behalf.server";
import { minutesSchema, onBehalfSchema } from "~/domain/meetings/schemas";
import { Field, FormErrorSummary } from "~/components/form/Field";
import { StatusBadge } from "~/components/meetings/MeetingBits";
import { DomainError } from "~/lib/domain-error";
import { fieldErrorsOf, formValues, parseForm } from "~/lib/forms";
import { invariantFound } from "~/lib/http.server";
import { translateLoose, type MessageKey, type Translate } from "~/i18n";
import { metaTranslator } from "~/i18n/meta";
import { useT } from "~/i18n/react";
import type { RouteHandle } from "~/lib/breadcrumb";
import { CONTRIBUTION_KINDS, ORGANIZATION_KINDS } from "~db/schema/enums";

export const handle: RouteHandle = { breadcrumb: { key: "meetings.minutes.crumb" } };
export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) => {
  const t = metaTranslator(matches);
  return [{ title: d ? `${t("meetings.minutes.title", { title: d.meeting.title })} — Concerta` : `${t("errors.title")} — Concerta` }];
};

function meetingId(request: Request, params: LoaderFunctionArgs["params"]) {
  const id = Number(params.id);
  invariantFound(Number.isInteger(id) && id >= 1, request, "errors.notFound.meeting");
  return id;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "meeting.manage");
  const id = meetingId(request, params);
  const meeting = await getMeetingDetail(id);
  invariantFound(meeting, request, "errors.notFound.meeting");
  const [organizations, zones, options, contributions] = await Promise.all([listOrganizations(), listZonesWithComuni(), meetingOptions(), contributionsOfMeeting(id)]);
  const collator = new Intl.Collator("it", { sensitivity: "base" });
  return {
    meeting: { id: meeting.id, title: meeting.title, status: meeting.status, minutes: meeting.minutes ?? "", attendeesCount: meeting.attendeesCount },
    organizations: organizations.map((o) => ({ id: o.id, name: o.name, kind: o.kind })),
    comuni: zones.flatMap((z) => z.comuni).sort((a, b) => collator.compare(a.name, b.name)),
    strategies: options.strategies,
    contributions: contributions.map((c) => ({ id: c.id, kind: c.kind, title: c.title, body: c.body, organizationName: c.organizationName, comuneName: c.comuneName, strategyCode: c.strategyCode })),
  };
}

type Panel = "minutes" | "contribution";
function failed(panel: Panel, status: number, errors: Record<string, string>, values: Record<string, string | string[]>) {
  return data({ panel, errors, values }, { status });
}

const intentSchema = () => z.object({ intent: z.enum(["saveMinutes", "close", "contribution"]) });

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "meeting.manage");
  const id = meetingId(request, params);
  const values = formValues(await request.formData());
  const intent = intentSchema().safeParse(values);
  if (!intent.success) return failed("minutes", 400, { form: "errors.unknownIntent" }, values);

  if (intent.data.intent === "contribution") {
    const parsed = parseForm(onBehalfSchema, values);
    if (!parsed.success) return failed("contribution", 400, parsed.errors, values);
    try {
      const created = await createOnBehalf(user.id, id, parsed.data);
      invariantFound(created !== null, request, "errors.notFound.meeting");
    } catch (error) {
      if (error instanceof DomainError) return failed("contribution", error.status, fieldErrorsOf(error), values);
      throw error;
    }
    return redirect(`/gestione/incontri/${id}/verbale?ok=contribution#contributi`);
  }

  const parsed = parseForm(minutesSchema, values);
  if (!parsed.success) return failed("minutes", 400, parsed.errors, values);
  try {
    const input = { minutes: parsed.data.minutes, attendeesCount: parsed.data.attendeesCount ?? null };
    const done = intent.data.intent === "close" ? await closeMeeting(user.id, id, input) : await saveMinutes(user.id, id, input);
    invariantFound(done, request, "errors.notFound.meeting");
  } catch (error) {
    if (error instanceof DomainError) return failed("minutes", error.status, fieldErrorsOf(error), values);
    throw error;
  }
  return redirect(`/gestione/incontri/${id}/verbale?ok=${intent.data.intent === "close" ? "closed" : "saved"}`);
}

const NOTICES: Record<string, MessageKey> = {
  saved: "meetings.minutes.saved",
  closed: "meetings.minutes.closed",
  contribution: "meetings.onBehalf.added",
};

function Select({
  name,
  label,
  hint,
  error,
  t,
  children,
  defaultValue,
  optional,
}: {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  t: Translate;
  children: ReactNode;
  defaultValue: string;
  optional?: boolean;
}) {
  const id = `f-${name}`;
  const described = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {optional ? <span className="muted"> ({t("common.optional")})</span> : null}
      </label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="error" id={`${id}-error`}>
          {translateLoose(t, error)}
        </p>
      ) : null}
      <select id={id} name={name} defaultValue={defaultValue} aria-invalid={error ? true : undefined} aria-describedby={described}>
        {children}
      </select>
    </div>
  );
}

export default function MeetingMinutes() {
  const { meeting, organizations, comuni, strategies, contributions } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const [params] = useSearchParams();
  const notice = NOTICES[params.get("ok") ?? ""];
  const held = meeting.status === "held" || meeting.status === "closed";
  const minutesErrors = result?.panel === "minutes" ? (result.errors as Record<string, string>) : {};
  const minutesValues = result?.panel === "minutes" ? (result.values as Record<string, string>) : null;
  const cErrors = result?.panel === "contribution" ? (result.errors as Record<string, string>) : {};
  const cValues = result?.panel === "contribution" ? (result.values as Record<string, string>) : {};

  return (
    <>
      <h1>{t("meetings.minutes.title", { title: meeting.title })}</h1>
      {notice ? (
        <div className="alert alert-success" role="status">
          {t(notice)}
        </div>
      ) : null}
      <p>
        {t("meetings.actions.current")} <StatusBadge t={t} status={meeting.status} />
      </p>
      <p className="actions">
        <Link to={`/gestione/incontri/${meeting.id}`}>{t("meetings.minutes.back")}</Link>
        <Link to={`/incontri/${meeting.id}`}>{t("meetings.staff.publicPage")}</Link>
      </p>

      {!held ? (
        <p className="alert alert-warning">{t("meetings.minutes.notHeld")}</p>
      ) : (
        <div className="staff-meeting-grid">
          <section aria-labelledby="minutes-title">
            <h2 id="minutes-title">{t("meetings.minutes.text")}</h2>
            <p>{meeting.status === "closed" ? t("meetings.minutes.published") : t("meetings.minutes.intro")}</p>
            {minutesErrors.form ? (
              <div className="alert alert-danger" role="alert">
                {translateLoose(t, minutesErrors.form)}
              </div>
            ) : (
              <FormErrorSummary message={t("common.formHasErrors")} errors={Object.keys(minutesErrors).length ? minutesErrors : null} />
            )}
            <Form method="post" aria-labelledby="minutes-title" noValidate>
              <div className="field">
                <label htmlFor="f-minutes">{t("meetings.minutes.text")}</label>
                <p className="hint" id="f-minutes-hint">
                  {t("meetings.minutes.textHint")}
                </p>
                {minutesErrors.minutes ? (
                  <p className="error" id="f-minutes-error">
                    {translateLoose(t, minutesErrors.minutes)}
                  </p>
                ) : null}
                <textarea
                  id="f-minutes"
                  name="minutes"
                  rows={14}
                  className="markdown"
                  defaultValue={minutesValues?.minutes ?? meeting.minutes}
                  aria-invalid={minutesErrors.minutes ? true : undefined}
                  aria-describedby={["f-minutes-hint", minutesErrors.minutes ? "f-minutes-error" : ""].filter(Boolean).join(" ")}
                />
              </div>
              <Field
                type="text"
                name="attendeesCount"
                inputMode="numeric"
                label={t("meetings.minutes.attendees")}
                defaultValue={minutesValues?.attendeesCount ?? (meeting.attendeesCount == null ? "" : String(meeting.attendeesCount))}
                error={minutesErrors.attendeesCount ? translateLoose(t, minutesErrors.attendeesCount) : null}
              />
              <div className="actions">
                <button type="submit" name="intent" value="saveMinutes" className="btn btn-outline">
                  {t("meetings.minutes.save")}
                </button>
                {meeting.status === "held" ? (
                  <button type="submit" name="intent" value="close" className="btn">
                    {t("meetings.minutes.close")}
                  </button>
                ) : null}
              </div>
            </Form>
          </section>

          <section aria-labelledby="contributi">
            <h2 id="contributi" tabIndex={-1}>
              {t("meetings.onBehalf.heading")}
            </h2>
            <p>{t("meetings.onBehalf.intro")}</p>
            {cErrors.form ? (
              <div className="alert alert-danger" role="alert">
                {translateLoose(t, cErrors.form)}
              </div>
            ) : (
              <FormErrorSummary message={t("common.formHasErrors")} errors={Object.keys(cErrors).length ? cErrors : null} />
            )}
            <Form method="post" aria-labelledby="contributi" noValidate className="panel">
              <input type="hidden" name="intent" value="contribution" />
              <Select name="organizationId" label={t("meetings.onBehalf.organization")} error={cErrors.organizationId} t={t} defaultValue={cValues.organizationId ?? ""}>
                <option value="">{t("meetings.onBehalf.choose")}</option>
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
              </Select>
              <Select
                name="comuneIstat"
                label={t("meetings.onBehalf.comune")}
                hint={t("meetings.onBehalf.comuneHint")}
                error={cErrors.comuneIstat}
                t={t}
                defaultValue={cValues.comuneIstat ?? ""}
                optional
              >
                <option value="">{t("meetings.onBehalf.comuneNone")}</option>
                {comuni.map((c) => (
                  <option key={c.istat} value={c.istat}>
                    {c.name}
                  </option>
                ))}
              </Select>
              <Select name="kind" label={t("meetings.onBehalf.kind")} error={cErrors.kind} t={t} defaultValue={cValues.kind ?? "osservazione"}>
                {CONTRIBUTION_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`meetings.contributionKind.${k}` as MessageKey)}
                  </option>
                ))}
              </Select>
              <Select name="strategyCode" label={t("meetings.onBehalf.strategy")} error={cErrors.strategyCode} t={t} defaultValue={cValues.strategyCode ?? ""} optional>
                <option value="">{t("meetings.onBehalf.strategyNone")}</option>
                {strategies.map((s) => (
                  <option key={s.code} value={s.code}>
                    STTM {s.number}
                  </option>
                ))}
              </Select>
              <Field
                type="text"
                name="title"
                id="f-contribution-title"
                label={t("meetings.onBehalf.titleLabel")}
                maxLength={200}
                required
                requiredLabel={t("common.required")}
                defaultValue={cValues.title ?? ""}
                error={cErrors.title ? translateLoose(t, cErrors.title) : null}
              />
              <div className="field">
                <label htmlFor="f-body">
                  {t("meetings.onBehalf.body")} <span className="muted">({t("common.required")})</span>
                </label>
                <p className="hint" id="f-body-hint">
                  {t("meetings.onBehalf.bodyHint")}
                </p>
                {cErrors.body ? (
                  <p className="error" id="f-body-error">
                    {translateLoose(t, cErrors.body)}
                  </p>
                ) : null}
                <textarea
                  id="f-body"
                  name="body"
                  rows={6}
                  maxLength={10000}
                  required
                  defaultValue={cValues.body ?? ""}
                  aria-invalid={cErrors.body ? true : undefined}
                  aria-describedby={["f-body-hint", cErrors.body ? "f-body-error" : ""].filter(Boolean).join(" ")}
                />
              </div>
              <button type="submit" className="btn">
                {t("meetings.onBehalf.submit")}
              </button>
            </Form>

            <h3 id="entered-title">{t("meetings.onBehalf.list")}</h3>
            {contributions.length === 0 ? (
              <p>{t("meetings.onBehalf.none")}</p>
            ) : (
              <ul className="contributions-list" aria-labelledby="entered-title">
                {contributions.map((c) => (
                  <li key={c.id}>
                    <span className="badge">{t(`meetings.contributionKind.${c.kind}` as MessageKey)}</span>
                    <h4>{c.title}</h4>
                    <p className="who">
                      {c.organizationName}
                      {c.comuneName ? ` — ${c.comuneName}` : ""}
                    </p>
                    <p className="pre-line">{c.body}</p>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      )}
    </>
  );
}
