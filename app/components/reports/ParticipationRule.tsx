// Which items belong to the participation report of a version: the rule of
// app/domain/reports/participation-report.server.ts, in the interface language (the document
// itself states it in Italian too).
import type { Translate } from "~/i18n";

export function ParticipationRule({ t }: { t: Translate }) {
  return (
    <details className="report-rule">
      <summary>{t("reports.participation.ruleTitle")}</summary>
      <ul>
        <li>{t("reports.participation.rule.linked")}</li>
        <li>{t("reports.participation.rule.window")}</li>
        <li>{t("reports.participation.rule.amendments")}</li>
      </ul>
      <p>{t("reports.participation.rule.once")}</p>
    </details>
  );
}
