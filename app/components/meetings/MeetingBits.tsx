import { formatDate, formatNumber, type Lang, type MessageKey, type Translate } from "~/i18n";
import type { MeetingKind, MeetingStatus } from "~db/schema/enums";

// Small presentational pieces shared by the public and staff meeting pages. Browser-safe.

export function kindLabel(t: Translate, kind: MeetingKind) {
  return t(`meetings.kind.${kind}` as MessageKey);
}

export function statusLabel(t: Translate, status: MeetingStatus) {
  return t(`meetings.status.${status}` as MessageKey);
}

const STATUS_BADGE: Record<MeetingStatus, string> = {
  scheduled: "badge",
  registration_open: "badge badge-success",
  held: "badge",
  closed: "badge",
  cancelled: "badge badge-danger",
};

export function StatusBadge({ t, status }: { t: Translate; status: MeetingStatus }) {
  return <span className={STATUS_BADGE[status]}>{statusLabel(t, status)}</span>;
}

/** The zone's name in the page's language: the capoluogo's stored name is Italian, zone names are proper names. */
export function zoneLabel(t: Translate, zone: { name: string | null; isCapoluogo?: boolean; id?: string | null }) {
  return zone.isCapoluogo || zone.id === "milano" ? t("territory.capoluogo") : (zone.name ?? "");
}

/** "martedì 20 gennaio 2027, dalle 18:00 alle 20:00" (Rome time); spans of several days give both dates. */
export function timeRange(t: Translate, lang: Lang, startsAt: string, endsAt: string) {
  const sameDay = formatDate(lang, startsAt, { dateStyle: "short" }) === formatDate(lang, endsAt, { dateStyle: "short" });
  if (!sameDay) {
    return `${formatDate(lang, startsAt, { dateStyle: "full", timeStyle: "short" })} – ${formatDate(lang, endsAt, { dateStyle: "full", timeStyle: "short" })}`;
  }
  return t("meetings.page.timeRange", {
    date: formatDate(lang, startsAt, { dateStyle: "full" }),
    start: formatDate(lang, startsAt, { timeStyle: "short" }),
    end: formatDate(lang, endsAt, { timeStyle: "short" }),
  });
}

export function fileSize(lang: Lang, bytes: number) {
  if (bytes < 1024) return `${formatNumber(lang, bytes)} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(lang, Math.round(bytes / 1024))} KB`;
  return `${formatNumber(lang, Math.round((bytes / 1024 / 1024) * 10) / 10)} MB`;
}

export function fileTypeLabel(mime: string) {
  return ({ "application/pdf": "PDF", "image/png": "PNG", "image/jpeg": "JPEG", "image/webp": "WebP" } as Record<string, string>)[mime] ?? mime;
}
