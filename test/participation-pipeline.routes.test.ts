// The participation pipeline, as the server answers it: one rule for reported items whichever
// button is used, one decision when two moderators act at once, page forms that never touch an
// item of another page, and redactions that touch only what they should (issue 11).
import { spawn } from "node:child_process";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, sqlite } from "~/lib/db.server";
import { amendments, auditEntries, contributionComments, flags, outbox, sectionComments } from "~db/schema";
import * as contributionPage from "~/routes/contributi.$id._index";
import * as sectionPage from "~/routes/strategie.$code_.bozze.$versionId_.sezioni.$sectionId";
import * as queue from "~/routes/gestione.moderazione._index";
import * as item from "~/routes/gestione.moderazione.$kind.$id";
import { flagItem } from "~/domain/moderation/flags.server";
import { revisionOf } from "~/domain/moderation/decide.server";
import { redactPassage } from "~/domain/moderation/redaction.server";
import { REDACTION_PLACEHOLDER } from "~/domain/moderation/kinds";
import { seedReference } from "./db";
import { insertContribution } from "./contributions";
import { insertUser, insertVersionInConsultation, SECTIONS_V01 } from "./drafts-participation";
import { insertAmendment, insertContributionComment, insertSectionComment } from "./moderation";
import { formRequest, outcome, sessionCookieFor } from "./requests";

type Args = Parameters<typeof contributionPage.action>[0];
const args = (request: Request, params: Record<string, string>) => ({ request, params, context: { clientAddress: "10.0.0.1" } }) as unknown as Args;

let author: { id: string };
let staffA: { id: string; cookie: string };
let staffB: { id: string; cookie: string };
let reporters: { id: string }[];
let version: ReturnType<typeof insertVersionInConsultation>;

beforeAll(async () => {
  seedReference();
  author = insertUser("Autrice dei commenti");
  const a = insertUser("Moderatrice Anna", "staff");
  const b = insertUser("Moderatore Bruno", "staff");
  staffA = { id: a.id, cookie: await sessionCookieFor(a.id) };
  staffB = { id: b.id, cookie: await sessionCookieFor(b.id) };
  reporters = [insertUser("Segnalante 1"), insertUser("Segnalante 2"), insertUser("Segnalante 3")];
  version = insertVersionInConsultation({ label: "v0.1", sections: SECTIONS_V01 });
});

const auditCount = (kind: string, id: number) => db.select().from(auditEntries).where(and(eq(auditEntries.subjectType, kind), eq(auditEntries.subjectId, String(id)))).all().length;
const openFlags = (kind: string, id: number) => db.select().from(flags).where(and(eq(flags.itemKind, kind as "contribution"), eq(flags.itemId, id), eq(flags.status, "open"))).all().length;
const mailTo = (userId: string) => db.select().from(outbox).where(eq(outbox.userId, userId)).all();
const s23 = () => version.bySection["2.3"];
const sectionPath = () => `/strategie/STTM1/bozze/${version.versionId}/sezioni/${s23()}`;
const sectionParams = () => ({ code: "STTM1", versionId: String(version.versionId), sectionId: String(s23()) });

function hideByReports(kind: "contribution_comment" | "section_comment", id: number) {
  for (const r of reporters) flagItem({ reporterId: r.id, item: { kind, id }, reason: "offensive" });
}

describe("an item hidden by reports: one rule whichever button staff press", () => {
  it("is not re-published from its contribution's page, its section's page, the queue or its own page; its reports stay open", async () => {
    const contributionId = insertContribution({ authorId: author.id });
    const cc = insertContributionComment({ contributionId, authorId: author.id, body: "Un commento segnalato." });
    hideByReports("contribution_comment", cc);
    expect(db.select().from(contributionComments).where(eq(contributionComments.id, cc)).get()!.status).toBe("hidden");
    const sc = insertSectionComment({ versionId: version.versionId, sectionId: s23(), authorId: author.id, body: "Un commento di sezione segnalato." });
    hideByReports("section_comment", sc);
    const before = { cc: auditCount("contribution_comment", cc), sc: auditCount("section_comment", sc) };

    const tries = [
      () => contributionPage.action(args(formRequest(`/contributi/${contributionId}`, { intent: "approve", kind: "comment", itemId: String(cc) }, staffA.cookie), { id: String(contributionId) })),
      () => queue.action(args(formRequest("/gestione/moderazione", { publishOne: `contribution_comment:${cc}` }, staffA.cookie), {})),
      () => queue.action(args(formRequest("/gestione/moderazione", { intent: "publish", item: `contribution_comment:${cc}` }, staffA.cookie), {})),
      () => item.action(args(formRequest(`/gestione/moderazione/commento/${cc}`, { intent: "publish" }, staffA.cookie), { kind: "commento", id: String(cc) })),
      () => sectionPage.action(args(formRequest(sectionPath(), { intent: "approve", kind: "comment", itemId: String(sc) }, staffA.cookie), sectionParams())),
    ];
    for (const attempt of tries) {
      const r = await outcome(attempt);
      expect(r.status).toBe(409);
      expect(JSON.stringify(r.body)).toContain("Un elemento segnalato si decide dalla sua pagina");
    }
    expect(db.select().from(contributionComments).where(eq(contributionComments.id, cc)).get()!.status).toBe("hidden");
    expect(db.select().from(sectionComments).where(eq(sectionComments.id, sc)).get()!.status).toBe("hidden");
    expect([openFlags("contribution_comment", cc), openFlags("section_comment", sc)]).toEqual([3, 3]);
    expect({ cc: auditCount("contribution_comment", cc), sc: auditCount("section_comment", sc) }).toEqual(before);

    // The decision that does apply — restore, from the item's page — closes the reports.
    const restored = await outcome(() =>
      item.action(args(formRequest(`/gestione/moderazione/commento/${cc}`, { intent: "restore", reason: "Critica, non offesa." }, staffA.cookie), { kind: "commento", id: String(cc) })),
    );
    expect(restored.status).toBe(302);
    expect(openFlags("contribution_comment", cc)).toBe(0);
  });
});

