// Reading the data of a participation report (participation-report.server.ts says which items
// belong to the report of a version, and why): a handful of set-based queries for the whole
// version, never one per item. Only organizations' names are read about the people who took part.
import { getVersion, versionSections, type DraftVersion, type SectionText } from "~/domain/drafts/versions.server";
import { sqlite } from "~/lib/db.server";
import type { ContributionStatus, Outcome } from "~db/schema/enums";

export type ItemKind = "contribution" | "amendment";
export type Status = ContributionStatus;

export type ContributionRow = {
  id: number;
  kind: string;
  title: string;
  body: string;
  status: Status;
  strategyCode: string | null;
  orgName: string | null;
  orgKind: string | null;
  meetingId: number | null;
  meetingTitle: string | null;
  draftSectionId: number | null;
  draftVersionId: number | null;
  geometry: string | null;
  lon: number | null;
  lat: number | null;
  createdAt: number;
  publishedAt: number | null;
  duplicateOf: number | null;
};

export type AmendmentRow = {
  id: number;
  sectionId: number;
  versionId: number;
  versionLabel: string;
  sectionNumber: string | null;
  sectionTitle: string | null;
  proposedText: string;
  rationale: string;
  status: Status;
  orgName: string | null;
  orgKind: string | null;
  createdAt: number;
};

const seconds = (d: Date) => Math.floor(d.getTime() / 1000);

/** End of the window for contributions without a section: closure, else adoption, else now. */
function windowEnd(version: DraftVersion, now: Date): Date {
  return version.closedAt ?? version.adoptedAt ?? now;
}

/** Every contribution of the report's universe (any status), per the rule in the module comment. */
function contributionUniverse(version: DraftVersion, now: Date): { id: number; status: Status }[] {
  const from = version.publishedAt ? seconds(version.publishedAt) : null;
  return sqlite
    .prepare(
      `with v_sections as (select section_id from draft_section_texts where version_id = @v),
            linked as (select item_id as id from section_links
                       where item_kind = 'contribution' and version_id = @v and section_id in (select section_id from v_sections)),
            made_on as (select id from contributions where draft_section_id in (select section_id from v_sections) and draft_version_id = @v),
            in_window as (select id from contributions
                          where @from is not null and strategy_code = @s and created_at >= @from and created_at <= @to
                            and (draft_version_id is null or draft_version_id = @v))
       select id, status from contributions
       where id in (select id from linked union select id from made_on union select id from in_window)
       order by id`
    )
    .all({
      v: version.id,
      s: version.strategyCode,
      from,
      to: seconds(windowEnd(version, now)),
    }) as { id: number; status: Status }[];
}

/** Every amendment of the report's universe (any status): made on V or linked to a section of V. */
function amendmentUniverse(version: DraftVersion): { id: number; status: Status }[] {
  return sqlite
    .prepare(
      `select id, status from amendments
       where version_id = @v
          or id in (select item_id from section_links
                    where item_kind = 'amendment' and version_id = @v
                      and section_id in (select section_id from draft_section_texts where version_id = @v))
       order by id`
    )
    .all({ v: version.id }) as { id: number; status: Status }[];
}

function contributionRows(ids: number[]): ContributionRow[] {
  if (!ids.length) return [];
  return sqlite
    .prepare(
      `select c.id, c.kind, c.title, c.body, c.status, c.strategy_code as strategyCode, o.name as orgName, o.kind as orgKind,
              c.meeting_id as meetingId, m.title as meetingTitle, c.draft_section_id as draftSectionId, c.draft_version_id as draftVersionId,
              c.geometry, c.lon, c.lat, c.created_at as createdAt, c.published_at as publishedAt, d.duplicate_of as duplicateOf
       from contributions c
       left join organizations o on o.id = c.organization_id
       left join meetings m on m.id = c.meeting_id
       left join duplicates d on d.contribution_id = c.id
       where c.id in (select value from json_each(@ids))
       order by c.id`
    )
    .all({ ids: JSON.stringify(ids) }) as ContributionRow[];
}

function amendmentRows(ids: number[]): AmendmentRow[] {
  if (!ids.length) return [];
  return sqlite
    .prepare(
      `select a.id, a.section_id as sectionId, a.version_id as versionId, v.label as versionLabel, t.number as sectionNumber, t.title as sectionTitle,
              a.proposed_text as proposedText, a.rationale, a.status, o.name as orgName, o.kind as orgKind, a.created_at as createdAt
       from amendments a
       join draft_versions v on v.id = a.version_id
       left join draft_section_texts t on t.version_id = a.version_id and t.section_id = a.section_id
       left join organizations o on o.id = a.organization_id
       where a.id in (select value from json_each(@ids))
       order by a.id`
    )
    .all({ ids: JSON.stringify(ids) }) as AmendmentRow[];
}

