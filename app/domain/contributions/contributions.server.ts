import { and, asc, count, desc, eq, inArray, sql } from "drizzle-orm";
import { db, type Tx } from "~/lib/db.server";
import { recordAudit } from "~/domain/audit/audit.server";
import { isApprovedMember } from "~/domain/accounts/organizations.server";
import { getMeeting } from "~/domain/meetings/meetings.server";
import { getVersion, isPublic, versionSections } from "~/domain/drafts/versions.server";
import { FIRST_PROCESS_SLUG } from "~/domain/processes/processes.server";
import { checkPlace, GeometryError, placeOfComuni } from "~/domain/territory/geometry.server";
import type { MessageKey } from "~/i18n";
import { DomainError } from "~/lib/domain-error";
import {
  comuni,
  contributionAttachments,
  contributionComuni,
  contributionObjectives,
  contributions,
  contributionTargets,
  contributionZones,
  meetings,
  objectives,
  organizations,
  processes,
  processStrategies,
  strategies,
  targets,
  type ContributionKind,
  type ContributionStatus,
  type ModerationMode,
  type PlaceKind,
} from "~db/schema";
import { deleteAttachmentRows, insertAttachments, removeFiles, type PreparedAttachment } from "./attachments.server";
import { BODY_MAX, BODY_MIN, MY_CONTRIBUTIONS_PAGE_SIZE, SIMILAR_LIMIT, TITLE_MAX, TITLE_MIN, type ContributionDraft } from "./rules";
import { ftsAnyTerms } from "./search";

// The write side of contributions made online by participants: create, edit while pending,
// withdraw, "my contributions", and the similar published ones shown while typing a title.
// Every write checks everything first (async reads), then runs in one synchronous transaction.

export type PlaceInput = { geometry: string } | { comuni: string[] };

export type ContributionInput = {
  kind: ContributionKind;
  strategyCode: string;
  targetCodes: string[];
  objectiveCodes: string[];
  title: string;
  body: string;
  place: PlaceInput;
  meetingId: number | null;
  draftVersionId: number | null;
  draftSectionId: number | null;
  organizationId: number | null;
};

/** The form field a refusal belongs to (the wizard shows it on the step that holds the field). */
export type ContributionField = "form" | "kind" | "strategyCode" | "targetCodes" | "objectiveCodes" | "geometry" | "comuni" | "title" | "body" | "origin" | "organizationId";

/** A refusal for the participant; `field` is the form field at fault (none: the whole form). */
export class ContributionError extends DomainError {
  declare readonly status: 400 | 403 | 404 | 409;
  declare readonly field: ContributionField | null;
  constructor(key: MessageKey, status: 400 | 403 | 404 | 409 = 400, options: { field?: ContributionField } = {}) {
    super(key, status, options);
  }
}

// ---------------------------------------------------------------------------------------------
// Checks (each also used alone by the wizard, for the step that holds its fields)

/** The title, with spaces collapsed; 5–160 characters. */
export function checkTitle(title: string) {
  const value = title.replace(/\s+/g, " ").trim();
  if (value.length < TITLE_MIN) throw new ContributionError("contributions.error.titleShort", 400, { field: "title" });
  if (value.length > TITLE_MAX) throw new ContributionError("contributions.error.titleLong", 400, { field: "title" });
  return value;
}

/** The text (Markdown), trimmed; 10–10,000 characters. */
export function checkBody(body: string) {
  const value = body.replace(/\r\n?/g, "\n").trim();
  if (value.length < BODY_MIN) throw new ContributionError("contributions.error.bodyShort", 400, { field: "body" });
  if (value.length > BODY_MAX) throw new ContributionError("contributions.error.bodyLong", 400, { field: "body" });
  return value;
}

