import type it from "../it/moderation";

/** Moderation: the queue, item pages, reports, outcomes, workload, audit log, notification preferences. */
const moderation: Record<keyof typeof it, string> = {
  "browse.filters.outcome.accolto": "Accepted",
  "browse.filters.outcome.parzialmente_accolto": "Partly accepted",
  "browse.filters.outcome.non_accolto": "Not accepted",
  "browse.filters.outcome.non_pertinente": "Not relevant",

  "moderation.error.notFound": "Item not found.",
  "moderation.error.notModeratable": "This item can no longer be moderated this way: its status has changed. Reload the page.",
  "moderation.error.noSelection": "Select at least one item.",
  "moderation.error.tooMany": "You can select at most 1000 items at a time.",
  "moderation.error.reasonRequired": "Give the reason.",
  "moderation.error.messageRequired": "Write the message for the author.",
  "moderation.error.duplicateSelf": "A contribution cannot be a duplicate of itself.",
  "moderation.error.duplicateTarget": "The contribution given as the original does not exist.",
  "moderation.error.duplicateCycle": "The contribution given is already marked as a duplicate of this one.",
  "moderation.error.notReportable": "Only published content can be reported.",
  "moderation.error.nothingToRestore": "Nothing to restore: the item is visible and has no open reports.",
  "moderation.error.notReported": "The item has no open reports: to hide it, use “Reject”.",
  "moderation.error.passageRequired": "Paste the passage to remove.",
  "moderation.error.passageNotFound": "The passage does not appear in the text: copy it exactly as written.",
  "moderation.error.responseRequired": "Write the reasoned response.",
  "moderation.error.responseTooLong": "The reasoned response is longer than 20,000 characters.",
  "moderation.error.outcomeNotPublished": "An outcome can only be given to a published contribution or amendment.",
  "moderation.error.versionNotFound": "Choose a version of the draft.",
  "moderation.error.sectionNotInVersion": "One of the sections chosen does not belong to this version.",
  "moderation.error.authorText": "The author's title and text are not edited: only kind, themes and place can be corrected.",
};

export default moderation;
