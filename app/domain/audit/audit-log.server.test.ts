import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { db, sqlite } from "~/lib/db.server";
import { auditEntries } from "~db/schema";
import { seedReference } from "../../../test/db";
import { insertContribution } from "../../../test/contributions";
import { insertUser } from "../../../test/drafts-participation";
import { publish, reject } from "../../../test/decisions";
import { auditCsv, listAudit } from "./audit-log.server";

let staff: { id: string };
let other: { id: string };
let a: number;
let b: number;

beforeAll(() => {
  seedReference();
  staff = insertUser("Staff uno", "staff");
  other = insertUser("Staff due", "staff");
  a = insertContribution({ status: "pending" });
  b = insertContribution({ status: "pending", title: 'Titolo con "virgolette", e virgole' });
  publish({ actorId: staff.id, item: { kind: "contribution", id: a } });
  reject({ actorId: other.id, item: { kind: "contribution", id: b }, decision: { reason: "spam", text: "Link pubblicitari, ripetuti" } });
});

describe("the audit log", () => {
  it("filters by actor, action, subject and date, newest first", () => {
    expect(listAudit({ actor: staff.id }).rows.map((r) => r.action)).toEqual(["contribution.published"]);
    expect(listAudit({ action: "contribution.rejected" }).rows.map((r) => [r.subjectId, r.actorName])).toEqual([[String(b), "Staff due"]]);
    expect(listAudit({ action: "contribution." }).total).toBe(2);
    expect(listAudit({ subjectType: "contribution", subjectId: String(a) }).total).toBe(1);
    const today = new Date().toISOString().slice(0, 10);
    expect(listAudit({ from: "2000-01-01", to: "2000-01-02" }).total).toBe(0);
    expect(listAudit({ from: today }).total).toBeGreaterThanOrEqual(2);
    expect(listAudit({}).rows[0].action).toBe("contribution.rejected");
  });

  it("exports CSV with a BOM, before and after quoted", () => {
    const csv = auditCsv({ action: "contribution." });
    // The one CSV writer of the app: CRLF records (RFC 4180), cells with quotes quoted.
    expect(csv.startsWith("\uFEFFid,at_utc,actor_id,actor_name,action,subject_type,subject_id,before,after\r\n")).toBe(true);
    expect(csv).toContain("contribution.rejected");
    expect(csv).toContain('"{""status"":""pending""}"');
    expect(parse(csv, { bom: true })).toHaveLength(3);
  });

  it("cannot be edited or deleted", () => {
    expect(() => sqlite.prepare("update audit_entries set action = 'x'").run()).toThrow();
    expect(() => sqlite.prepare("delete from audit_entries").run()).toThrow();
    expect(db.select().from(auditEntries).all().length).toBeGreaterThanOrEqual(2);
  });
});
