// Demo: a territorial table that has taken place (Nord Ovest, October 2026), with the comuni that
// registered and those that came, an association as observer, the contributions staff entered on
// behalf of the comuni that spoke (placed on the map), the minutes, and its published report — so the
// demo shows a meeting report with attendance by zone, the comuni that did not attend and a map.
// Runs after the demo accounts, meetings and the kick-off report; idempotent (skipped once the
// meeting exists).
import { and, asc, eq } from "drizzle-orm";
import { db } from "~/lib/db.server";
import { romeToUtc } from "~/lib/dates";
import { findUserByEmail } from "~/domain/accounts/users.server";
import { createOnBehalf } from "~/domain/contributions/on-behalf.server";
import { editMetadata } from "~/domain/moderation/corrections.server";
import { FIRST_PROCESS_SLUG } from "~/domain/processes/processes.server";
import { comuni, meetings, organizations, processes, type ContributionKind } from "~db/schema";
import { createMeeting, createMembership, createRegistration, createUser } from "~/seed/factories.server";
import { buildMeetingReport } from "~/domain/reports/meeting-report.server";
import { publishReportVersion, saveReportTexts } from "~/domain/reports/reports.server";

export const DEMO_HELD_TABLE_TITLE = "Tavolo territoriale — Nord Ovest (1° incontro)";
const ZONE = "nord-ovest";
/** Comuni registered and present, registered but absent; the zone's other comuni did not register. */
const PRESENT = ["Arese", "Bollate", "Cornaredo", "Garbagnate Milanese", "Lainate", "Pero", "Rho", "Senago", "Settimo Milanese"];
const ABSENT = ["Baranzate", "Novate Milanese"];

const MINUTES = `### Sintesi

Il tavolo ha presentato ai Comuni della zona Nord Ovest le bozze delle STTM 1 e 2 e raccolto le loro osservazioni.

### Interventi

- **Rho** e **Pero**: continuità della rete verde lungo l'Olona e il canale Villoresi, anche attraverso l'area MIND.
- **Bollate** e **Garbagnate Milanese**: servizi sovracomunali per i nuovi quartieri, la stazione come luogo di interscambio.
- **Lainate** e **Arese**: riuso delle aree produttive dismesse dell'ex Alfa Romeo.
- **Settimo Milanese**, **Cornaredo** e **Senago**: fragilità idraulica dei torrenti e varchi ecologici da conservare.

### Prossimi passi

I contributi raccolti sono inseriti sulla piattaforma a nome dei Comuni e ricevono un esito motivato nel rapporto sulla partecipazione.`;

type DemoContribution = { comune: string; kind: ContributionKind; strategyCode: string; targets: string[]; title: string; body: string; geometry: object };

const CONTRIBUTIONS: DemoContribution[] = [
  {
    comune: "Rho",
    kind: "proposta",
    strategyCode: "STTM1",
    targets: ["STTM1.1"],
    title: "Corridoio verde lungo l'Olona tra Rho e Pero",
    body: "Il Comune propone di inserire nella Rete Verde Metropolitana il tratto dell'Olona tra Rho e Pero, collegandolo al parco dell'area MIND con un percorso ciclopedonale continuo.",
    geometry: { type: "LineString", coordinates: [[9.0305, 45.5318], [9.0461, 45.5236], [9.0612, 45.5152], [9.0848, 45.5093]] },
  },
  {
    comune: "Bollate",
    kind: "osservazione",
    strategyCode: "STTM2",
    targets: ["STTM2.3"],
    title: "La stazione di Bollate Centro come luogo urbano per la mobilità",
    body: "La stazione serve anche Novate e Baranzate: si chiede di riconoscerla come LUM, con servizi di interscambio e sosta per le biciclette.",
    geometry: { type: "Point", coordinates: [9.1177, 45.5454] },
  },
  {
    comune: "Lainate",
    kind: "proposta",
    strategyCode: "STTM1",
    targets: ["STTM1.2"],
    title: "Rigenerazione dell'area ex Alfa Romeo",
    body: "Lainate e Arese chiedono che le aree dismesse dell'ex stabilimento siano indicate tra gli ambiti di rigenerazione di rilevanza metropolitana, con una quota di verde permeabile.",
    geometry: {
      type: "Polygon",
      coordinates: [[[9.0395, 45.5485], [9.0565, 45.5485], [9.0565, 45.5585], [9.0395, 45.5585], [9.0395, 45.5485]]],
    },
  },
  {
    comune: "Settimo Milanese",
    kind: "segnalazione",
    strategyCode: "STTM1",
    targets: ["STTM1.3"],
    title: "Allagamenti ricorrenti lungo il fontanile di Settimo",
    body: "Dopo le piogge intense la zona del fontanile si allaga: si propongono soluzioni basate sulla natura (aree di laminazione verdi) al posto di nuove vasche in cemento.",
    geometry: { type: "Point", coordinates: [9.0545, 45.4781] },
  },
  {
    comune: "Garbagnate Milanese",
    kind: "proposta",
    strategyCode: "STTM2",
    targets: ["STTM2.1"],
    title: "Un polo sovracomunale per la scuola secondaria",
    body: "I Comuni del nord della zona chiedono che la STTM 2 preveda un polo di istruzione secondaria raggiungibile dalle stazioni delle Ferrovie Nord.",
    geometry: { type: "Point", coordinates: [9.0762, 45.5775] },
  },
  {
    comune: "Senago",
    kind: "buona_pratica",
    strategyCode: "STTM1",
    targets: ["STTM1.1"],
    title: "Il Parco delle Groane come esempio di gestione intercomunale",
    body: "La gestione del Parco delle Groane tra più Comuni è una buona pratica da estendere ai varchi ecologici della zona.",
    geometry: { type: "Point", coordinates: [9.1253, 45.5752] },
  },
];

