// The report of a held meeting, built from the data into a ReportDocument (document.ts): the
// meeting's facts, who registered and who attended (by organization kind and by zone, and for a
// territorial table the zone's comuni that did not attend), the contributions gathered (counted,
// mapped, listed), the minutes, and the introduction and conclusions staff write. Italian: the
// report is an administrative document of the Città metropolitana.
//
// Rules worth knowing (also stated inside the report):
// - contributions: those entered with the meeting and published (REPORTED_STATUS); pending ones
//   wait for moderation and rejected/hidden/withdrawn ones are not public;
// - attendance: staff's marks on confirmed registrations; with no marks at all the report says so
//   and speaks of registrations only (a territorial table then lists the comuni not registered);
// - minutes: only once published (meeting closed); a held meeting's draft minutes stay internal;
// - no personal data: organizations by name, people as "cittadino/a" and never by name.
import type { Geometry } from "geojson";
import { getMeetingDetail } from "~/domain/meetings/meetings.server";
import { outcomeOf } from "~/domain/contributions/outcomes-read.server";
import { formatDate, formatNumber, translator, type MessageKey } from "~/i18n";
import { romeDate } from "~/lib/dates";
import type { MeetingStatus } from "~db/schema/enums";
import { findReport, listReportVersions } from "./reports.server";
import { sectionAnchor, type ReportBlock, type ReportDataRow, type ReportDocument, type ReportFact, type ReportMapFeature, type ReportSection } from "./document";
import {
  countsByKind,
  countsByStrategy,
  countsByTarget,
  listZones,
  registrationGroups,
  reportedComuni,
  reportedContributions,
  reportedTargets,
  zoneComuniParticipation,
} from "./meeting-report-data.server";

export { meetingContributionStatusCounts, REPORTED_STATUS } from "./meeting-report-data.server";

const it = translator("it");
const num = (n: number) => formatNumber("it", n);
const CITIZEN = "cittadino/a";
const PERSONS = "Cittadini (a titolo personale)";
const NON_TERRITORIAL = "Organizzazioni non territoriali";

/** The meeting statuses for which a report can be made: the meeting took place. */
export const REPORTABLE_STATUSES: readonly MeetingStatus[] = ["held", "closed"];

export type MeetingReportEligibility = { eligible: true; reason: null } | { eligible: false; reason: string };

/** Whether a report can be made for the meeting (undefined when there is no such meeting), with the reason in Italian. */
export async function meetingReportEligibility(meetingId: number): Promise<MeetingReportEligibility | undefined> {
  const meeting = await getMeetingDetail(meetingId);
  if (!meeting) return undefined;
  if (REPORTABLE_STATUSES.includes(meeting.status)) return { eligible: true, reason: null };
  const status = it(`meetings.status.${meeting.status}` as MessageKey).toLowerCase();
  const reason =
    meeting.status === "cancelled"
      ? "L'incontro è stato annullato: non c'è un rapporto da preparare."
      : `Il rapporto si prepara per un incontro che si è svolto (stato «svolto» o «concluso»); questo incontro è ancora «${status}». Segna l'incontro come svolto per prepararlo.`;
  return { eligible: false, reason };
}

const kindOfOrganization = (kind: string | null) => (kind && kind !== "person" ? it(`orgKind.${kind}` as MessageKey) : PERSONS);
const contributionKind = (kind: string) => it(`meetings.contributionKind.${kind}` as MessageKey);
const strategyLabel = (s: { code: string | null; number: number | null; title: string | null }) =>
  s.code && s.number != null ? `STTM ${s.number} — ${s.title}` : "Nessuna STTM indicata";

function timeRange(startsAt: Date, endsAt: Date) {
  const day = (d: Date) => formatDate("it", d, { dateStyle: "full" });
  const time = (d: Date) => formatDate("it", d, { timeStyle: "short" });
  if (romeDate(startsAt) !== romeDate(endsAt)) return `dal ${day(startsAt)}, ${time(startsAt)}, al ${day(endsAt)}, ${time(endsAt)} (ora italiana)`;
  return `${it("meetings.page.timeRange", { date: day(startsAt), start: time(startsAt), end: time(endsAt) })} (ora italiana)`;
}

const section = (title: string, blocks: ReportBlock[], sections?: ReportSection[]): ReportSection => ({
  id: sectionAnchor(title),
  title,
  blocks,
  ...(sections?.length ? { sections } : {}),
});

type Meeting = NonNullable<Awaited<ReturnType<typeof getMeetingDetail>>>;