/** The STTM exists, at least one target is chosen and every target belongs to it, the objectives exist. */
export async function checkTheme(input: Pick<ContributionInput, "strategyCode" | "targetCodes" | "objectiveCodes">) {
  const strategy = db.select({ code: strategies.code }).from(strategies).where(eq(strategies.code, input.strategyCode)).get();
  if (!strategy) throw new ContributionError("contributions.error.strategy", 400, { field: "strategyCode" });
  const targetCodes = [...new Set(input.targetCodes)];
  if (targetCodes.length === 0) throw new ContributionError("contributions.error.targets", 400, { field: "targetCodes" });
  const found = db.select({ code: targets.code, strategyCode: targets.strategyCode }).from(targets).where(inArray(targets.code, targetCodes)).all();
  if (found.length !== targetCodes.length || found.some((t) => t.strategyCode !== input.strategyCode)) {
    throw new ContributionError("contributions.error.targetsOfStrategy", 400, { field: "targetCodes" });
  }
  const objectiveCodes = [...new Set(input.objectiveCodes)];
  if (objectiveCodes.length) {
    const n = db.select({ n: count() }).from(objectives).where(inArray(objectives.code, objectiveCodes)).get()?.n ?? 0;
    if (n !== objectiveCodes.length) throw new ContributionError("contributions.error.objectives", 400, { field: "objectiveCodes" });
  }
  return { strategyCode: input.strategyCode, targetCodes: targetCodes.sort(), objectiveCodes: objectiveCodes.sort() };
}

export type ResolvedPlace = {
  placeKind: PlaceKind;
  geometry: string | null;
  bbox: [number, number, number, number];
  point: [number, number];
  comuni: { istat: string; zoneId: string }[];
};

/** A drawn geometry (checked by the territory domain) or whole comuni; exactly one of the two. */
export async function resolvePlace(place: PlaceInput): Promise<ResolvedPlace> {
  if ("geometry" in place) {
    try {
      const checked = await checkPlace(place.geometry);
      const placeKind: PlaceKind = checked.geometry.type === "Point" ? "point" : checked.geometry.type === "LineString" ? "line" : "polygon";
      return { placeKind, geometry: JSON.stringify(checked.geometry), bbox: checked.bbox, point: checked.point, comuni: checked.comuni };
    } catch (error) {
      if (error instanceof GeometryError) throw new ContributionError(error.key, 400, { field: "geometry" });
      throw error;
    }
  }
  const istat = [...new Set(place.comuni)];
  if (istat.length === 0) throw new ContributionError("contributions.error.placeMissing", 400, { field: "comuni" });
  if (!istat.every((c) => /^\d{6}$/.test(c))) throw new ContributionError("contributions.error.comuni", 400, { field: "comuni" });
  const resolved = await placeOfComuni(istat);
  if (!resolved) throw new ContributionError("contributions.error.comuni", 400, { field: "comuni" });
  return { placeKind: "comuni", geometry: null, bbox: resolved.bbox, point: resolved.point, comuni: resolved.comuni };
}

/**
 * The process a contribution on this STTM belongs to: the newest active process concerning the
 * STTM, else the first (seeded) process. Its moderation mode decides the initial status.
 */
export async function processFor(strategyCode: string): Promise<{ id: number; moderationMode: ModerationMode }> {
  const active = db
    .select({ id: processes.id, moderationMode: processes.moderationMode })
    .from(processStrategies)
    .innerJoin(processes, eq(processes.id, processStrategies.processId))
    .where(and(eq(processStrategies.strategyCode, strategyCode), eq(processes.status, "active")))
    .orderBy(desc(processes.id))
    .get();
  if (active) return active;
  const seeded = db.select({ id: processes.id, moderationMode: processes.moderationMode }).from(processes).where(eq(processes.slug, FIRST_PROCESS_SLUG)).get();
  if (!seeded) throw new Error("No process to file contributions under: seed the processes first");
  return seeded;
}

/** The meetings a contribution of this process may say it comes from (not cancelled), newest first. */
export async function meetingsOfProcess(processId: number) {
  return db
    .select({ id: meetings.id, title: meetings.title, startsAt: meetings.startsAt })
    .from(meetings)
    .where(and(eq(meetings.processId, processId), sql`${meetings.status} <> 'cancelled'`))
    .orderBy(desc(meetings.startsAt))
    .all();
}

