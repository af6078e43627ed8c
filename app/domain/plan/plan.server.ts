import { asc, eq } from "drizzle-orm";
import { db } from "~/lib/db.server";
import { frameworks, objectives, principles, strategies, targets } from "~db/schema";
import { readPtm } from "./ptm.server";

export type Target = { code: string; title: string; theme: string };
export type Strategy = { code: string; number: number; title: string; targets: Target[] };

/** The STTM in order, each with its work targets in order. */
export async function listStrategies(): Promise<Strategy[]> {
  const [strategyRows, targetRows] = await Promise.all([
    db.select().from(strategies).orderBy(asc(strategies.number)),
    db.select().from(targets).orderBy(asc(targets.strategyCode), asc(targets.sortOrder)),
  ]);
  return strategyRows.map((s) => ({
    code: s.code,
    number: s.number,
    title: s.title,
    targets: targetRows.filter((t) => t.strategyCode === s.code).map(({ code, title, theme }) => ({ code, title, theme })),
  }));
}

/** One STTM by code, case-insensitively ("sttm2" finds STTM2); null when there is none. */
export async function getStrategy(code: string): Promise<Strategy | null> {
  // Codes are stored upper-case by the seed, so normalizing keeps the primary-key lookup.
  const wanted = code.trim().toUpperCase();
  const [strategy] = await db.select().from(strategies).where(eq(strategies.code, wanted)).limit(1);
  if (!strategy) return null;
  const targetRows = await db
    .select({ code: targets.code, title: targets.title, theme: targets.theme })
    .from(targets)
    .where(eq(targets.strategyCode, strategy.code))
    .orderBy(asc(targets.sortOrder));
  return { code: strategy.code, number: strategy.number, title: strategy.title, targets: targetRows };
}

/** The three quadri every STTM is made of. */
export async function listFrameworks() {
  return db
    .select({ code: frameworks.code, title: frameworks.title, about: frameworks.about })
    .from(frameworks)
    .orderBy(asc(frameworks.sortOrder));
}

export async function listPrinciples() {
  return db.select({ code: principles.code, title: principles.title }).from(principles).orderBy(asc(principles.sortOrder));
}

export async function listObjectives() {
  return db.select({ code: objectives.code, title: objectives.title }).from(objectives).orderBy(asc(objectives.sortOrder));
}

export type Milestone = { date: string; endDate?: string; kind: string; title: string; about?: string };

/**
 * The steps of the drafting process so far, oldest first. They live in the seed file, not in
 * the database: they are the record of what happened, not something staff edit here.
 */
export function processMilestones(): Milestone[] {
  // ISO dates ("2022-10", "2022-05-24") sort correctly as strings.
  return [...readPtm().process.milestones].sort((a, b) => a.date.localeCompare(b.date));
}

/** The procedural rules of the PTM norms (art. 7bis and related) that frame the process. */
export function processRules(): { ref: string; rule: string }[] {
  return readPtm().process.rules;
}
