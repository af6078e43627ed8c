import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { can, PERMISSIONS, rolesWith, type Permission } from "./permissions";
import { ROLES, type Role } from "~db/schema/enums";

// The whole matrix, written out: a change in who may do what must change this table too.
// "any": on anyone's item; "own": only on their own; false: not at all.
type Access = "any" | "own" | false;
const EXPECTED: Record<Permission, Record<Role, Access>> = {
  "account.manage": { admin: "own", staff: "own", participant: "own" },
  "membership.request": { admin: "own", staff: "own", participant: "own" },
  "membership.review": { admin: "any", staff: "any", participant: false },
  "staff.area": { admin: "any", staff: "any", participant: false },
  "user.list": { admin: "any", staff: false, participant: false },
  "user.changeRole": { admin: "any", staff: false, participant: false },
  "outbox.read": { admin: "any", staff: false, participant: false },
  "registration.create": { admin: "own", staff: "own", participant: "own" },
  "registration.manage": { admin: "any", staff: "any", participant: false },
  "invitation.manage": { admin: "any", staff: "any", participant: false },
  "meeting.manage": { admin: "any", staff: "any", participant: false },
  "draft.manage": { admin: "any", staff: "any", participant: false },
  "process.manage": { admin: "any", staff: "any", participant: false },
  "report.manage": { admin: "any", staff: "any", participant: false },
  "contribution.create": { admin: "own", staff: "own", participant: "own" },
  "contribution.support": { admin: "own", staff: "own", participant: "own" },
  "comment.create": { admin: "own", staff: "own", participant: "own" },
  "comment.edit": { admin: "own", staff: "own", participant: "own" },
  "comment.delete": { admin: "own", staff: "own", participant: "own" },
  "amendment.create": { admin: "own", staff: "own", participant: "own" },
  "amendment.withdraw": { admin: "own", staff: "own", participant: "own" },
  "flag.create": { admin: "own", staff: "own", participant: "own" },
  "participation.readUnpublished": { admin: "any", staff: "any", participant: "own" },
  "moderation.decide": { admin: "any", staff: "any", participant: false },
  "moderation.audit": { admin: "any", staff: false, participant: false },
};

describe("permissions matrix", () => {
  it("covers every permission", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(Object.keys(PERMISSIONS).sort());
  });
  for (const permission of Object.keys(EXPECTED) as Permission[]) {
    for (const role of ROLES) {
      const access = EXPECTED[permission][role];
      it(`${role}: ${permission} → ${access || "no"}`, () => {
        const me = { id: "me", role };
        expect(can(me, permission)).toBe(access !== false);
        expect(can(me, permission, { ownerId: "me" })).toBe(access !== false);
        expect(can(me, permission, { ownerId: "someone-else" })).toBe(access === "any");
        expect(can(me, permission, { ownerId: null })).toBe(access === "any");
      });
    }
    it(`anonymous may not ${permission}`, () => {
      expect(can(null, permission)).toBe(false);
      expect(can(null, permission, { ownerId: null })).toBe(false);
    });
  }
  it("lists the roles holding a permission on any item", () => {
    expect(rolesWith("moderation.decide").sort()).toEqual(["admin", "staff"]);
    expect(rolesWith("user.changeRole")).toEqual(["admin"]);
    expect(rolesWith("comment.create")).toEqual([]);
  });
});

// Who may do what is decided in permissions.ts only: nowhere else may a role name be compared,
// in TypeScript (`role === "staff"`) or in SQL (`role in ('admin', 'staff')`, eq(users.role, "admin")).
describe("no role name compared outside permissions.ts", () => {
  const root = path.resolve(__dirname, "../../..");
  const files = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) return files(full);
      return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [full] : [];
    });
  const ROLE = "(?:admin|staff|participant)";
  const patterns = [
    new RegExp(`role\\s*[!=]==?\\s*["'\`]${ROLE}["'\`]`), // user.role === "admin"
    new RegExp(`["'\`]${ROLE}["'\`]\\s*[!=]==?\\s*[\\w.?]*role\\b`), // "admin" === user.role
    new RegExp(`role\\s+(?:not\\s+)?in\\s*\\(\\s*'${ROLE}'`, "i"), // SQL: role in ('admin', …)
    new RegExp(`role\\s*(?:=|<>|!=)\\s*'${ROLE}'`, "i"), // SQL: role = 'staff'
    new RegExp(`(?:eq|ne|inArray|notInArray)\\(\\s*[\\w.]*\\.role\\s*,\\s*(?:["'\`]${ROLE}|\\[)`), // drizzle: eq(users.role, "admin")
    new RegExp(`\\[[^\\]]*["'\`]${ROLE}["'\`][^\\]]*\\]\\.includes\\([^)]*role`), // ["admin", "staff"].includes(user.role)
  ];
  const allowed = new Set(["app/domain/accounts/permissions.ts"]);
  const offending = files(path.join(root, "app"))
    .filter((f) => !allowed.has(path.relative(root, f)))
    .flatMap((f) =>
      fs
        .readFileSync(f, "utf8")
        .split("\n")
        .flatMap((line, i) => (patterns.some((p) => p.test(line)) ? [`${path.relative(root, f)}:${i + 1}: ${line.trim()}`] : [])),
    );
  it("finds none", () => {
    expect(offending).toEqual([]);
  });
  it("would find one (the guard itself works)", () => {
    const samples = [
      `if (viewer?.role === "staff") return;`,
      `where u.role in ('admin', 'staff')`,
      `.where(eq(users.role, "admin"))`,
      `const staff = ["admin", "staff"].includes(user.role);`,
    ];
    for (const s of samples) expect(patterns.some((p) => p.test(s))).toBe(true);
  });
});
