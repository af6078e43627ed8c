import { listObjectives, listStrategies } from "~/domain/plan/plan.server";
import { listZonesWithComuni } from "~/domain/territory/territory.server";
import { organizationsRepresentedBy } from "~/domain/accounts/organizations.server";
import { getVersion, isPublic, versionSections } from "~/domain/drafts/versions.server";
import { renderMarkdown } from "~/lib/markdown.server";
import { meetingsOfProcess, processFor, resolvePlace } from "./contributions.server";
import type { ContributionDraft } from "./rules";

// What the contribution form offers (STTM and targets, objectives, comuni by zone, meetings of the
// process, the user's organizations, the draft section it was opened from) and what the review
// step shows: read once here so that the routes stay thin.

export type SectionOption = { value: string; number: string; title: string; versionLabel: string; strategyCode: string };

/** A section of a public draft version as an option of "where it was made", or null. */
export function sectionOption(versionId: number, sectionId: number): SectionOption | null {
  const version = getVersion(versionId);
  if (!version || !isPublic(version)) return null;
  const section = versionSections(version.id).find((s) => s.sectionId === sectionId);
  if (!section) return null;
  return { value: `section:${version.id}:${sectionId}`, number: section.number, title: section.title, versionLabel: version.label, strategyCode: version.strategyCode };
}

/** The section named by an origin value ("section:VERSION_ID:SECTION_ID"), when it is a section of a public version. */
export function sectionOfOrigin(origin: string) {
  const m = /^section:(\d{1,9}):(\d{1,9})$/.exec(origin);
  return m ? sectionOption(Number(m[1]), Number(m[2])) : null;
}

/** The draft linked to a section it was opened from, and to the section's STTM (targets of another STTM are dropped). */
export function withSection(draft: ContributionDraft, section: SectionOption): ContributionDraft {
  const sameStrategy = draft.strategyCode === section.strategyCode;
  return { ...draft, origin: section.value, strategyCode: section.strategyCode, targetCodes: sameStrategy ? draft.targetCodes : [] };
}

export async function formOptions(userId: string, draft: ContributionDraft) {
  const [strategies, objectives, zones, organizations] = await Promise.all([listStrategies(), listObjectives(), listZonesWithComuni(), organizationsRepresentedBy(userId)]);
  const strategyCode = strategies.some((s) => s.code === draft.strategyCode) ? draft.strategyCode : null;
  const process = await processFor(strategyCode ?? strategies[0]?.code ?? "");
  const meetings = (await meetingsOfProcess(process.id)).map((m) => ({ id: m.id, title: m.title, startsAt: m.startsAt.toISOString() }));
  return {
    strategies: strategies.map((s) => ({ code: s.code, number: s.number, title: s.title, targets: s.targets.map((t) => ({ code: t.code, title: t.title })) })),
    objectives: objectives.map((o) => ({ code: o.code, title: o.title })),
    zones: zones.map((z) => ({ id: z.id, name: z.name, isCapoluogo: z.isCapoluogo, comuni: z.comuni })),
    meetings,
    section: sectionOfOrigin(draft.origin),
    organizations: organizations.map((o) => ({ id: o.id, name: o.name })),
    moderationMode: process.moderationMode,
  };
}

export type FormOptions = Awaited<ReturnType<typeof formOptions>>;

/** The review: the rendered text and the comuni the place touches (null while the place is not valid). */
export async function reviewOf(draft: ContributionDraft, zones: FormOptions["zones"]) {
  let comuniTouched: string[] | null = null;
  try {
    const place = await resolvePlace(draft.geometry.trim() ? { geometry: draft.geometry } : { comuni: draft.comuni });
    const names = new Map(zones.flatMap((z) => z.comuni.map((c) => [c.istat, c.name] as const)));
    comuniTouched = place.comuni.map((c) => names.get(c.istat) ?? c.istat).sort((a, b) => a.localeCompare(b, "it"));
  } catch {
    comuniTouched = null;
  }
  return { bodyHtml: renderMarkdown(draft.body), comuniTouched };
}