describe("two moderators deciding the same item at once", () => {
  const decisions = (contributionId: number, commentId: number, revision: number) => [
    () => contributionPage.action(args(formRequest(`/contributi/${contributionId}`, { intent: "approve", kind: "comment", itemId: String(commentId), revision: String(revision) }, staffA.cookie), { id: String(contributionId) })),
    () =>
      contributionPage.action(
        args(formRequest(`/contributi/${contributionId}`, { intent: "reject", kind: "comment", itemId: String(commentId), reason: "Fuori tema", revision: String(revision) }, staffB.cookie), {
          id: String(contributionId),
        }),
      ),
  ];

  it("publish against reject from the pages: exactly one applies, the other gets 409 naming who decided; one audit entry, one message", async () => {
    const contributionId = insertContribution({ authorId: author.id });
    const commentId = insertContributionComment({ contributionId, authorId: author.id, status: "pending", body: "Da decidere." });
    const revision = revisionOf(db, { kind: "contribution_comment", id: commentId });
    const mailBefore = mailTo(author.id).length;
    const results = await Promise.all(decisions(contributionId, commentId, revision).map((run) => outcome(run)));
    expect(results.map((r) => r.status).sort()).toEqual([302, 409]);
    const refused = results.find((r) => r.status === 409)!;
    expect((refused.body as { message: string }).message).toMatch(/^Moderat(rice Anna|ore Bruno) ha già deciso su questo elemento il .+ \((pubblicato|respinto)\): la tua decisione non è stata applicata/);
    const decided = db.select().from(auditEntries).where(and(eq(auditEntries.subjectType, "contribution_comment"), eq(auditEntries.subjectId, String(commentId)))).all();
    expect(decided).toHaveLength(1);
    expect(mailTo(author.id).length - mailBefore).toBe(1);
  });

  it("from the queue and the item page too (bulk rows and decision forms carry the revision)", async () => {
    const contributionId = insertContribution({ authorId: author.id, status: "pending" });
    const revision = revisionOf(db, { kind: "contribution", id: contributionId });
    const [a, b] = await Promise.all([
      outcome(() => queue.action(args(formRequest("/gestione/moderazione", { intent: "publish", item: `contribution:${contributionId}@${revision}` }, staffA.cookie), {}))),
      outcome(() =>
        item.action(
          args(formRequest(`/gestione/moderazione/contributo/${contributionId}`, { intent: "reject", reason: "spam", revision: String(revision) }, staffB.cookie), { kind: "contributo", id: String(contributionId) }),
        ),
      ),
    ]);
    expect([a.status, b.status].sort()).toEqual([302, 409]);
    expect(auditCount("contribution", contributionId)).toBe(1);
  });

  it("in two processes on one database file: one decision, one refusal, nothing else", async () => {
    const contributionId = insertContribution({ authorId: author.id });
    const commentId = insertContributionComment({ contributionId, authorId: author.id, status: "pending", body: "Deciso da due processi." });
    const revision = revisionOf(db, { kind: "contribution_comment", id: commentId });
    sqlite.pragma("wal_checkpoint(TRUNCATE)");
    const worker = (actorId: string, decision: string) =>
      new Promise<{ ok: boolean; status?: number; key?: string }>((resolve, reject) => {
        const child = spawn(process.execPath, ["--import", "tsx", path.resolve(__dirname, "workers/decide.ts")], {
          env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL, WORKER_ITEM: `contribution_comment:${commentId}`, WORKER_ACTOR: actorId, WORKER_DECISION: decision, WORKER_SEEN: String(revision) },
          stdio: ["pipe", "pipe", "inherit"],
        });
        let out = "";
        child.stdout.on("data", (d) => (out += d));
        child.on("error", reject);
        child.on("exit", () => {
          const line = out.trim().split("\n").at(-1) ?? "";
          try {
            resolve(JSON.parse(line));
          } catch {
            reject(new Error(`worker said: ${out}`));
          }
        });
        // Both wait at the start line until the parent says go (so they decide at the same moment).
        setTimeout(() => child.stdin.end("go\n"), 2500);
      });
    const results = await Promise.all([worker(staffA.id, "publish"), worker(staffB.id, "reject")]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toMatchObject([{ status: 409, key: "moderation.error.stale" }]);
    expect(auditCount("contribution_comment", commentId)).toBe(1);
  }, 60_000);
});

