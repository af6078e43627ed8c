import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { contributionComments, contributions, flags, processes, redactions, sectionComments } from "~db/schema";
import { seedReference } from "../../../test/db";
import { insertContribution } from "../../../test/contributions";
import { insertUser, insertVersionInConsultation, SECTIONS_V01 } from "../../../test/drafts-participation";
import { auditOf, insertContributionComment, insertSectionComment, outboxOf } from "../../../test/moderation";
import { flagItem } from "./flags.server";
import { redactPassage } from "./redaction.server";
import { hideForGood, restoreItem } from "../../../test/decisions";
import { REDACTION_PLACEHOLDER } from "./kinds";
import { listQueue } from "./queue.server";

let staff: { id: string };
let author: { id: string };
let reporters: { id: string }[];
let version: ReturnType<typeof insertVersionInConsultation>;

beforeAll(() => {
  seedReference();
  staff = insertUser("Moderatore", "staff");
  author = insertUser("Autore");
  reporters = [insertUser("Uno"), insertUser("Due"), insertUser("Tre"), insertUser("Quattro")];
  version = insertVersionInConsultation({ label: "v0.1", sections: SECTIONS_V01 });
});

const commentStatus = (id: number) => db.select().from(contributionComments).where(eq(contributionComments.id, id)).get()!.status;

describe("reports", () => {
  it("three distinct reporters hide a comment; a fourth report by one of them does not count; a moderator restores it; the log shows it all in order", () => {
    const contributionId = insertContribution({ authorId: author.id });
    const id = insertContributionComment({ contributionId, authorId: author.id, body: "Un commento molto discusso." });
    const item = { kind: "contribution_comment" as const, id };
    expect(flagItem({ reporterId: reporters[0].id, item, reason: "offensive" })).toMatchObject({ counted: true, hidden: false, openFlags: 1, threshold: 3 });
    expect(flagItem({ reporterId: reporters[1].id, item, reason: "spam", note: "pubblicità" })).toMatchObject({ counted: true, hidden: false, openFlags: 2 });
    expect(commentStatus(id)).toBe("published");
    expect(flagItem({ reporterId: reporters[2].id, item, reason: "offensive" })).toMatchObject({ counted: true, hidden: true, openFlags: 3 });
    expect(commentStatus(id)).toBe("hidden");
    // The same person again: not counted, no error, nothing written.
    expect(flagItem({ reporterId: reporters[0].id, item, reason: "other" })).toMatchObject({ counted: false, openFlags: 3 });
    expect(db.select().from(flags).where(eq(flags.itemId, id)).all().filter((f) => f.itemKind === "contribution_comment")).toHaveLength(3);
    expect(listQueue({ reported: true }).rows.find((r) => r.kind === "contribution_comment" && r.id === id)).toMatchObject({ state: "flagged", flags: 3, status: "hidden" });
    expect(outboxOf(author.id).at(-1)).toMatchObject({ kind: "contribution_comment.hidden", link: `/contributi/${contributionId}#commento-${id}` });

    restoreItem({ actorId: staff.id, item, reason: "Critica dura ma legittima." });
    expect(commentStatus(id)).toBe("published");
    expect(db.select().from(flags).where(eq(flags.itemId, id)).all().filter((f) => f.itemKind === "contribution_comment").every((f) => f.status === "dismissed")).toBe(true);
    expect(outboxOf(author.id).at(-1)).toMatchObject({ kind: "contribution_comment.restored" });
    expect(listQueue({}).rows.some((r) => r.kind === "contribution_comment" && r.id === id)).toBe(false);

    const log = auditOf("contribution_comment", id).map((e) => [e.action, e.actorId]);
    expect(log).toEqual([
      ["flag.created", reporters[0].id],
      ["flag.created", reporters[1].id],
      ["flag.created", reporters[2].id],
      ["contribution_comment.hidden_pending_review", null],
      ["contribution_comment.restored", staff.id],
    ]);
    expect(JSON.stringify(auditOf("contribution_comment", id))).not.toContain("pubblicità");
  });

  it("uses the threshold of the contribution's process", () => {
    db.update(processes).set({ flagThreshold: 2 }).run();
    try {
      const id = insertContribution({ authorId: author.id });
      flagItem({ reporterId: reporters[0].id, item: { kind: "contribution", id }, reason: "spam" });
      expect(flagItem({ reporterId: reporters[1].id, item: { kind: "contribution", id }, reason: "spam" })).toMatchObject({ hidden: true, threshold: 2 });
      expect(db.select().from(contributions).where(eq(contributions.id, id)).get()!.status).toBe("hidden");
    } finally {
      db.update(processes).set({ flagThreshold: 3 }).run();
    }
  });

  it("only published content can be reported", () => {
    const id = insertContribution({ status: "pending", authorId: author.id });
    expect(() => flagItem({ reporterId: reporters[0].id, item: { kind: "contribution", id }, reason: "spam" })).toThrowError(/notReportable/);
  });

  it("hiding for good upholds the reports and tells the author why", () => {
    const id = insertSectionComment({ versionId: version.versionId, sectionId: version.bySection["2.3"], authorId: author.id });
    const item = { kind: "section_comment" as const, id };
    for (const r of reporters.slice(0, 3)) flagItem({ reporterId: r.id, item, reason: "offensive" });
    expect(() => hideForGood({ actorId: staff.id, item, reason: " " })).toThrowError(/reasonRequired/);
    hideForGood({ actorId: staff.id, item, reason: "Insulti a un'altra persona." });
    expect(db.select().from(sectionComments).where(eq(sectionComments.id, id)).get()!.status).toBe("hidden");
    expect(db.select().from(flags).where(eq(flags.itemId, id)).all().filter((f) => f.itemKind === "section_comment").every((f) => f.status === "upheld")).toBe(true);
    const message = outboxOf(author.id).at(-1)!;
    expect(message.kind).toBe("section_comment.hidden");
    expect(message.body).toContain("Insulti a un'altra persona.");
    expect(listQueue({}).rows.some((r) => r.kind === "section_comment" && r.id === id)).toBe(false);
  });
});

