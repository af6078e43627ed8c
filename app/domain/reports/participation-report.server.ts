// The participation report of an STTM draft version (rapporto sulla partecipazione e
// controdeduzioni): the annex the adoption act needs. Built from the data into a ReportDocument;
// labels are Italian (an Italian administrative annex), whatever the reader's interface language.
//
// WHICH ITEMS BELONG TO THE REPORT OF VERSION V (of STTM S):
// - contributions with status "published" that
//   (a) staff linked to a section of V (section_links.version_id = V), or
//   (b) were made on a section while reading V (contributions.draft_version_id = V), or
//   (c) are of S (strategy_code = S), were sent (created_at) between V's publication and its
//       closure — or now, while it is still in consultation — and were not made on a section of
//       another version; those linked to no section of V form "Contributi senza sezione";
// - amendments with status "published" made on V (amendments.version_id = V) or linked by staff to
//   a section of V.
// Each item appears once as an item block: under the first section of V (document order) among
// the sections it is linked to or was made on; every other such section carries a one-line
// cross-reference to it, not a second item. Items of neither kind of tie go under "Contributi
// senza sezione". Pending, rejected, hidden and withdrawn items are not listed; they are counted in
// the summary tables ("received" means the same rule with any status).
// Section comments are discussion, not observations: they get no outcome and are not listed. Each
// section says how many published comments it received (readable on the section's page), and the
// summary tables count them by status.
// No personal data: authors appear as their organization or as "cittadino/a"; the users table is
// never read.
import type { Geometry } from "geojson";
import { checkArt7bis, DRAFT_MIN_DAYS } from "~/domain/processes/art7bis";
import { earliestAdoption } from "~/domain/drafts/lifecycle.server";
import { amendmentAnchor, sectionPagePath } from "~/domain/drafts/participation";
import { getVersion, type DraftVersion, type SectionText } from "~/domain/drafts/versions.server";
import { formatDate, translator, type MessageKey } from "~/i18n";
import { daysBetween, romeDate } from "~/lib/dates";
import { OUTCOMES, ORGANIZATION_KINDS, type DraftVersionStatus, type Outcome } from "~db/schema/enums";
import {
  collect,
  key,
  meetingsOf,
  phasesOf,
  strategyOf,
  zonesList,
  type AmendmentRow,
  type Collected,
  type ContributionRow,
  type ItemKind,
  type Placed,
  type Status,
} from "./participation-report-data.server";
import {
  sectionAnchor,
  type ReportBlock,
  type ReportDataRow,
  type ReportDocument,
  type ReportFact,
  type ReportMapFeature,
  type ReportSection,
} from "./document";

export { participationReportCounts } from "./participation-report-data.server";

const it = translator("it");

export const PARTICIPATION_REPORT_STATUSES: readonly DraftVersionStatus[] = ["in_consultazione", "chiusa", "adottata"];

export type ParticipationEligibility =
  | { eligible: true; version: DraftVersion }
  | {
      eligible: false;
      version: DraftVersion | undefined;
      reason: string;
      reasonKey: MessageKey;
    };

/** A report is prepared for a version in consultation, closed or adopted; never for a bozza. */
export function participationReportEligibility(versionId: number): ParticipationEligibility {
  const version = getVersion(versionId);
  if (!version)
    return {
      eligible: false,
      version,
      reason: "Versione non trovata.",
      reasonKey: "reports.participation.notEligible.notFound",
    };
  if (!PARTICIPATION_REPORT_STATUSES.includes(version.status)) {
    return {
      eligible: false,
      version,
      reason: "La versione è ancora una bozza: il rapporto sulla partecipazione si prepara per una versione in consultazione, chiusa o adottata.",
      reasonKey: "reports.participation.notEligible.bozza",
    };
  }
  return { eligible: true, version };
}

// ---------------------------------------------------------------------------------------------
// Writing: Italian labels.

const STATUS_ROWS: { status: Status; label: string }[] = [
  { status: "pending", label: "In attesa di moderazione" },
  { status: "published", label: "Pubblicati" },
  { status: "rejected", label: "Respinti" },
  { status: "hidden", label: "Nascosti dalla moderazione" },
  { status: "withdrawn", label: "Ritirati dall'autore" },
];

