import { eq } from "drizzle-orm";
import type { DB } from "~/lib/db.server";
import { readPtm } from "~/domain/plan/ptm.server";
import { FIRST_PROCESS_SLUG } from "~/domain/processes/processes.server";
import { phases, processes, processStrategies } from "~db/schema";

/** "2022-10" → "2022-10-01" with precision month; "2022-04-14" stays, precision day. */
function milestoneDate(date: string): { date: string; precision: "day" | "month" } {
  return /^\d{4}-\d{2}$/.test(date) ? { date: `${date}-01`, precision: "month" } : { date, precision: "day" };
}

/** Last day of the month of a "YYYY-MM" date, so a month-precision phase covers the whole month. */
function monthEnd(date: string): string {
  const [y, m] = date.split("-").map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/**
 * The real process "Redazione delle prime 3 STTM" with the milestones of ptm.json as phases.
 * Created once; staff edits afterwards are never overwritten.
 */
export function seedProcesses(db: DB) {
  const ptm = readPtm();
  const existing = db.select({ id: processes.id }).from(processes).where(eq(processes.slug, FIRST_PROCESS_SLUG)).get();
  if (existing) return existing.id;
  return db.transaction((tx) => {
    const { id } = tx
      .insert(processes)
      .values({
        slug: FIRST_PROCESS_SLUG,
        title: ptm.process.name,
        description:
          "Il procedimento avviato con il Decreto del Sindaco metropolitano n. 77/2022 per redigere, in concertazione con i Comuni e i portatori di interessi, le prime tre Strategie Tematico-Territoriali Metropolitane previste dall'art. 7bis delle Norme di attuazione del PTM.",
        status: "active",
      })
      .returning({ id: processes.id })
      .get();
    for (const s of ptm.strategies) tx.insert(processStrategies).values({ processId: id, strategyCode: s.code }).run();
    ptm.process.milestones.forEach((m, i) => {
      const start = milestoneDate(m.date);
      const end = m.endDate ? monthEnd(m.endDate) : start.precision === "month" ? monthEnd(m.date) : null;
      tx.insert(phases)
        .values({
          processId: id,
          position: i,
          kind: m.kind,
          title: m.title,
          description: m.about ?? "",
          startDate: start.date,
          endDate: end,
          precision: start.precision,
        })
        .run();
    });
    return id;
  });
}
