import { Form } from "@remix-run/react";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/react";

type Option = { id: number; label: string; status: string };

/** Two selects and a button: a GET form, so the comparison works (and can be linked) without JavaScript. */
export function CompareForm({ strategyCode, versions, from, to }: { strategyCode: string; versions: Option[]; from?: number; to?: number }) {
  const t = useT();
  return (
    <Form method="get" action={`/strategie/${strategyCode}/confronta`} className="compare-form">
      <div className="field">
        <label htmlFor="compare-from">{t("drafts.compare.from")}</label>
        <select id="compare-from" name="da" defaultValue={from}>
          {versions.map((v) => (
            <option key={v.id} value={v.id}>
              {v.label} ({t(`drafts.status.${v.status}` as MessageKey)})
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="compare-to">{t("drafts.compare.to")}</label>
        <select id="compare-to" name="a" defaultValue={to}>
          {versions.map((v) => (
            <option key={v.id} value={v.id}>
              {v.label} ({t(`drafts.status.${v.status}` as MessageKey)})
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="btn">
        {t("drafts.compare.submit")}
      </button>
    </Form>
  );
}
