import { Fragment } from "react";
import { milestoneDateParts, RANGE_SEPARATOR } from "~/domain/plan/milestones";
import type { Lang } from "~/i18n";

type Dated = { startDate: string; endDate: string | null; precision: "day" | "month" };

/** A phase's dates as <time> elements: "14 aprile 2022", or months only ("ottobre – novembre 2022") with month precision. */
export function PhaseDates({ phase, lang }: { phase: Dated; lang: Lang }) {
  const month = phase.precision === "month";
  const start = month ? phase.startDate.slice(0, 7) : phase.startDate;
  const end = phase.endDate ? (month ? phase.endDate.slice(0, 7) : phase.endDate) : undefined;
  return (
    <>
      {milestoneDateParts(lang, start, end).map((part, i) => (
        <Fragment key={part.dateTime}>
          {i > 0 ? RANGE_SEPARATOR : null}
          <time dateTime={part.dateTime}>{part.text}</time>
        </Fragment>
      ))}
    </>
  );
}
