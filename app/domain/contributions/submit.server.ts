import { loadDraft } from "~/lib/form-stash.server";
import { fieldErrorsOf } from "~/lib/forms";
import type { MessageKey } from "~/i18n";
import { AttachmentError, parseAttachmentUpload, prepareAttachments, type AttachmentProblem } from "./attachments.server";
import { ContributionError, createContribution } from "./contributions.server";
import { inputFromDraft, validateStep } from "./form.server";
import { draftFrom } from "./rules";
import type { ContributionStatus } from "~db/schema";

// The last step of the submission form: the review posts the attachments (multipart); everything
// else comes from the participant's saved draft, checked again as a whole before it is created.

export type SubmitResult = { ok: true; id: number; status: ContributionStatus } | { ok: false; errors: Record<string, MessageKey>; status: number };

export function attachmentsErrorKey(problem: AttachmentProblem): MessageKey {
  return `contributions.attachment.${problem}`;
}

export async function submitContributionDraft(userId: string, draftPath: string, request: Request): Promise<SubmitResult> {
  const upload = await parseAttachmentUpload(request);
  if (!upload.ok) return { ok: false, errors: { attachments: attachmentsErrorKey(upload.problem) }, status: upload.problem === "tooLarge" ? 413 : 400 };
  const draft = draftFrom(loadDraft(userId, draftPath));
  const problems = await validateStep(userId, "riepilogo", draft);
  if (Object.keys(problems).length) return { ok: false, errors: problems as Record<string, MessageKey>, status: 400 };
  const shaped = inputFromDraft(draft);
  if (!shaped.ok) return { ok: false, errors: shaped.errors as Record<string, MessageKey>, status: 400 };
  try {
    const attachments = await prepareAttachments(upload.files);
    const created = await createContribution(userId, shaped.input, { attachments });
    return { ok: true, ...created };
  } catch (error) {
    if (error instanceof AttachmentError) return { ok: false, errors: { attachments: attachmentsErrorKey(error.problem) }, status: 400 };
    if (error instanceof ContributionError) return { ok: false, errors: fieldErrorsOf(error), status: error.status };
    throw error;
  }
}
