// The audit log as admins read it: filters by actor, action, subject and date, newest first,
// paginated in SQL, and the same selection as CSV (UTF-8 with BOM, for spreadsheets).
import { and, count, desc, eq, gte, like, lt, type SQL } from "drizzle-orm";
import { toCsv } from "~/lib/csv.server";
import { z } from "zod";
import { db } from "~/lib/db.server";
import { romeToUtc } from "~/lib/dates";
import { auditEntries, users } from "~db/schema";
import { AUDIT_PAGE_SIZE } from "~/domain/moderation/kinds";

export type AuditFilters = {
  actor?: string;
  /** An exact action, or a prefix ending with "." (e.g. "contribution."). */
  action?: string;
  subjectType?: string;
  subjectId?: string;
  /** Rome calendar days, YYYY-MM-DD, both included. */
  from?: string;
  to?: string;
  page?: number;
};

export const CSV_MAX_ROWS = 100_000;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().catch(undefined);
const text = (max: number) => z.string().trim().max(max).optional().catch(undefined).transform((v) => v || undefined);
const querySchema = z.object({
  attore: text(64),
  azione: text(120),
  soggetto: text(60),
  id: text(64),
  dal: day,
  al: day,
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

/** The filters of the page and of the CSV, from the URL (Italian parameter names; invalid values dropped). */
export function auditFilters(url: URL): AuditFilters {
  const q = querySchema.parse(Object.fromEntries(url.searchParams));
  return { actor: q.attore, action: q.azione, subjectType: q.soggetto, subjectId: q.id, from: q.dal, to: q.al, page: q.page };
}

function conditions(f: AuditFilters): SQL | undefined {
  const c: SQL[] = [];
  if (f.actor) c.push(eq(auditEntries.actorId, f.actor));
  if (f.action) c.push(f.action.endsWith(".") ? like(auditEntries.action, `${f.action.replace(/[%_]/g, "")}%`) : eq(auditEntries.action, f.action));
  if (f.subjectType) c.push(eq(auditEntries.subjectType, f.subjectType));
  if (f.subjectId) c.push(eq(auditEntries.subjectId, f.subjectId));
  if (f.from) c.push(gte(auditEntries.at, romeToUtc(f.from, "00:00")));
  if (f.to) c.push(lt(auditEntries.at, new Date(romeToUtc(f.to, "00:00").getTime() + 86_400_000)));
  return c.length ? and(...c) : undefined;
}

function select() {
  return db
    .select({
      id: auditEntries.id,
      at: auditEntries.at,
      actorId: auditEntries.actorId,
      actorName: users.name,
      action: auditEntries.action,
      subjectType: auditEntries.subjectType,
      subjectId: auditEntries.subjectId,
      before: auditEntries.before,
      after: auditEntries.after,
    })
    .from(auditEntries)
    .leftJoin(users, eq(users.id, auditEntries.actorId));
}

export function listAudit(f: AuditFilters) {
  const where = conditions(f);
  const total = db.select({ n: count() }).from(auditEntries).where(where).get()?.n ?? 0;
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const page = Math.min(Math.max(1, f.page ?? 1), pages);
  const rows = select()
    .where(where)
    .orderBy(desc(auditEntries.id))
    .limit(AUDIT_PAGE_SIZE)
    .offset((page - 1) * AUDIT_PAGE_SIZE)
    .all();
  return { rows, total, page, pages };
}

/** The choices of the filter form: who acted and which actions exist. */
export function auditFilterChoices() {
  const actors = db
    .selectDistinct({ id: auditEntries.actorId, name: users.name })
    .from(auditEntries)
    .innerJoin(users, eq(users.id, auditEntries.actorId))
    .all()
    .filter((a): a is { id: string; name: string | null } => a.id !== null);
  const actions = db.selectDistinct({ action: auditEntries.action }).from(auditEntries).orderBy(auditEntries.action).all().map((r) => r.action);
  const subjectTypes = db.selectDistinct({ t: auditEntries.subjectType }).from(auditEntries).orderBy(auditEntries.subjectType).all().map((r) => r.t);
  return { actors: actors.sort((a, b) => (a.name ?? "").localeCompare(b.name ?? "")), actions, subjectTypes };
}

/** The selection as CSV, oldest first, with a BOM so that spreadsheets read UTF-8. */
export function auditCsv(f: AuditFilters): string {
  const rows = select().where(conditions(f)).orderBy(auditEntries.id).limit(CSV_MAX_ROWS).all();
  return toCsv(
    ["id", "at_utc", "actor_id", "actor_name", "action", "subject_type", "subject_id", "before", "after"],
    rows.map((r) => [r.id, r.at.toISOString(), r.actorId, r.actorName, r.action, r.subjectType, r.subjectId, r.before, r.after]),
  );
}
