// The moderation queue: one list of everything waiting for staff, of every kind — contributions,
// comments on contributions, comments on draft sections, amendments — oldest first. An item waits
// when it is pending (a contribution sent back to its author waits for the author instead), when
// it has open reports ("Segnalato", hidden past the threshold), or when it was published at once
// under post-moderation and no one has reviewed it yet.
import { and, eq, sql, type SQL } from "drizzle-orm";
import { db } from "~/lib/db.server";
import { contributionPlace } from "~/domain/contributions/page.server";
import { sectionPagePath } from "~/domain/drafts/participation";
import {
  amendments,
  contributionObjectives,
  contributions,
  contributionTargets,
  draftSectionTexts,
  draftVersions,
  duplicates,
  organizations,
  processes,
  processStrategies,
  sectionComments,
  contributionComments,
  users,
  type ModeratedKind,
} from "~db/schema";
import { QUEUE_PAGE_SIZE, type QueueState } from "./kinds";
import { flagsOf, redactionsOf } from "./flags.server";
import { linksOf, outcomeHistory } from "./outcomes.server";
import { findItem, type ItemRef } from "./items.server";

export type QueueFilters = {
  kind?: ModeratedKind;
  sttm?: string;
  zone?: string;
  /** Waiting for more than this many days. */
  olderThanDays?: number;
  /** Only items with open reports. */
  reported?: boolean;
  page?: number;
};

export type QueueRow = {
  kind: ModeratedKind;
  id: number;
  title: string;
  excerpt: string;
  strategyCode: string | null;
  status: string;
  state: QueueState;
  waitingSince: Date;
  flags: number;
  authorName: string | null;
};

/** Actions that count as a staff review of an item published under post-moderation. */
const REVIEW_ACTIONS = ["published", "reviewed", "rejected", "hidden", "restored", "hidden_for_good"];

/** Processes and STTM under post-moderation (small sets, computed once per query). */
function postModeration() {
  const processIds = db.select({ id: processes.id }).from(processes).where(eq(processes.moderationMode, "post")).all().map((r) => r.id);
  // An STTM is post-moderated when every active process concerning it says so (drafts' rule).
  const rows = db
    .select({ code: processStrategies.strategyCode, mode: processes.moderationMode })
    .from(processStrategies)
    .innerJoin(processes, eq(processes.id, processStrategies.processId))
    .where(eq(processes.status, "active"))
    .all();
  const codes = [...new Set(rows.map((r) => r.code))].filter((code) => rows.filter((r) => r.code === code).every((r) => r.mode === "post"));
  return { processIds, codes };
}

const list = (values: (string | number)[]) => (values.length ? sql.join(values.map((v) => sql`${v}`), sql`, `) : sql`null`);

function unreviewed(kind: ModeratedKind, idColumn: SQL) {
  const actions = list(REVIEW_ACTIONS.map((a) => `${kind}.${a}`));
  return sql`not exists (select 1 from audit_entries a where a.subject_type = ${kind} and a.subject_id = cast(${idColumn} as text) and a.action in (${actions}))`;
}

function openFlags(kind: ModeratedKind, idColumn: SQL) {
  return sql`(select count(*) from flags f where f.item_kind = ${kind} and f.item_id = ${idColumn} and f.status = 'open')`;
}

