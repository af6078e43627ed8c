import type it from "../it/participation";

const participation: Record<keyof typeof it, string> = {
  "participation.metaTitle": "{number} {title} — {strategy} {version} — Concerta",
  "participation.breadcrumb": "Section {number}",
  "participation.backToVersion": "Back to the text of {strategy}, {version}",
  "participation.versionLine": "{strategy} · version {version}",
  "participation.sectionNav": "Nearby sections",
  "participation.previousSection": "Previous section: {number} {title}",
  "participation.nextSection": "Next section: {number} {title}",
  "participation.emptyBody": "This section has no text of its own.",
  "participation.contentLanguageNote": "The draft's text and the contributions are in Italian.",

  "participation.versionStatus.bozza": "internal draft",
  "participation.versionStatus.in_consultazione": "in consultation",
  "participation.versionStatus.chiusa": "consultation closed",
  "participation.versionStatus.adottata": "adopted",

  "participation.window.open": "Comments and amendments are open until {until}.",
  "participation.window.openNoEnd": "Comments and amendments are open.",
  "participation.window.notInConsultation": "Version {version} is not in consultation: comments and amendments are not open.",
  "participation.window.notYet": "Comments and amendments on {version} open on {from}.",
  "participation.window.over": "Comments and amendments on {version} closed on {until}.",
  "participation.window.range": "Consultation period: from {from} to {until}.",
  "participation.loginToTake": "Log in to comment or propose an amendment",
  "participation.loginHint": "Anyone can read. Taking part needs a free account.",

  "participation.moderationPre": "Comments and amendments are published after the editorial team has checked them.",
  "participation.moderationPost": "Comments and amendments are published at once and checked by the editorial team.",

  "participation.comments.listLabel": "Comments on section {number}",

  "participation.amendments.title": "Proposed amendments",
  "participation.amendments.outcome": "Outcome and staff response",
  "participation.amendments.none": "No amendments yet.",
  "participation.amendments.listLabel": "Amendments to section {number}",
  "participation.amendments.heading": "Amendment by {name}",
  "participation.amendments.diffLabel": "Changes to the text of version {version}",
  "participation.amendments.diffLegend": "Removed text is struck through, added text is underlined.",
  "participation.amendments.rationale": "Rationale",
  "participation.amendments.fullText": "Full proposed text",
  "participation.amendments.new": "Propose an amendment",
  "participation.amendments.newHint": "Edit the section's text as you would like it to read: others will see the changes.",
  "participation.amendments.proposedText": "Proposed text for the section",
  "participation.amendments.rationaleField": "Rationale",
  "participation.amendments.submit": "Send the amendment",
  "participation.amendments.withdraw": "Withdraw the amendment",

  "participation.diff.removed": "removed text:",
  "participation.diff.added": "added text:",
  "participation.diff.end": "end",

  "participation.onBehalf": "On behalf of",
  "participation.onBehalfSelf": "myself ({name})",
  "participation.byMember": "through {name}",
  "participation.onVersion": "on {version}",
  "participation.onVersionCurrent": "on {version} (this version)",

  "participation.status.pending": "awaiting moderation",
  "participation.status.published": "published",
  "participation.status.rejected": "not approved",
  "participation.status.hidden": "hidden by moderation",
  "participation.status.withdrawn": "withdrawn",

  "participation.moderation.approve": "Approve",
  "participation.moderation.reject": "Reject",
  "participation.moderation.hide": "Hide",
  "participation.moderation.reason": "Reason (sent to the author)",
  "participation.moderation.label": "Moderation",

  "participation.ok.amendment.pending": "Amendment sent: everyone will see it after moderation.",
  "participation.ok.amendment.published": "Amendment published.",
  "participation.ok.withdrawn": "Amendment withdrawn.",

  "participation.error.notFound": "Comment or amendment not found.",
  "participation.error.sectionNotInVersion": "This section is not part of the given version.",
  "participation.error.notInConsultation": "Cannot send: version {version} is not in consultation. What you wrote is still below.",
  "participation.error.notYetOpen": "Cannot send: the consultation on {version} opens on {from} and closes on {until}. What you wrote is still below.",
  "participation.error.closed": "Cannot send: the consultation on {version} was open from {from} to {until}. What you wrote is still below.",
  "participation.error.notMember": "You cannot act on behalf of this organization: you are not one of its approved representatives.",
  "participation.error.notAuthor": "You can only edit or delete your own contributions.",
  "participation.error.alreadyWithdrawn": "The amendment has already been withdrawn.",
  "participation.error.sameText": "The proposed text is the same as the current one: change the text to propose an amendment.",
  "participation.error.empty": "Write some text before sending.",
  "participation.error.textTooLong": "The text is too long.",
  "participation.dateUnset": "date to be set",
};

export default participation;
