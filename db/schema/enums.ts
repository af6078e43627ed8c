// Plain constants (no drizzle import), so that browser code can use them too.
export const ROLES = ["admin", "staff", "participant"] as const;
export type Role = (typeof ROLES)[number];

export const ORGANIZATION_KINDS = [
  "comune",
  "public_body",
  "park",
  "university",
  "association",
  "trade_association",
  "foundation",
  "company",
  "other",
] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export const MEMBERSHIP_STATUSES = ["pending", "approved", "refused", "revoked"] as const;
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];

export const PROCESS_STATUSES = ["draft", "active", "closed"] as const;
export type ProcessStatus = (typeof PROCESS_STATUSES)[number];

export const MODERATION_MODES = ["pre", "post"] as const;
export type ModerationMode = (typeof MODERATION_MODES)[number];

/** How precise a phase date is: the source may give only the month. */
export const DATE_PRECISIONS = ["day", "month"] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

export const MEETING_KINDS = ["kickoff", "tavolo_comuni", "presentazione", "tavolo_territoriale", "conferenza_istruttoria", "altro"] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export const MEETING_STATUSES = ["scheduled", "registration_open", "held", "closed", "cancelled"] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/** In what capacity someone is registered: themselves, a comune, another organization, or an observer at a territorial table. */
export const REGISTRATION_CAPACITIES = ["person", "comune", "organization", "observer"] as const;
export type RegistrationCapacity = (typeof REGISTRATION_CAPACITIES)[number];

export const REGISTRATION_STATUSES = ["confirmed", "waitlisted", "cancelled"] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

export const CONTRIBUTION_KINDS = ["proposta", "osservazione", "segnalazione", "buona_pratica"] as const;
export type ContributionKind = (typeof CONTRIBUTION_KINDS)[number];

export const CONTRIBUTION_STATUSES = ["pending", "published", "rejected", "hidden", "withdrawn"] as const;
export type ContributionStatus = (typeof CONTRIBUTION_STATUSES)[number];

/** Life cycle of an STTM draft version: bozza (staff only) → in consultazione (public, comments open) → chiusa → adottata. */
export const DRAFT_VERSION_STATUSES = ["bozza", "in_consultazione", "chiusa", "adottata"] as const;
export type DraftVersionStatus = (typeof DRAFT_VERSION_STATUSES)[number];

/** Status of comments and amendments on draft sections (moderated like contributions). */
export const PARTICIPATION_STATUSES = ["pending", "published", "rejected", "hidden", "withdrawn"] as const;
export type ParticipationStatus = (typeof PARTICIPATION_STATUSES)[number];

/** How a contribution is placed: a point, a line, an area, or (no precise place) whole comuni. */
export const PLACE_KINDS = ["point", "line", "polygon", "comuni"] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

/** Staff's reasoned answer to a contribution or an amendment (controdeduzione). */
export const OUTCOMES = ["accolto", "parzialmente_accolto", "non_accolto", "non_pertinente"] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** What can be moderated, flagged or answered. */
export const MODERATED_KINDS = ["contribution", "contribution_comment", "section_comment", "amendment"] as const;
export type ModeratedKind = (typeof MODERATED_KINDS)[number];

export const FLAG_REASONS = ["spam", "offensive", "off_topic", "personal_data", "other"] as const;
export type FlagReason = (typeof FLAG_REASONS)[number];

export const FLAG_STATUSES = ["open", "upheld", "dismissed"] as const;
export type FlagStatus = (typeof FLAG_STATUSES)[number];

/** The steps of an STTM process (shared/docs/domain.md), offered as a phase's kind. */
export const PHASE_KINDS = [
  "avvio",
  "kickoff",
  "tavolo_comuni",
  "presentazione",
  "tavolo_territoriale",
  "messa_a_disposizione",
  "conferenza_istruttoria",
  "adozione",
  "altro",
] as const;
export type PhaseKind = (typeof PHASE_KINDS)[number];

/** What a report is about: a held meeting, or the consultation on an STTM draft version. */
export const REPORT_KINDS = ["meeting", "participation"] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