export const OUTCOME_LABELS: Record<Outcome, string> = {
  accolto: "Accolto",
  parzialmente_accolto: "Parzialmente accolto",
  non_accolto: "Non accolto",
  non_pertinente: "Non pertinente",
};
export const NO_OUTCOME_LABEL = "Esito non ancora espresso";
export const CITIZEN = "cittadino/a";

const date = (d: Date | number | null | undefined) =>
  d === null || d === undefined
    ? "—"
    : formatDate("it", typeof d === "number" ? d * 1000 : d, {
        dateStyle: "long",
      });
const isoDay = (unix: number | null) => (unix === null ? null : romeDate(new Date(unix * 1000)));
const orgKindLabel = (kind: string | null) => (kind ? it(`orgKind.${kind}` as MessageKey) : "Cittadino/a");
const kindLabel = (kind: string) => it(`contributions.kind.${kind}` as MessageKey);
const statusLabel = (status: DraftVersionStatus) => (status === "bozza" ? "Bozza" : it(`drafts.status.${status}` as MessageKey));
const sectionName = (s: Pick<SectionText, "number" | "title">) => `${s.number} ${s.title}`.trim();

/** Markdown-escapes a short plain text (a title) put inside generated Markdown. */
function escapeMd(text: string): string {
  return text.replace(/([\\`*_{}[\]()#+\-.!<>|~])/g, "\\$1");
}

function quote(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => (line ? `> ${line}` : ">"))
    .join("\n");
}

function geometryOf(c: ContributionRow): Geometry | null {
  if (c.geometry) {
    try {
      return JSON.parse(c.geometry) as Geometry;
    } catch {
      // fall through to the representative point
    }
  }
  return c.lon !== null && c.lat !== null ? { type: "Point", coordinates: [c.lon, c.lat] } : null;
}

const contributionHeading = (c: Pick<ContributionRow, "id" | "title">) => `Contributo n. ${c.id} — ${c.title}`;
function amendmentHeading(a: AmendmentRow, version: DraftVersion) {
  const section = a.sectionNumber ? `${a.sectionNumber} ${a.sectionTitle ?? ""}`.trim() : `sezione ${a.sectionId}`;
  return `Emendamento n. ${a.id} alla sezione ${section}${a.versionId === version.id ? "" : ` (versione ${a.versionLabel})`}`;
}

function outcomeBlock(o: { outcome: Outcome; response: string } | undefined) {
  return o ? { label: OUTCOME_LABELS[o.outcome], markdown: o.response } : { label: NO_OUTCOME_LABEL, markdown: "" };
}

/**
 * Builds the participation report of a version, as of `now`, with staff's introduction and
 * conclusions (Markdown). Undefined when the version does not exist.
 */
export async function buildParticipationReport(
  draftVersionId: number,
  texts: { introduction: string; conclusions: string },
  now: Date = new Date()
): Promise<ReportDocument | undefined> {
  const version = getVersion(draftVersionId);
  if (!version) return undefined;
  const c = collect(version, now);
  const strategy = strategyOf(version.strategyCode);
  const bySection = new Map(c.sections.map((s) => [s.sectionId, s]));
  const usedAnchors = new Set<string>();
  const anchor = (text: string) => {
    const base = sectionAnchor(text);
    let id = base;
    for (let i = 2; usedAnchors.has(id); i++) id = `${base}-${i}`;
    usedAnchors.add(id);
    return id;
  };
  const topIds = {
    intro: anchor("Introduzione"),
    facts: anchor("Il documento e la consultazione"),
    bySection: anchor("Contributi ed emendamenti per sezione"),
    noSection: anchor("Contributi senza sezione"),
    map: anchor("Mappa dei contributi"),
    tables: anchor("Tabelle di sintesi"),
    timeline: anchor("Cronologia della consultazione"),
    conclusions: anchor("Conclusioni"),
  };
  const sectionAnchors = new Map(c.sections.map((s) => [s.sectionId, anchor(sectionName(s))]));
  const sectionLabels = (sectionIds: number[]) => sectionIds.map((id) => sectionName(bySection.get(id)!));

  // Item blocks.
  const contributionBlock = (row: ContributionRow, placed: Placed): ReportBlock => {
    const facts: ReportFact[] = [
      { label: "Tipo", value: kindLabel(row.kind) },
      { label: "Presentato da", value: row.orgName ?? CITIZEN },
      { label: "Tipo di soggetto", value: orgKindLabel(row.orgKind) },
      {
        label: "Comuni",
        value: (c.comuni.get(row.id) ?? []).join(", ") || "—",
      },
      {
        label: "Zone omogenee",
        value: (c.zones.get(row.id) ?? []).join(", ") || "—",
      },
      { label: "Data di invio", value: date(row.createdAt) },
    ];
    if (row.meetingTitle) facts.push({ label: "Raccolto all'incontro", value: row.meetingTitle });
    if (row.duplicateOf)
      facts.push({
        label: "Duplicato di",
        value: `contributo n. ${row.duplicateOf}`,
      });
    if (placed.sectionIds.length > 1)
      facts.push({
        label: "Sezioni",
        value: sectionLabels(placed.sectionIds).join("; "),
      });
    return {
      type: "item",
      ref: { kind: "contribution", id: row.id },
      heading: contributionHeading(row),
      facts,
      markdown: row.body,
      outcome: outcomeBlock(c.outcomes.get(key("contribution", row.id))),
    };
  };
  const amendmentBlock = (row: AmendmentRow, placed: Placed): ReportBlock => {
    const facts: ReportFact[] = [
      { label: "Tipo", value: "Emendamento" },
      { label: "Presentato da", value: row.orgName ?? CITIZEN },
      { label: "Tipo di soggetto", value: orgKindLabel(row.orgKind) },
      { label: "Data di invio", value: date(row.createdAt) },
    ];
    if (row.versionId !== version.id) facts.push({ label: "Proposto sulla versione", value: row.versionLabel });
    if (placed.sectionIds.length > 1)
      facts.push({
        label: "Sezioni",
        value: sectionLabels(placed.sectionIds).join("; "),
      });
    const markdown = [`**Testo proposto**`, quote(row.proposedText), ...(row.rationale.trim() ? [`**Motivazione**`, row.rationale] : [])].join("\n\n");
    return {
      type: "item",
      ref: { kind: "amendment", id: row.id },
      heading: amendmentHeading(row, version),
      facts,
      markdown,
      outcome: outcomeBlock(c.outcomes.get(key("amendment", row.id))),
    };
  };

  // Per section: full items under the first section, cross-references under the others.
  const full = new Map<number, ReportBlock[]>();
  const crossRefs = new Map<number, string[]>();
  const withoutSection: ReportBlock[] = [];
  const entries: { placed: Placed; block: ReportBlock; label: string }[] = [
    ...c.contributions.map((row) => {
      const placed = c.placement.get(key("contribution", row.id))!;
      return {
        placed,
        block: contributionBlock(row, placed),
        label: `Contributo n. ${row.id} «${escapeMd(row.title)}»`,
      };
    }),
    ...c.amendments.map((row) => {
      const placed = c.placement.get(key("amendment", row.id))!;
      return {
        placed,
        block: amendmentBlock(row, placed),
        label: `Emendamento n. ${row.id}`,
      };
    }),
  ];
  for (const { placed, block, label } of entries) {
    const [first, ...others] = placed.sectionIds;
    if (first === undefined) {
      withoutSection.push(block);
      continue;
    }
    full.set(first, [...(full.get(first) ?? []), block]);
    const target = bySection.get(first)!;
    for (const other of others) {
      crossRefs.set(other, [
        ...(crossRefs.get(other) ?? []),
        `- ${label}: riportato per esteso nella sezione [${escapeMd(sectionName(target))}](#${sectionAnchors.get(first)})`,
      ]);
    }
  }

  const sectionTree: ReportSection[] = [];
  const stack: { depth: number; section: ReportSection }[] = [];
  const commentsPath = (sectionId: number) => sectionPagePath(version.strategyCode, version.id, sectionId);
  for (const s of c.sections) {
    const blocks: ReportBlock[] = [];
    const items = full.get(s.sectionId) ?? [];
    const refs = crossRefs.get(s.sectionId) ?? [];
    blocks.push(...items);
    if (refs.length)
      blocks.push({
        type: "text",
        markdown: `**Collegati anche a questa sezione:**\n\n${refs.join("\n")}`,
      });
    const comments = c.comments.bySection.get(s.sectionId) ?? 0;
    if (comments) {
      blocks.push({
        type: "text",
        markdown: `${
          comments === 1 ? "Un commento pubblicato" : `${comments} commenti pubblicati`
        } sulla sezione, leggibili nella [pagina della sezione](${commentsPath(s.sectionId)}).`,
      });
    }
    if (!items.length && !refs.length)
      blocks.unshift({
        type: "text",
        markdown: "Nessun contributo né emendamento collegato a questa sezione.",
      });
    const section: ReportSection = {
      id: sectionAnchors.get(s.sectionId)!,
      title: sectionName(s),
      blocks,
    };
    while (stack.length && stack[stack.length - 1].depth >= s.depth) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) (parent.section.sections ??= []).push(section);
    else sectionTree.push(section);
    stack.push({ depth: s.depth, section });
  }

  const sections: ReportSection[] = [];
  if (texts.introduction.trim())
    sections.push({
      id: topIds.intro,
      title: "Introduzione",
      blocks: [{ type: "text", markdown: texts.introduction }],
    });
  sections.push({
    id: topIds.facts,
    title: "Il documento e la consultazione",
    blocks: documentFacts(version, strategy, now),
  });
  sections.push({
    id: topIds.bySection,
    title: "Contributi ed emendamenti per sezione",
    blocks: [
      {
        type: "text",
        markdown:
          c.sections.length === 0
            ? "La versione non ha sezioni."
            : "Per ogni sezione della versione, nell'ordine del documento, i contributi e gli emendamenti pubblicati che vi sono collegati o che vi sono stati presentati, con l'esito e la risposta motivata (controdeduzione). Un elemento collegato a più sezioni è riportato per esteso nella prima e richiamato nelle altre.",
      },
    ],
    sections: sectionTree,
  });
  sections.push({
    id: topIds.noSection,
    title: "Contributi senza sezione",
    blocks: [
      {
        type: "text",
        markdown: `Contributi pubblicati sulla ${strategy.code} inviati durante la messa a disposizione della versione e non collegati ad alcuna sua sezione.`,
      },
      ...(withoutSection.length
        ? withoutSection
        : [
            {
              type: "text" as const,
              markdown: "Nessun contributo senza sezione.",
            },
          ]),
    ],
  });

  const features: ReportMapFeature[] = c.contributions.flatMap((row) => {
    const geometry = geometryOf(row);
    return geometry ? [{ id: row.id, label: `${row.title} (contributo n. ${row.id})`, geometry }] : [];
  });
  sections.push({
    id: topIds.map,
    title: "Mappa dei contributi",
    blocks: [
      {
        type: "map",
        caption: "Contributi del rapporto con un luogo",
        description: `${features.length} dei ${c.contributions.length} contributi pubblicati del rapporto hanno un luogo e sono sulla mappa, sopra i confini dei comuni della Città metropolitana.`,
        features,
      },
    ],
  });
  sections.push({
    id: topIds.tables,
    title: "Tabelle di sintesi",
    blocks: summaryTables(c),
  });
  sections.push({
    id: topIds.timeline,
    title: "Cronologia della consultazione",
    blocks: timelineBlocks(version, now),
  });
  if (texts.conclusions.trim())
    sections.push({
      id: topIds.conclusions,
      title: "Conclusioni",
      blocks: [{ type: "text", markdown: texts.conclusions }],
    });

  const data: ReportDataRow[] = [
    ...c.contributions.map((row): ReportDataRow => {
      const o = c.outcomes.get(key("contribution", row.id));
      return {
        ref: { kind: "contribution", id: row.id },
        title: row.title,
        type: row.kind,
        strategy: row.strategyCode,
        targets: c.targets.get(row.id) ?? [],
        organization: row.orgName ?? CITIZEN,
        organizationKind: row.orgKind ? orgKindLabel(row.orgKind) : null,
        comuni: c.comuni.get(row.id) ?? [],
        zones: c.zones.get(row.id) ?? [],
        status: "pubblicato",
        outcome: o ? OUTCOME_LABELS[o.outcome] : null,
        response: o?.response ?? null,
        sections: sectionLabels(c.placement.get(key("contribution", row.id))!.sectionIds),
        publishedAt: isoDay(row.publishedAt),
        url: `/contributi/${row.id}`,
        geometry: geometryOf(row),
      };
    }),
    ...c.amendments.map((row): ReportDataRow => {
      const o = c.outcomes.get(key("amendment", row.id));
      return {
        ref: { kind: "amendment", id: row.id },
        title: amendmentHeading(row, version),
        type: "emendamento",
        strategy: version.strategyCode,
        targets: [],
        organization: row.orgName ?? CITIZEN,
        organizationKind: row.orgKind ? orgKindLabel(row.orgKind) : null,
        comuni: [],
        zones: [],
        status: "pubblicato",
        outcome: o ? OUTCOME_LABELS[o.outcome] : null,
        response: o?.response ?? null,
        sections: sectionLabels(c.placement.get(key("amendment", row.id))!.sectionIds),
        publishedAt: isoDay(row.createdAt),
        url: `${sectionPagePath(version.strategyCode, row.versionId, row.sectionId)}#${amendmentAnchor(row.id)}`,
        geometry: null,
      };
    }),
  ];

  return {
    kind: "participation",
    title: "Rapporto sulla partecipazione e controdeduzioni",
    subtitle: `STTM ${strategy.number} — ${strategy.title} · ${version.label}`,
    generatedAt: now.toISOString(),
    sections,
    data,
  };
}