/** Where it was made (a meeting of the process, or a section of a public draft version of the STTM) and on whose behalf. */
export async function checkDetails(
  userId: string,
  input: Pick<ContributionInput, "meetingId" | "draftVersionId" | "draftSectionId" | "organizationId" | "strategyCode">,
  processId: number,
) {
  if (input.meetingId != null && (input.draftSectionId != null || input.draftVersionId != null)) throw new ContributionError("contributions.error.origin", 400, { field: "origin" });
  if (input.meetingId != null) {
    const meeting = await getMeeting(input.meetingId);
    if (!meeting || meeting.processId !== processId || meeting.status === "cancelled") throw new ContributionError("contributions.error.meeting", 400, { field: "origin" });
  }
  if ((input.draftSectionId == null) !== (input.draftVersionId == null)) throw new ContributionError("contributions.error.section", 400, { field: "origin" });
  if (input.draftVersionId != null && input.draftSectionId != null) {
    const version = getVersion(input.draftVersionId);
    if (!version || !isPublic(version) || !versionSections(version.id).some((s) => s.sectionId === input.draftSectionId)) {
      throw new ContributionError("contributions.error.section", 400, { field: "origin" });
    }
    if (version.strategyCode !== input.strategyCode) throw new ContributionError("contributions.error.sectionStrategy", 400, { field: "origin" });
  }
  if (input.organizationId != null && !(await isApprovedMember(userId, input.organizationId))) {
    throw new ContributionError("contributions.error.notMember", 403, { field: "organizationId" });
  }
}

type Checked = {
  title: string;
  body: string;
  theme: Awaited<ReturnType<typeof checkTheme>>;
  place: ResolvedPlace;
  process: { id: number; moderationMode: ModerationMode };
};

async function checkAll(userId: string, input: ContributionInput): Promise<Checked> {
  const title = checkTitle(input.title);
  const body = checkBody(input.body);
  const theme = await checkTheme(input);
  const place = await resolvePlace(input.place);
  const process = await processFor(theme.strategyCode);
  await checkDetails(userId, input, process.id);
  return { title, body, theme, place, process };
}

function columnsOf(input: ContributionInput, c: Checked) {
  const [minLon, minLat, maxLon, maxLat] = c.place.bbox;
  return {
    processId: c.process.id,
    kind: input.kind,
    title: c.title,
    body: c.body,
    strategyCode: c.theme.strategyCode,
    organizationId: input.organizationId,
    meetingId: input.meetingId,
    draftSectionId: input.draftSectionId,
    draftVersionId: input.draftVersionId,
    placeKind: c.place.placeKind,
    geometry: c.place.geometry,
    minLon,
    minLat,
    maxLon,
    maxLat,
    lon: c.place.point[0],
    lat: c.place.point[1],
  };
}

/** (Re)writes the themes and the comuni/zones touched, inside the transaction. */
function writeLinks(tx: Tx, id: number, c: Checked) {
  tx.delete(contributionTargets).where(eq(contributionTargets.contributionId, id)).run();
  tx.delete(contributionObjectives).where(eq(contributionObjectives.contributionId, id)).run();
  tx.delete(contributionComuni).where(eq(contributionComuni.contributionId, id)).run();
  tx.delete(contributionZones).where(eq(contributionZones.contributionId, id)).run();
  for (const targetCode of c.theme.targetCodes) tx.insert(contributionTargets).values({ contributionId: id, targetCode }).run();
  for (const objectiveCode of c.theme.objectiveCodes) tx.insert(contributionObjectives).values({ contributionId: id, objectiveCode }).run();
  for (const { istat } of c.place.comuni) tx.insert(contributionComuni).values({ contributionId: id, istat }).run();
  for (const zoneId of [...new Set(c.place.comuni.map((x) => x.zoneId))].sort()) tx.insert(contributionZones).values({ contributionId: id, zoneId }).run();
}

