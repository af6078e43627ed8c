// Who may register for a meeting, and in what capacity: pure functions of the meeting, the
// organization chosen and the time, shared by the registration itself and the panel that
// shows the choices beforehand (so both always agree). No database access; browser-safe.
import type { MeetingKind, MeetingStatus, OrganizationKind, RegistrationCapacity } from "~db/schema/enums";

export const REFUSAL_REASONS = [
  "not_signed_in",
  "meeting_not_found",
  "meeting_cancelled",
  "meeting_over",
  "started",
  "not_open_yet",
  "opens_later",
  "closed",
  "not_member",
  "comune_other_zone",
  "observers_not_allowed",
  "already_registered",
  "organization_already_registered",
  "registration_not_found",
  "cancel_not_owner",
  "cancel_after_start",
  "already_cancelled",
  "attendance_not_confirmed",
  "invitations_only_conferenza",
  "organization_not_found",
] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

/** Why something was refused, with the names and the date its message needs. Dates are ISO strings. */
export type Refusal = {
  reason: RefusalReason;
  organization?: string;
  zone?: string;
  organizationZone?: string;
  date?: string;
};

/** The catalogue key of a refusal's message (see app/i18n/it/registrations.ts). */
export function refusalKey(reason: RefusalReason) {
  return `registration.refusal.${reason}` as const;
}

/** The HTTP status of a refusal: 404 for what does not exist, 403 for what this person may not do, 409 otherwise. */
export function refusalStatus(reason: RefusalReason) {
  if (reason.endsWith("not_found")) return 404;
  if (reason === "not_member" || reason === "cancel_not_owner" || reason === "comune_other_zone" || reason === "observers_not_allowed") return 403;
  return 409;
}

export type MeetingForRules = {
  kind: MeetingKind;
  status: MeetingStatus;
  startsAt: Date;
  zoneId: string | null;
  zoneName?: string | null;
  allowObservers: boolean;
  registrationOpensAt: Date | null;
  registrationClosesAt: Date | null;
};

/** Null when registration is open at `now`; otherwise why not. */
export function registrationWindow(meeting: MeetingForRules, now: Date): Refusal | null {
  if (meeting.status === "cancelled") return { reason: "meeting_cancelled" };
  if (meeting.status === "held" || meeting.status === "closed") return { reason: "meeting_over" };
  if (now.getTime() >= meeting.startsAt.getTime()) return { reason: "started" };
  if (meeting.status !== "registration_open") return { reason: "not_open_yet" };
  if (meeting.registrationOpensAt && now.getTime() < meeting.registrationOpensAt.getTime()) {
    return { reason: "opens_later", date: meeting.registrationOpensAt.toISOString() };
  }
  if (meeting.registrationClosesAt && now.getTime() >= meeting.registrationClosesAt.getTime()) {
    return { reason: "closed", date: meeting.registrationClosesAt.toISOString() };
  }
  return null;
}

/** Registrations may be cancelled (by their owner) until the meeting starts. */
export function canCancelAt(meeting: { startsAt: Date }, now: Date) {
  return now.getTime() < meeting.startsAt.getTime();
}

export type OrganizationForRules = {
  name: string;
  kind: OrganizationKind;
  /** For a comune: its zona omogenea. */
  zoneId: string | null;
  zoneName: string | null;
};

export type CapacityDecision = { ok: true; capacity: RegistrationCapacity } | { ok: false; refusal: Refusal };

/**
 * The capacity of a registration for `organization` (null: in one's own name), given that the
 * person is (or is not) an approved member of it. See docs/decisions/0006: at a tavolo
 * territoriale only the comuni of the zone register as comuni; everyone else — other
 * organizations, comuni of other zones, people in their own name — only as observers, and only
 * when staff allowed observers.
 */
export function decideCapacity(
  meeting: MeetingForRules,
  organization: OrganizationForRules | null,
  isApprovedMember: boolean,
): CapacityDecision {
  if (organization && !isApprovedMember) return { ok: false, refusal: { reason: "not_member", organization: organization.name } };
  const zone = meeting.zoneName ?? meeting.zoneId ?? undefined;
  if (meeting.kind === "tavolo_territoriale" && meeting.zoneId) {
    if (organization?.kind === "comune" && organization.zoneId === meeting.zoneId) return { ok: true, capacity: "comune" };
    if (meeting.allowObservers) return { ok: true, capacity: "observer" };
    if (organization?.kind === "comune") {
      return {
        ok: false,
        refusal: { reason: "comune_other_zone", organization: organization.name, zone, organizationZone: organization.zoneName ?? undefined },
      };
    }
    return { ok: false, refusal: { reason: "observers_not_allowed", zone, organization: organization?.name } };
  }
  if (!organization) return { ok: true, capacity: "person" };
  return { ok: true, capacity: organization.kind === "comune" ? "comune" : "organization" };
}

/** Which registrations the staff list shows: live = confirmed and waitlisted. */
export const REGISTRATION_FILTERS = ["live", "confirmed", "waitlisted", "cancelled", "all"] as const;
export type RegistrationFilter = (typeof REGISTRATION_FILTERS)[number];