const INTRODUCTION = `Il primo tavolo territoriale della zona omogenea Nord Ovest ha presentato ai sedici Comuni della zona le bozze delle STTM 1 e 2.

Questo rapporto è prodotto dai dati della piattaforma: iscrizioni, presenze e contributi raccolti.`;
const CONCLUSIONS = `Il secondo incontro del tavolo discuterà le risposte della redazione ai contributi raccolti. I Comuni che non hanno partecipato possono inviare i loro contributi dalla pagina **Contributi**.`;

/** Creates the held demo table, its registrations, contributions and published report. Returns the meeting id (null if the demo accounts are missing). */
export async function seedDemoHeldTable(): Promise<number | null> {
  const process = db.select({ id: processes.id }).from(processes).where(eq(processes.slug, FIRST_PROCESS_SLUG)).get();
  const staff = await findUserByEmail("staff@concerta.example");
  const rhoOfficer = await findUserByEmail("ufficio.tecnico@rho.example");
  const observer = await findUserByEmail("lombardia@legambiente.example");
  if (!process || !staff || !rhoOfficer) return null;
  const existing = db.select({ id: meetings.id }).from(meetings).where(and(eq(meetings.processId, process.id), eq(meetings.title, DEMO_HELD_TABLE_TITLE))).get();
  if (existing) return existing.id;

  const zoneComuni = db
    .select({ istat: comuni.istat, name: comuni.name, organizationId: organizations.id })
    .from(comuni)
    .innerJoin(organizations, and(eq(organizations.istatCode, comuni.istat), eq(organizations.kind, "comune")))
    .where(eq(comuni.zoneId, ZONE))
    .orderBy(asc(comuni.name))
    .all();
  const byName = new Map(zoneComuni.map((c) => [c.name, c]));
  const startsAt = romeToUtc("2026-10-15", "17:30");
  const meetingId = db.transaction((tx) => {
    const id = createMeeting(
      {
        processId: process.id,
        kind: "tavolo_territoriale",
        title: DEMO_HELD_TABLE_TITLE,
        startsAt,
        endsAt: romeToUtc("2026-10-15", "19:30"),
        zoneId: ZONE,
        venueName: "Sala consiliare del Comune di Rho",
        venueAddress: "Piazza Visconti 23, 20017 Rho",
        lat: 45.5287,
        lon: 9.0406,
        agenda: "1. Le bozze delle STTM 1 e 2\n2. Interventi dei Comuni\n3. Prossimi passi",
        capacity: 40,
        allowObservers: true,
        status: "closed",
        minutes: MINUTES,
        minutesPublishedAt: romeToUtc("2026-10-22", "12:00"),
        strategyCodes: ["STTM1", "STTM2"],
      },
      tx,
    );
    const registeredAt = new Date(startsAt.getTime() - 7 * 86_400_000);
    for (const name of [...PRESENT, ...ABSENT]) {
      const comune = byName.get(name);
      if (!comune) continue;
      let userId = rhoOfficer.id;
      if (name !== "Rho") {
        // A role account of the comune's planning office (no password: it cannot log in).
        userId = createUser(
          { email: `tavolo.nordovest.${comune.istat}@comuni.example`, name: `Ufficio di piano ${comune.istat}`, role: "participant", privacyConsentAt: null },
          tx,
        ).id;
        createMembership(
          { userId, organizationId: comune.organizationId, status: "approved", position: "Ufficio di piano", requestedAt: registeredAt, decidedAt: registeredAt, decidedBy: staff.id },
          tx,
        );
      }
      createRegistration({ meetingId: id, userId, organizationId: comune.organizationId, capacity: "comune", status: "confirmed", createdAt: registeredAt, attended: PRESENT.includes(name) }, tx);
    }
    const legambiente = tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, "legambiente-lombardia")).get();
    if (observer && legambiente) {
      createRegistration({ meetingId: id, userId: observer.id, organizationId: legambiente.id, capacity: "observer", status: "confirmed", createdAt: registeredAt, attended: true }, tx);
    }
    return id;
  });

  for (const c of CONTRIBUTIONS) {
    const comune = byName.get(c.comune);
    if (!comune) continue;
    const id = await createOnBehalf(staff.id, meetingId, { organizationId: comune.organizationId, kind: c.kind, title: c.title, body: c.body, strategyCode: c.strategyCode });
    if (id == null) continue;
    // Staff place what was said on the map, as they would from the moderation page.
    await editMetadata({
      actorId: staff.id,
      contributionId: id,
      metadata: { kind: c.kind, strategyCode: c.strategyCode, targetCodes: c.targets, objectiveCodes: [], place: { geometry: JSON.stringify(c.geometry) } },
    });
  }

  const subject = { kind: "meeting" as const, meetingId };
  const texts = saveReportTexts({ actorId: staff.id, subject, introduction: INTRODUCTION, conclusions: CONCLUSIONS });
  const document = await buildMeetingReport(meetingId, { introduction: texts.introduction, conclusions: texts.conclusions });
  if (document) publishReportVersion({ actorId: staff.id, subject, document });
  return meetingId;
}
