// What the staff report pages (meeting, participation) read from their form: the intent, the
// introduction and conclusions, the correction note, checked with the page's own messages.
import { z } from "~/lib/zod.server";
import { formValues } from "~/lib/forms";
import { MAX_CORRECTION_NOTE, MAX_REPORT_TEXT } from "./reports.server";

export type ReportTextsForm = { introduction: string; conclusions: string; correctionNote: string };

/** `reports.meeting` or `reports.participation`: where the page's error messages live (`<prefix>.error.tooLong`…). */
export type ReportErrorPrefix = "reports.meeting" | "reports.participation";

const text = (max: number, message: string) => z.preprocess((v) => (typeof v === "string" ? v.replace(/\r\n?/g, "\n") : ""), z.string().max(max, { message }));

export const reportIntentSchema = () => z.object({ intent: z.enum(["save", "preview", "publish"]) });

export const reportTextsSchema = (prefix: ReportErrorPrefix) =>
  z.object({
    introduction: text(MAX_REPORT_TEXT, `${prefix}.error.tooLong`),
    conclusions: text(MAX_REPORT_TEXT, `${prefix}.error.tooLong`),
    correctionNote: text(MAX_CORRECTION_NOTE, `${prefix}.error.noteTooLong`),
  });

/** The submitted values (as typed, to send back on an error) and the raw form for the intent. */
export async function readReportTextsForm(request: Request): Promise<{ raw: Record<string, string | string[]>; values: ReportTextsForm }> {
  const raw = formValues(await request.formData());
  const str = (name: string) => (typeof raw[name] === "string" ? (raw[name] as string) : "");
  return { raw, values: { introduction: str("introduction"), conclusions: str("conclusions"), correctionNote: str("correctionNote") } };
}
