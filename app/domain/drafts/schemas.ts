import { z } from "zod";
import { isIsoDate } from "~/lib/dates";

// Shared by the staff actions (server) and their forms (browser); messages are i18n catalogue keys.

export const MAX_BODY = 100_000;
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

const date = z
  .string()
  .trim()
  .refine((v) => isIsoDate(v), { message: "errors.draftDate" });

const label = z.string().trim().min(1, { message: "errors.draftLabel" }).max(120, { message: "errors.draftLabel" });
const notes = z.string().trim().max(4000, { message: "errors.tooLong" }).optional().default("");
const strategyCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^STTM\d{1,2}$/, { message: "errors.draftStrategy" });

/** Checkboxes with one name arrive as nothing, a string or an array. */
const checkboxList = z.preprocess(
  (v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.string().max(40)).max(60, { message: "errors.invalid" }),
);

const optionalId = z.preprocess((v) => (v === "" || v === undefined ? null : v), z.coerce.number().int().positive().nullable());

export const versionMetaSchema = z.object({ label, versionDate: date, notes });

export const newVersionSchema = versionMetaSchema.extend({ strategyCode, basedOnVersionId: optionalId });

export const sectionSchema = z.object({
  number: z
    .string()
    .trim()
    .regex(/^\d{1,3}(\.\d{1,3}){0,5}$/, { message: "errors.draftNumber" }),
  title: z.string().trim().min(1, { message: "errors.draftTitle" }).max(300, { message: "errors.draftTitle" }),
  depth: z.coerce.number().int().min(1, { message: "errors.draftDepth" }).max(3, { message: "errors.draftDepth" }),
  body: z.string().max(MAX_BODY, { message: "errors.tooLong" }).optional().default(""),
  frameworkCode: z.preprocess((v) => (v === "" || v === undefined ? null : v), z.string().max(40).nullable()),
  targetCodes: checkboxList,
  objectiveCodes: checkboxList,
});

export const newSectionSchema = sectionSchema.extend({ afterSectionTextId: optionalId });

/** The consultation window, Rome calendar days: comments open at the start of `from` and close at the end of `until`. */
export const publishSchema = z
  .object({ commentsOpenFrom: date, commentsOpenUntil: date })
  .refine((v) => v.commentsOpenUntil > v.commentsOpenFrom, { message: "errors.draftWindow", path: ["commentsOpenUntil"] });

/** The upload step of an import: the label may be left empty (the document's title or the file name is used). */
export const importUploadSchema = versionMetaSchema.extend({ label: z.string().trim().max(120, { message: "errors.draftLabel" }).optional().default("") });

export const importSaveSchema = versionMetaSchema.extend({
  strategyCode,
  markdown: z.string().min(1, { message: "errors.draftImportEmpty" }).max(MAX_IMPORT_BYTES, { message: "errors.draftFileTooLarge" }),
});

export const previewSchema = z.object({ markdown: z.string().max(MAX_BODY, { message: "errors.tooLong" }).optional().default("") });
