// Demo: the published participation report of the demo STTM 1 draft in consultation ("v0.1 –
// progetto preliminare", app/seed/demo/drafts.server.ts), so that the reading view links a
// report and the report pages show sections with outcomes. When nobody has linked anything to the
// version yet, a handful of published STTM 1 demo contributions are linked to its sections and most
// of them get an outcome, through the moderation capability's own functions (with their audit
// entries), as staff would. Runs after the demo accounts, drafts and contributions. Idempotent: once
// the report has a published version, nothing more is done; staff's links and texts are never
// overwritten.
import { and, asc, eq, isNotNull } from "drizzle-orm";
import { findUserByEmail } from "~/domain/accounts/users.server";
import { DEMO_STTM1_LABEL } from "~/seed/demo/drafts.server";
import { versionSections } from "~/domain/drafts/versions.server";
import { giveOutcome, setSectionLinks } from "~/domain/moderation/outcomes.server";
import { db } from "~/lib/db.server";
import { contributions, draftVersions, outcomes, sectionLinks, type Outcome } from "~db/schema";
import { buildParticipationReport, participationReportEligibility } from "~/domain/reports/participation-report.server";
import { findReport, listReportVersions, publishReportVersion, saveReportTexts, type ReportSubject } from "~/domain/reports/reports.server";

const DEMO_STAFF_EMAIL = "staff@concerta.example";

const INTRODUCTION = `Questo rapporto accompagna la versione v0.1 della STTM 1, messa a disposizione di Comuni, enti e cittadini per la consultazione prevista dall'art. 7bis delle Norme di attuazione del PTM.

Per ogni sezione del documento riporta i contributi e gli emendamenti ricevuti, con l'esito e la risposta motivata della redazione (controdeduzione).`;

const CONCLUSIONS = `I contributi accolti e parzialmente accolti sono ripresi nella versione successiva del documento. Il rapporto è aggiornato con una nuova versione quando la redazione esprime gli esiti ancora mancanti.`;

/** Sections (by number) the demo contributions are linked to, in order; the first one is linked to two. */
const DEMO_LINKS: { sections: string[]; outcome?: Outcome; response?: string }[] = [
  {
    sections: ["2.1", "2.3"],
    outcome: "accolto",
    response:
      "La proposta è accolta: la sezione 2.1 include il tratto indicato tra i corridoi della Rete Verde, e la 2.3 lo cita tra i luoghi adatti alle NBS.",
  },
  {
    sections: ["2.2"],
    outcome: "parzialmente_accolto",
    response:
      "Accolta in parte: il criterio di priorità per le aree dismesse vicine alle stazioni è aggiunto alla sezione 2.2; l'elenco puntuale delle aree resta ai PGT.",
  },
  {
    sections: ["1.1"],
    outcome: "non_accolto",
    response: "Non accolta: il quadro conoscitivo riporta i dati delle fonti ufficiali; la segnalazione è trasmessa al SIT per la prossima mappatura.",
  },
  {
    sections: ["1.3"],
    outcome: "non_pertinente",
    response: "Il tema riguarda la STTM 2 (servizi sovracomunali): il contributo è inoltrato alla redazione competente.",
  },
  { sections: ["3.1"] },
  { sections: ["2.4"] },
];

/** Publishes version 1 of the demo version's participation report when it has none. Returns how many versions were published (0 or 1). */
export async function seedDemoParticipationReport(now = new Date()): Promise<number> {
  const staff = await findUserByEmail(DEMO_STAFF_EMAIL);
  if (!staff) return 0;
  const version = db
    .select({ id: draftVersions.id })
    .from(draftVersions)
    .where(and(eq(draftVersions.strategyCode, "STTM1"), eq(draftVersions.label, DEMO_STTM1_LABEL)))
    .get();
  if (!version || !participationReportEligibility(version.id).eligible) return 0;
  const subject: ReportSubject = { kind: "participation", draftVersionId: version.id };
  const existing = await findReport(subject);
  if (existing && (await listReportVersions(existing.id)).length > 0) return 0;

  const anyLink = db.select({ id: sectionLinks.itemId }).from(sectionLinks).where(eq(sectionLinks.versionId, version.id)).limit(1).get();
  if (!anyLink) linkDemoContributions(version.id, staff.id, now);

  const texts =
    existing && (existing.introduction || existing.conclusions)
      ? existing
      : saveReportTexts({ actorId: staff.id, subject, introduction: INTRODUCTION, conclusions: CONCLUSIONS, now });
  const document = await buildParticipationReport(version.id, { introduction: texts.introduction, conclusions: texts.conclusions }, now);
  if (!document) return 0;
  publishReportVersion({ actorId: staff.id, subject, document, now });
  return 1;
}

function linkDemoContributions(versionId: number, actorId: string, now: Date) {
  const bySection = new Map(versionSections(versionId).map((s) => [s.number, s.sectionId]));
  const candidates = db
    .select({ id: contributions.id })
    .from(contributions)
    .where(and(eq(contributions.strategyCode, "STTM1"), eq(contributions.status, "published"), isNotNull(contributions.publishedAt)))
    .orderBy(asc(contributions.id))
    .limit(DEMO_LINKS.length)
    .all();
  candidates.forEach((c, i) => {
    const plan = DEMO_LINKS[i];
    const sectionIds = plan.sections.map((n) => bySection.get(n)).filter((id): id is number => id !== undefined);
    if (!sectionIds.length) return;
    setSectionLinks({ actorId, itemKind: "contribution", itemId: c.id, versionId, sectionIds, now });
    const hasOutcome = db
      .select({ id: outcomes.id })
      .from(outcomes)
      .where(and(eq(outcomes.itemKind, "contribution"), eq(outcomes.itemId, c.id)))
      .get();
    if (plan.outcome && plan.response && !hasOutcome)
      giveOutcome({ actorId, itemKind: "contribution", itemId: c.id, outcome: plan.outcome, response: plan.response, now });
  });
}