describe("a page's forms act only on that page's items (404 before any write)", () => {
  it("a comment id of another contribution, through this contribution's page, changes nothing", async () => {
    const here = insertContribution({ authorId: author.id });
    const elsewhere = insertContribution({ authorId: author.id });
    const authorCookie = await sessionCookieFor(author.id);
    const foreign = insertContributionComment({ contributionId: elsewhere, authorId: author.id, status: "pending", body: "Commento di un altro contributo." });
    const snapshot = () => ({
      comment: db.select().from(contributionComments).where(eq(contributionComments.id, foreign)).get(),
      audit: auditCount("contribution_comment", foreign),
      mail: mailTo(author.id).length,
      comments: db.select().from(contributionComments).all().length,
    });
    const before = snapshot();
    const page = (fields: Record<string, string>, cookie: string) => outcome(() => contributionPage.action(args(formRequest(`/contributi/${here}`, fields, cookie), { id: String(here) })));
    expect((await page({ intent: "delete", commentId: String(foreign) }, authorCookie)).status).toBe(404);
    expect((await page({ intent: "edit", commentId: String(foreign), body: "Cambiato da un'altra pagina" }, authorCookie)).status).toBe(404);
    expect((await page({ intent: "approve", kind: "comment", itemId: String(foreign) }, staffA.cookie)).status).toBe(404);
    expect((await page({ intent: "reject", kind: "comment", itemId: String(foreign), reason: "x" }, staffA.cookie)).status).toBe(404);
    expect((await page({ intent: "comment", body: "Risposta fuori posto", parentId: String(foreign) }, authorCookie)).status).toBe(400);
    expect(snapshot()).toEqual(before);
  });

  it("an amendment or a comment of another section, through this section's page, changes nothing", async () => {
    const other = version.bySection["1"];
    const am = insertAmendment({ versionId: version.versionId, sectionId: other, authorId: author.id });
    const sc = insertSectionComment({ versionId: version.versionId, sectionId: other, authorId: author.id, status: "pending" });
    const before = [auditCount("amendment", am), auditCount("section_comment", sc)];
    const authorCookie = await sessionCookieFor(author.id);
    const post = (fields: Record<string, string>, cookie: string) => outcome(() => sectionPage.action(args(formRequest(sectionPath(), fields, cookie), sectionParams())));
    expect((await post({ intent: "approve", kind: "amendment", itemId: String(am) }, staffA.cookie)).status).toBe(404);
    expect((await post({ intent: "approve", kind: "comment", itemId: String(sc) }, staffA.cookie)).status).toBe(404);
    expect((await post({ intent: "withdraw", amendmentId: String(am) }, authorCookie)).status).toBe(404);
    expect((await post({ intent: "delete", commentId: String(sc) }, authorCookie)).status).toBe(404);
    expect([auditCount("amendment", am), auditCount("section_comment", sc)]).toEqual(before);
    expect(db.select().from(amendments).where(eq(amendments.id, am)).get()!.status).toBe("pending");
  });
});

describe("redaction touches only what it should", () => {
  it("removes a passage from every field of an amendment that holds it", () => {
    const passage = "Mario Rossi, via Roma 12";
    const am = insertAmendment({ versionId: version.versionId, sectionId: s23(), authorId: author.id, text: `Il testo proposto da ${passage}.` });
    db.update(amendments).set({ rationale: `Lo chiede ${passage}, che abita lì.` }).where(eq(amendments.id, am)).run();
    redactPassage({ actorId: staffA.id, item: { kind: "amendment", id: am }, passage });
    const row = db.select().from(amendments).where(eq(amendments.id, am)).get()!;
    expect(row.proposedText).toBe(`Il testo proposto da ${REDACTION_PLACEHOLDER}.`);
    expect(row.rationale).toBe(`Lo chiede ${REDACTION_PLACEHOLDER}, che abita lì.`);
    const entry = db.select().from(auditEntries).where(and(eq(auditEntries.subjectType, "amendment"), eq(auditEntries.subjectId, String(am)), eq(auditEntries.action, "amendment.redacted"))).get()!;
    expect(JSON.parse(entry.after!).fields).toEqual(["proposedText", "rationale"]);
    expect(entry.before + entry.after!).not.toContain("Mario Rossi");
  });
});