/** Every waiting item as rows of the same shape (kind, id, title, excerpt, sttm, status, since, flags, author, zone test). */
function waitingItems() {
  const post = postModeration();
  const cFlags = openFlags("contribution", sql`c.id`);
  const ccFlags = openFlags("contribution_comment", sql`cc.id`);
  const scFlags = openFlags("section_comment", sql`sc.id`);
  const amFlags = openFlags("amendment", sql`am.id`);
  const lastFlag = (kind: ModeratedKind, id: SQL) => sql`(select max(f.created_at) from flags f where f.item_kind = ${kind} and f.item_id = ${id} and f.status = 'open')`;
  return sql`
    select 'contribution' as kind, c.id as id, c.title as title, substr(c.body, 1, 240) as excerpt, c.strategy_code as strategyCode, c.status as status,
      case when ${cFlags} > 0 then 'flagged' when c.status = 'pending' then 'pending' else 'review' end as state,
      case when ${cFlags} > 0 then ${lastFlag("contribution", sql`c.id`)} when c.status = 'pending' then max(c.created_at, coalesce(c.updated_at, c.created_at)) else coalesce(c.published_at, c.created_at) end as since,
      ${cFlags} as flags, coalesce(o.name, u.name) as authorName, c.id as contributionId
    from contributions c left join users u on u.id = c.author_id left join organizations o on o.id = c.organization_id
    where (c.status = 'pending' and c.changes_requested_at is null)
       or (c.status in ('published', 'hidden') and ${cFlags} > 0)
       or (c.status = 'published' and c.process_id in (${list(post.processIds)}) and ${unreviewed("contribution", sql`c.id`)})
    union all
    select 'contribution_comment', cc.id, c.title, substr(cc.body, 1, 240), c.strategy_code, cc.status,
      case when ${ccFlags} > 0 then 'flagged' when cc.status = 'pending' then 'pending' else 'review' end,
      case when ${ccFlags} > 0 then ${lastFlag("contribution_comment", sql`cc.id`)} else cc.created_at end,
      ${ccFlags}, coalesce(o.name, u.name), c.id
    from contribution_comments cc join contributions c on c.id = cc.contribution_id join users u on u.id = cc.author_id
      left join organizations o on o.id = cc.organization_id
    where cc.deleted_at is null and (cc.status = 'pending'
       or (cc.status in ('published', 'hidden') and ${ccFlags} > 0)
       or (cc.status = 'published' and c.process_id in (${list(post.processIds)}) and ${unreviewed("contribution_comment", sql`cc.id`)}))
    union all
    select 'section_comment', sc.id, '§ ' || coalesce(st.number, '') || ' ' || coalesce(st.title, '') || ' (' || v.label || ')', substr(sc.body, 1, 240), v.strategy_code, sc.status,
      case when ${scFlags} > 0 then 'flagged' when sc.status = 'pending' then 'pending' else 'review' end,
      case when ${scFlags} > 0 then ${lastFlag("section_comment", sql`sc.id`)} else sc.created_at end,
      ${scFlags}, coalesce(o.name, u.name), null
    from section_comments sc join draft_versions v on v.id = sc.version_id join users u on u.id = sc.author_id
      left join organizations o on o.id = sc.organization_id
      left join draft_section_texts st on st.version_id = sc.version_id and st.section_id = sc.section_id
    where sc.deleted_at is null and (sc.status = 'pending'
       or (sc.status in ('published', 'hidden') and ${scFlags} > 0)
       or (sc.status = 'published' and v.strategy_code in (${list(post.codes)}) and ${unreviewed("section_comment", sql`sc.id`)}))
    union all
    select 'amendment', am.id, '§ ' || coalesce(st.number, '') || ' ' || coalesce(st.title, '') || ' (' || v.label || ')', substr(am.proposed_text, 1, 240), v.strategy_code, am.status,
      case when ${amFlags} > 0 then 'flagged' when am.status = 'pending' then 'pending' else 'review' end,
      case when ${amFlags} > 0 then ${lastFlag("amendment", sql`am.id`)} else am.created_at end,
      ${amFlags}, coalesce(o.name, u.name), null
    from amendments am join draft_versions v on v.id = am.version_id join users u on u.id = am.author_id
      left join organizations o on o.id = am.organization_id
      left join draft_section_texts st on st.version_id = am.version_id and st.section_id = am.section_id
    where am.status = 'pending'
       or (am.status in ('published', 'hidden') and ${amFlags} > 0)
       or (am.status = 'published' and v.strategy_code in (${list(post.codes)}) and ${unreviewed("amendment", sql`am.id`)})`;
}

function filterConditions(f: QueueFilters, now: Date): SQL {
  const conditions: SQL[] = [sql`1`];
  if (f.kind) conditions.push(sql`q.kind = ${f.kind}`);
  if (f.sttm) conditions.push(sql`q.strategyCode = ${f.sttm}`);
  // Only contributions (and the comments on them) have a place: other items never match a zone.
  if (f.zone) conditions.push(sql`q.contributionId in (select contribution_id from contribution_zones where zone_id = ${f.zone})`);
  if (f.olderThanDays) conditions.push(sql`q.since <= ${Math.floor(now.getTime() / 1000) - f.olderThanDays * 86_400}`);
  if (f.reported) conditions.push(sql`q.flags > 0`);
  return sql.join(conditions, sql` and `);
}

type RawRow = Omit<QueueRow, "waitingSince"> & { since: number; contributionId: number | null };