function auditSummary(input: ContributionInput, c: Checked, status: ContributionStatus) {
  return {
    kind: input.kind,
    title: c.title,
    strategyCode: c.theme.strategyCode,
    targetCodes: c.theme.targetCodes,
    placeKind: c.place.placeKind,
    comuni: c.place.comuni.map((x) => x.istat),
    organizationId: input.organizationId,
    status,
  };
}

// ---------------------------------------------------------------------------------------------
// Writing

/**
 * A participant's contribution. Its process is the active one concerning the STTM; under
 * pre-moderation it waits ("pending"), under post-moderation it is published at once.
 * Attachments (already checked and written by `prepareAttachments`) are recorded in the same transaction.
 */
export async function createContribution(
  userId: string,
  input: ContributionInput,
  opts: { attachments?: PreparedAttachment[]; now?: Date } = {},
): Promise<{ id: number; status: ContributionStatus }> {
  const now = opts.now ?? new Date();
  const c = await checkAll(userId, input);
  const status: ContributionStatus = c.process.moderationMode === "post" ? "published" : "pending";
  return db.transaction((tx) => {
    const row = tx
      .insert(contributions)
      .values({ ...columnsOf(input, c), authorId: userId, status, createdAt: now, updatedAt: now, publishedAt: status === "published" ? now : null })
      .returning({ id: contributions.id })
      .get();
    writeLinks(tx, row.id, c);
    insertAttachments(tx, row.id, opts.attachments ?? []);
    recordAudit(tx, { actorId: userId, action: "contribution.created", subjectType: "contribution", subjectId: row.id, after: auditSummary(input, c, status) });
    return { id: row.id, status };
  });
}

async function ownRow(userId: string, id: number) {
  const row = db.select().from(contributions).where(eq(contributions.id, id)).get();
  // Someone else's contribution is "not found": a pending one must not even be known to exist.
  if (!row || row.authorId !== userId) throw new ContributionError("contributions.error.notFound", 404);
  return row;
}

/** The author may edit while the contribution waits for moderation (also when sent back for changes: still pending, `changes_requested_at` set). */
export function isEditable(status: ContributionStatus) {
  return status === "pending";
}

/** Edits the author's pending contribution, with the same checks as a new one. It stays pending. */
export async function updateOwnContribution(
  userId: string,
  id: number,
  input: ContributionInput,
  opts: { now?: Date } = {},
): Promise<{ id: number }> {
  const now = opts.now ?? new Date();
  const row = await ownRow(userId, id);
  if (!isEditable(row.status)) throw new ContributionError("contributions.error.notEditable", 409);
  const c = await checkAll(userId, input);
  db.transaction((tx) => {
    // Moderation may have acted since the read above: only a row still pending is changed.
    const changed = tx
      .update(contributions)
      // Moderation: an edit answers a "send back" (changesRequestedAt), so the contribution returns to the queue.
      .set({ ...columnsOf(input, c), updatedAt: now, changesRequestedAt: null })
      .where(and(eq(contributions.id, id), eq(contributions.authorId, userId), eq(contributions.status, "pending")))
      .run().changes;
    if (changed !== 1) throw new ContributionError("contributions.error.notEditable", 409);
    writeLinks(tx, id, c);
    recordAudit(tx, {
      actorId: userId,
      action: "contribution.updated",
      subjectType: "contribution",
      subjectId: id,
      before: { title: row.title, strategyCode: row.strategyCode, placeKind: row.placeKind },
      after: auditSummary(input, c, "pending"),
    });
  });
  return { id };
}

/**
 * The author withdraws a contribution, whatever its status. Its public record stays (title, kind,
 * STTM, place, dates, supports) but the text goes: the body is blanked and the attachments deleted,
 * because withdrawing means the author no longer wants to say it. The title stays so that the
 * record is recognisable (and outcomes or supports that point to it keep a name).
 */
