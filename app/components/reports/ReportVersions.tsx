// The published versions of a report, newest first: number, date, the correction note that made
// each later version, and links to read, print and download it.
import { reportFileHref, reportPrintHref } from "~/components/reports/links";
import { formatDate, translator, type Lang } from "~/i18n";

export type ReportVersionListItem = { number: number; publishedAt: Date | string; correctionNote: string };

export function ReportVersions({
  reportId,
  versions,
  lang,
  current,
  readHref,
  headingLevel = 2,
}: {
  reportId: number;
  versions: ReportVersionListItem[];
  lang: Lang;
  /** The version shown on the page, marked as such. */
  current?: number;
  /** The page where a version is read online (owned by the meeting or participation pages). */
  readHref?: (number: number) => string;
  headingLevel?: 2 | 3;
}) {
  const t = translator(lang);
  const H = headingLevel === 2 ? "h2" : "h3";
  const id = `report-versions-${reportId}`;
  const base = `/rapporti/${reportId}`;
  const sorted = [...versions].sort((a, b) => b.number - a.number);
  const latest = sorted[0]?.number;
  return (
    <section className="report-versions" aria-labelledby={id}>
      <H id={id}>{t("reports.view.versions")}</H>
      {sorted.length === 0 ? <p>{t("reports.view.versionsEmpty")}</p> : null}
      <ul className="report-version-list">
        {sorted.map((v) => (
          <li key={v.number} aria-current={v.number === current ? "true" : undefined}>
            <p className="report-version-head">
              <strong>{t("reports.view.versionItem", { number: v.number })}</strong>, {t("reports.view.versionPublished", { date: formatDate(lang, v.publishedAt, { dateStyle: "long", timeStyle: "short" }) })}
              {v.number === latest ? " " : null}
              {v.number === latest ? <span className="badge report-version-badge">{t("reports.view.versionCurrent")}</span> : null}
            </p>
            {v.correctionNote ? (
              <p className="report-version-note" lang={lang === "it" ? undefined : "it"}>
                {t("reports.view.correctionNote", { note: v.correctionNote })}
              </p>
            ) : null}
            <ul className="report-version-links">
              {readHref ? (
                <li>
                  <a href={readHref(v.number)}>{t("reports.view.versionRead", { number: v.number })}</a>
                </li>
              ) : null}
              <li>
                <a href={reportPrintHref(base, v.number)}>
                  {t("reports.view.versionPrint")}
                  <span className="visually-hidden"> {t("reports.view.versionItem", { number: v.number })}</span>
                </a>
              </li>
              <li>
                <a href={reportFileHref(base, v.number, "pdf")}>{t("reports.view.versionPdf", { number: v.number })}</a>
              </li>
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}
