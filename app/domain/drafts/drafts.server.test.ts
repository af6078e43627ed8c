import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { registerUser } from "~/domain/accounts/users.server";
import { auditEntries, draftVersions } from "~db/schema";
import { seedReference } from "../../../test/db";
import { compareVersions } from "./compare.server";
import { parseMarkdownDocument } from "./import-markdown";
import { adoptVersion, closeVersion, commentsOpen, earliestAdoption, publishVersion } from "./lifecycle.server";
import { addSection, deleteSection, moveSection, renumberSections, updateSection } from "./sections.server";
import { createVersion, DraftError, getReadableVersion, getVersion, importVersion, listVersions, planImport, versionSections } from "./versions.server";

const fixture = (name: string) => parseMarkdownDocument(fs.readFileSync(path.join(__dirname, "fixtures", name), "utf8")).sections;
let staffId: string;

beforeAll(async () => {
  seedReference();
  staffId = await registerUser({ name: "Staff bozze", email: "bozze@example.org", password: "password-dello-staff", role: "staff" });
});

const meta = (strategyCode: string, label: string) => ({ strategyCode, label, versionDate: "2026-11-20", notes: "", actorId: staffId });
const byNumber = (versionId: number) => new Map(versionSections(versionId).map((s) => [s.number, s]));
const expectDraftError = (fn: () => unknown, key: string) => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DraftError);
    expect((error as DraftError).key).toBe(key);
    return;
  }
  throw new Error(`expected ${key}`);
};

describe("section identity", () => {
  it("a version based on another keeps every section's identity, links included", () => {
    const v1 = importVersion({ ...meta("STTM2", "v0.1"), sections: fixture("sttm1-v0.1.md") });
    const first = versionSections(v1);
    const s23 = first.find((s) => s.number === "2.3")!;
    updateSection(s23.id, { ...s23, targetCodes: ["STTM2.2"], objectiveCodes: ["Ob5", "Ob7"] }, staffId);

    const v2 = createVersion({ ...meta("STTM2", "v0.2"), basedOnVersionId: v1 });
    const second = versionSections(v2);
    expect(second.map((s) => [s.sectionId, s.number, s.title, s.body, s.depth, s.position])).toEqual(
      first.map((s) => [s.sectionId, s.number, s.title, s.body, s.depth, s.position]),
    );
    expect(second.every((s, i) => s.id !== first[i].id)).toBe(true);
    const copied = second.find((s) => s.number === "2.3")!;
    expect(copied.targetCodes).toEqual(["STTM2.2"]);
    expect(copied.objectiveCodes.sort()).toEqual(["Ob5", "Ob7"]);
    expect(getVersion(v2)?.basedOnVersionId).toBe(v1);
  });

  it("a version based on another STTM's version is refused", () => {
    const other = createVersion(meta("STTM3", "altra"));
    expectDraftError(() => createVersion({ ...meta("STTM2", "v0.3"), basedOnVersionId: other }), "errors.draftBasedOn");
  });

  it("an imported version matches the latest version's sections by number and title, then title, then number", () => {
    const v1 = importVersion({ ...meta("STTM1", "v0.1"), sections: fixture("sttm1-v0.1.md") });
    const plan = planImport("STTM1", fixture("sttm1-v0.2.md"));
    expect(plan.previous?.id).toBe(v1);
    expect(plan.items.filter((i) => !i.match).map((i) => i.number)).toEqual(["3.2"]);
    expect(plan.items.find((i) => i.number === "3.3")?.match?.number).toBe("2.4");

    const v2 = importVersion({ ...meta("STTM1", "v0.2"), sections: fixture("sttm1-v0.2.md") });
    const a = byNumber(v1);
    const b = byNumber(v2);
    for (const n of ["1", "1.1", "1.3", "2", "2.1", "2.1.1", "2.1.2", "2.2", "2.3", "3", "3.1"]) expect(b.get(n)!.sectionId).toBe(a.get(n)!.sectionId);
    expect(b.get("3.3")!.sectionId).toBe(a.get("2.4")!.sectionId);
    expect([...a.values()].map((s) => s.sectionId)).not.toContain(b.get("3.2")!.sectionId);
    // Frameworks: from the quadro's title for top-level sections, inherited by subsections.
    expect(a.get("1.2")!.frameworkCode).toBe("conoscitivo");
    expect(a.get("2.1.1")!.frameworkCode).toBe("strategico");
    expect(b.get("3.2")!.frameworkCode).toBe("normativo");
    // A matched section keeps the framework it had, even under another quadro.
    expect(b.get("3.3")!.frameworkCode).toBe("strategico");
  });
});