export async function withdrawContribution(userId: string, id: number, now = new Date()): Promise<{ id: number }> {
  const row = await ownRow(userId, id);
  if (row.status === "withdrawn") throw new ContributionError("contributions.error.alreadyWithdrawn", 409);
  const removed = db.transaction((tx) => {
    tx.update(contributions).set({ status: "withdrawn", withdrawnAt: now, updatedAt: now, body: "" }).where(eq(contributions.id, id)).run();
    const hashes = deleteAttachmentRows(tx, id);
    recordAudit(tx, { actorId: userId, action: "contribution.withdrawn", subjectType: "contribution", subjectId: id, before: { status: row.status }, after: { status: "withdrawn" } });
    return hashes;
  });
  removeFiles(removed);
  return { id };
}

/** Adds attachments (already checked and written) to the author's pending contribution; at most 3 in all. */
export async function addOwnAttachments(userId: string, id: number, attachments: PreparedAttachment[], now = new Date()) {
  const row = await ownRow(userId, id);
  if (!isEditable(row.status)) throw new ContributionError("contributions.error.notEditable", 409);
  db.transaction((tx) => {
    insertAttachments(tx, id, attachments);
    tx.update(contributions).set({ updatedAt: now }).where(eq(contributions.id, id)).run();
    recordAudit(tx, { actorId: userId, action: "contribution.attachments_added", subjectType: "contribution", subjectId: id, after: { files: attachments.map((a) => a.fileName) } });
  });
}

/** Removes one attachment of the author's pending contribution. */
export async function removeOwnAttachment(userId: string, id: number, attachmentId: number, now = new Date()) {
  const row = await ownRow(userId, id);
  if (!isEditable(row.status)) throw new ContributionError("contributions.error.notEditable", 409);
  const removed = db.transaction((tx) => {
    const hashes = deleteAttachmentRows(tx, id, attachmentId);
    tx.update(contributions).set({ updatedAt: now }).where(eq(contributions.id, id)).run();
    recordAudit(tx, { actorId: userId, action: "contribution.attachment_removed", subjectType: "contribution", subjectId: id, before: { attachmentId } });
    return hashes;
  });
  removeFiles(removed);
}

// ---------------------------------------------------------------------------------------------
// Reading

/** The author's contributions, newest first, paginated in SQL, with status and moderator message. */
export async function myContributions(userId: string, page = 1, pageSize = MY_CONTRIBUTIONS_PAGE_SIZE) {
  const total = db.select({ n: count() }).from(contributions).where(eq(contributions.authorId, userId)).get()?.n ?? 0;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  const rows = db
    .select({
      id: contributions.id,
      kind: contributions.kind,
      title: contributions.title,
      status: contributions.status,
      moderatorMessage: contributions.moderatorMessage,
      changesRequested: sql<number>`(${contributions.changesRequestedAt} is not null)`,
      strategyCode: contributions.strategyCode,
      placeKind: contributions.placeKind,
      supportCount: contributions.supportCount,
      organizationName: organizations.name,
      createdAt: contributions.createdAt,
      updatedAt: contributions.updatedAt,
      publishedAt: contributions.publishedAt,
      withdrawnAt: contributions.withdrawnAt,
      comuniNames: sql<string | null>`(select group_concat(name, ', ') from (select ${comuni.name} as name from ${contributionComuni} join ${comuni} on ${comuni.istat} = ${contributionComuni.istat} where ${contributionComuni.contributionId} = ${contributions.id} order by ${comuni.name} limit 6))`,
      comuniCount: sql<number>`(select count(*) from ${contributionComuni} where ${contributionComuni.contributionId} = ${contributions.id})`,
    })
    .from(contributions)
    .leftJoin(organizations, eq(organizations.id, contributions.organizationId))
    .where(eq(contributions.authorId, userId))
    .orderBy(desc(contributions.createdAt), desc(contributions.id))
    .limit(pageSize)
    .offset((current - 1) * pageSize)
    .all();
  return { rows: rows.map((r) => ({ ...r, changesRequested: Boolean(r.changesRequested), editable: isEditable(r.status) })), total, page: current, pages };
}

