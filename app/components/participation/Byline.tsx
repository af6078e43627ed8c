import { formatDate } from "~/i18n";
import { useLang, useT } from "~/i18n/react";

/** Who wrote it: the organization when made on its behalf (with the member), else the person. */
export function Byline({ authorName, organizationName }: { authorName: string; organizationName: string | null }) {
  const t = useT();
  if (!organizationName) return <strong className="byline">{authorName}</strong>;
  return (
    <span className="byline">
      <strong>{organizationName}</strong> <span className="muted">({t("participation.byMember", { name: authorName })})</span>
    </span>
  );
}

export function VersionTag({ label, current }: { label: string; current: boolean }) {
  const t = useT();
  return <span className="version-tag">{current ? t("participation.onVersionCurrent", { version: label }) : t("participation.onVersion", { version: label })}</span>;
}

export function When({ iso }: { iso: string }) {
  const lang = useLang();
  return <time dateTime={iso}>{formatDate(lang, iso, { dateStyle: "long", timeStyle: "short" })}</time>;
}
