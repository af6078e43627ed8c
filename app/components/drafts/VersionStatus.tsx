import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/react";
import type { DraftVersionStatus } from "~db/schema/enums";

const BADGE: Record<DraftVersionStatus, string> = {
  bozza: "badge badge-warning",
  in_consultazione: "badge badge-success",
  chiusa: "badge",
  adottata: "badge",
};

/** The version's life-cycle step, in words (never colour alone). */
export function VersionStatus({ status }: { status: DraftVersionStatus }) {
  const t = useT();
  return <span className={BADGE[status]}>{t(`drafts.status.${status}` as MessageKey)}</span>;
}