describe("redaction", () => {
  it("replaces the passage, keeps the rest, records it, and the log keeps position and length, not the data", () => {
    const passage = "telefono 333 1234567";
    const id = insertContribution({ authorId: author.id, body: `Contattatemi al ${passage} per il sopralluogo al parco.` });
    redactPassage({ actorId: staff.id, item: { kind: "contribution", id }, passage });
    const body = db.select().from(contributions).where(eq(contributions.id, id)).get()!.body;
    expect(body).toBe(`Contattatemi al ${REDACTION_PLACEHOLDER} per il sopralluogo al parco.`);
    expect(db.select().from(redactions).where(eq(redactions.itemId, id)).all()).toHaveLength(1);
    const [entry] = auditOf("contribution", id);
    expect(entry).toMatchObject({ action: "contribution.redacted", before: { field: "body", position: 16, length: passage.length, occurrences: 1 } });
    expect(JSON.stringify(entry)).not.toContain("333");
    expect(outboxOf(author.id).at(-1)).toMatchObject({ kind: "contribution.redacted", link: `/contributi/${id}` });
  });

  it("refuses a passage that is not in the text", () => {
    const id = insertContribution({ authorId: author.id, body: "Un testo senza dati." });
    expect(() => redactPassage({ actorId: staff.id, item: { kind: "contribution", id }, passage: "altro" })).toThrowError(/passageNotFound/);
  });
});

describe("reported items are decided on their page", () => {
  it("cannot be published or rejected (alone or in bulk) while reports are open", async () => {
    const { publish, reject, bulkModerate } = await import("../../../test/decisions");
    const id = insertContribution({ authorId: author.id });
    const item = { kind: "contribution" as const, id };
    flagItem({ reporterId: reporters[0].id, item, reason: "spam" });
    expect(() => publish({ actorId: staff.id, item })).toThrowError(/reported/);
    expect(() => reject({ actorId: staff.id, item, decision: { reason: "spam" } })).toThrowError(/reported/);
    expect(() => bulkModerate({ actorId: staff.id, action: "publish", items: [item] })).toThrowError(/reported/);
    restoreItem({ actorId: staff.id, item, reason: "Segnalazione infondata." });
    expect(db.select().from(contributions).where(eq(contributions.id, id)).get()!.status).toBe("published");
  });
});