function documentFacts(version: DraftVersion, strategy: { code: string; number: number; title: string }, now: Date): ReportBlock[] {
  const facts: ReportFact[] = [
    {
      label: "Strategia",
      value: `STTM ${strategy.number} (${strategy.code}) — ${strategy.title}`,
    },
    {
      label: "Versione",
      value: `${version.label}, del ${formatDate("it", `${version.versionDate}T12:00:00Z`, { dateStyle: "long" })}`,
    },
    { label: "Stato", value: statusLabel(version.status) },
    {
      label: "Pubblicata il",
      value: date(version.publishedAt),
    },
  ];
  if (version.commentsOpenFrom && version.commentsOpenUntil) {
    const days = dayCount(version.commentsOpenFrom, version.commentsOpenUntil);
    facts.push({
      label: "Commenti ed emendamenti",
      value: `dal ${date(version.commentsOpenFrom)} al ${date(version.commentsOpenUntil)} (${days} giorni)`,
    });
  }
  if (version.closedAt)
    facts.push({
      label: "Chiusa il",
      value: date(version.closedAt),
    });
  if (version.adoptedAt) facts.push({ label: "Adottata il", value: date(version.adoptedAt) });
  if (version.publishedAt) {
    const published = romeDate(version.publishedAt);
    const end = romeDate(version.adoptedAt ?? now);
    // The same count art. 7bis uses: whole days from publication to adoption (or to today).
    const days = checkArt7bis({
      draftPublicDate: published,
      plannedAdoptionDate: end,
    });
    const available = daysBetween(published, end);
    facts.push({
      label: "Giorni a disposizione",
      value: `${available} (dalla pubblicazione ${version.adoptedAt ? "all'adozione" : "a oggi"})`,
    });
    let art7bis: string;
    if (version.adoptedAt) {
      art7bis =
        days.length === 0
          ? `rispettato: ${available} giorni a disposizione prima dell'adozione (ne servono almeno ${DRAFT_MIN_DAYS})`
          : `non rispettato: ${available} giorni a disposizione prima dell'adozione (ne servono almeno ${DRAFT_MIN_DAYS})`;
    } else {
      const earliest = earliestAdoption(version.publishedAt);
      art7bis =
        days.length === 0
          ? `già soddisfatto: ${available} giorni a disposizione (ne servono almeno ${DRAFT_MIN_DAYS} prima dell'adozione)`
          : `l'adozione è possibile dal ${formatDate("it", `${earliest}T12:00:00Z`, { dateStyle: "long" })}, ${DRAFT_MIN_DAYS} giorni dopo la pubblicazione`;
    }
    facts.push({
      label: "Art. 7bis c.4",
      value: art7bis,
    });
  }
  facts.push({
    label: "Dati letti il",
    value: formatDate("it", now, { dateStyle: "long", timeStyle: "short" }),
  });
  return [
    { type: "facts", items: facts },
    {
      type: "text",
      markdown: [
        "**Quali contributi sono nel rapporto.** Sono riportati, una sola volta ciascuno:",
        "",
        `- i contributi pubblicati che la redazione ha collegato a una sezione di questa versione, o che sono stati presentati su una sua sezione;`,
        `- i contributi pubblicati sulla ${strategy.code} inviati dalla messa a disposizione della versione alla chiusura della consultazione (o a oggi, se è ancora aperta), non presentati su un'altra versione: quelli non collegati ad alcuna sezione sono in «Contributi senza sezione»;`,
        "- gli emendamenti pubblicati proposti su questa versione o collegati a una sua sezione.",
        "",
        "I contributi e gli emendamenti in attesa di moderazione, respinti, nascosti o ritirati non sono riportati ma sono contati nelle tabelle di sintesi. I commenti alle sezioni non ricevono un esito: sono contati per sezione e leggibili nella pagina di ciascuna sezione. Chi ha partecipato è indicato con la sua organizzazione, o come «cittadino/a».",
      ].join("\n"),
    },
  ];
}

