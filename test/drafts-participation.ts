// Factories for section participation tests: the shared factories (app/seed/factories) for users
// without passwords, memberships and versions with their section texts (the drafts editor is another
// capability), with this suite's defaults.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { db } from "~/lib/db.server";
import { closeConsultationsOf, createDraftVersion, createMembership, createUser } from "~/seed/factories.server";
import { processes, type Role } from "~db/schema";

export function insertUser(name: string, role: Role = "participant") {
  const id = randomUUID();
  createUser({ id, email: `${id.slice(0, 8)}@prova.example`, name, role });
  return { id, role, name };
}

export function approveMember(userId: string, slug: string, status: "approved" | "pending" = "approved") {
  return createMembership({ userId, organizationSlug: slug, status, decidedAt: null }).organization;
}

const DAY = 86_400_000;

export type SectionSpec = { number: string; title: string; body: string; depth?: number };

/** Ends any consultation on the STTM (one at a time per STTM), then inserts a version in consultation with its sections. */
export function insertVersionInConsultation(opts: {
  strategyCode?: string;
  label: string;
  sections: SectionSpec[];
  /** Carry these stable sections over (same order as `sections`); new ones are created otherwise. */
  sectionIds?: number[];
  basedOnVersionId?: number | null;
  openFrom?: Date | null;
  openUntil?: Date | null;
  status?: "bozza" | "in_consultazione" | "chiusa";
  now?: Date;
}) {
  const strategyCode = opts.strategyCode ?? "STTM1";
  const now = opts.now ?? new Date();
  const status = opts.status ?? "in_consultazione";
  if (status === "in_consultazione") closeConsultationsOf(strategyCode, now);
  const version = createDraftVersion({
    strategyCode,
    label: opts.label,
    status,
    now,
    sections: opts.sections.map((s, i) => ({ ...s, sectionId: opts.sectionIds?.[i] })),
    basedOnVersionId: opts.basedOnVersionId ?? null,
    publishedAt: status === "bozza" ? null : now,
    openFrom: opts.openFrom === undefined ? new Date(now.getTime() - DAY) : opts.openFrom,
    openUntil: opts.openUntil === undefined ? new Date(now.getTime() + 60 * DAY) : opts.openUntil,
    closedAt: null,
  });
  const sectionIds = version.sections.map((s) => s.sectionId);
  return { versionId: version.id, sectionIds, bySection: Object.fromEntries(opts.sections.map((s, i) => [s.number, sectionIds[i]])) as Record<string, number> };
}

export function setModerationMode(mode: "pre" | "post", slug = "redazione-prime-3-sttm") {
  db.update(processes).set({ moderationMode: mode }).where(eq(processes.slug, slug)).run();
}

export function setProcessStatus(status: "draft" | "active" | "closed", slug = "redazione-prime-3-sttm") {
  db.update(processes).set({ status }).where(eq(processes.slug, slug)).run();
}

export const SECTIONS_V01: SectionSpec[] = [
  { number: "1", title: "Quadro conoscitivo", body: "Il territorio metropolitano e le sue invarianti." },
  { number: "2", title: "Quadro strategico", body: "Le proposte della strategia." },
  { number: "2.3", title: "Rete verde metropolitana", body: "La rete verde collega i parchi regionali e i corridoi ecologici della pianura." },
];
