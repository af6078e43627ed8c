// Factories for the contributions browsing tests: the shared contribution factory
// (app/seed/factories) with this suite's defaults — a point near Rho and a publication date a minute
// apart for each new row, so that orders by place and by date are predictable.
import { createContribution, type ContributionSpec } from "~/seed/factories.server";

export type { ContributionSpec };

let counter = 0;

/** Inserts a contribution (published by default, point at Rho) with its links; returns its id. */
export function insertContribution(spec: ContributionSpec = {}): number {
  counter++;
  const status = spec.status ?? "published";
  const given = Object.fromEntries(Object.entries(spec).filter(([, v]) => v !== undefined)) as ContributionSpec;
  return createContribution({
    title: `Contributo di prova ${counter}`,
    point: [9.04 + counter * 1e-5, 45.53],
    publishedAt: status === "published" || status === "withdrawn" ? new Date(Date.UTC(2026, 0, 1) + counter * 60_000) : null,
    ...given,
  });
}

/** ISTAT codes used by the tests. */
export const ISTAT = { milano: "015146", rho: "015182", magenta: "015130", melzo: "015142" } as const;
