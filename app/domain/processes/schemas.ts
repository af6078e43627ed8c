import { z } from "zod";
import { isIsoDate } from "~/lib/dates";
import type { ProcessInput } from "./processes.server";
import { DATE_PRECISIONS, MODERATION_MODES, PHASE_KINDS, PROCESS_STATUSES } from "~db/schema/enums";

export { PHASE_KINDS, type PhaseKind } from "~db/schema/enums";

// Shared by the staff actions (server) and their forms (browser); messages are i18n catalogue keys.


const date = z
  .string({ message: "errors.process.date" })
  .trim()
  .refine((v) => isIsoDate(v), { message: "errors.process.date" });

/** An optional date field: empty means "not set yet". */
const optionalDate = z
  .string()
  .trim()
  .optional()
  .transform((v) => v || null)
  .refine((v) => v === null || isIsoDate(v), { message: "errors.process.date" });

/** Checkboxes with one name arrive as nothing, a string or an array. */
const checkboxList = z.preprocess((v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]), z.array(z.string()));

const description = (max: number) => z.string().trim().max(max, { message: "errors.tooLong" }).optional().default("");

/** The process form; `strategyCodes` are the STTM that exist (read from the plan). */
export function processFormSchema(strategyCodes: readonly string[]) {
  return z.object({
    title: z.string().trim().min(3, { message: "errors.process.title" }).max(200, { message: "errors.process.title" }),
    description: description(20_000),
    status: z.enum(PROCESS_STATUSES, { message: "errors.process.status" }),
    draftPublicDate: optionalDate,
    plannedAdoptionDate: optionalDate,
    strategies: checkboxList.refine((codes) => codes.every((c) => strategyCodes.includes(c)), { message: "errors.process.strategies" }),
    moderationMode: z.enum(MODERATION_MODES, { message: "errors.process.moderationMode" }),
    flagThreshold: z.coerce
      .number({ message: "errors.process.flagThreshold" })
      .int({ message: "errors.process.flagThreshold" })
      .min(1, { message: "errors.process.flagThreshold" })
      .max(100, { message: "errors.process.flagThreshold" }),
    confirmArt7bis: z.literal("on").optional(),
  });
}
export type ProcessForm = z.infer<ReturnType<typeof processFormSchema>>;

/** The parsed form as the domain's input. */
export function processInputFrom(form: ProcessForm): ProcessInput {
  const { strategies, confirmArt7bis: _confirm, ...rest } = form;
  return { ...rest, strategyCodes: strategies };
}

const month = (iso: string) => iso.slice(0, 7);

export const phaseFormSchema = z
  .object({
    title: z.string().trim().min(2, { message: "errors.phase.title" }).max(200, { message: "errors.phase.title" }),
    kind: z
      .union([z.enum(PHASE_KINDS), z.literal("")], { message: "errors.phase.kind" })
      .optional()
      .transform((v) => v || null),
    description: description(5_000),
    startDate: date,
    endDate: optionalDate,
    precision: z.enum(DATE_PRECISIONS, { message: "errors.phase.precision" }),
  })
  .superRefine((v, ctx) => {
    if (!v.endDate) return;
    // With month precision only the months count: "October – October" is fine whatever the days.
    const before = v.precision === "month" ? month(v.endDate) < month(v.startDate) : v.endDate < v.startDate;
    if (before) ctx.addIssue({ code: "custom", path: ["endDate"], message: "errors.phase.endBeforeStart" });
  });
export type PhaseForm = z.infer<typeof phaseFormSchema>;

export const phaseRefSchema = z.object({ phaseId: z.coerce.number().int().positive() });

export const movePhaseSchema = phaseRefSchema.extend({
  direction: z.enum(["up", "down"], { message: "errors.unknownIntent" }),
});
