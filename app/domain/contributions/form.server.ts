import { z } from "zod";
import type { MessageKey } from "~/i18n";
import { fieldErrorsOf } from "~/lib/forms";
import { CONTRIBUTION_KINDS } from "~db/schema/enums";
import {
  checkBody,
  checkDetails,
  checkTheme,
  checkTitle,
  ContributionError,
  processFor,
  resolvePlace,
  type ContributionField,
  type ContributionInput,
  type PlaceInput,
} from "./contributions.server";
import { STEP_FIELDS, type ContributionDraft, type WizardStep } from "./rules";

// The contribution form (the wizard and the edit page): from the values it carries (strings, see
// rules.ts) to a checked ContributionInput. zod reads the shape; the domain checks the rest
// (STTM and targets, the place through the territory checks, meeting/section, membership).
// Kept in a server module so that zod stays out of the pages' browser bundles.

export type FormErrors = Partial<Record<ContributionField, MessageKey>>;

const id = z.coerce.number().int().positive();

const kindSchema = z.enum(CONTRIBUTION_KINDS, { message: "contributions.error.kind" });

const originSchema = z
  .string()
  .regex(/^(|meeting:\d{1,9}|section:\d{1,9}:\d{1,9})$/, { message: "contributions.error.origin" })
  .transform((v) => {
    const [what, a, b] = v.split(":");
    if (what === "meeting") return { meetingId: Number(a), draftVersionId: null, draftSectionId: null };
    if (what === "section") return { meetingId: null, draftVersionId: Number(a), draftSectionId: Number(b) };
    return { meetingId: null, draftVersionId: null, draftSectionId: null };
  });

const organizationSchema = z.union([z.literal("").transform(() => null), id], { message: "contributions.error.notMember" });

/** The place: a drawn geometry or whole comuni, never both, never neither. */
function placeOf(d: Pick<ContributionDraft, "geometry" | "comuni">): PlaceInput {
  const geometry = d.geometry.trim();
  if (geometry && d.comuni.length) throw new ContributionError("contributions.error.placeBoth", 400, { field: "geometry" });
  if (geometry) return { geometry };
  if (d.comuni.length) return { comuni: d.comuni };
  throw new ContributionError("contributions.error.placeMissing", 400, { field: "comuni" });
}

function collect(errors: FormErrors, run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (!(error instanceof ContributionError)) throw error;
    errors[error.field ?? "form"] ??= error.key;
  }
}

async function collectAsync(errors: FormErrors, run: () => Promise<unknown>) {
  try {
    await run();
  } catch (error) {
    if (!(error instanceof ContributionError)) throw error;
    errors[error.field ?? "form"] ??= error.key;
  }
}

function firstMessage(result: { success: boolean; error?: { issues: { message: string }[] } }, fallback: MessageKey): MessageKey {
  const m = result.error?.issues[0]?.message;
  return (m && m.startsWith("contributions.") ? m : fallback) as MessageKey;
}

/**
 * Checks the fields of one step (the review checks them all). Returns the errors by field,
 * empty when the step may be left.
 */
export async function validateStep(userId: string, step: WizardStep, d: ContributionDraft): Promise<FormErrors> {
  const errors: FormErrors = {};
  const all = step === "riepilogo";
  if (step === "tipo" || all) {
    const k = kindSchema.safeParse(d.kind);
    if (!k.success) errors.kind = firstMessage(k, "contributions.error.kind");
  }
  if (step === "tema" || all) {
    await collectAsync(errors, () => checkTheme(d));
  }
  if (step === "luogo" || all) {
    await collectAsync(errors, () => resolvePlace(placeOf(d)));
  }
  if (step === "testo" || all) {
    collect(errors, () => checkTitle(d.title));
    collect(errors, () => checkBody(d.body));
    const origin = originSchema.safeParse(d.origin);
    const org = organizationSchema.safeParse(d.organizationId);
    if (!origin.success) errors.origin = firstMessage(origin, "contributions.error.origin");
    if (!org.success) errors.organizationId = firstMessage(org, "contributions.error.notMember");
    if (origin.success && org.success) {
      // A meeting must belong to the STTM's process: checked once the STTM is known.
      const processId = d.strategyCode ? (await processFor(d.strategyCode)).id : -1;
      const details = { ...origin.data, organizationId: org.data, strategyCode: d.strategyCode };
      await collectAsync(errors, () => checkDetails(userId, processId === -1 ? { ...details, meetingId: null } : details, processId));
    }
  }
  return errors;
}

/** The input of createContribution/updateOwnContribution, or the errors of the form's shape. */
export function inputFromDraft(d: ContributionDraft): { ok: true; input: ContributionInput } | { ok: false; errors: FormErrors } {
  const errors: FormErrors = {};
  const kind = kindSchema.safeParse(d.kind);
  const origin = originSchema.safeParse(d.origin);
  const org = organizationSchema.safeParse(d.organizationId);
  if (!kind.success) errors.kind = "contributions.error.kind";
  if (!origin.success) errors.origin = "contributions.error.origin";
  if (!org.success) errors.organizationId = "contributions.error.notMember";
  let place: PlaceInput | null = null;
  collect(errors, () => (place = placeOf(d)));
  if (!kind.success || !origin.success || !org.success || !place) return { ok: false, errors };
  return {
    ok: true,
    input: {
      kind: kind.data,
      strategyCode: d.strategyCode,
      targetCodes: d.targetCodes,
      objectiveCodes: d.objectiveCodes,
      title: d.title,
      body: d.body,
      place,
      ...origin.data,
      organizationId: org.data,
    },
  };
}

/** Which step holds a field: a refusal at the review sends the participant there. */
export function stepOfField(field: ContributionField): WizardStep {
  for (const [step, fields] of Object.entries(STEP_FIELDS) as [WizardStep, readonly string[]][]) {
    if (fields.includes(field)) return step;
  }
  return field === "geometry" || field === "comuni" ? "luogo" : "riepilogo";
}

/** Turns a domain refusal into the form's errors (anything else is rethrown). */
export function errorsOf(error: unknown): { errors: FormErrors; status: number } {
  if (error instanceof ContributionError) return { errors: fieldErrorsOf(error), status: error.status };
  throw error;
}
