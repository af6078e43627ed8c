import { and, asc, eq } from "drizzle-orm";
import { db as defaultDb, type DB } from "~/lib/db.server";
import { addDays, romeDate, romeToUtc } from "~/lib/dates";
import { FIRST_PROCESS_SLUG } from "~/domain/processes/processes.server";
import { comuni, meetings, processes, zones, type MeetingKind, type MeetingStatus } from "~db/schema";
import { createMeeting } from "~/seed/factories.server";

// Demo meetings for the seeded process, so the pages have something to show: a territorial table
// per zone (upcoming, registration open), an upcoming conferenza istruttoria and the past kick-off
// with its minutes. Each is created once, when no meeting of the process has its title yet;
// staff edits are never overwritten.

/** Where each zone's table meets in the demo: a main town of the zone (its map point is the comune's centre). */
const ZONE_TOWNS: Record<string, string> = {
  "alto-milanese": "Legnano",
  "magentino-abbiatense": "Magenta",
  "nord-ovest": "Rho",
  "nord-milano": "Sesto San Giovanni",
  "adda-martesana": "Cernusco sul Naviglio",
  "sud-est": "San Donato Milanese",
  "sud-ovest": "Corsico",
};

/** The zone whose table also admits observers (other organizations); every other table admits only its comuni. */
export const DEMO_OBSERVERS_ZONE = "sud-est";

const ISIMBARDI = { venueName: "Palazzo Isimbardi — Sala Affreschi", venueAddress: "Corso Monforte 35, 20122 Milano", lat: 45.46706, lon: 9.20194 };

type DemoMeeting = {
  title: string;
  kind: MeetingKind;
  status: MeetingStatus;
  startsAt: Date;
  endsAt: Date;
  zoneId?: string | null;
  venueName: string | null;
  venueAddress: string | null;
  lat: number | null;
  lon: number | null;
  onlineUrl?: string | null;
  agenda: string;
  capacity: number | null;
  registrationOpensAt: Date | null;
  registrationClosesAt: Date | null;
  allowObservers: boolean;
  strategyCodes: string[];
  minutes?: string;
  minutesPublishedAt?: Date;
  attendeesCount?: number;
};

const TAVOLO_AGENDA = `1. Saluti e introduzione della Città metropolitana
2. Le tre STTM in sintesi: quadri conoscitivo, strategico e normativo
3. Discussione sulle proposte per il territorio della zona
4. Prossimi passi e modalità per inviare contributi scritti`;

function comuneCentre(db: DB, zoneId: string, name?: string) {
  const byName = name
    ? db.select().from(comuni).where(and(eq(comuni.zoneId, zoneId), eq(comuni.name, name))).get()
    : undefined;
  const c = byName ?? db.select().from(comuni).where(eq(comuni.zoneId, zoneId)).orderBy(asc(comuni.name)).get();
  if (!c) return null;
  return { name: c.name, lat: Math.round(((c.minLat + c.maxLat) / 2) * 1e5) / 1e5, lon: Math.round(((c.minLon + c.maxLon) / 2) * 1e5) / 1e5 };
}

