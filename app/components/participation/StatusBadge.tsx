import type { ParticipationStatus } from "~db/schema/enums";
import { useT } from "~/i18n/react";

const TONE: Record<ParticipationStatus, string> = {
  pending: "badge badge-warning",
  published: "badge badge-success",
  rejected: "badge badge-danger",
  hidden: "badge badge-danger",
  withdrawn: "badge",
};

/** The moderation status of a comment or amendment, in words. Published items show no badge unless `showPublished`. */
export function StatusBadge({ status, showPublished = false }: { status: ParticipationStatus; showPublished?: boolean }) {
  const t = useT();
  if (status === "published" && !showPublished) return null;
  return <span className={`${TONE[status]} status-badge`}>{t(`participation.status.${status}`)}</span>;
}