/** "contribution:12" → names, for the many-to-many lists of contributions (comuni, zones, targets). */
function namesByContribution(query: string, ids: number[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  if (!ids.length) return out;
  for (const r of sqlite.prepare(query).all({ ids: JSON.stringify(ids) }) as {
    id: number;
    name: string;
  }[]) {
    const list = out.get(r.id) ?? [];
    list.push(r.name);
    out.set(r.id, list);
  }
  return out;
}

type Links = Map<string, number[]>;
export const key = (kind: ItemKind, id: number) => `${kind}:${id}`;

/** The sections of V each item is linked to (section ids). */
function linksInVersion(versionId: number): Links {
  const rows = sqlite
    .prepare(
      `select item_kind as kind, item_id as id, section_id as sectionId from section_links
       where version_id = @v and section_id in (select section_id from draft_section_texts where version_id = @v)`
    )
    .all({ v: versionId }) as {
    kind: ItemKind;
    id: number;
    sectionId: number;
  }[];
  const out: Links = new Map();
  for (const r of rows) {
    const list = out.get(key(r.kind, r.id)) ?? [];
    list.push(r.sectionId);
    out.set(key(r.kind, r.id), list);
  }
  return out;
}

function outcomesOf(contributionIds: number[], amendmentIds: number[]): Map<string, { outcome: Outcome; response: string }> {
  const rows = sqlite
    .prepare(
      `select item_kind as kind, item_id as id, outcome, response from outcomes
       where (item_kind = 'contribution' and item_id in (select value from json_each(@c)))
          or (item_kind = 'amendment' and item_id in (select value from json_each(@a)))`
    )
    .all({
      c: JSON.stringify(contributionIds),
      a: JSON.stringify(amendmentIds),
    }) as { kind: ItemKind; id: number; outcome: Outcome; response: string }[];
  return new Map(rows.map((r) => [key(r.kind, r.id), { outcome: r.outcome, response: r.response }]));
}

export type CommentCounts = {
  bySection: Map<number, number>;
  byStatus: Map<Status, number>;
};

/** Section comments made on V (deleted ones are not counted, as on the section page). */
function sectionCommentCounts(versionId: number): CommentCounts {
  const rows = sqlite
    .prepare(
      `select section_id as sectionId, status, count(*) as n from section_comments
       where version_id = @v and deleted_at is null group by section_id, status`
    )
    .all({ v: versionId }) as {
    sectionId: number;
    status: Status;
    n: number;
  }[];
  const bySection = new Map<number, number>();
  const byStatus = new Map<Status, number>();
  for (const r of rows) {
    if (r.status === "published") bySection.set(r.sectionId, (bySection.get(r.sectionId) ?? 0) + r.n);
    byStatus.set(r.status, (byStatus.get(r.status) ?? 0) + r.n);
  }
  return { bySection, byStatus };
}

/** Meetings of the processes concerning the STTM (not cancelled; tied to this STTM or to none). */
export function meetingsOf(strategyCode: string) {
  return sqlite
    .prepare(
      `select m.id, m.kind, m.title, m.starts_at as startsAt, m.status,
              (select max(rv.number) from reports r join report_versions rv on rv.report_id = r.id where r.meeting_id = m.id) as reportNumber
       from meetings m
       where m.process_id in (select process_id from process_strategies where strategy_code = @s)
         and m.status != 'cancelled'
         and (not exists (select 1 from meeting_strategies ms where ms.meeting_id = m.id)
              or exists (select 1 from meeting_strategies ms where ms.meeting_id = m.id and ms.strategy_code = @s))
       order by m.starts_at, m.id`
    )
    .all({ s: strategyCode }) as {
    id: number;
    kind: string;
    title: string;
    startsAt: number;
    status: string;
    reportNumber: number | null;
  }[];
}

export function phasesOf(strategyCode: string) {
  return sqlite
    .prepare(
      `select p.title as processTitle, ph.title, ph.start_date as startDate, ph.end_date as endDate, ph.precision
       from phases ph join processes p on p.id = ph.process_id
       where p.status != 'draft' and p.id in (select process_id from process_strategies where strategy_code = @s)
       order by ph.start_date, ph.position`
    )
    .all({ s: strategyCode }) as {
    processTitle: string;
    title: string;
    startDate: string;
    endDate: string | null;
    precision: "day" | "month";
  }[];
}

export function strategyOf(code: string) {
  return sqlite.prepare("select code, number, title from strategies where code = ?").get(code) as { code: string; number: number; title: string };
}

export function zonesList() {
  return sqlite.prepare("select id, name from zones order by sort_order").all() as { id: string; name: string }[];
}

// Collecting: which items, where they go (the rule is in participation-report.server.ts).

export type Placed = { kind: ItemKind; id: number; sectionIds: number[] };

export type Collected = {
  version: DraftVersion;
  sections: SectionText[];
  contributionStatuses: { id: number; status: Status }[];
  amendmentStatuses: { id: number; status: Status }[];
  contributions: ContributionRow[];
  amendments: AmendmentRow[];
  placement: Map<string, Placed>;
  outcomes: Map<string, { outcome: Outcome; response: string }>;
  comuni: Map<number, string[]>;
  zones: Map<number, string[]>;
  zoneIds: Map<number, string[]>;
  targets: Map<number, string[]>;
  comments: CommentCounts;
};

export function collect(version: DraftVersion, now: Date): Collected {
  const sections = versionSections(version.id);
  const inVersion = new Set(sections.map((s) => s.sectionId));
  const position = new Map(sections.map((s) => [s.sectionId, s.position]));
  const contributionStatuses = contributionUniverse(version, now);
  const amendmentStatuses = amendmentUniverse(version);
  const contributionIds = contributionStatuses.filter((c) => c.status === "published").map((c) => c.id);
  const amendmentIds = amendmentStatuses.filter((a) => a.status === "published").map((a) => a.id);
  const contributions = contributionRows(contributionIds);
  const amendments = amendmentRows(amendmentIds);
  const links = linksInVersion(version.id);

  const placement = new Map<string, Placed>();
  const place = (kind: ItemKind, id: number, madeOn: number | null) => {
    const ids = new Set(links.get(key(kind, id)) ?? []);
    if (madeOn !== null && inVersion.has(madeOn)) ids.add(madeOn);
    const sectionIds = [...ids].filter((s) => inVersion.has(s)).sort((a, b) => position.get(a)! - position.get(b)!);
    placement.set(key(kind, id), { kind, id, sectionIds });
  };
  for (const c of contributions) place("contribution", c.id, c.draftVersionId === version.id ? c.draftSectionId : null);
  for (const a of amendments) place("amendment", a.id, a.versionId === version.id ? a.sectionId : null);

  return {
    version,
    sections,
    contributionStatuses,
    amendmentStatuses,
    contributions,
    amendments,
    placement,
    outcomes: outcomesOf(contributionIds, amendmentIds),
    comuni: namesByContribution(
      `select cc.contribution_id as id, co.name from contribution_comuni cc join comuni co on co.istat = cc.istat
       where cc.contribution_id in (select value from json_each(@ids)) order by co.name`,
      contributionIds
    ),
    zones: namesByContribution(
      `select cz.contribution_id as id, z.name from contribution_zones cz join zones z on z.id = cz.zone_id
       where cz.contribution_id in (select value from json_each(@ids)) order by z.sort_order`,
      contributionIds
    ),
    zoneIds: namesByContribution(
      `select contribution_id as id, zone_id as name from contribution_zones where contribution_id in (select value from json_each(@ids))`,
      contributionIds
    ),
    targets: namesByContribution(
      `select contribution_id as id, target_code as name from contribution_targets
       where contribution_id in (select value from json_each(@ids)) order by target_code`,
      contributionIds
    ),
    comments: sectionCommentCounts(version.id),
  };
}

/** What the staff page warns about before publishing: items without an outcome, items still waiting for moderation. */
export function participationReportCounts(versionId: number, now = new Date()): { items: number; withoutOutcome: number; pending: number } | undefined {
  const version = getVersion(versionId);
  if (!version) return undefined;
  const c = collect(version, now);
  const items = c.contributions.length + c.amendments.length;
  const withOutcome = [...c.placement.keys()].filter((k) => c.outcomes.has(k)).length;
  const pending = [...c.contributionStatuses, ...c.amendmentStatuses].filter((i) => i.status === "pending").length;
  return { items, withoutOutcome: items - withOutcome, pending };
}
