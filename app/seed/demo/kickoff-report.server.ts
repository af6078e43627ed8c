// Demo: the published report of the demo kick-off (held in 2022, minutes published), so that the
// meeting page links a report and the report pages have something to show. Built from the data like
// any report, with an introduction and conclusions written as staff would. Runs after the demo
// accounts and meetings; idempotent: once the kick-off's report has a version, nothing more is done.
import { and, eq } from "drizzle-orm";
import { db } from "~/lib/db.server";
import { findUserByEmail } from "~/domain/accounts/users.server";
import { FIRST_PROCESS_SLUG } from "~/domain/processes/processes.server";
import { meetings, processes } from "~db/schema";
import { buildMeetingReport, REPORTABLE_STATUSES } from "~/domain/reports/meeting-report.server";
import { findReport, listReportVersions, publishReportVersion, saveReportTexts, type ReportSubject } from "~/domain/reports/reports.server";

const KICKOFF_TITLE = "Kick-off meeting delle 3 STTM";
const DEMO_STAFF_EMAIL = "staff@concerta.example";

const INTRODUCTION = `Il kick-off meeting ha aperto la redazione delle prime tre Strategie Tematico-Territoriali Metropolitane (STTM) previste dall'art. 7bis delle Norme di attuazione del PTM.

Questo rapporto raccoglie i dati dell'incontro e il suo verbale: è il primo contributo alla redazione delle bozze.`;

const CONCLUSIONS = `I temi emersi nei tre gruppi di lavoro sono ripresi nelle bozze delle STTM e discussi nei tavoli con i Comuni e nei tavoli territoriali.

Chi non ha potuto partecipare può inviare un contributo dalla pagina **Contributi**.`;

/** Publishes the report of the demo kick-off when it has none yet. Returns how many versions were published (0 or 1). */
export async function seedDemoReports(): Promise<number> {
  const kickoff = db
    .select({ id: meetings.id, status: meetings.status })
    .from(meetings)
    .innerJoin(processes, eq(processes.id, meetings.processId))
    .where(and(eq(processes.slug, FIRST_PROCESS_SLUG), eq(meetings.kind, "kickoff"), eq(meetings.title, KICKOFF_TITLE)))
    .get();
  if (!kickoff || !REPORTABLE_STATUSES.includes(kickoff.status)) return 0;
  const staff = await findUserByEmail(DEMO_STAFF_EMAIL);
  if (!staff) return 0;
  const subject: ReportSubject = { kind: "meeting", meetingId: kickoff.id };
  const existing = await findReport(subject);
  if (existing && (await listReportVersions(existing.id)).length > 0) return 0;
  // Staff's texts are kept if someone already wrote them.
  const texts = existing && (existing.introduction || existing.conclusions) ? existing : saveReportTexts({ actorId: staff.id, subject, introduction: INTRODUCTION, conclusions: CONCLUSIONS });
  const document = await buildMeetingReport(kickoff.id, { introduction: texts.introduction, conclusions: texts.conclusions });
  if (!document) return 0;
  publishReportVersion({ actorId: staff.id, subject, document });
  return 1;
}
