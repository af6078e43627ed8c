import type { Role } from "~db/schema";

/**
 * Who may do what, by role. One table to read; routes call `can` / `requirePermission`.
 * Ownership rules (e.g. "my own account") live in the domain functions that need them.
 */
export const PERMISSIONS = {
  "account.manageOwn": ["admin", "staff", "participant"],
  "membership.request": ["admin", "staff", "participant"],
  "membership.review": ["admin", "staff"],
  "staff.area": ["admin", "staff"],
  "user.list": ["admin"],
  "user.changeRole": ["admin"],
  "outbox.read": ["admin"],
  "registration.create": ["admin", "staff", "participant"],
  "registration.manage": ["admin", "staff"],
  "invitation.manage": ["admin", "staff"],
  "meeting.manage": ["admin", "staff"],
  "participation.moderate": ["admin", "staff"],
  "draft.manage": ["admin", "staff"],
  "process.manage": ["admin", "staff"],
  "contribution.create": ["admin", "staff", "participant"],
  "contribution.support": ["admin", "staff", "participant"],
  "comment.moderate": ["admin", "staff"],
  "moderation.act": ["admin", "staff"],
  "moderation.audit": ["admin"],
  "flag.create": ["admin", "staff", "participant"],
  "report.manage": ["admin", "staff"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(user: { role: Role } | null | undefined, permission: Permission): boolean {
  if (!user) return false;
  return (PERMISSIONS[permission] as readonly Role[]).includes(user.role);
}
