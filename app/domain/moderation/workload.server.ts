// What a head of sector checks every morning: how much waits and since when, who moderated how
// much lately, and how many published contributions still have no outcome, per STTM.
import { sql } from "drizzle-orm";
import { db } from "~/lib/db.server";
import { rolesWith } from "~/domain/accounts/permissions";
import { MODERATED_KINDS, QUEUE_STATES, WORKLOAD_DAYS, type ModeratedKind, type QueueState } from "./kinds";
import { queueSummary } from "./queue.server";

export function workload(now = new Date()) {
  const summary = queueSummary();
  const byKind = MODERATED_KINDS.map((kind) => {
    const rows = summary.filter((r) => r.kind === kind);
    const states = Object.fromEntries(QUEUE_STATES.map((s) => [s, rows.find((r) => r.state === s)?.count ?? 0])) as Record<QueueState, number>;
    const oldest = rows.length ? new Date(Math.min(...rows.map((r) => r.oldest.getTime()))) : null;
    return { kind: kind as ModeratedKind, ...states, total: rows.reduce((n, r) => n + r.count, 0), oldest };
  });
  const total = byKind.reduce((n, r) => n + r.total, 0);
  const oldest = byKind.map((r) => r.oldest).filter((d): d is Date => d !== null).sort((a, b) => a.getTime() - b.getTime())[0] ?? null;
  const sentBack = db.get<{ n: number }>(sql`select count(*) as n from contributions where status = 'pending' and changes_requested_at is not null`)?.n ?? 0;

  // Staff decisions in the last 30 days, per person (reports by participants are not staff work).
  const since = Math.floor(now.getTime() / 1000) - WORKLOAD_DAYS * 86_400;
  const kinds = sql.join(MODERATED_KINDS.map((k) => sql`${k}`), sql`, `);
  const moderators = sql.join(rolesWith("moderation.decide").map((r) => sql`${r}`), sql`, `);
  const perModerator = db.all<{ actorId: string; name: string | null; n: number; last: number }>(sql`
    select a.actor_id as actorId, u.name as name, count(*) as n, max(a.at) as last
    from audit_entries a join users u on u.id = a.actor_id
    where a.at >= ${since} and u.role in (${moderators}) and a.subject_type in (${kinds}) and a.action <> 'flag.created'
    group by a.actor_id order by n desc, name asc`);

  const withoutOutcome = db.all<{ strategyCode: string | null; published: number; without: number }>(sql`
    select c.strategy_code as strategyCode, count(*) as published,
      sum(case when not exists (select 1 from outcomes o where o.item_kind = 'contribution' and o.item_id = c.id) then 1 else 0 end) as without
    from contributions c where c.status = 'published'
    group by c.strategy_code order by c.strategy_code`);

  return {
    total,
    oldest,
    oldestAgeDays: oldest ? Math.floor((now.getTime() - oldest.getTime()) / 86_400_000) : null,
    byKind,
    sentBack,
    perModerator: perModerator.map((r) => ({ actorId: r.actorId, name: r.name, count: r.n, last: new Date(r.last * 1000) })),
    withoutOutcome,
  };
}
