import { and, asc, eq, inArray, ne } from "drizzle-orm";
import { db, type DB, type Tx } from "~/lib/db.server";
import { romeDate } from "~/lib/dates";
import { slugify } from "~/lib/slug";
import { recordAudit } from "~/domain/audit/audit.server";
import { meetings, phases, processes, processStrategies, strategies, type DatePrecision, type ModerationMode, type ProcessStatus } from "~db/schema";
import { checkArt7bis, issuesFingerprint, type Art7bisIssue } from "./art7bis";

// Processes and their phases, and the art. 7bis c.4 timing rules applied to them
// (docs/decisions/0005-art7bis-warn-and-confirm.md: staff are warned and must confirm, never blocked).

/** The real process "Redazione delle prime 3 STTM", seeded from ptm.json (app/seed/processes.server.ts). */
export const FIRST_PROCESS_SLUG = "redazione-prime-3-sttm";

export type ProcessInput = {
  title: string;
  description: string;
  status: ProcessStatus;
  draftPublicDate: string | null;
  plannedAdoptionDate: string | null;
  strategyCodes: string[];
  moderationMode: ModerationMode;
  flagThreshold: number;
};

export type PhaseInput = {
  kind: string | null;
  title: string;
  description: string;
  startDate: string;
  endDate: string | null;
  precision: DatePrecision;
};

/** What staff accepted when they saved dates that break a rule (stored as JSON in `processes.rules_override`). */
export type RulesOverride = { issues: Art7bisIssue[]; confirmedBy: string | null; confirmedAt: string };

/** Saving dates either goes through or comes back with the rule issues nobody has confirmed yet. */
export type SaveResult<T> = ({ status: "saved" } & T) | { status: "needsConfirmation"; issues: Art7bisIssue[] };

type Handle = DB | Tx;

// ---------------------------------------------------------------- reads

function strategiesOf(handle: Handle, processIds: number[]) {
  if (processIds.length === 0) return [];
  return handle
    .select({ processId: processStrategies.processId, code: strategies.code, number: strategies.number, title: strategies.title })
    .from(processStrategies)
    .innerJoin(strategies, eq(strategies.code, processStrategies.strategyCode))
    .where(inArray(processStrategies.processId, processIds))
    .orderBy(asc(strategies.number))
    .all();
}

function phasesOf(handle: Handle, processIds: number[]) {
  if (processIds.length === 0) return [];
  return handle.select().from(phases).where(inArray(phases.processId, processIds)).orderBy(asc(phases.processId), asc(phases.position), asc(phases.id)).all();
}

type ProcessRow = typeof processes.$inferSelect;

function withDetails(handle: Handle, rows: ProcessRow[]) {
  const ids = rows.map((r) => r.id);
  const strategyRows = strategiesOf(handle, ids);
  const phaseRows = phasesOf(handle, ids);
  return rows.map((p) => ({
    ...p,
    rulesOverride: parseOverride(p.rulesOverride),
    strategies: strategyRows.filter((s) => s.processId === p.id).map(({ code, number, title }) => ({ code, number, title })),
    phases: phaseRows.filter((ph) => ph.processId === p.id),
  }));
}

export type ProcessDetails = ReturnType<typeof withDetails>[number];

/** Processes, newest first, with their STTM and phases. The public sees every process but drafts. */
export async function listProcesses(opts: { includeDrafts?: boolean } = {}) {
  const rows = db
    .select()
    .from(processes)
    .where(opts.includeDrafts ? undefined : ne(processes.status, "draft"))
    .orderBy(asc(processes.status), asc(processes.title))
    .all();
  return withDetails(db, rows);
}

export async function getProcessBySlug(slug: string): Promise<ProcessDetails | null> {
  const row = db.select().from(processes).where(eq(processes.slug, slug)).get();
  return row ? withDetails(db, [row])[0] : null;
}

export async function getProcessById(id: number): Promise<ProcessDetails | null> {
  const row = db.select().from(processes).where(eq(processes.id, id)).get();
  return row ? withDetails(db, [row])[0] : null;
}