describe("compare", () => {
  it("v0.1 → v0.2 of the fixtures: exactly 2.3 changed, 3.2 added, 1.2 removed, 2.4 moved to 3.3", () => {
    const v1 = importVersion({ ...meta("STTM3", "v0.1 cmp"), sections: fixture("sttm1-v0.1.md") });
    const v2 = importVersion({ ...meta("STTM3", "v0.2 cmp"), sections: fixture("sttm1-v0.2.md") });
    const result = compareVersions("STTM3", v1, v2, true)!;
    const a = byNumber(v1);
    const b = byNumber(v2);
    const numbers = (ids: number[], side: Map<string, { sectionId: number }>) =>
      ids.map((id) => [...side.entries()].find(([, s]) => s.sectionId === id)![0]);
    expect(numbers(result.comparison.changed, b)).toEqual(["2.3"]);
    expect(numbers(result.comparison.added, b)).toEqual(["3.2"]);
    expect(numbers(result.comparison.removed, a)).toEqual(["1.2"]);
    expect(numbers(result.comparison.moved, a)).toEqual(["2.4"]);
    const changed = result.comparison.sections.find((s) => s.changed)!;
    expect(changed.bodyDiff?.filter((p) => p.kind === "removed").map((p) => p.text)).toEqual(["propone", "diffonderle negli"]);
    expect(changed.bodyDiff?.filter((p) => p.kind === "added").map((p) => p.text).join(" ")).toContain("chiede");
  });

  it("the public cannot compare bozze", () => {
    const v = createVersion(meta("STTM3", "solo staff"));
    expect(compareVersions("STTM3", v, v, false)).toBeUndefined();
    expect(compareVersions("STTM3", v, v, true)).toBeDefined();
  });
});

describe("life cycle", () => {
  const window = { from: new Date("2026-12-01T00:00:00Z"), until: new Date("2027-03-01T22:59:59Z") };

  it("publishing records the date, opens the window, and freezes the version", () => {
    const v = createVersion(meta("STTM1", "da pubblicare"));
    const s = addSection(v, { number: "1", title: "Uno", depth: 1, body: "testo", frameworkCode: null, targetCodes: [], objectiveCodes: [] }, staffId);
    const now = new Date("2026-11-25T10:00:00Z");
    publishVersion(v, window, staffId, now);
    const row = getVersion(v)!;
    expect(row.status).toBe("in_consultazione");
    expect(row.publishedAt?.toISOString()).toBe(now.toISOString());
    expect(earliestAdoption(row.publishedAt!)).toBe("2027-02-23");
    expect(commentsOpen(row, new Date("2026-12-15T10:00:00Z"))).toBe(true);
    expect(commentsOpen(row, new Date("2026-11-30T10:00:00Z"))).toBe(false);
    const audit = db.select().from(auditEntries).where(eq(auditEntries.action, "draft.version.publish")).all();
    expect(audit.map((a) => a.subjectId)).toContain(String(v));

    expectDraftError(() => updateSection(s, { number: "1", title: "Cambiato", depth: 1, body: "", frameworkCode: null, targetCodes: [], objectiveCodes: [] }, staffId), "errors.draftFrozen");
    expectDraftError(() => deleteSection(s, staffId), "errors.draftFrozen");
    expectDraftError(() => addSection(v, { number: "2", title: "Due", depth: 1, body: "", frameworkCode: null, targetCodes: [], objectiveCodes: [] }, staffId), "errors.draftFrozen");

    // Only one version of an STTM in consultation at a time.
    const other = createVersion(meta("STTM1", "seconda"));
    expectDraftError(() => publishVersion(other, window, staffId), "errors.draftOtherInConsultation");
    expect(getVersion(other)!.status).toBe("bozza");
    // Even when the check is bypassed, the partial unique index refuses it.
    expect(() => db.update(draftVersions).set({ status: "in_consultazione" }).where(eq(draftVersions.id, other)).run()).toThrow(/UNIQUE/);

    closeVersion(v, staffId);
    expect(commentsOpen(getVersion(v)!, new Date("2026-12-15T10:00:00Z"))).toBe(false);
    publishVersion(other, window, staffId);
    expect(getVersion(other)!.status).toBe("in_consultazione");
    adoptVersion(v, staffId);
    expect(getVersion(v)!.status).toBe("adottata");
    expect(getVersion(v)!.adoptedAt).toBeInstanceOf(Date);
    closeVersion(other, staffId);
  });

  it("refuses a window that ends before it starts, and steps out of order", () => {
    const v = createVersion(meta("STTM1", "finestra"));
    expectDraftError(() => publishVersion(v, { from: window.until, until: window.from }, staffId), "errors.draftWindow");
    expectDraftError(() => adoptVersion(v, staffId), "errors.draftNotClosed");
    expectDraftError(() => closeVersion(v, staffId), "errors.draftNotInConsultation");
  });

  it("a bozza is invisible to the public; public versions are listed", () => {
    const v = createVersion(meta("STTM2", "bozza nascosta"));
    expect(getReadableVersion(v, "STTM2", false)).toBeUndefined();
    expect(getReadableVersion(v, "sttm2", true)?.id).toBe(v);
    expect(getReadableVersion(v, "STTM1", true)).toBeUndefined();
    expect(listVersions({ strategyCode: "STTM2", includeDrafts: false }).map((x) => x.id)).not.toContain(v);
    expect(listVersions({ strategyCode: "STTM2", includeDrafts: true }).map((x) => x.id)).toContain(v);
  });
});