function factsSection(meeting: Meeting): ReportSection {
  const zoneName = meeting.zoneId === "milano" ? it("territory.capoluogo") : meeting.zoneName;
  const place = [meeting.venueName, meeting.venueAddress].filter(Boolean).join(", ");
  const facts: ReportFact[] = [
    { label: "Titolo", value: meeting.title },
    { label: "Tipo di incontro", value: it(`meetings.kind.${meeting.kind}` as MessageKey) },
    { label: "Data e ora", value: timeRange(meeting.startsAt, meeting.endsAt) },
    { label: "Luogo", value: place || (meeting.onlineUrl ? "Online" : "Non indicato") },
  ];
  if (place && meeting.onlineUrl) facts.push({ label: "Partecipazione a distanza", value: meeting.onlineUrl });
  if (zoneName) facts.push({ label: "Zona omogenea", value: zoneName });
  facts.push({ label: "STTM interessate", value: meeting.strategies.length ? meeting.strategies.map((s) => `STTM ${s.number} — ${s.title}`).join("; ") : "Nessuna indicata" });
  facts.push({ label: "Processo", value: meeting.processTitle });
  const agenda = meeting.agenda.trim();
  return section("Dati dell'incontro", [{ type: "facts", items: facts }], [
    section("Ordine del giorno", [agenda ? { type: "text", markdown: agenda } : { type: "text", markdown: "L'ordine del giorno non è stato indicato." }]),
  ]);
}

type ZoneComune = ReturnType<typeof zoneComuniParticipation>[number];

function participationSection(meeting: Meeting, zoneComuni: ZoneComune[]) {
  const groups = registrationGroups(meeting.id);
  const sum = (key: "confirmed" | "waitlisted" | "attended" | "marked", rows = groups) => rows.reduce((n, r) => n + r[key], 0);
  const confirmed = sum("confirmed");
  const waitlisted = sum("waitlisted");
  const attended = sum("attended");
  const marked = sum("marked");
  const marks = marked > 0;

  const facts: ReportFact[] = [{ label: "Iscrizioni confermate", value: num(confirmed) }];
  if (waitlisted) facts.push({ label: "In lista d'attesa (senza posto)", value: num(waitlisted) });
  facts.push({ label: "Presenti (registro delle presenze)", value: marks ? num(attended) : "presenze non registrate" });
  if (meeting.attendeesCount != null) facts.push({ label: "Partecipanti indicati nel verbale", value: num(meeting.attendeesCount) });

  const how = !confirmed
    ? "Per questo incontro non risultano iscrizioni sulla piattaforma" +
      (meeting.attendeesCount != null ? `; il verbale indica ${num(meeting.attendeesCount)} partecipanti.` : ".")
    : !marks
      ? "Le presenze non sono state registrate per questo incontro: le tabelle che seguono riportano le iscrizioni confermate, non le presenze effettive."
      : marked < confirmed
        ? `Le presenze sono state registrate dallo staff sull'elenco delle iscrizioni confermate: ${num(marked)} iscrizioni su ${num(confirmed)} hanno un'indicazione di presenza o assenza; ${confirmed - marked === 1 ? "l'altra è contata" : `le altre ${num(confirmed - marked)} sono contate`} come non presenti.`
        : "Le presenze sono state registrate dallo staff sull'elenco delle iscrizioni confermate, una per una.";
  const intro: ReportBlock[] = [
    { type: "facts", items: facts },
    { type: "text", markdown: `${how} Chi si è iscritto a titolo personale è contato come cittadino, senza nome.` },
  ];

  const columns = marks ? ["Iscritti", "Presenti"] : ["Iscritti"];
  const numeric = [false, true, ...(marks ? [true] : [])];
  const cells = (rows: typeof groups) => (marks ? [sum("confirmed", rows), sum("attended", rows)] : [sum("confirmed", rows)]);
  const totals = ["Totale", ...cells(groups)];

  // By kind: in the order of the organization kinds, people last.
  const kindOrder = ["comune", "public_body", "park", "university", "association", "trade_association", "foundation", "company", "other", "person"];
  const kinds = [...new Set(groups.filter((g) => g.confirmed > 0).map((g) => g.kind))].sort((a, b) => kindOrder.indexOf(a) - kindOrder.indexOf(b));
  const byKind: ReportBlock = {
    type: "table",
    caption: marks ? "Iscritti e presenti per tipo di partecipante" : "Iscritti per tipo di partecipante",
    columns: ["Tipo di partecipante", ...columns],
    rows: kinds.map((k) => [kindOfOrganization(k), ...cells(groups.filter((g) => g.kind === k))]),
    numeric,
    totals,
  };

  // By zone: the zone of a comune organization; other organizations and people have none.
  const zoneRows: (string | number)[][] = [];
  for (const z of listZones()) {
    const rows = groups.filter((g) => g.zoneId === z.id);
    if (sum("confirmed", rows) > 0) zoneRows.push([z.isCapoluogo ? it("territory.capoluogo") : z.name, ...cells(rows)]);
  }
  const others = groups.filter((g) => g.zoneId == null && g.kind !== "person");
  if (sum("confirmed", others) > 0) zoneRows.push([`${NON_TERRITORIAL} (—)`, ...cells(others)]);
  const persons = groups.filter((g) => g.kind === "person");
  if (sum("confirmed", persons) > 0) zoneRows.push([PERSONS, ...cells(persons)]);
  const byZone: ReportBlock = {
    type: "table",
    caption: marks ? "Iscritti e presenti per zona omogenea (zona del Comune rappresentato)" : "Iscritti per zona omogenea (zona del Comune rappresentato)",
    columns: ["Zona omogenea", ...columns],
    rows: zoneRows,
    numeric,
    totals,
  };

  const sub: ReportSection[] = [
    section("Partecipanti per tipo", confirmed ? [byKind] : [{ type: "text", markdown: "Nessuna iscrizione confermata." }]),
    section("Partecipanti per zona omogenea", confirmed ? [byZone] : [{ type: "text", markdown: "Nessuna iscrizione confermata." }]),
  ];

  if (meeting.kind === "tavolo_territoriale" && meeting.zoneId) {
    const took = (c: ZoneComune) => (marks ? c.attended : c.registered);
    const missing = zoneComuni.filter((c) => !took(c)).map((c) => c.name);
    const present = zoneComuni.length - missing.length;
    const zone = meeting.zoneName ?? meeting.zoneId;
    const lead = marks
      ? `**${num(present)} di ${num(zoneComuni.length)} comuni presenti.** Un Comune è presente quando la sua iscrizione come Comune è stata segnata presente. Comuni della zona ${zone} che non hanno partecipato:`
      : `**${num(present)} di ${num(zoneComuni.length)} comuni iscritti.** Le presenze non sono state registrate: l'elenco riporta i Comuni della zona ${zone} che non si sono iscritti, non quelli assenti.`;
    sub.push(
      section(marks ? "Comuni della zona non presenti" : "Comuni della zona non iscritti", [
        { type: "text", markdown: lead },
        { type: "list", items: missing, emptyText: marks ? "Tutti i Comuni della zona erano presenti." : "Tutti i Comuni della zona si sono iscritti." },
      ]),
    );
  }
  return section("Partecipazione", intro, sub);
}

