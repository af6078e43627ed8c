import { ROLES, type Role } from "~db/schema/enums";

/**
 * Who may do what: the one table. Each permission says which roles hold it on *any* item and
 * which only on their *own* (the item's author or account holder), as Epic Stack's
 * permissions.server.ts does. Routes call `requirePermission` / `can`, domain functions call `can`
 * with the item's owner; nothing else in app/ compares role names (a test enforces it).
 */
type Rule = { readonly any?: readonly Role[]; readonly own?: readonly Role[] };

const EVERYONE = ROLES;
const STAFF = ["admin", "staff"] as const satisfies readonly Role[];
const ADMIN = ["admin"] as const satisfies readonly Role[];

export const PERMISSIONS = {
  // Accounts and organizations
  "account.manage": { own: EVERYONE },
  "membership.request": { own: EVERYONE },
  "membership.review": { any: STAFF },
  "staff.area": { any: STAFF },
  "user.list": { any: ADMIN },
  "user.changeRole": { any: ADMIN },
  "outbox.read": { any: ADMIN },
  // Meetings, processes, drafts, reports
  "registration.create": { own: EVERYONE },
  "registration.manage": { any: STAFF },
  "invitation.manage": { any: STAFF },
  "meeting.manage": { any: STAFF },
  "draft.manage": { any: STAFF },
  "process.manage": { any: STAFF },
  "report.manage": { any: STAFF },
  // Participation: what people write, and who may change it
  "contribution.create": { own: EVERYONE },
  "contribution.support": { own: EVERYONE },
  "comment.create": { own: EVERYONE },
  "comment.edit": { own: EVERYONE },
  "comment.delete": { own: EVERYONE },
  "amendment.create": { own: EVERYONE },
  "amendment.withdraw": { own: EVERYONE },
  "flag.create": { own: EVERYONE },
  /** Items not (or no longer) published: their author sees their own, moderators see any. */
  "participation.readUnpublished": { any: STAFF, own: EVERYONE },
  // Moderation: every publish / reject / send back / restore / hide, redaction, outcomes, links
  "moderation.decide": { any: STAFF },
  "moderation.audit": { any: ADMIN },
} as const satisfies Record<string, Rule>;

export type Permission = keyof typeof PERMISSIONS;

/** An item the permission is asked about: who owns it (its author, the account holder). */
export type Owned = { ownerId: string | null | undefined };

/**
 * Whether `user` holds `permission`. Without an item: whether they hold it at all (on their own
 * things or on any). With an item: on *that* item — any, or own when they are its owner.
 */
export function can(user: { id?: string; role: Role } | null | undefined, permission: Permission, item?: Owned): boolean {
  if (!user) return false;
  const rule: Rule = PERMISSIONS[permission];
  if (rule.any?.includes(user.role)) return true;
  if (!rule.own?.includes(user.role)) return false;
  return item === undefined || (item.ownerId != null && item.ownerId === user.id);
}

/** The roles that hold `permission` on any item (for SQL filters such as "staff decisions"). */
export function rolesWith(permission: Permission): Role[] {
  const rule: Rule = PERMISSIONS[permission];
  return [...(rule.any ?? [])];
}
