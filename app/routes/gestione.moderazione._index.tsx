import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useRef } from "react";
import { z } from "~/lib/zod.server";
import { can } from "~/domain/accounts/permissions";
import { requirePermission } from "~/domain/accounts/session.server";
import { decide, decideMany, ModerationError, revisionsOf, type ItemRef } from "~/domain/moderation/decide.server";
import { db } from "~/lib/db.server";
import { domainMessage } from "~/lib/domain-error";
import { getLang } from "~/lib/lang.server";
import { AGE_FILTERS, itemPath, MODERATED_KINDS, REJECT_REASONS, type ModeratedKind } from "~/domain/moderation/kinds";
import { listQueue } from "~/domain/moderation/queue.server";
import { deliverSoon } from "~/domain/notifications/outbox.server";
import { listStrategies } from "~/domain/plan/plan.server";
import { listZonesWithComuni } from "~/domain/territory/territory.server";
import { formatDate, isMessageKey, type MessageKey } from "~/i18n";
import { metaTranslator } from "~/i18n/meta";
import { useLang, useT } from "~/i18n/react";
import { formValues } from "~/lib/forms";
import { Pagination } from "~/components/layout/Pagination";

// The moderation queue: everything waiting, of every kind, oldest first; GET filters in the URL;
// checkboxes for bulk publish/reject (one transaction); per row, publish or open the item.

export const meta: MetaFunction = ({ matches }) => [{ title: `${metaTranslator(matches)("moderation.title")} — Concerta` }];

const querySchema = () =>
  z.object({
    tipo: z.enum(MODERATED_KINDS).optional().catch(undefined),
    sttm: z.string().regex(/^STTM\d$/).optional().catch(undefined),
    zona: z.string().max(60).optional().catch(undefined),
    eta: z.enum(AGE_FILTERS).optional().catch(undefined),
    segnalati: z.literal("1").optional().catch(undefined),
    page: z.coerce.number().int().min(1).max(100_000).catch(1),
  });

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "moderation.decide");
  const q = querySchema().parse(Object.fromEntries(new URL(request.url).searchParams));
  const [strategies, zones] = await Promise.all([listStrategies(), listZonesWithComuni()]);
  const result = listQueue({ kind: q.tipo, sttm: q.sttm, zone: q.zona, olderThanDays: q.eta ? Number(q.eta) : undefined, reported: q.segnalati === "1", page: q.page });
  return {
    filters: { tipo: q.tipo ?? "", sttm: q.sttm ?? "", zona: q.zona ?? "", eta: q.eta ?? "", segnalati: q.segnalati === "1" },
    strategies: strategies.map((s) => ({ code: s.code, number: s.number })),
    zones: zones.map((z) => ({ id: z.id, name: z.name })),
    canReadAudit: can(user, "moderation.audit"),
    ...result,
    // Each row carries the revision the moderator sees, so a bulk decision on a changed item is refused.
    rows: (() => {
      const revisions = revisionsOf(db, result.rows);
      return result.rows.map((r) => ({ ...r, waitingSince: r.waitingSince.toISOString(), revision: revisions.get(`${r.kind}:${r.id}`) ?? 0 }));
    })(),
  };
}

/** "contribution:12", or "contribution:12@345" with the revision the moderator saw. */
const refPattern = /^(contribution|contribution_comment|section_comment|amendment):(\d{1,10})(?:@(\d{1,15}))?$/;
function parseRef(value: string): { ref: ItemRef; seen?: number } | null {
  const m = refPattern.exec(value);
  return m ? { ref: { kind: m[1] as ModeratedKind, id: Number(m[2]) }, seen: m[3] === undefined ? undefined : Number(m[3]) } : null;
}
const refOnly = (value: string) => value.replace(/@\d+$/, "");