async function contributionsSection(meeting: Meeting, zoneComuni: string[]) {
  const list = reportedContributions(meeting.id);
  const targetRows = reportedTargets(meeting.id);
  const comuneRows = reportedComuni(meeting.id);
  const targetsOf = new Map<number, typeof targetRows>();
  for (const t of targetRows) targetsOf.set(t.contributionId, [...(targetsOf.get(t.contributionId) ?? []), t]);
  const comuniOf = new Map<number, { istat: string; name: string; zoneName: string }[]>();
  for (const c of comuneRows) {
    const known = comuniOf.get(c.contributionId) ?? [];
    if (!known.some((k) => k.istat === c.istat)) known.push(c);
    comuniOf.set(c.contributionId, known);
  }
  const collator = new Intl.Collator("it", { sensitivity: "base" });

  const byStrategy = countsByStrategy(meeting.id);
  const byTarget = countsByTarget(meeting.id);
  const byKind = countsByKind(meeting.id);
  const total = list.length;
  const none = (text: string): ReportBlock[] => [{ type: "text", markdown: text }];

  const counts: ReportSection[] = [
    section(
      "Contributi per STTM",
      total
        ? [{ type: "table", caption: "Contributi per STTM", columns: ["STTM", "Contributi"], numeric: [false, true], rows: byStrategy.map((s) => [strategyLabel(s), s.n]), totals: ["Totale", total] }]
        : none("Nessun contributo."),
    ),
    section(
      "Contributi per bersaglio di lavoro",
      total
        ? [
            {
              type: "table",
              caption: "Contributi per bersaglio di lavoro (un contributo può riguardare più bersagli: la somma delle righe può superare il totale)",
              columns: ["Bersaglio di lavoro", "STTM", "Contributi"],
              numeric: [false, false, true],
              rows: [
                ...byTarget.rows.map((t) => [`${t.code} — ${t.title}`, t.strategyCode.replace(/^STTM/, "STTM "), t.n]),
                ...(byTarget.withoutTarget ? [["Nessun bersaglio indicato", "—", byTarget.withoutTarget]] : []),
              ],
              totals: ["Totale contributi", "", total],
            },
          ]
        : none("Nessun contributo."),
    ),
    section(
      "Contributi per tipo",
      total
        ? [
            {
              type: "table",
              caption: "Contributi per tipo",
              columns: ["Tipo", "Contributi"],
              numeric: [false, true],
              rows: ["proposta", "osservazione", "segnalazione", "buona_pratica"].flatMap((k) => {
                const n = byKind.find((r) => r.kind === k)?.n ?? 0;
                return n ? [[contributionKind(k), n]] : [];
              }),
              totals: ["Totale", total],
            },
          ]
        : none("Nessun contributo."),
    ),
  ];

  // The map: the contributions with a place drawn as such; those placed by whole comuni are shown by
  // outlining their comuni (the map frames every comune the contributions touch, and a territorial
  // table's zone).
  const features: ReportMapFeature[] = [];
  const byComuneOnly: string[] = [];
  const focus = new Set(zoneComuni);
  // A feature's symbol is numbered by its position among the features (svg-map.server.ts): each
  // listed contribution says its number on the map.
  const mapNumber = new Map<number, number>();
  list.forEach((c) => {
    const geometry = c.geometry ? (JSON.parse(c.geometry) as Geometry) : null;
    if (geometry) {
      features.push({ id: c.id, label: c.title, geometry });
      mapNumber.set(c.id, features.length);
    }
    const cs = comuniOf.get(c.id) ?? [];
    for (const x of cs) focus.add(x.istat);
    if (!geometry && cs.length) byComuneOnly.push(`«${c.title}» (${cs.map((x) => x.name).join(", ")})`);
  });
  const mapBlocks: ReportBlock[] = [];
  if (features.length || focus.size) {
    const parts = [`${num(features.length)} contributi con un luogo (punto, linea o area) sono disegnati sulla mappa dei Comuni; il numero di ogni simbolo è indicato nella legenda e nella scheda del contributo.`];
    if (byComuneOnly.length) parts.push(`${num(byComuneOnly.length)} contributi riferiti a interi Comuni, senza un luogo preciso, sono indicati dal contorno dei loro Comuni: ${byComuneOnly.join("; ")}.`);
    if (zoneComuni.length) parts.push(`La mappa è centrata sui Comuni della zona ${meeting.zoneName ?? ""}.`.replace(" .", "."));
    const withoutPlace = total - features.length - byComuneOnly.length;
    if (withoutPlace > 0) parts.push(`${num(withoutPlace)} contributi non hanno un luogo.`);
    mapBlocks.push({
      type: "map",
      caption: `Mappa dei contributi raccolti all'incontro «${meeting.title}»`,
      description: parts.join(" "),
      features,
      ...(focus.size ? { focusComuni: [...focus].sort() } : {}),
    });
  } else {
    mapBlocks.push({ type: "text", markdown: "Nessun contributo ha un luogo da mostrare sulla mappa." });
  }

  // Each contribution, with its data row.
  const items: ReportBlock[] = [];
  const data: ReportDataRow[] = [];
  for (const c of list) {
    const ts = targetsOf.get(c.id) ?? [];
    const cs = (comuniOf.get(c.id) ?? []).sort((a, b) => collator.compare(a.name, b.name));
    const strategy = byStrategy.find((s) => s.code === c.strategyCode);
    const organization = c.organizationName ?? CITIZEN;
    const outcome = await outcomeOf(c.id);
    const outcomeLabel = outcome ? it(`browse.outcome.${outcome.decision}` as MessageKey) : null;
    const facts: ReportFact[] = [
      { label: "Tipo", value: contributionKind(c.kind) },
      { label: "STTM", value: strategy ? strategyLabel(strategy) : "Nessuna STTM indicata" },
      { label: "Bersagli di lavoro", value: ts.length ? ts.map((t) => `${t.code} — ${t.title}`).join("; ") : "Nessuno indicato" },
      { label: "Presentato da", value: c.organizationKind ? `${organization} (${it(`orgKind.${c.organizationKind}` as MessageKey)})` : organization },
      { label: "Comuni", value: cs.length ? cs.map((x) => x.name).join(", ") : "Nessuno" },
      { label: "Luogo", value: mapNumber.has(c.id) ? `sulla mappa, simbolo n. ${mapNumber.get(c.id)}` : cs.length ? "interi Comuni" : "nessuno" },
    ];
    items.push({
      type: "item",
      ref: { kind: "contribution", id: c.id },
      heading: c.title,
      facts,
      markdown: c.body,
      ...(outcome && outcomeLabel ? { outcome: { label: `Esito: ${outcomeLabel}`, markdown: outcome.reasoning } } : {}),
    });
    data.push({
      ref: { kind: "contribution", id: c.id },
      title: c.title,
      type: contributionKind(c.kind).toLowerCase(),
      strategy: c.strategyCode,
      targets: ts.map((t) => t.code),
      organization,
      organizationKind: c.organizationKind ? it(`orgKind.${c.organizationKind}` as MessageKey) : null,
      comuni: cs.map((x) => x.name),
      zones: [...new Set(cs.map((x) => x.zoneName))],
      status: "pubblicato",
      outcome: outcomeLabel,
      response: outcome?.reasoning ?? null,
      sections: outcome?.sections.map((s) => `${s.number} ${s.title}`) ?? [],
      publishedAt: c.publishedAt ? romeDate(c.publishedAt) : null,
      url: `/contributi/${c.id}`,
      geometry: c.geometry ? (JSON.parse(c.geometry) as Geometry) : null,
    });
  }

  const rule =
    `Sono riportati i contributi raccolti durante l'incontro (inseriti dallo staff per conto delle organizzazioni intervenute) e pubblicati: ` +
    `**${num(total)}** alla data del rapporto. I contributi ancora in moderazione, respinti o ritirati non sono compresi.`;
  const sec = section("Contributi raccolti", [{ type: "text", markdown: rule }], [
    ...counts,
    section("Mappa dei contributi", mapBlocks),
    section("Elenco dei contributi", items.length ? items : none("Nessun contributo.")),
  ]);
  return { section: sec, data };
}