/** Calendar days from the Rome day of `from` to the Rome day of `to`, both counted. */
function dayCount(from: Date, to: Date): number {
  return daysBetween(romeDate(from), romeDate(to)) + 1;
}

function summaryTables(c: Collected): ReportBlock[] {
  const statusCount = (list: { status: Status }[], status: Status) => list.filter((i) => i.status === status).length;
  const received: (string | number)[][] = STATUS_ROWS.map(({ status, label }) => {
    const row = [statusCount(c.contributionStatuses, status), statusCount(c.amendmentStatuses, status), c.comments.byStatus.get(status) ?? 0];
    return [label, ...row, row[0] + row[1] + row[2]];
  });
  const sum = (rows: (string | number)[][], col: number) => rows.reduce((n, r) => n + Number(r[col]), 0);

  const outcomeCounts = (kind: ItemKind, list: { id: number }[]) => {
    const counts = new Map<Outcome | null, number>();
    for (const item of list) {
      const o = c.outcomes.get(key(kind, item.id))?.outcome ?? null;
      counts.set(o, (counts.get(o) ?? 0) + 1);
    }
    return counts;
  };
  const oc = outcomeCounts("contribution", c.contributions);
  const oa = outcomeCounts("amendment", c.amendments);
  const outcomeRows: (string | number)[][] = [...OUTCOMES, null].map((o) => {
    const a = oc.get(o) ?? 0;
    const b = oa.get(o) ?? 0;
    return [o ? OUTCOME_LABELS[o] : "Senza esito", a, b, a + b];
  });

  const zoneRows: (string | number)[][] = zonesList().map((z) => [
    z.name,
    c.contributions.filter((row) => (c.zoneIds.get(row.id) ?? []).includes(z.id)).length,
  ]);
  zoneRows.push(["Nessuna zona (luogo non indicato)", c.contributions.filter((row) => !(c.zoneIds.get(row.id) ?? []).length).length]);

  const kinds = [...ORGANIZATION_KINDS, null] as const;
  const orgRows: (string | number)[][] = kinds.map((k) => {
    const a = c.contributions.filter((r) => r.orgKind === k).length;
    const b = c.amendments.filter((r) => r.orgKind === k).length;
    return [k ? orgKindLabel(k) : "Cittadini (a titolo personale)", a, b, a + b];
  });

  return [
    {
      type: "table",
      caption: "Contributi, emendamenti e commenti alle sezioni ricevuti, per stato",
      columns: ["Stato", "Contributi", "Emendamenti", "Commenti alle sezioni", "Totale"],
      numeric: [false, true, true, true, true],
      rows: received,
      totals: ["Ricevuti", sum(received, 1), sum(received, 2), sum(received, 3), sum(received, 4)],
    },
    {
      type: "table",
      caption: "Esiti dei contributi e degli emendamenti pubblicati",
      columns: ["Esito", "Contributi", "Emendamenti", "Totale"],
      numeric: [false, true, true, true],
      rows: outcomeRows,
      totals: ["Pubblicati", sum(outcomeRows, 1), sum(outcomeRows, 2), sum(outcomeRows, 3)],
    },
    {
      type: "table",
      caption: "Contributi pubblicati per zona omogenea (un contributo che riguarda più zone è contato in ciascuna)",
      columns: ["Zona omogenea", "Contributi"],
      numeric: [false, true],
      rows: zoneRows,
      totals: ["Contributi pubblicati (ciascuno una volta)", c.contributions.length],
    },
    {
      type: "table",
      caption: "Contributi ed emendamenti pubblicati per tipo di soggetto",
      columns: ["Soggetto", "Contributi", "Emendamenti", "Totale"],
      numeric: [false, true, true, true],
      rows: orgRows,
      totals: ["Totale", sum(orgRows, 1), sum(orgRows, 2), sum(orgRows, 3)],
    },
  ];
}

