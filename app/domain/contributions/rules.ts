// Limits and shapes of the contribution form, shared by the server and the pages (browser-safe: no zod, no db).
import type { ContributionStatus } from "~db/schema/enums";

export const TITLE_MIN = 5;
export const TITLE_MAX = 160;
export const BODY_MIN = 10;
export const BODY_MAX = 10_000;
export const MAX_ATTACHMENTS = 3;
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
export const MAX_ATTACHMENT_TITLE = 120;
export const SIMILAR_LIMIT = 5;
export const MY_CONTRIBUTIONS_PAGE_SIZE = 20;

/** The steps of the submission form, in order (`?passo=` in the URL). */
export const WIZARD_STEPS = ["tipo", "tema", "luogo", "testo", "riepilogo"] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

export function isWizardStep(value: unknown): value is WizardStep {
  return typeof value === "string" && (WIZARD_STEPS as readonly string[]).includes(value);
}

/**
 * What the form carries between steps (and keeps in the saved draft): strings and lists of strings.
 * `origin` says where the contribution was made: "" (the process at large), "meeting:ID" or
 * "section:VERSION_ID:SECTION_ID" (a section of a draft version).
 */
export type ContributionDraft = {
  kind: string;
  strategyCode: string;
  targetCodes: string[];
  objectiveCodes: string[];
  geometry: string;
  comuni: string[];
  title: string;
  body: string;
  origin: string;
  organizationId: string;
};

export const LIST_FIELDS = ["targetCodes", "objectiveCodes", "comuni"] as const;

/** The fields each step posts; the review posts none (it sends files). */
export const STEP_FIELDS: Record<WizardStep, readonly (keyof ContributionDraft)[]> = {
  tipo: ["kind"],
  tema: ["strategyCode", "targetCodes", "objectiveCodes"],
  luogo: ["geometry", "comuni"],
  testo: ["title", "body", "origin", "organizationId"],
  riepilogo: [],
};

export const DRAFT_FIELDS = Object.values(STEP_FIELDS).flat() as (keyof ContributionDraft)[];

export function emptyDraft(): ContributionDraft {
  return { kind: "", strategyCode: "", targetCodes: [], objectiveCodes: [], geometry: "", comuni: [], title: "", body: "", origin: "", organizationId: "" };
}

const isList = (field: string) => (LIST_FIELDS as readonly string[]).includes(field);

/**
 * Reads `fields` from posted (or stored) values into a draft. A field of the list that is absent
 * becomes empty (an unticked checkbox is not posted); other fields keep `base`.
 */
export function mergeDraft(base: ContributionDraft, values: Record<string, string | string[] | undefined>, fields: readonly (keyof ContributionDraft)[]): ContributionDraft {
  const out: ContributionDraft = { ...base, targetCodes: [...base.targetCodes], objectiveCodes: [...base.objectiveCodes], comuni: [...base.comuni] };
  for (const field of fields) {
    const v = values[field];
    if (isList(field)) {
      const list = v === undefined ? [] : Array.isArray(v) ? v : [v];
      (out[field] as string[]) = [...new Set(list.map((s) => s.trim()).filter(Boolean))].slice(0, 200);
    } else {
      (out[field] as string) = v === undefined ? "" : Array.isArray(v) ? (v[0] ?? "") : v;
    }
  }
  return out;
}

/** A draft from stored values (every field, missing ones empty). */
export function draftFrom(values: Record<string, string | string[] | undefined> | null): ContributionDraft {
  return values ? mergeDraft(emptyDraft(), values, DRAFT_FIELDS) : emptyDraft();
}

/** Badge colour of each status in "my contributions". */
export const STATUS_BADGE: Record<ContributionStatus, "badge-warning" | "badge-success" | "badge-danger" | ""> = {
  pending: "badge-warning",
  published: "badge-success",
  rejected: "badge-danger",
  hidden: "badge-danger",
  withdrawn: "",
};
