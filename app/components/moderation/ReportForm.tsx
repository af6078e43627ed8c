import { Form, useLocation, useSearchParams } from "@remix-run/react";
import { useT } from "~/i18n/react";
import { FLAG_REASONS, type ModeratedKind } from "~db/schema/enums";

/** The anchor the report form comes back to, so the answer is read where the form was. */
export const reportAnchor = (kind: ModeratedKind, id: number) => `segnala-${kind}-${id}`;

/** Where the answer to a report that hid the item is shown (the item itself is no longer on the page). */
export const REPORT_NOTICE_ID = "esito-segnalazione";

/** In the layout: the answer to a report whose item is now hidden (other answers are shown by the item's form). */
export function ReportNotice() {
  const t = useT();
  const [params] = useSearchParams();
  if (params.get("segnalazione") !== "hidden") return null;
  return (
    <p className="alert alert-success" role="status" id={REPORT_NOTICE_ID} tabIndex={-1}>
      {t("moderation.report.done.hidden")}
    </p>
  );
}

/**
 * "Segnala": a small form (inside <details>, works without JavaScript) posting a report of one
 * published item to /segnalazioni, which answers with a redirect back here naming what happened.
 */
export function ReportForm({ kind, id }: { kind: ModeratedKind; id: number }) {
  const t = useT();
  const location = useLocation();
  const [params] = useSearchParams();
  const anchor = reportAnchor(kind, id);
  const mine = params.get("voce") === `${kind}-${id}`;
  const outcome = mine ? params.get("segnalazione") : null;
  const back = (() => {
    const p = new URLSearchParams(location.search);
    p.delete("segnalazione");
    p.delete("voce");
    const s = p.toString();
    return `${location.pathname}${s ? `?${s}` : ""}`;
  })();
  return (
    <div className="report-form" id={anchor}>
      {outcome === "counted" || outcome === "already" ? (
        <p className={outcome === "already" ? "alert alert-warning" : "alert alert-success"} role="status">
          {t(`moderation.report.done.${outcome}`)}
        </p>
      ) : null}
      <details>
        <summary>
          {t("moderation.report.summary")}
          <span className="visually-hidden"> {t(`moderation.kind.${kind}`)}</span>
        </summary>
        <Form method="post" action="/segnalazioni">
          <input type="hidden" name="itemKind" value={kind} />
          <input type="hidden" name="itemId" value={id} />
          <input type="hidden" name="redirectTo" value={back} />
          <fieldset>
            <legend>{t("moderation.report.reason")}</legend>
            {FLAG_REASONS.map((r, i) => (
              <div key={r}>
                <input type="radio" id={`${anchor}-${r}`} name="reason" value={r} required defaultChecked={i === 0} />{" "}
                <label htmlFor={`${anchor}-${r}`}>{t(`moderation.flagReason.${r}`)}</label>
              </div>
            ))}
          </fieldset>
          <div className="field">
            <label htmlFor={`${anchor}-note`}>{t("moderation.report.note")}</label>
            <textarea id={`${anchor}-note`} name="note" rows={2} maxLength={1000} />
          </div>
          <button type="submit" className="btn btn-outline btn-small">
            {t("moderation.report.submit")}
          </button>
        </Form>
      </details>
    </div>
  );
}