const actionSchema = () =>
  z.object({
    intent: z.enum(["publish", "reject"]).optional(),
    publishOne: z.string().regex(refPattern).optional(),
    reason: z.enum(REJECT_REASONS).optional().or(z.literal("").transform(() => undefined)),
    text: z.string().max(1000).optional().default(""),
    back: z.string().max(500).regex(/^(\?[^#]*)?$/).catch(""),
  });

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "moderation.decide");
  const values = formValues(await request.formData());
  const items = [values.item ?? []].flat().filter(Boolean);
  const single = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = actionSchema().safeParse(single);
  const fail = (key: MessageKey, status = 400, message: string | null = null) =>
    data({ ok: false as const, error: key, message, values: { items: items.map(refOnly), reason: single.reason ?? "", text: single.text ?? "" } }, { status });
  if (!parsed.success) return fail("errors.invalid");
  const input = parsed.data;
  const back = input.back;
  const join = (ok: string) => `/gestione/moderazione${back ? `${back}&` : "?"}${ok}`;
  try {
    if (input.publishOne) {
      const one = parseRef(input.publishOne)!;
      decide({ actorId: user.id, item: one.ref, decision: "publish", seen: one.seen });
      deliverSoon();
      return redirect(join("esito=published&n=1"));
    }
    if (!input.intent) return fail("errors.unknownIntent");
    const refs = items.map(parseRef);
    if (refs.some((r) => r === null)) return fail("errors.invalid");
    if (input.intent === "reject" && !input.reason) return fail("moderation.error.reasonRequired");
    const r = decideMany({
      actorId: user.id,
      decision: input.intent,
      items: refs as { ref: ItemRef; seen?: number }[],
      reason: input.reason ? { code: input.reason, text: input.text } : undefined,
    });
    deliverSoon();
    return redirect(join(`esito=${input.intent === "publish" ? "published" : "rejected"}&n=${r.count}`));
  } catch (error) {
    if (error instanceof ModerationError) return fail(error.key, error.status, domainMessage(error, await getLang(request)));
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------

export default function ModerationQueue() {
  const { rows, total, page, pages, filters, strategies, zones, canReadAudit } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const t = useT();
  const lang = useLang();
  const formRef = useRef<HTMLFormElement>(null);
  const esito = params.get("esito");
  const n = Number(params.get("n") ?? 0);
  const back = (() => {
    const p = new URLSearchParams(params);
    p.delete("esito");
    p.delete("n");
    const s = p.toString();
    return s ? `?${s}` : "";
  })();
  const selected = new Set(result && !result.ok ? result.values.items : []);
  const pageLink = (p: number) => {
    const q = new URLSearchParams(back.slice(1));
    q.set("page", String(p));
    return `?${q.toString()}`;
  };
  const toggleAll = (checked: boolean) => {
    formRef.current?.querySelectorAll<HTMLInputElement>('input[name="item"]').forEach((el) => (el.checked = checked));
  };

  return (
    <>
      <h1>{t("moderation.title")}</h1>
      <p>{t("moderation.intro")}</p>
      <ul className="moderation-links">
        <li>
          <Link to="/gestione/moderazione/carico">{t("moderation.workload.title")}</Link>
        </li>
        {canReadAudit ? (
          <li>
            <Link to="/gestione/registro">{t("moderation.audit.title")}</Link>
          </li>
        ) : null}
      </ul>

      {esito === "published" || esito === "rejected" ? (
        <div className="alert alert-success" role="status">
          <p>{t(esito === "published" ? "moderation.ok.published" : "moderation.ok.rejected", { count: n })}</p>
        </div>
      ) : null}
      {result && !result.ok ? (
        <div className="alert alert-danger" role="alert" id="queue-error">
          <p>{result.message ?? (isMessageKey(result.error) ? t(result.error) : t("errors.invalid"))}</p>
        </div>
      ) : null}

      <Form method="get" className="queue-filters" aria-label={t("moderation.filters.label")}>
        <div className="field">
          <label htmlFor="f-kind">{t("moderation.filters.kind")}</label>
          <select id="f-kind" name="tipo" defaultValue={filters.tipo}>
            <option value="">{t("moderation.filters.any")}</option>
            {MODERATED_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`moderation.kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-sttm">{t("moderation.filters.sttm")}</label>
          <select id="f-sttm" name="sttm" defaultValue={filters.sttm}>
            <option value="">{t("moderation.filters.any")}</option>
            {strategies.map((s) => (
              <option key={s.code} value={s.code}>
                {t("plan.sttmLabel", { number: s.number })}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-zone">{t("moderation.filters.zone")}</label>
          <select id="f-zone" name="zona" defaultValue={filters.zona}>
            <option value="">{t("moderation.filters.any")}</option>
            {zones.map((z) => (
              <option key={z.id} value={z.id}>
                {z.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-age">{t("moderation.filters.age")}</label>
          <select id="f-age" name="eta" defaultValue={filters.eta}>
            <option value="">{t("moderation.filters.any")}</option>
            {AGE_FILTERS.map((d) => (
              <option key={d} value={d}>
                {t("moderation.filters.olderThan", { days: d })}
              </option>
            ))}
          </select>
        </div>
        <div className="check">
          <input type="checkbox" id="f-reported" name="segnalati" value="1" defaultChecked={filters.segnalati} />
          <label htmlFor="f-reported">{t("moderation.filters.reported")}</label>
        </div>
        <button type="submit" className="btn btn-outline">
          {t("moderation.filters.submit")}
        </button>
      </Form>

      <p aria-live="polite">{t("moderation.count", { count: total })}</p>

      {rows.length === 0 ? (
        <p>{t("moderation.empty")}</p>
      ) : (
        <Form method="post" ref={formRef} aria-describedby={result && !result.ok ? "queue-error" : undefined}>
          <input type="hidden" name="back" value={back} />
          {/* Enter in a text field must not publish the first row: the form's default button is disabled. */}
          <button type="submit" disabled hidden aria-hidden="true" tabIndex={-1} />
          <table className="queue-table">
            <caption className="visually-hidden">{t("moderation.tableCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">
                  <input type="checkbox" id="select-all" onChange={(e) => toggleAll(e.currentTarget.checked)} />
                  <label htmlFor="select-all" className="visually-hidden">
                    {t("moderation.selectAll")}
                  </label>
                </th>
                <th scope="col">{t("moderation.col.item")}</th>
                <th scope="col">{t("moderation.col.state")}</th>
                <th scope="col">{t("moderation.col.waiting")}</th>
                <th scope="col">{t("moderation.col.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const ref = `${r.kind}:${r.id}`;
                const seen = `${ref}@${r.revision}`;
                const checkId = `sel-${r.kind}-${r.id}`;
                const titleId = `title-${r.kind}-${r.id}`;
                return (
                  <tr key={ref}>
                    <td>
                      {/* A reported item is decided on its page (restore or hide for good), never in bulk. */}
                      {r.state !== "flagged" ? (
                        <>
                          <input type="checkbox" id={checkId} name="item" value={seen} defaultChecked={selected.has(ref)} aria-labelledby={`${checkId}-l ${titleId}`} />
                          <span id={`${checkId}-l`} className="visually-hidden">
                            {t("moderation.select")}
                          </span>
                        </>
                      ) : null}
                    </td>
                    <td>
                      <span className="badge">{t(`moderation.kind.${r.kind}`)}</span> <span className="muted">#{r.id}</span>
                      <div>
                        <Link to={itemPath(r.kind, r.id)} id={titleId} lang="it">
                          {r.title}
                        </Link>
                      </div>
                      <p className="excerpt" lang="it">
                        {r.excerpt}
                      </p>
                      <p className="muted">
                        {r.authorName ?? t("moderation.noAuthor")}
                        {r.strategyCode ? ` · ${r.strategyCode}` : ""}
                      </p>
                    </td>
                    <td>
                      <span className={r.state === "flagged" ? "badge badge-danger" : r.state === "review" ? "badge badge-warning" : "badge"}>
                        {t(`moderation.state.${r.state}`)}
                      </span>
                      {r.flags > 0 ? <div className="muted">{t("moderation.flagsCount", { count: r.flags })}</div> : null}
                    </td>
                    <td>
                      <time dateTime={r.waitingSince}>{formatDate(lang, r.waitingSince, { dateStyle: "medium", timeStyle: "short" })}</time>
                    </td>
                    <td>
                      <div className="row-actions">
                        {r.state !== "flagged" ? (
                          <button type="submit" name="publishOne" value={seen} className="btn btn-small" aria-describedby={titleId}>
                            {r.state === "review" ? t("moderation.action.confirm") : t("moderation.action.publish")}
                          </button>
                        ) : null}
                        <Link to={itemPath(r.kind, r.id)} className="btn btn-outline btn-small" aria-describedby={titleId}>
                          {t("moderation.action.open")}
                        </Link>
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>

          <fieldset className="bulk-bar">
            <legend>{t("moderation.bulk.legend")}</legend>
            <button type="submit" name="intent" value="publish" className="btn">
              {t("moderation.bulk.publish")}
            </button>
            <div className="field">
              <label htmlFor="bulk-reason">{t("moderation.reject.reason")}</label>
              <select id="bulk-reason" name="reason" defaultValue={result && !result.ok ? result.values.reason : ""}>
                <option value="">{t("moderation.reject.choose")}</option>
                {REJECT_REASONS.map((r) => (
                  <option key={r} value={r}>
                    {t(`moderation.reason.${r}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="bulk-text">{t("moderation.reject.text")}</label>
              <input id="bulk-text" name="text" type="text" maxLength={1000} defaultValue={result && !result.ok ? result.values.text : ""} />
            </div>
            <button type="submit" name="intent" value="reject" className="btn btn-outline">
              {t("moderation.bulk.reject")}
            </button>
          </fieldset>
        </Form>
      )}

      <Pagination page={page} pages={pages} href={pageLink} />
    </>
  );
}
