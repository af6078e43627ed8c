import type { DB } from "~/lib/db.server";
import { readPtm } from "~/domain/plan/ptm.server";
import { frameworks, objectives, principles, strategies, targets } from "~db/schema";

/** Principles, objectives, frameworks, the three STTM and their targets; idempotent (upserts by code). */
export function seedPlan(db: DB) {
  const ptm = readPtm();
  db.transaction((tx) => {
    ptm.principles.forEach((p, i) => {
      const v = { code: p.code, title: p.title, sortOrder: i };
      tx.insert(principles).values(v).onConflictDoUpdate({ target: principles.code, set: v }).run();
    });
    ptm.objectives.forEach((o, i) => {
      const v = { code: o.code, title: o.title, sortOrder: i };
      tx.insert(objectives).values(v).onConflictDoUpdate({ target: objectives.code, set: v }).run();
    });
    ptm.sttmFrameworks.forEach((f, i) => {
      const v = { code: f.code, title: f.title, about: f.about, sortOrder: i };
      tx.insert(frameworks).values(v).onConflictDoUpdate({ target: frameworks.code, set: v }).run();
    });
    ptm.strategies.forEach((s, i) => {
      const v = { code: s.code, number: i + 1, title: s.title };
      tx.insert(strategies).values(v).onConflictDoUpdate({ target: strategies.code, set: v }).run();
      s.targets.forEach((t, j) => {
        const tv = { code: t.code, strategyCode: s.code, title: t.title, theme: t.theme, sortOrder: j };
        tx.insert(targets).values(tv).onConflictDoUpdate({ target: targets.code, set: tv }).run();
      });
    });
  });
}
