import { daysBetween } from "~/lib/dates";

/**
 * The timing rules of art. 7bis c.4 of the PTM's norms:
 * - the STTM proposal is made public at least 90 days before adoption;
 * - a conferenza istruttoria is held within the 60 days before adoption.
 * Pure: dates are Rome calendar dates "YYYY-MM-DD". Staff are warned and must confirm to
 * save dates that break a rule (docs/decisions/0005-art7bis-warn-and-confirm.md).
 */
export const DRAFT_MIN_DAYS = 90;
export const CONFERENCE_MAX_DAYS = 60;

export type Art7bisIssue =
  | { rule: "draft_90_days"; days: number; draftPublicDate: string }
  | { rule: "conference_60_days"; days: number; conferenceDate: string };

export function checkArt7bis(input: {
  draftPublicDate?: string | null;
  plannedAdoptionDate?: string | null;
  conferenceDates?: string[];
}): Art7bisIssue[] {
  const issues: Art7bisIssue[] = [];
  const adoption = input.plannedAdoptionDate;
  if (!adoption) return issues;
  if (input.draftPublicDate) {
    const days = daysBetween(input.draftPublicDate, adoption);
    if (days < DRAFT_MIN_DAYS) issues.push({ rule: "draft_90_days", days, draftPublicDate: input.draftPublicDate });
  }
  for (const conferenceDate of input.conferenceDates ?? []) {
    const days = daysBetween(conferenceDate, adoption);
    // Within the 60 days *before* adoption: not earlier, and not on or after the adoption day.
    if (days > CONFERENCE_MAX_DAYS || days < 1) issues.push({ rule: "conference_60_days", days, conferenceDate });
  }
  return issues;
}

/** A stable fingerprint of the issues a person confirmed, so a later change asks again. */
export function issuesFingerprint(issues: Art7bisIssue[]): string {
  return issues
    .map((i) => (i.rule === "draft_90_days" ? `${i.rule}:${i.draftPublicDate}:${i.days}` : `${i.rule}:${i.conferenceDate}:${i.days}`))
    .sort()
    .join("|");
}
