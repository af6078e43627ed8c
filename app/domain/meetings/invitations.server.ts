// Invitations to a conferenza istruttoria (art. 7bis c.4): staff invite all the comuni at once
// plus chosen organizations; the members of an invited organization see it on their account page.
// Invitations do not restrict who may register (see docs/decisions/0006).
import { and, asc, desc, eq, inArray, notInArray, sql } from "drizzle-orm";
import { db, type Tx } from "~/lib/db.server";
import { recordAudit } from "~/domain/audit/audit.server";
import { comuni, invitations, meetings, memberships, organizations, zones } from "~db/schema";
import type { Refusal } from "./registration-rules";

export type InvitationResult = { ok: true; added: number } | { ok: false; refusal: Refusal };

function meetingKind(tx: Pick<Tx, "select">, meetingId: number) {
  return tx.select({ kind: meetings.kind }).from(meetings).where(eq(meetings.id, meetingId)).get()?.kind ?? null;
}

/** Invitations exist only for a conferenza istruttoria; anything else is refused with a reason. */
function checkMeeting(tx: Pick<Tx, "select">, meetingId: number): Refusal | null {
  const kind = meetingKind(tx, meetingId);
  if (!kind) return { reason: "meeting_not_found" };
  if (kind !== "conferenza_istruttoria") return { reason: "invitations_only_conferenza" };
  return null;
}

function insertInvitations(tx: Tx, meetingId: number, organizationIds: number[], staffId: string) {
  let added = 0;
  for (const organizationId of organizationIds) {
    const r = tx.insert(invitations).values({ meetingId, organizationId, invitedBy: staffId }).onConflictDoNothing().run();
    added += r.changes;
  }
  return added;
}

/** Invites every organization of kind comune (the 133 comuni) that is not invited yet. */
export async function inviteAllComuni(input: { meetingId: number; staffId: string }): Promise<InvitationResult> {
  return db.transaction((tx): InvitationResult => {
    const refused = checkMeeting(tx, input.meetingId);
    if (refused) return { ok: false, refusal: refused };
    const ids = tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.kind, "comune")).all().map((o) => o.id);
    const added = insertInvitations(tx, input.meetingId, ids, input.staffId);
    recordAudit(tx, { actorId: input.staffId, action: "invitation.allComuni", subjectType: "meeting", subjectId: input.meetingId, after: { added } });
    return { ok: true, added };
  });
}

/** Invites the chosen organizations (already invited ones are left as they are). */
export async function invite(input: { meetingId: number; organizationIds: number[]; staffId: string }): Promise<InvitationResult> {
  return db.transaction((tx): InvitationResult => {
    const refused = checkMeeting(tx, input.meetingId);
    if (refused) return { ok: false, refusal: refused };
    const ids = input.organizationIds.length
      ? tx.select({ id: organizations.id }).from(organizations).where(inArray(organizations.id, input.organizationIds)).all().map((o) => o.id)
      : [];
    if (ids.length !== new Set(input.organizationIds).size || ids.length === 0) return { ok: false, refusal: { reason: "organization_not_found" } };
    const added = insertInvitations(tx, input.meetingId, ids, input.staffId);
    recordAudit(tx, { actorId: input.staffId, action: "invitation.created", subjectType: "meeting", subjectId: input.meetingId, after: { organizationIds: ids } });
    return { ok: true, added };
  });
}

/** Withdraws one invitation. */
export async function withdrawInvitation(input: { meetingId: number; organizationId: number; staffId: string }): Promise<InvitationResult> {
  return db.transaction((tx): InvitationResult => {
    const r = tx.delete(invitations).where(and(eq(invitations.meetingId, input.meetingId), eq(invitations.organizationId, input.organizationId))).run();
    if (r.changes === 0) return { ok: false, refusal: { reason: "organization_not_found" } };
    recordAudit(tx, {
      actorId: input.staffId,
      action: "invitation.withdrawn",
      subjectType: "meeting",
      subjectId: input.meetingId,
      before: { organizationId: input.organizationId },
    });
    return { ok: true, added: 0 };
  });
}

/** EXISTS a live registration of the organization for the meeting (outer columns qualified by hand, see waitlistPosition). */
const registeredFlag = sql<number>`exists (select 1 from registrations r where r.meeting_id = "invitations"."meeting_id"
  and r.organization_id = "invitations"."organization_id" and r.status <> 'cancelled')`;

/** The invited organizations of a meeting, comuni by zone then the others, each with whether it registered. */
export async function listInvitations(meetingId: number) {
  const rows = await db
    .select({
      organizationId: organizations.id,
      name: organizations.name,
      kind: organizations.kind,
      zoneName: zones.name,
      invitedAt: invitations.invitedAt,
      registered: registeredFlag,
    })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.organizationId))
    .leftJoin(comuni, eq(comuni.istat, organizations.istatCode))
    .leftJoin(zones, eq(zones.id, comuni.zoneId))
    .where(eq(invitations.meetingId, meetingId))
    .orderBy(sql`${organizations.kind} <> 'comune'`, asc(zones.sortOrder), asc(organizations.name))
    .all();
  return rows.map((r) => ({ ...r, registered: Boolean(r.registered) }));
}

/** Organizations not invited yet, for the staff's select. */
export async function invitableOrganizations(meetingId: number) {
  const invited = db.select({ id: invitations.organizationId }).from(invitations).where(eq(invitations.meetingId, meetingId));
  return db
    .select({ id: organizations.id, name: organizations.name, kind: organizations.kind })
    .from(organizations)
    .where(notInArray(organizations.id, invited))
    .orderBy(asc(organizations.kind), asc(organizations.name))
    .all();
}

/** The invitations addressed to the organizations a person represents (approved memberships), latest meeting first. */
export async function invitationsForUser(userId: string) {
  const rows = await db
    .select({
      meetingId: meetings.id,
      meetingTitle: meetings.title,
      meetingStatus: meetings.status,
      startsAt: meetings.startsAt,
      organizationId: organizations.id,
      organizationName: organizations.name,
      invitedAt: invitations.invitedAt,
      registered: registeredFlag,
    })
    .from(invitations)
    .innerJoin(memberships, and(eq(memberships.organizationId, invitations.organizationId), eq(memberships.userId, userId), eq(memberships.status, "approved")))
    .innerJoin(organizations, eq(organizations.id, invitations.organizationId))
    .innerJoin(meetings, eq(meetings.id, invitations.meetingId))
    .orderBy(desc(meetings.startsAt), asc(organizations.name))
    .limit(50)
    .all();
  return rows.map((r) => ({ ...r, registered: Boolean(r.registered) }));
}