// ---------------------------------------------------------------- art. 7bis

export type Art7bisOverrides = {
  /** Dates about to be saved, instead of the stored ones. */
  draftPublicDate?: string | null;
  plannedAdoptionDate?: string | null;
  /** Meetings to leave out (one being edited or cancelled)… */
  excludeMeetingIds?: number[];
  /** …and conference dates to add (Rome "YYYY-MM-DD"), e.g. the one being saved. */
  extraConferenceDates?: string[];
};

/** Rome dates of the process's conferenze istruttorie that are not cancelled. Read-only on meetings. */
export function conferenceDatesOf(processId: number, excludeMeetingIds: number[] = [], handle: Handle = db): string[] {
  return handle
    .select({ id: meetings.id, startsAt: meetings.startsAt })
    .from(meetings)
    .where(and(eq(meetings.processId, processId), eq(meetings.kind, "conferenza_istruttoria"), ne(meetings.status, "cancelled")))
    .orderBy(asc(meetings.startsAt))
    .all()
    .filter((m) => !excludeMeetingIds.includes(m.id))
    .map((m) => romeDate(m.startsAt));
}

/**
 * The art. 7bis issues of a process, with the stored dates and meetings unless overridden.
 * Synchronous, so that the meetings capability can call it inside its own transaction (pass `tx`).
 */
export function art7bisIssuesFor(processId: number, overrides: Art7bisOverrides = {}, handle: Handle = db): Art7bisIssue[] {
  const process = handle
    .select({ draftPublicDate: processes.draftPublicDate, plannedAdoptionDate: processes.plannedAdoptionDate })
    .from(processes)
    .where(eq(processes.id, processId))
    .get();
  if (!process) return [];
  return checkArt7bis({
    draftPublicDate: overrides.draftPublicDate !== undefined ? overrides.draftPublicDate : process.draftPublicDate,
    plannedAdoptionDate: overrides.plannedAdoptionDate !== undefined ? overrides.plannedAdoptionDate : process.plannedAdoptionDate,
    conferenceDates: [...conferenceDatesOf(processId, overrides.excludeMeetingIds, handle), ...(overrides.extraConferenceDates ?? [])],
  });
}

function parseOverride(json: string | null): RulesOverride | null {
  if (!json) return null;
  try {
    return JSON.parse(json) as RulesOverride;
  } catch {
    return null;
  }
}

/** The issues not already accepted by staff (same rule, date and day count): only those need a new confirmation. */
export function unconfirmedIssues(issues: Art7bisIssue[], override: RulesOverride | string | null): Art7bisIssue[] {
  const accepted = typeof override === "string" || override === null ? parseOverride(override) : override;
  const known = new Set((accepted?.issues ?? []).map((i) => issuesFingerprint([i])));
  return issues.filter((i) => !known.has(issuesFingerprint([i])));
}

/**
 * Records that staff confirmed dates breaking art. 7bis: on the process (`rules_override`) and in
 * the audit log ("process.rules_confirmed"). Call inside the transaction that saves the dates; the
 * meetings capability uses it for a conferenza istruttoria outside the 60 days.
 */
export function confirmArt7bisIssues(tx: Tx, input: { actorId: string | null; processId: number; issues: Art7bisIssue[] }) {
  const before = tx.select({ rulesOverride: processes.rulesOverride }).from(processes).where(eq(processes.id, input.processId)).get();
  const override: RulesOverride = { issues: input.issues, confirmedBy: input.actorId, confirmedAt: new Date().toISOString() };
  tx.update(processes).set({ rulesOverride: JSON.stringify(override) }).where(eq(processes.id, input.processId)).run();
  recordAudit(tx, {
    actorId: input.actorId,
    action: "process.rules_confirmed",
    subjectType: "process",
    subjectId: input.processId,
    before: parseOverride(before?.rulesOverride ?? null),
    after: override,
  });
}

// ---------------------------------------------------------------- process writes

