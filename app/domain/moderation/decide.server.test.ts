import { eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { updateOwnContribution } from "~/domain/contributions/contributions.server";
import { amendments, auditEntries, contributionComments, contributions, contributionTargets, duplicates, outbox, sectionComments } from "~db/schema";
import { seedReference } from "../../../test/db";
import { insertContribution, ISTAT } from "../../../test/contributions";
import { insertUser, insertVersionInConsultation, SECTIONS_V01 } from "../../../test/drafts-participation";
import { auditOf, insertAmendment, insertContributionComment, insertSectionComment, outboxOf } from "../../../test/moderation";
import { editMetadata, markDuplicate, ModerationError, type MetadataInput } from "./corrections.server";
import { bulkModerate, publish, reject, sendBack } from "../../../test/decisions";
import { listQueue } from "./queue.server";

let staff: { id: string };
let author: { id: string };
let version: ReturnType<typeof insertVersionInConsultation>;

beforeAll(() => {
  seedReference();
  staff = insertUser("Moderatrice", "staff");
  author = insertUser("Autrice");
  version = insertVersionInConsultation({ label: "v0.1", sections: SECTIONS_V01 });
});

const statusOf = (id: number) => db.select({ s: contributions.status }).from(contributions).where(eq(contributions.id, id)).get()!.s;

describe("publish and reject", () => {
  it("publishes a pending contribution: status, date, audit before → after, a message linking to it", () => {
    const id = insertContribution({ status: "pending", authorId: author.id });
    publish({ actorId: staff.id, item: { kind: "contribution", id } });
    const row = db.select().from(contributions).where(eq(contributions.id, id)).get()!;
    expect(row.status).toBe("published");
    expect(row.publishedAt).not.toBeNull();
    const [entry] = auditOf("contribution", id);
    expect(entry).toMatchObject({ actorId: staff.id, action: "contribution.published", before: { status: "pending" }, after: { status: "published" } });
    expect(outboxOf(author.id).at(-1)).toMatchObject({ kind: "contribution.published", link: `/contributi/${id}` });
  });

  it("rejects with a reason from the list and a free text, sent to the author", () => {
    const id = insertContribution({ status: "pending", authorId: author.id });
    reject({ actorId: staff.id, item: { kind: "contribution", id }, decision: { reason: "off_topic", text: "Riguarda un altro piano." } });
    const row = db.select().from(contributions).where(eq(contributions.id, id)).get()!;
    expect(row.status).toBe("rejected");
    expect(row.moderatorMessage).toBe("Fuori tema — Riguarda un altro piano.");
    expect(auditOf("contribution", id)[0]).toMatchObject({ action: "contribution.rejected", after: { status: "rejected", reason: "off_topic", text: "Riguarda un altro piano." } });
    const message = outboxOf(author.id).at(-1)!;
    expect(message.kind).toBe("contribution.rejected");
    expect(message.body).toContain("Fuori tema — Riguarda un altro piano.");
  });

  it("decides comments and amendments through the same path", () => {
    const contributionId = insertContribution({ authorId: author.id });
    const cc = insertContributionComment({ contributionId, authorId: author.id, status: "pending" });
    const sc = insertSectionComment({ versionId: version.versionId, sectionId: version.bySection["2.3"], authorId: author.id, status: "pending" });
    const am = insertAmendment({ versionId: version.versionId, sectionId: version.bySection["2.3"], authorId: author.id });
    publish({ actorId: staff.id, item: { kind: "contribution_comment", id: cc } });
    publish({ actorId: staff.id, item: { kind: "section_comment", id: sc } });
    reject({ actorId: staff.id, item: { kind: "amendment", id: am }, decision: { reason: "spam" } });
    expect(db.select().from(contributionComments).where(eq(contributionComments.id, cc)).get()!.status).toBe("published");
    expect(db.select().from(sectionComments).where(eq(sectionComments.id, sc)).get()!.status).toBe("published");
    expect(db.select().from(amendments).where(eq(amendments.id, am)).get()!.status).toBe("rejected");
    expect(auditOf("amendment", am)[0]).toMatchObject({ action: "amendment.rejected", after: { reason: "spam" } });
  });

  it("refuses to publish what is no longer waiting (withdrawn) with a 409", () => {
    const id = insertContribution({ status: "withdrawn", authorId: author.id });
    expect(() => publish({ actorId: staff.id, item: { kind: "contribution", id } })).toThrowError(ModerationError);
    expect(statusOf(id)).toBe("withdrawn");
  });
});

describe("send back to the author", () => {
  it("takes the contribution out of the queue until the author edits it, then it is back", async () => {
    const id = insertContribution({ status: "pending", authorId: author.id, targets: ["STTM1.1"], comuni: [ISTAT.rho], point: null, placeKind: "comuni" });
    const inQueue = () => listQueue({ kind: "contribution" }).rows.some((r) => r.id === id);
    expect(inQueue()).toBe(true);
    sendBack({ actorId: staff.id, contributionId: id, message: "Indica meglio il luogo, per favore." });
    const row = db.select().from(contributions).where(eq(contributions.id, id)).get()!;
    expect(row.changesRequestedAt).not.toBeNull();
    expect(row.moderatorMessage).toBe("Indica meglio il luogo, per favore.");
    expect(inQueue()).toBe(false);
    expect(outboxOf(author.id).at(-1)).toMatchObject({ kind: "contribution.sent_back", link: `/account/contributi/${id}/modifica` });

    await updateOwnContribution(author.id, id, {
      kind: "proposta",
      strategyCode: "STTM1",
      targetCodes: ["STTM1.1"],
      objectiveCodes: [],
      title: row.title,
      body: "Testo del contributo con il luogo indicato meglio.",
      place: { comuni: [ISTAT.rho] },
      meetingId: null,
      draftVersionId: null,
      draftSectionId: null,
      organizationId: null,
    });
    expect(db.select().from(contributions).where(eq(contributions.id, id)).get()!.changesRequestedAt).toBeNull();
    expect(inQueue()).toBe(true);
  });

  it("needs a message", () => {
    const id = insertContribution({ status: "pending", authorId: author.id });
    expect(() => sendBack({ actorId: staff.id, contributionId: id, message: "  " })).toThrowError(/messageRequired/);
  });
});

describe("metadata edit", () => {
  it("changes kind, themes and place, never title or text, and keeps the previous values in the audit entry", async () => {
    const id = insertContribution({ status: "pending", authorId: author.id, kind: "proposta", targets: ["STTM1.1"], title: "Titolo dell'autrice", body: "Parole dell'autrice." });
    const metadata = { kind: "osservazione", strategyCode: "STTM1", targetCodes: ["STTM1.2"], objectiveCodes: ["Ob1"], place: { comuni: [ISTAT.magenta] }, title: "Titolo cambiato", body: "Testo cambiato" };
    await editMetadata({ actorId: staff.id, contributionId: id, metadata: metadata as MetadataInput });
    const row = db.select().from(contributions).where(eq(contributions.id, id)).get()!;
    expect(row.title).toBe("Titolo dell'autrice");
    expect(row.body).toBe("Parole dell'autrice.");
    expect(row.kind).toBe("osservazione");
    expect(row.placeKind).toBe("comuni");
    expect(db.select().from(contributionTargets).where(eq(contributionTargets.contributionId, id)).all().map((r) => r.targetCode)).toEqual(["STTM1.2"]);
    const [entry] = auditOf("contribution", id);
    expect(entry.action).toBe("contribution.metadata_edited");
    expect(entry.before).toMatchObject({ kind: "proposta", targetCodes: ["STTM1.1"], placeKind: "point" });
    expect(entry.after).toMatchObject({ kind: "osservazione", targetCodes: ["STTM1.2"], objectiveCodes: ["Ob1"], placeKind: "comuni", comuni: [ISTAT.magenta] });
    expect(JSON.stringify(entry.after)).not.toContain("cambiato");
  });

  it("refuses targets of another STTM", async () => {
    const id = insertContribution({ status: "pending", authorId: author.id, targets: ["STTM1.1"] });
    await expect(editMetadata({ actorId: staff.id, contributionId: id, metadata: { kind: "proposta", strategyCode: "STTM1", targetCodes: ["STTM2.1"], objectiveCodes: [], place: null } })).rejects.toThrowError(ModerationError);
  });
});

describe("duplicates", () => {
  it("links a duplicate to its original and keeps both", () => {
    const a = insertContribution({ authorId: author.id });
    const b = insertContribution({ authorId: author.id });
    markDuplicate({ actorId: staff.id, contributionId: b, duplicateOf: a });
    expect(db.select().from(duplicates).where(eq(duplicates.contributionId, b)).get()).toMatchObject({ duplicateOf: a, markedBy: staff.id });
    expect(statusOf(a)).toBe("published");
    expect(statusOf(b)).toBe("published");
    expect(auditOf("contribution", b)[0]).toMatchObject({ action: "contribution.duplicate_marked", before: { duplicateOf: null }, after: { duplicateOf: a } });
    expect(() => markDuplicate({ actorId: staff.id, contributionId: a, duplicateOf: b })).toThrowError(/duplicateCycle/);
    expect(() => markDuplicate({ actorId: staff.id, contributionId: a, duplicateOf: a })).toThrowError(/duplicateSelf/);
  });
});

describe("bulk", () => {
  it("publishes 500 items in one transaction", () => {
    const ids = Array.from({ length: 500 }, () => insertContribution({ status: "pending", authorId: author.id }));
    const r = bulkModerate({ actorId: staff.id, action: "publish", items: ids.map((id) => ({ kind: "contribution" as const, id })) });
    expect(r.count).toBe(500);
    const statuses = db.select({ s: contributions.status }).from(contributions).where(inArray(contributions.id, ids)).all();
    expect(statuses.every((x) => x.s === "published")).toBe(true);
  });

  it("a failure at the 250th item leaves all 500 as they were: no status, no audit entry, no message", () => {
    const ids = Array.from({ length: 500 }, () => insertContribution({ status: "pending", authorId: author.id }));
    // The 250th cannot be published any more (its author withdrew it meanwhile).
    db.update(contributions).set({ status: "withdrawn" }).where(eq(contributions.id, ids[249])).run();
    const auditBefore = db.select().from(auditEntries).all().length;
    const outboxBefore = db.select().from(outbox).all().length;
    for (const action of ["publish", "reject"] as const) {
      expect(() =>
        bulkModerate({ actorId: staff.id, action, items: ids.map((id) => ({ kind: "contribution" as const, id })), decision: { reason: "spam" } }),
      ).toThrowError(ModerationError);
    }
    const rows = db.select({ id: contributions.id, s: contributions.status, m: contributions.moderatorMessage }).from(contributions).where(inArray(contributions.id, ids)).all();
    expect(rows.filter((r) => r.s === "pending")).toHaveLength(499);
    expect(rows.find((r) => r.id === ids[249])!.s).toBe("withdrawn");
    expect(rows.every((r) => r.m === null)).toBe(true);
    expect(db.select().from(auditEntries).all().length).toBe(auditBefore);
    expect(db.select().from(outbox).all().length).toBe(outboxBefore);
  });

  it("rolls back comments decided by other capabilities too (savepoints inside the bulk transaction)", () => {
    const contributionId = insertContribution({ authorId: author.id });
    const cc = insertContributionComment({ contributionId, authorId: author.id, status: "pending" });
    const sc = insertSectionComment({ versionId: version.versionId, sectionId: version.bySection["2.3"], authorId: author.id, status: "pending" });
    expect(() =>
      bulkModerate({
        actorId: staff.id,
        action: "publish",
        items: [
          { kind: "contribution_comment", id: cc },
          { kind: "section_comment", id: sc },
          { kind: "contribution", id: 9_999_999 },
        ],
      }),
    ).toThrowError(ModerationError);
    expect(db.select().from(contributionComments).where(eq(contributionComments.id, cc)).get()!.status).toBe("pending");
    expect(db.select().from(sectionComments).where(eq(sectionComments.id, sc)).get()!.status).toBe("pending");
  });

  it("rejecting in bulk needs a reason", () => {
    expect(() => bulkModerate({ actorId: staff.id, action: "reject", items: [{ kind: "contribution", id: 1 }] })).toThrowError(/reasonRequired/);
  });
});
