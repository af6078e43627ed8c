import { describe, expect, it } from "vitest";
import { can, PERMISSIONS, type Permission } from "./permissions";
import { ROLES, type Role } from "~db/schema/enums";

// The whole matrix, written out: a change in who may do what must change this table too.
const EXPECTED: Record<Permission, Record<Role, boolean>> = {
  "account.manageOwn": { admin: true, staff: true, participant: true },
  "membership.request": { admin: true, staff: true, participant: true },
  "membership.review": { admin: true, staff: true, participant: false },
  "staff.area": { admin: true, staff: true, participant: false },
  "user.list": { admin: true, staff: false, participant: false },
  "user.changeRole": { admin: true, staff: false, participant: false },
  "outbox.read": { admin: true, staff: false, participant: false },
  "registration.create": { admin: true, staff: true, participant: true },
  "registration.manage": { admin: true, staff: true, participant: false },
  "invitation.manage": { admin: true, staff: true, participant: false },
  "meeting.manage": { admin: true, staff: true, participant: false },
  "participation.moderate": { admin: true, staff: true, participant: false },
  "draft.manage": { admin: true, staff: true, participant: false },
  "process.manage": { admin: true, staff: true, participant: false },
  "contribution.create": { admin: true, staff: true, participant: true },
  "contribution.support": { admin: true, staff: true, participant: true },
  "comment.moderate": { admin: true, staff: true, participant: false },
  "moderation.act": { admin: true, staff: true, participant: false },
  "moderation.audit": { admin: true, staff: false, participant: false },
  "report.manage": { admin: true, staff: true, participant: false },
  "flag.create": { admin: true, staff: true, participant: true },
};

describe("permissions matrix", () => {
  it("covers every permission", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(Object.keys(PERMISSIONS).sort());
  });
  for (const permission of Object.keys(EXPECTED) as Permission[]) {
    for (const role of ROLES) {
      it(`${role} ${EXPECTED[permission][role] ? "may" : "may not"} ${permission}`, () => {
        expect(can({ role }, permission)).toBe(EXPECTED[permission][role]);
      });
    }
    it(`anonymous may not ${permission}`, () => {
      expect(can(null, permission)).toBe(false);
    });
  }
});
