import type { Art7bisIssue } from "~/domain/processes/art7bis";
import { formatMilestoneDate } from "~/domain/plan/milestones";
import type { Lang, Translate } from "~/i18n";

/**
 * One issue in words. "conditional" for staff about to save ("sarebbe…"), "indicative" for the
 * public page ("è…"). A date on or after adoption gets its own sentence (no "-5 giorni prima").
 */
export function art7bisIssueText(t: Translate, lang: Lang, issue: Art7bisIssue, mood: "conditional" | "indicative") {
  const prefix = mood === "conditional" ? "processes.warn" : "processes.issue";
  if (issue.rule === "draft_90_days") {
    return issue.days > 0 ? t(`${prefix}.draft`, { days: issue.days }) : t(`${prefix}.draftAfter`);
  }
  const date = formatMilestoneDate(lang, issue.conferenceDate);
  return issue.days > 0 ? t(`${prefix}.conference`, { date, days: issue.days }) : t(`${prefix}.conferenceAfter`, { date });
}

export function Art7bisIssueList({ issues, t, lang, mood }: { issues: Art7bisIssue[]; t: Translate; lang: Lang; mood: "conditional" | "indicative" }) {
  return (
    <ul>
      {issues.map((issue) => (
        <li key={issue.rule === "draft_90_days" ? `${issue.rule}-${issue.draftPublicDate}` : `${issue.rule}-${issue.conferenceDate}`}>
          {art7bisIssueText(t, lang, issue, mood)}
        </li>
      ))}
    </ul>
  );
}
