// Factories for section participation tests: versions and section texts written directly (the drafts
// editor is another capability), users without passwords, memberships.
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { db } from "~/lib/db.server";
import { findOrganizationBySlug } from "~/domain/accounts/organizations.server";
import { draftSections, draftSectionTexts, draftVersions, memberships, processes, users, type Role } from "~db/schema";

export function insertUser(name: string, role: Role = "participant") {
  const id = randomUUID();
  db.insert(users)
    .values({ id, email: `${id.slice(0, 8)}@prova.example`, name, role, privacyConsentAt: new Date(), privacyConsentVersion: "test" })
    .run();
  return { id, role, name };
}

export function approveMember(userId: string, slug: string, status: "approved" | "pending" = "approved") {
  const org = findOrganizationBySlug(db, slug)!;
  db.insert(memberships).values({ userId, organizationId: org.id, status }).run();
  return org;
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
  if (status === "in_consultazione") {
    db.update(draftVersions)
      .set({ status: "chiusa", closedAt: now })
      .where(and(eq(draftVersions.strategyCode, strategyCode), eq(draftVersions.status, "in_consultazione")))
      .run();
  }
  const version = db
    .insert(draftVersions)
    .values({
      strategyCode,
      label: opts.label,
      versionDate: now.toISOString().slice(0, 10),
      status,
      publishedAt: status === "bozza" ? null : now,
      commentsOpenFrom: opts.openFrom === undefined ? new Date(now.getTime() - DAY) : opts.openFrom,
      commentsOpenUntil: opts.openUntil === undefined ? new Date(now.getTime() + 60 * DAY) : opts.openUntil,
      basedOnVersionId: opts.basedOnVersionId ?? null,
    })
    .returning({ id: draftVersions.id })
    .get();
  const sectionIds = opts.sections.map((s, i) => {
    const sectionId = opts.sectionIds?.[i] ?? db.insert(draftSections).values({ strategyCode }).returning({ id: draftSections.id }).get().id;
    db.insert(draftSectionTexts)
      .values({ versionId: version.id, sectionId, number: s.number, title: s.title, body: s.body, depth: s.depth ?? s.number.split(".").length, position: i })
      .run();
    return sectionId;
  });
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