/** Who may see a contribution's private parts: its status and author (null when it does not exist). */
export async function contributionVisibility(id: number) {
  return db.select({ status: contributions.status, authorId: contributions.authorId }).from(contributions).where(eq(contributions.id, id)).get() ?? null;
}

/** One of the author's own contributions with its themes, comuni and attachments; null when not theirs. */
export async function getOwnContribution(userId: string, id: number) {
  const row = db.select().from(contributions).where(eq(contributions.id, id)).get();
  if (!row || row.authorId !== userId) return null;
  const [targetRows, objectiveRows, comuniRows, attachmentRows] = [
    db.select({ code: contributionTargets.targetCode }).from(contributionTargets).where(eq(contributionTargets.contributionId, id)).all(),
    db.select({ code: contributionObjectives.objectiveCode }).from(contributionObjectives).where(eq(contributionObjectives.contributionId, id)).all(),
    db
      .select({ istat: comuni.istat, name: comuni.name })
      .from(contributionComuni)
      .innerJoin(comuni, eq(comuni.istat, contributionComuni.istat))
      .where(eq(contributionComuni.contributionId, id))
      .orderBy(asc(comuni.name))
      .all(),
    db
      .select({ id: contributionAttachments.id, title: contributionAttachments.title, fileName: contributionAttachments.fileName, sizeBytes: contributionAttachments.sizeBytes })
      .from(contributionAttachments)
      .where(eq(contributionAttachments.contributionId, id))
      .orderBy(asc(contributionAttachments.id))
      .all(),
  ];
  return {
    ...row,
    targetCodes: targetRows.map((r) => r.code).sort(),
    objectiveCodes: objectiveRows.map((r) => r.code).sort(),
    comuni: comuniRows,
    attachments: attachmentRows,
    editable: isEditable(row.status),
  };
}

/** The form values of an existing contribution (the edit page starts from them). */
export function draftOfContribution(c: NonNullable<Awaited<ReturnType<typeof getOwnContribution>>>): ContributionDraft {
  return {
    kind: c.kind,
    strategyCode: c.strategyCode ?? "",
    targetCodes: c.targetCodes,
    objectiveCodes: c.objectiveCodes,
    geometry: c.placeKind === "comuni" ? "" : (c.geometry ?? ""),
    comuni: c.placeKind === "comuni" ? c.comuni.map((x) => x.istat) : [],
    title: c.title,
    body: c.body,
    origin: c.meetingId ? `meeting:${c.meetingId}` : c.draftSectionId && c.draftVersionId ? `section:${c.draftVersionId}:${c.draftSectionId}` : "",
    organizationId: c.organizationId ? String(c.organizationId) : "",
  };
}

export type SimilarContribution = { id: number; title: string; kind: ContributionKind; supportCount: number };

/**
 * Up to five published contributions whose title or text shares words with `title`, best first
 * (FTS5 bm25, the title weighing five times the text). Nothing for fewer than 3 characters.
 */
export async function similarContributions(title: string, opts: { limit?: number; excludeId?: number } = {}): Promise<SimilarContribution[]> {
  if (title.trim().length < 3) return [];
  const match = ftsAnyTerms(title);
  if (!match) return [];
  const limit = Math.min(Math.max(1, opts.limit ?? SIMILAR_LIMIT), SIMILAR_LIMIT);
  return db.all<SimilarContribution>(sql`
    select c.id as id, c.title as title, c.kind as kind, c.support_count as supportCount
    from contributions_fts
    join contributions c on c.id = contributions_fts.rowid
    where contributions_fts match ${match} and c.status = 'published' and c.id <> ${opts.excludeId ?? 0}
    order by bm25(contributions_fts, 5.0, 1.0), c.id desc
    limit ${limit}
  `);
}