function minutesSection(meeting: Meeting): ReportSection {
  // The minutes are public once the meeting is closed; before that they are staff's draft.
  const minutes = meeting.status === "closed" ? (meeting.minutes ?? "").trim() : "";
  if (minutes) {
    const published = meeting.minutesPublishedAt ? ` (pubblicato il ${formatDate("it", meeting.minutesPublishedAt)})` : "";
    return section("Verbale", [{ type: "text", markdown: `_Verbale dell'incontro${published}._\n\n${minutes}` }]);
  }
  return section("Verbale", [{ type: "text", markdown: "Il verbale dell'incontro non è ancora stato pubblicato." }]);
}

/**
 * The report of a meeting as a ReportDocument, built from the data as they are now, with the
 * introduction and conclusions staff wrote (Markdown; omitted when empty). Undefined when there is
 * no such meeting. Does not check eligibility: see meetingReportEligibility.
 */
export async function buildMeetingReport(meetingId: number, texts: { introduction: string; conclusions: string }, now = new Date()): Promise<ReportDocument | undefined> {
  const meeting = await getMeetingDetail(meetingId);
  if (!meeting) return undefined;
  const zoneComuni = meeting.kind === "tavolo_territoriale" && meeting.zoneId ? zoneComuniParticipation(meeting.id, meeting.zoneId) : [];
  const participation = participationSection(meeting, zoneComuni);
  const contributions = await contributionsSection(
    meeting,
    zoneComuni.map((c) => c.istat),
  );

  const sections: ReportSection[] = [];
  if (texts.introduction.trim()) sections.push(section("Introduzione", [{ type: "text", markdown: texts.introduction.trim() }]));
  sections.push(factsSection(meeting), participation, contributions.section, minutesSection(meeting));
  if (texts.conclusions.trim()) sections.push(section("Conclusioni", [{ type: "text", markdown: texts.conclusions.trim() }]));

  const kind = it(`meetings.kind.${meeting.kind}` as MessageKey);
  const when = formatDate("it", meeting.startsAt, { dateStyle: "long" });
  return {
    kind: "meeting",
    title: `Rapporto dell'incontro «${meeting.title}»`,
    subtitle: `${kind}, ${when}`,
    generatedAt: now.toISOString(),
    sections,
    data: contributions.data,
  };
}

/** The latest published version of a meeting's report (number and date), for the meeting page; undefined when none. */
export async function latestMeetingReport(meetingId: number) {
  const report = await findReport({ kind: "meeting", meetingId });
  if (!report) return undefined;
  const [latest] = await listReportVersions(report.id);
  return latest ? { reportId: report.id, number: latest.number, publishedAt: latest.publishedAt } : undefined;
}