describe("editing a bozza", () => {
  const input = (number: string, title: string, depth: number) => ({ number, title, depth, body: "", frameworkCode: null, targetCodes: [], objectiveCodes: [] });

  it("adds after a section, moves a section with its subsections, deletes, renumbers", () => {
    const v = createVersion(meta("STTM3", "editor"));
    const one = addSection(v, input("1", "Uno", 1), staffId);
    addSection(v, input("1.1", "Uno.uno", 2), staffId);
    const two = addSection(v, input("2", "Due", 1), staffId);
    addSection(v, input("1.2", "Uno.due", 2), staffId);
    // "1.2" went to the end, under "2": move it into place by adding after 1.1 instead.
    const outline = () => versionSections(v).map((s) => `${s.depth}:${s.number}`);
    expect(outline()).toEqual(["1:1", "2:1.1", "1:2", "2:1.2"]);

    expect(moveSection(two, "up", staffId)).toBe(true);
    expect(outline()).toEqual(["1:2", "2:1.2", "1:1", "2:1.1"]);
    expect(moveSection(two, "up", staffId)).toBe(false);
    expect(moveSection(one, "down", staffId)).toBe(false);

    expectDraftError(() => deleteSection(two, staffId), "errors.draftHasChildren");
    renumberSections(v, staffId);
    expect(outline()).toEqual(["1:1", "2:1.1", "1:2", "2:2.1"]);

    const inserted = addSection(v, { ...input("1.2", "Inserita", 2), afterSectionTextId: versionSections(v)[1].id }, staffId);
    expect(outline()).toEqual(["1:1", "2:1.1", "2:1.2", "1:2", "2:2.1"]);
    deleteSection(inserted, staffId);
    expect(versionSections(v).map((s) => s.position)).toEqual([0, 1, 2, 3]);
  });

  it("refuses a tree with jumps, and work targets of another STTM", () => {
    const v = createVersion(meta("STTM3", "albero"));
    expectDraftError(() => addSection(v, input("1.1.1", "Salto", 3), staffId), "errors.draftDepth");
    expect(versionSections(v)).toEqual([]);
    expectDraftError(() => addSection(v, { ...input("1", "Uno", 1), targetCodes: ["STTM1.1"] }, staffId), "errors.draftTargets");
    const ok = addSection(v, { ...input("1", "Uno", 1), targetCodes: ["STTM3.2"], objectiveCodes: ["Ob4"] }, staffId);
    expect(versionSections(v)[0]).toMatchObject({ id: ok, targetCodes: ["STTM3.2"], objectiveCodes: ["Ob4"] });
  });
});
