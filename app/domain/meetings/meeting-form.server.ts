import { DomainError } from "~/lib/domain-error";
import { fieldErrorsOf, formValues, parseForm, withoutSecrets } from "~/lib/forms";
import type { Art7bisIssue } from "~/domain/processes/art7bis";
import { createMeeting, updateMeeting } from "./meetings.server";
import { meetingFormSchema } from "./schemas";

export type MeetingFormOutcome =
  | { ok: true; id: number; notified: boolean }
  | { ok: false; status: number; values: Record<string, string | string[]>; errors: Record<string, string>; issues: Art7bisIssue[] | null }
  | null;

/**
 * The create/edit action of the meeting form: parse (messages are catalogue keys), save through
 * the domain, and say what to answer. Art. 7bis issues come back as 409 with the issues to confirm.
 * Returns null when the meeting to edit does not exist.
 */
export async function submitMeetingForm(actorId: string, formData: FormData, meetingId: number | null): Promise<MeetingFormOutcome> {
  const values = withoutSecrets(formValues(formData));
  const kept = { ...values };
  delete kept.confirmArt7bis; // a new issue must be confirmed again
  const parsed = parseForm(meetingFormSchema, values);
  if (!parsed.success) return { ok: false, status: 400, values: kept, errors: parsed.errors, issues: null };
  const { confirmArt7bis, ...input } = parsed.data;
  try {
    const result = meetingId === null ? await createMeeting(actorId, input, { confirmArt7bis }) : await updateMeeting(actorId, meetingId, input, { confirmArt7bis });
    if (!result) return null;
    if (result.status === "needsConfirmation") {
      return { ok: false, status: 409, values: kept, errors: { form: "errors.meetingArt7bis" }, issues: result.issues };
    }
    return { ok: true, id: result.id, notified: Boolean(result.notified) };
  } catch (error) {
    if (error instanceof DomainError) return { ok: false, status: error.status, values: kept, errors: fieldErrorsOf(error), issues: null };
    throw error;
  }
}