/** One page of the queue, oldest first. */
export function listQueue(f: QueueFilters, now = new Date()) {
  const where = filterConditions(f, now);
  const total = db.get<{ n: number }>(sql`select count(*) as n from (${waitingItems()}) q where ${where}`)?.n ?? 0;
  const pages = Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE));
  const page = Math.min(Math.max(1, f.page ?? 1), pages);
  const rows = db.all<RawRow>(
    sql`select * from (${waitingItems()}) q where ${where} order by q.since asc, q.kind asc, q.id asc limit ${QUEUE_PAGE_SIZE} offset ${(page - 1) * QUEUE_PAGE_SIZE}`,
  );
  return {
    rows: rows.map(({ since, contributionId: _c, ...r }) => ({ ...r, waitingSince: new Date(since * 1000) }) satisfies QueueRow),
    total,
    page,
    pages,
  };
}

/** Counts of the whole queue by kind and state, and the oldest waiting date (for the workload view). */
export function queueSummary() {
  const rows = db.all<{ kind: ModeratedKind; state: QueueState; n: number; oldest: number }>(
    sql`select q.kind as kind, q.state as state, count(*) as n, min(q.since) as oldest from (${waitingItems()}) q group by q.kind, q.state`,
  );
  return rows.map((r) => ({ kind: r.kind, state: r.state, count: r.n, oldest: new Date(r.oldest * 1000) }));
}

// ---------------------------------------------------------------------------------------------
// One item, in full, for its moderation page

/** A section of a draft version as staff name it ("sezione 2.3 «…» di STTM1 v0.1"), with its page; null when the version is gone. */
function sectionRef(versionId: number, sectionId: number) {
  const s = db
    .select({ strategyCode: draftVersions.strategyCode, versionLabel: draftVersions.label, versionStatus: draftVersions.status, number: draftSectionTexts.number, title: draftSectionTexts.title })
    .from(draftVersions)
    .leftJoin(draftSectionTexts, and(eq(draftSectionTexts.versionId, draftVersions.id), eq(draftSectionTexts.sectionId, sectionId)))
    .where(eq(draftVersions.id, versionId))
    .get();
  if (!s) return null;
  return {
    versionId,
    sectionId,
    strategyCode: s.strategyCode,
    versionLabel: s.versionLabel,
    versionStatus: s.versionStatus,
    number: s.number ?? "",
    title: s.title ?? "",
    path: sectionPagePath(s.strategyCode, versionId, sectionId),
  };
}

export type SectionRef = NonNullable<ReturnType<typeof sectionRef>>;

/** Whether staff ever saved the section links of an item (then a proposal from its origin is not made again). */
function linksEverSaved(kind: ModeratedKind, id: number) {
  return Boolean(
    db.get<{ x: number }>(sql`select 1 as x from audit_entries a where a.subject_type = ${kind} and a.subject_id = ${String(id)} and a.action = 'section_links.updated' limit 1`),
  );
}

function contributionDetail(id: number) {
  const row = db
    .select({ c: contributions, personName: users.name, organizationName: organizations.name })
    .from(contributions)
    .leftJoin(users, eq(users.id, contributions.authorId))
    .leftJoin(organizations, eq(organizations.id, contributions.organizationId))
    .where(eq(contributions.id, id))
    .get();
  if (!row) return null;
  const c = row.c;
  const dup = db.select({ duplicateOf: duplicates.duplicateOf, title: contributions.title }).from(duplicates).innerJoin(contributions, eq(contributions.id, duplicates.duplicateOf)).where(eq(duplicates.contributionId, id)).get();
  const duplicatedBy = db.select({ id: duplicates.contributionId }).from(duplicates).where(eq(duplicates.duplicateOf, id)).all().map((r) => r.id);
  const place = contributionPlace(c);
  return {
    title: c.title,
    body: c.body,
    kind: c.kind,
    status: c.status,
    strategyCode: c.strategyCode,
    processId: c.processId,
    authorName: row.organizationName ?? row.personName,
    personName: row.personName,
    organizationName: row.organizationName,
    createdAt: c.createdAt,
    publishedAt: c.publishedAt,
    moderatorMessage: c.moderatorMessage,
    changesRequestedAt: c.changesRequestedAt,
    placeKind: c.placeKind,
    geometry: c.geometry,
    /** The place for the small map and in words (the same as on the public page). */
    place,
    /** The draft section it was sent from ("Invia un contributo su questa sezione"), if any. */
    origin: c.draftVersionId && c.draftSectionId ? sectionRef(c.draftVersionId, c.draftSectionId) : null,
    targetCodes: db.select({ code: contributionTargets.targetCode }).from(contributionTargets).where(eq(contributionTargets.contributionId, id)).all().map((r) => r.code).sort(),
    objectiveCodes: db.select({ code: contributionObjectives.objectiveCode }).from(contributionObjectives).where(eq(contributionObjectives.contributionId, id)).all().map((r) => r.code).sort(),
    comuni: place.comuni,
    duplicateOf: dup ? { id: dup.duplicateOf, title: dup.title } : null,
    duplicatedBy,
  };
}