function demoMeetings(db: DB, now: Date): DemoMeeting[] {
  const today = romeDate(now);
  const list: DemoMeeting[] = [];
  const zoneRows = db.select().from(zones).orderBy(asc(zones.sortOrder)).all();
  zoneRows.forEach((zone, i) => {
    const day = addDays(today, 21 + 7 * i);
    const startsAt = romeToUtc(day, "17:30");
    const town = zone.isCapoluogo ? null : comuneCentre(db, zone.id, ZONE_TOWNS[zone.id]);
    const venue = town
      ? { venueName: `Sala consiliare del Comune di ${town.name}`, venueAddress: `Municipio di ${town.name} (MI)`, lat: town.lat, lon: town.lon }
      : ISIMBARDI;
    list.push({
      title: `Tavolo territoriale — ${zone.name}`,
      kind: "tavolo_territoriale",
      status: "registration_open",
      startsAt,
      endsAt: romeToUtc(day, "19:30"),
      zoneId: zone.id,
      ...venue,
      agenda: TAVOLO_AGENDA,
      capacity: 40,
      registrationOpensAt: new Date(now.getTime() - 86_400_000),
      registrationClosesAt: romeToUtc(addDays(day, -2), "23:59"),
      allowObservers: zone.id === DEMO_OBSERVERS_ZONE,
      strategyCodes: ["STTM1", "STTM2", "STTM3"],
    });
  });

  const conferenceDay = addDays(today, 90);
  list.push({
    title: "Conferenza istruttoria sulle proposte di STTM",
    kind: "conferenza_istruttoria",
    status: "scheduled",
    startsAt: romeToUtc(conferenceDay, "10:00"),
    endsAt: romeToUtc(conferenceDay, "13:00"),
    ...ISIMBARDI,
    onlineUrl: "https://www.cittametropolitana.mi.it/",
    agenda:
      "Conferenza prevista dall'art. 7bis c.4 delle Norme di attuazione del PTM: i Comuni, le altre amministrazioni e gli attori territoriali e socio-economici esprimono il loro parere sulle proposte di STTM prima dell'adozione.\n\n1. Illustrazione delle proposte\n2. Interventi degli enti invitati\n3. Sintesi e chiusura",
    capacity: 150,
    registrationOpensAt: romeToUtc(addDays(conferenceDay, -30), "09:00"),
    registrationClosesAt: romeToUtc(addDays(conferenceDay, -3), "23:59"),
    allowObservers: false,
    strategyCodes: ["STTM1", "STTM2", "STTM3"],
  });

  list.push({
    title: "Kick-off meeting delle 3 STTM",
    kind: "kickoff",
    status: "closed",
    startsAt: romeToUtc("2022-05-24", "09:30"),
    endsAt: romeToUtc("2022-05-24", "13:00"),
    ...ISIMBARDI,
    agenda: "1. Il PTM e le Strategie Tematico-Territoriali Metropolitane\n2. Tre gruppi di lavoro, uno per STTM\n3. Restituzione in plenaria",
    capacity: 80,
    registrationOpensAt: null,
    registrationClosesAt: null,
    allowObservers: false,
    strategyCodes: ["STTM1", "STTM2", "STTM3"],
    minutes:
      "### Sintesi\n\nOltre 60 esperti e operatori di enti, università e associazioni hanno discusso i contenuti delle tre STTM in gruppi di lavoro.\n\n### Temi emersi\n\n- **STTM 1**: rete verde metropolitana, soluzioni basate sulla natura, rigenerazione delle aree dismesse.\n- **STTM 2**: servizi sovracomunali e città dei 15 minuti a scala metropolitana.\n- **STTM 3**: spazi della produzione e della logistica, criteri di localizzazione.\n\nGli esiti (Report) sono il primo contributo alla redazione delle bozze.",
    minutesPublishedAt: romeToUtc("2022-06-15", "12:00"),
    attendeesCount: 62,
  });
  return list;
}

/** Creates the demo meetings that are missing (matched by title within the seeded process). Returns how many were created. */
export function seedDemoMeetings(db: DB = defaultDb, now = new Date()): number {
  const process = db.select({ id: processes.id }).from(processes).where(eq(processes.slug, FIRST_PROCESS_SLUG)).get();
  if (!process) return 0;
  const wanted = demoMeetings(db, now);
  return db.transaction((tx) => {
    let created = 0;
    for (const m of wanted) {
      const exists = tx
        .select({ id: meetings.id })
        .from(meetings)
        .where(and(eq(meetings.processId, process.id), eq(meetings.title, m.title)))
        .get();
      if (exists) continue;
      createMeeting({ ...m, processId: process.id, zoneId: m.zoneId ?? null, onlineUrl: m.onlineUrl ?? null }, tx);
      created++;
    }
    return created;
  });
}