function snapshot(handle: Handle, processId: number) {
  const p = handle.select().from(processes).where(eq(processes.id, processId)).get();
  if (!p) return null;
  const codes = handle
    .select({ code: processStrategies.strategyCode })
    .from(processStrategies)
    .where(eq(processStrategies.processId, processId))
    .orderBy(asc(processStrategies.strategyCode))
    .all()
    .map((r) => r.code);
  return {
    title: p.title,
    description: p.description,
    status: p.status,
    draftPublicDate: p.draftPublicDate,
    plannedAdoptionDate: p.plannedAdoptionDate,
    strategyCodes: codes,
    moderationMode: p.moderationMode,
    flagThreshold: p.flagThreshold,
    rulesOverride: p.rulesOverride,
  };
}

function uniqueSlug(tx: Tx, title: string) {
  const base = slugify(title).slice(0, 80).replace(/-+$/, "") || "processo";
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (!tx.select({ id: processes.id }).from(processes).where(eq(processes.slug, slug)).get()) return slug;
  }
}

function setStrategies(tx: Tx, processId: number, codes: string[]) {
  tx.delete(processStrategies).where(eq(processStrategies.processId, processId)).run();
  for (const code of [...new Set(codes)]) tx.insert(processStrategies).values({ processId, strategyCode: code }).run();
}

function processValues(input: ProcessInput) {
  return {
    title: input.title,
    description: input.description,
    status: input.status,
    draftPublicDate: input.draftPublicDate,
    plannedAdoptionDate: input.plannedAdoptionDate,
    moderationMode: input.moderationMode,
    flagThreshold: input.flagThreshold,
  };
}

/** Creates a process (its slug from the title). Dates breaking art. 7bis need `confirm`. */
export async function createProcess(
  actorId: string,
  input: ProcessInput,
  opts: { confirm?: boolean } = {},
): Promise<SaveResult<{ id: number; slug: string }>> {
  return db.transaction((tx) => {
    // A new process has no meetings yet: only the 90-day rule can apply.
    const issues = checkArt7bis({ draftPublicDate: input.draftPublicDate, plannedAdoptionDate: input.plannedAdoptionDate });
    if (issues.length > 0 && !opts.confirm) return { status: "needsConfirmation" as const, issues };
    const slug = uniqueSlug(tx, input.title);
    const { id } = tx
      .insert(processes)
      .values({ ...processValues(input), slug, createdBy: actorId })
      .returning({ id: processes.id })
      .get();
    setStrategies(tx, id, input.strategyCodes);
    recordAudit(tx, { actorId, action: "process.created", subjectType: "process", subjectId: id, after: { slug, ...snapshot(tx, id) } });
    if (issues.length > 0) confirmArt7bisIssues(tx, { actorId, processId: id, issues });
    return { status: "saved" as const, id, slug };
  });
}

/**
 * Updates a process and the STTM it concerns. The art. 7bis check uses the new dates and the
 * process's conferenze istruttorie; issues already confirmed do not ask again, new ones need `confirm`.
 * Returns null when there is no such process.
 */
export async function updateProcess(
  actorId: string,
  processId: number,
  input: ProcessInput,
  opts: { confirm?: boolean } = {},
): Promise<SaveResult<object> | null> {
  return db.transaction((tx) => {
    const before = snapshot(tx, processId);
    if (!before) return null;
    const issues = art7bisIssuesFor(processId, { draftPublicDate: input.draftPublicDate, plannedAdoptionDate: input.plannedAdoptionDate }, tx);
    const pending = unconfirmedIssues(issues, before.rulesOverride);
    if (pending.length > 0 && !opts.confirm) return { status: "needsConfirmation" as const, issues: pending };
    tx.update(processes)
      .set({ ...processValues(input), rulesOverride: issues.length === 0 ? null : before.rulesOverride })
      .where(eq(processes.id, processId))
      .run();
    setStrategies(tx, processId, input.strategyCodes);
    recordAudit(tx, { actorId, action: "process.updated", subjectType: "process", subjectId: processId, before, after: snapshot(tx, processId) });
    if (pending.length > 0) confirmArt7bisIssues(tx, { actorId, processId, issues });
    return { status: "saved" as const };
  });
}

