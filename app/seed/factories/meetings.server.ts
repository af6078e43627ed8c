// Factories for meetings and registrations, written directly (the staff forms and the registration
// rules are tested on their own).
import { eq } from "drizzle-orm";
import { db } from "~/lib/db.server";
import {
  meetings,
  meetingStrategies,
  organizations,
  registrations,
  type MeetingKind,
  type MeetingStatus,
  type RegistrationCapacity,
  type RegistrationStatus,
} from "~db/schema";
import { organizationBySlug } from "./accounts.server";
import { inTransaction, processIdBySlug, type Handle } from "./reference.server";

export type MeetingSpec = {
  title: string;
  kind: MeetingKind;
  startsAt: Date;
  endsAt: Date;
  /** Default: the seeded first process. */
  processId?: number;
  /** Default "scheduled". */
  status?: MeetingStatus;
  zoneId?: string | null;
  venueName?: string | null;
  venueAddress?: string | null;
  lat?: number | null;
  lon?: number | null;
  onlineUrl?: string | null;
  agenda?: string;
  capacity?: number | null;
  registrationOpensAt?: Date | null;
  registrationClosesAt?: Date | null;
  allowObservers?: boolean;
  minutes?: string | null;
  minutesPublishedAt?: Date | null;
  attendeesCount?: number | null;
  /** The STTM it is about. */
  strategyCodes?: string[];
};

/** Inserts a meeting (only the fields given, the rest empty) and its STTM; returns its id. */
export function createMeeting(spec: MeetingSpec, handle: Handle = db): number {
  const { strategyCodes = [], processId, ...values } = spec;
  return inTransaction(handle, (tx) => {
    const { id } = tx
      .insert(meetings)
      .values({ ...values, processId: processId ?? processIdBySlug(undefined, handle) })
      .returning({ id: meetings.id })
      .get();
    for (const strategyCode of strategyCodes) tx.insert(meetingStrategies).values({ meetingId: id, strategyCode }).onConflictDoNothing().run();
    return id;
  });
}

export type RegistrationSpec = {
  meetingId: number;
  userId: string;
  /** The organization they come for, by id or slug. */
  organizationId?: number | null;
  organizationSlug?: string;
  /** Default: "person" alone, "comune" for a comune's organization, "organization" for another. */
  capacity?: RegistrationCapacity;
  /** Default "confirmed". */
  status?: RegistrationStatus;
  createdAt?: Date;
  attended?: boolean | null;
};

/** A registration row (confirmed by default); returns its id. */
export function createRegistration(spec: RegistrationSpec, handle: Handle = db): number {
  const organization = spec.organizationSlug
    ? organizationBySlug(spec.organizationSlug, handle)
    : spec.organizationId
      ? handle.select().from(organizations).where(eq(organizations.id, spec.organizationId)).get()
      : null;
  const capacity = spec.capacity ?? (!organization ? "person" : organization.kind === "comune" ? "comune" : "organization");
  return handle
    .insert(registrations)
    .values({
      meetingId: spec.meetingId,
      userId: spec.userId,
      organizationId: organization?.id ?? spec.organizationId ?? null,
      capacity,
      status: spec.status ?? "confirmed",
      createdAt: spec.createdAt ?? new Date(),
      attended: spec.attended ?? null,
    })
    .returning({ id: registrations.id })
    .get().id;
}