type TimelineEvent = {
  date: string;
  sortKey: string;
  event: string;
  details: string;
};

function timelineBlocks(version: DraftVersion, now: Date): ReportBlock[] {
  const events: TimelineEvent[] = [];
  const at = (d: Date, seq: number) => ({
    date: date(d),
    sortKey: `${romeDate(d)}|${seq}`,
  });
  if (version.publishedAt)
    events.push({
      ...at(version.publishedAt, 1),
      event: "Messa a disposizione della versione",
      details: version.label,
    });
  if (version.commentsOpenFrom)
    events.push({
      ...at(version.commentsOpenFrom, 2),
      event: "Apertura della finestra per commenti ed emendamenti",
      details: "",
    });
  if (version.commentsOpenUntil) {
    const past = version.commentsOpenUntil.getTime() <= now.getTime();
    events.push({
      ...at(version.commentsOpenUntil, 8),
      event: past ? "Chiusura della finestra per commenti ed emendamenti" : "Chiusura prevista della finestra per commenti ed emendamenti",
      details: "",
    });
  }
  if (version.closedAt)
    events.push({
      ...at(version.closedAt, 9),
      event: "Chiusura della consultazione",
      details: "",
    });
  if (version.adoptedAt)
    events.push({
      ...at(version.adoptedAt, 10),
      event: "Adozione",
      details: "",
    });

  for (const p of phasesOf(version.strategyCode)) {
    const month = p.precision === "month";
    const fmt = (d: string) => formatDate("it", `${d}T12:00:00Z`, month ? { month: "long", year: "numeric" } : { dateStyle: "long" });
    events.push({
      date: p.endDate && p.endDate !== p.startDate ? `${fmt(p.startDate)} – ${fmt(p.endDate)}` : fmt(p.startDate),
      sortKey: `${p.startDate}|0`,
      event: `Fase: ${p.title}`,
      details: p.processTitle,
    });
  }

  const meetingReports: string[] = [];
  for (const m of meetingsOf(version.strategyCode)) {
    const startsAt = new Date(m.startsAt * 1000);
    const upcoming = startsAt.getTime() > now.getTime();
    events.push({
      ...at(startsAt, 5),
      event: `${it(`meetings.kind.${m.kind}` as MessageKey)}${upcoming ? " (in programma)" : ""}`,
      details: m.reportNumber ? `${m.title} — rapporto pubblicato` : m.title,
    });
    if (m.reportNumber) meetingReports.push(`- [${escapeMd(m.title)}](/incontri/${m.id}/rapporto), ${date(startsAt)}`);
  }
  events.sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
  const blocks: ReportBlock[] = [
    {
      type: "table",
      caption: "Cronologia: la versione, le fasi del processo e gli incontri",
      columns: ["Data", "Evento", "Dettagli"],
      rows: events.map((e) => [e.date, e.event, e.details || "—"]),
    },
  ];
  if (meetingReports.length)
    blocks.push({
      type: "text",
      markdown: `**Rapporti degli incontri pubblicati:**\n\n${meetingReports.join("\n")}`,
    });
  return blocks;
}