// ---------------------------------------------------------------- phases

function monthEnd(date: string): string {
  const [y, m] = date.split("-").map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** With month precision a phase covers whole months: from the 1st of its first month to the last day of its last. */
function phaseValues(input: PhaseInput) {
  const month = input.precision === "month";
  return {
    kind: input.kind,
    title: input.title,
    description: input.description,
    precision: input.precision,
    startDate: month ? `${input.startDate.slice(0, 7)}-01` : input.startDate,
    endDate: month ? monthEnd(input.endDate ?? input.startDate) : input.endDate,
  };
}

/** Rewrites positions as 0, 1, 2… in the current order, so they stay contiguous. */
function renumber(tx: Tx, processId: number, order?: number[]) {
  const ids = order ?? phasesOf(tx, [processId]).map((p) => p.id);
  ids.forEach((id, position) => tx.update(phases).set({ position }).where(eq(phases.id, id)).run());
}

function phaseOf(tx: Tx, processId: number, phaseId: number) {
  return tx
    .select()
    .from(phases)
    .where(and(eq(phases.id, phaseId), eq(phases.processId, processId)))
    .get();
}

function phaseAudit(p: typeof phases.$inferSelect) {
  const { id: _id, ...rest } = p;
  return rest;
}

/** Adds a phase at the end of the process. Returns its id, or null when there is no such process. */
export async function addPhase(actorId: string, processId: number, input: PhaseInput): Promise<number | null> {
  return db.transaction((tx) => {
    if (!tx.select({ id: processes.id }).from(processes).where(eq(processes.id, processId)).get()) return null;
    const position = phasesOf(tx, [processId]).length;
    const row = tx
      .insert(phases)
      .values({ processId, position, ...phaseValues(input) })
      .returning()
      .get();
    recordAudit(tx, { actorId, action: "phase.created", subjectType: "phase", subjectId: row.id, after: phaseAudit(row) });
    return row.id;
  });
}

/** Updates a phase of the process; false when the phase is not one of its phases. */
export async function updatePhase(actorId: string, processId: number, phaseId: number, input: PhaseInput): Promise<boolean> {
  return db.transaction((tx) => {
    const before = phaseOf(tx, processId, phaseId);
    if (!before) return false;
    tx.update(phases).set(phaseValues(input)).where(eq(phases.id, phaseId)).run();
    const after = phaseOf(tx, processId, phaseId)!;
    recordAudit(tx, { actorId, action: "phase.updated", subjectType: "phase", subjectId: phaseId, before: phaseAudit(before), after: phaseAudit(after) });
    return true;
  });
}

export async function deletePhase(actorId: string, processId: number, phaseId: number): Promise<boolean> {
  return db.transaction((tx) => {
    const before = phaseOf(tx, processId, phaseId);
    if (!before) return false;
    tx.delete(phases).where(eq(phases.id, phaseId)).run();
    renumber(tx, processId);
    recordAudit(tx, { actorId, action: "phase.deleted", subjectType: "phase", subjectId: phaseId, before: phaseAudit(before) });
    return true;
  });
}

/** Moves a phase one place up or down (no-op at either end); positions stay 0…n-1. */
export async function movePhase(actorId: string, processId: number, phaseId: number, direction: "up" | "down"): Promise<boolean> {
  return db.transaction((tx) => {
    const ids = phasesOf(tx, [processId]).map((p) => p.id);
    const from = ids.indexOf(phaseId);
    if (from === -1) return false;
    const to = direction === "up" ? from - 1 : from + 1;
    if (to < 0 || to >= ids.length) return true; // already first / last
    [ids[from], ids[to]] = [ids[to], ids[from]];
    renumber(tx, processId, ids);
    recordAudit(tx, {
      actorId,
      action: "phase.moved",
      subjectType: "phase",
      subjectId: phaseId,
      before: { processId, position: from },
      after: { processId, position: to },
    });
    return true;
  });
}
