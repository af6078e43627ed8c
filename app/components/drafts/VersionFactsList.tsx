import { formatDate } from "~/i18n";
import { useLang, useT } from "~/i18n/react";
import { VersionStatus } from "./VersionStatus";
import type { DraftVersionStatus } from "~db/schema/enums";

export type Facts = {
  versionDate: string;
  status: DraftVersionStatus;
  publishedAt: string | null;
  commentsOpenFrom: string | null;
  commentsOpenUntil: string | null;
  closedAt: string | null;
  adoptedAt: string | null;
  commentsOpen: boolean;
  earliestAdoption: string | null;
};

/** Label, status, dates of a version as a definition list; the art. 7bis publication date spelled out. */
export function VersionFactsList({ facts }: { facts: Facts }) {
  const t = useT();
  const lang = useLang();
  const day = (iso: string) => formatDate(lang, iso, { dateStyle: "long" });
  // versionDate and earliestAdoption are calendar days: format them at noon UTC so no time zone moves them.
  const calendarDay = (d: string) => formatDate(lang, `${d}T12:00:00Z`, { dateStyle: "long" });
  return (
    <>
      <dl className="facts">
        <dt>{t("drafts.facts.status")}</dt>
        <dd>
          <VersionStatus status={facts.status} />
        </dd>
        <dt>{t("drafts.facts.versionDate")}</dt>
        <dd>
          <time dateTime={facts.versionDate}>{calendarDay(facts.versionDate)}</time>
        </dd>
        {facts.commentsOpenFrom && facts.commentsOpenUntil ? (
          <>
            <dt>{t("drafts.facts.window")}</dt>
            <dd>
              {t("drafts.facts.windowRange", { from: day(facts.commentsOpenFrom), until: day(facts.commentsOpenUntil) })}
              {facts.status === "in_consultazione" ? (
                <> — {facts.commentsOpen ? <strong>{t("drafts.facts.commentsOpen")}</strong> : t("drafts.facts.commentsClosed")}</>
              ) : null}
            </dd>
          </>
        ) : null}
        {facts.closedAt ? (
          <>
            <dt>{t("drafts.facts.closedAt")}</dt>
            <dd>{day(facts.closedAt)}</dd>
          </>
        ) : null}
        {facts.adoptedAt ? (
          <>
            <dt>{t("drafts.facts.adoptedAt")}</dt>
            <dd>{day(facts.adoptedAt)}</dd>
          </>
        ) : null}
      </dl>
      {facts.publishedAt ? (
        <p className="draft-art7bis">
          {t("drafts.facts.published", { date: day(facts.publishedAt) })}
          {facts.earliestAdoption ? <> {t("drafts.facts.earliestAdoption", { date: calendarDay(facts.earliestAdoption) })}</> : null}
        </p>
      ) : null}
    </>
  );
}