/** Everything staff see on an item's moderation page; null when it does not exist. */
export function itemDetail(ref: ItemRef) {
  const item = findItem(db, ref);
  if (!item) return null;
  let title = "";
  let body = "";
  let secondary: string | null = null;
  let personName: string | null = null;
  let organizationName: string | null = null;
  let createdAt: Date | null = null;
  let section: SectionRef | null = null;
  let contribution: ReturnType<typeof contributionDetail> = null;
  switch (ref.kind) {
    case "contribution":
      contribution = contributionDetail(ref.id);
      ({ title, body, personName, organizationName, createdAt } = contribution!);
      section = contribution!.origin;
      break;
    case "contribution_comment": {
      const r = db
        .select({ body: contributionComments.body, createdAt: contributionComments.createdAt, personName: users.name, organizationName: organizations.name, title: contributions.title })
        .from(contributionComments)
        .innerJoin(contributions, eq(contributions.id, contributionComments.contributionId))
        .innerJoin(users, eq(users.id, contributionComments.authorId))
        .leftJoin(organizations, eq(organizations.id, contributionComments.organizationId))
        .where(eq(contributionComments.id, ref.id))
        .get()!;
      ({ body, createdAt, personName, organizationName, title } = r);
      break;
    }
    case "section_comment":
    case "amendment": {
      const table = ref.kind === "section_comment" ? sectionComments : amendments;
      const r = db
        .select({ versionId: table.versionId, sectionId: table.sectionId, createdAt: table.createdAt, personName: users.name, organizationName: organizations.name })
        .from(table)
        .innerJoin(users, eq(users.id, table.authorId))
        .leftJoin(organizations, eq(organizations.id, table.organizationId))
        .where(eq(table.id, ref.id))
        .get()!;
      section = sectionRef(r.versionId, r.sectionId);
      title = `§ ${section?.number ?? ""} ${section?.title ?? ""} (${section?.versionLabel ?? ""})`;
      ({ createdAt, personName, organizationName } = r);
      if (ref.kind === "section_comment") body = db.select({ body: sectionComments.body }).from(sectionComments).where(eq(sectionComments.id, ref.id)).get()!.body;
      else {
        const a = db.select({ proposedText: amendments.proposedText, rationale: amendments.rationale }).from(amendments).where(eq(amendments.id, ref.id)).get()!;
        body = a.proposedText;
        secondary = a.rationale || null;
      }
      break;
    }
  }
  const outcomeKind = ref.kind === "contribution" || ref.kind === "amendment" ? ref.kind : null;
  const links = outcomeKind ? linksOf(outcomeKind, ref.id) : [];
  // A contribution sent from a section proposes that section as its link, until staff save its links.
  const origin = contribution?.origin ?? null;
  const proposedLink = origin && links.length === 0 && !linksEverSaved(ref.kind, ref.id) ? origin : null;
  return {
    kind: ref.kind,
    id: ref.id,
    status: item.status,
    deleted: item.deleted,
    link: item.link,
    strategyCode: item.strategyCode,
    title,
    body,
    secondary,
    /** As staff lists name the author: the organization it was sent for, else the person. */
    authorName: organizationName ?? personName,
    personName,
    organizationName,
    createdAt,
    /** The draft section it belongs to (comments on sections, amendments) or was sent from (contributions). */
    section,
    proposedLink,
    contribution,
    flags: flagsOf(ref),
    redactions: redactionsOf(ref),
    outcome: outcomeKind ? outcomeHistory(outcomeKind, ref.id) : null,
    links,
  };
}

/** Where an item stands in the queue, or null when it is not waiting. */
export function queueStateOf(ref: ItemRef): QueueState | null {
  const row = db.get<{ state: QueueState }>(sql`select q.state as state from (${waitingItems()}) q where q.kind = ${ref.kind} and q.id = ${ref.id}`);
  return row?.state ?? null;
}
