// Section participation on a real SQLite database: moderation, visibility, versions, window, threads, amendments.
import { and, eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { auditEntries, draftVersions, outbox, sectionComments } from "~db/schema";
import { seedReference } from "../../../test/db";
import {
  approveMember,
  insertUser,
  insertVersionInConsultation,
  SECTIONS_V01,
  setModerationMode,
  setProcessStatus,
} from "../../../test/drafts-participation";
import { giveOutcome } from "~/domain/moderation/outcomes.server";
import * as comments from "~/domain/comments/comments.server";
import type { CommentView } from "~/domain/comments/comments";
import { decide, revisionOf } from "~/domain/moderation/decide.server";
import { DomainError, domainMessage } from "~/lib/domain-error";
import { sectionComments as commentsTable } from "~db/schema";
import { amendmentDiff, getSectionPage, moderationModeFor, participationCounts, proposeAmendment as propose, withdrawAmendment as withdraw } from "./participation.server";

// The section's comments are the comments capability's and decisions are moderation's: these
// wrappers keep the words of the tests (a participant acting, staff deciding an item of the page).
const participant = (userId: string) => ({ id: userId, role: "participant" as const });
type NewSectionComment = { userId: string; versionId: number; sectionId: number; body: string; parentId?: number | null; organizationId?: number | null; now?: Date };
const addComment = async (i: NewSectionComment) =>
  comments.addComment({ actor: participant(i.userId), subject: { kind: "section", id: i.sectionId, versionId: i.versionId }, body: i.body, parentId: i.parentId, organizationId: i.organizationId, now: i.now });
/** The comment is edited from the page of the version it was made on. */
const subjectOf = (commentId: number) => {
  const c = db.select().from(commentsTable).where(eq(commentsTable.id, commentId)).get()!;
  return { kind: "section" as const, id: c.sectionId, versionId: c.versionId };
};
const editComment = async (i: { userId: string; commentId: number; body: string; now?: Date }) => comments.editComment({ actor: participant(i.userId), subject: subjectOf(i.commentId), ...i });
const deleteComment = async (i: { userId: string; commentId: number }) => comments.deleteComment({ actor: participant(i.userId), subject: subjectOf(i.commentId), commentId: i.commentId });
const proposeAmendment = async (i: Omit<Parameters<typeof propose>[0], "actor"> & { userId: string }) => propose({ ...i, actor: participant(i.userId) });
const withdrawAmendment = async (i: { userId: string; amendmentId: number }) => withdraw({ actor: participant(i.userId), amendmentId: i.amendmentId });
const itemKind = (kind: "comment" | "amendment") => (kind === "comment" ? "section_comment" : "amendment");
const publishItem = (i: { actorId: string; kind: "comment" | "amendment"; id: number; seen?: number }) => ({
  status: decide({ actorId: i.actorId, item: { kind: itemKind(i.kind), id: i.id }, decision: "publish", seen: i.seen }).status,
});
const rejectItem = (i: { actorId: string; kind: "comment" | "amendment"; id: number; reason?: string }) => ({
  status: decide({ actorId: i.actorId, item: { kind: itemKind(i.kind), id: i.id }, decision: "reject", reason: { text: i.reason } }).status,
});

type SectionPage = NonNullable<Awaited<ReturnType<typeof getSectionPage>>> & { comments: CommentView[]; publishedComments: number };

let citizen: ReturnType<typeof insertUser>;
let other: ReturnType<typeof insertUser>;
let staff: ReturnType<typeof insertUser>;
let v1: ReturnType<typeof insertVersionInConsultation>;

beforeAll(() => {
  seedReference();
  citizen = insertUser("Giulia Bianchi");
  other = insertUser("Marco Verdi");
  staff = insertUser("Redazione CMM", "staff");
});

beforeEach(() => {
  setModerationMode("pre");
  setProcessStatus("active");
  v1 = insertVersionInConsultation({ label: "v0.1", sections: SECTIONS_V01 });
});

const s23 = () => v1.bySection["2.3"];
const page = async (viewer: { id: string; role: "admin" | "staff" | "participant" } | null, versionId = v1.versionId, sectionId = s23()): Promise<SectionPage> => {
  const p = (await getSectionPage({ strategyCode: "STTM1", versionId, sectionId, viewer }))!;
  const thread = comments.commentThread({ kind: "section", id: sectionId, versionId }, viewer, { editable: p.window.open });
  return { ...p, comments: thread.threads, publishedComments: thread.published };
};
const flat = (p: SectionPage) => {
  const out: SectionPage["comments"] = [];
  const walk = (list: SectionPage["comments"]) => list.forEach((c) => (out.push(c), walk(c.replies)));
  walk(p.comments);
  return out;
};

async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return { key: error.key, status: error.status, vars: error.vars, message: domainMessage(error, "it") };
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("moderation mode", () => {
  it("pre-moderation (the default): a comment and an amendment are pending", async () => {
    const c = await addComment({ userId: citizen.id, versionId: v1.versionId, sectionId: s23(), body: "Serve un corridoio lungo il Lambro." });
    const a = await proposeAmendment({ userId: citizen.id, versionId: v1.versionId, sectionId: s23(), proposedText: "La rete verde collega i parchi e i fiumi." });
    expect(c.status).toBe("pending");
    expect(a.status).toBe("pending");
  });

  it("post-moderation: published at once", async () => {
    setModerationMode("post");
    expect(await moderationModeFor("STTM1")).toBe("post");
    const c = await addComment({ userId: citizen.id, versionId: v1.versionId, sectionId: s23(), body: "Subito visibile." });
    expect(c.status).toBe("published");
    expect(flat(await page(null)).map((x) => x.id)).toContain(c.id);
  });

  it("no active process concerning the STTM: pre-moderation", async () => {
    setModerationMode("post");
    setProcessStatus("closed");
    expect(await moderationModeFor("STTM1")).toBe("pre");
    const c = await addComment({ userId: citizen.id, versionId: v1.versionId, sectionId: s23(), body: "In attesa." });
    expect(c.status).toBe("pending");
  });
});

describe("who sees what", () => {
  it("the author sees their pending items with the status; the public and other participants do not; staff do", async () => {
    const c = await addComment({ userId: citizen.id, versionId: v1.versionId, sectionId: s23(), body: "Il mio commento" });
    const a = await proposeAmendment({ userId: citizen.id, versionId: v1.versionId, sectionId: s23(), proposedText: "Testo nuovo" });

    const mine = await page({ id: citizen.id, role: "participant" });
    expect(flat(mine).find((x) => x.id === c.id)).toMatchObject({ status: "pending", mine: true, authorName: "Giulia Bianchi" });
    expect(mine.amendments.find((x) => x.id === a.id)).toMatchObject({ status: "pending", mine: true });

    for (const viewer of [null, { id: other.id, role: "participant" as const }]) {
      const p = await page(viewer);
      expect(flat(p).map((x) => x.id)).not.toContain(c.id);
      expect(p.amendments.map((x) => x.id)).not.toContain(a.id);
    }
    const staffView = await page({ id: staff.id, role: "staff" });
    expect(flat(staffView).map((x) => x.id)).toContain(c.id);
    expect(staffView.amendments.map((x) => x.id)).toContain(a.id);
  });

  it("an internal draft (bozza) is not shown to the public", async () => {
    const draft = insertVersionInConsultation({ label: "v0.9", sections: SECTIONS_V01, status: "bozza", strategyCode: "STTM2" });
    expect(await getSectionPage({ strategyCode: "STTM2", versionId: draft.versionId, sectionId: draft.sectionIds[0], viewer: null })).toBeNull();
    expect(await getSectionPage({ strategyCode: "STTM2", versionId: draft.versionId, sectionId: draft.sectionIds[0], viewer: { id: staff.id, role: "staff" } })).not.toBeNull();
    // …and a section asked for under another STTM's code does not exist
    expect(await getSectionPage({ strategyCode: "STTM3", versionId: v1.versionId, sectionId: s23(), viewer: null })).toBeNull();
  });
});

describe("across versions", () => {
  it("a comment made on 2.3 of v0.1 is on 2.3 of v0.2, labelled v0.1; the diff of an old amendment is against v0.1's text", async () => {
    const c = await addComment({ userId: citizen.id, versionId: v1.versionId, sectionId: s23(), body: "Commento sulla prima versione" });
    const a = await proposeAmendment({
      userId: citizen.id,
      versionId: v1.versionId,
      sectionId: s23(),
      proposedText: "La rete verde collega i parchi regionali e i fiumi della pianura.",
    });
    publishItem({ actorId: staff.id, kind: "comment", id: c.id });
    publishItem({ actorId: staff.id, kind: "amendment", id: a.id });

    const v2 = insertVersionInConsultation({
      label: "v0.2",
      basedOnVersionId: v1.versionId,
      sectionIds: v1.sectionIds,
      sections: SECTIONS_V01.map((s) => (s.number === "2.3" ? { ...s, body: "Testo tutto riscritto nella v0.2." } : s)),
    });
    expect(db.select().from(draftVersions).where(eq(draftVersions.id, v1.versionId)).get()!.status).toBe("chiusa");

    const p = await page(null, v2.versionId, s23());
    expect(p.version.label).toBe("v0.2");
    const seen = flat(p).find((x) => x.id === c.id)!;
    expect(seen).toMatchObject({ version: { label: "v0.1", id: v1.versionId }, canEdit: false });
    const am = p.amendments.find((x) => x.id === a.id)!;
    expect(am.versionLabel).toBe("v0.1");
    expect(am.diff.filter((d) => d.kind === "removed").map((d) => d.text.trim())).toContain("corridoi ecologici");
    // A reply made today on v0.2 to the v0.1 comment, and both counted on the v0.2 table of contents.
    const r = await addComment({ userId: other.id, versionId: v2.versionId, sectionId: s23(), body: "Risposta", parentId: c.id });
    publishItem({ actorId: staff.id, kind: "comment", id: r.id });
    const again = await page(null, v2.versionId, s23());
    expect(again.comments.find((x) => x.id === c.id)!.replies.map((x) => [x.id, x.version?.label])).toEqual([[r.id, "v0.2"]]);
    expect((await participationCounts(v2.versionId))[s23()]).toEqual({ comments: 2, amendments: 1 });
  });
});

describe("the consultation window", () => {
  it("refuses before it opens and after it closes, saying when it is open", async () => {
    const now = new Date(Math.floor(Date.now() / 1000) * 1000); // stored in whole seconds
    const from = new Date(now.getTime() + 86_400_000);
    const until = new Date(now.getTime() + 10 * 86_400_000);
    const future = insertVersionInConsultation({ label: "v0.3", sections: SECTIONS_V01, openFrom: from, openUntil: until });
    const early = await refusal(addComment({ userId: citizen.id, versionId: future.versionId, sectionId: future.sectionIds[2], body: "Troppo presto", now }));
    expect(early.status).toBe(409);
    expect(early.key).toBe("participation.error.notYetOpen");
    expect(early.message).toMatch(/v0\.3 si apre il/);
    expect(early.vars).toMatchObject({ from, until });

    const late = await refusal(
      proposeAmendment({ userId: citizen.id, versionId: future.versionId, sectionId: future.sectionIds[2], proposedText: "Altro", now: new Date(until.getTime() + 1000) }),
    );
    expect(late.key).toBe("participation.error.closed");
    expect(late.message).toMatch(/era aperta dal .* al /);
    expect(await addComment({ userId: citizen.id, versionId: future.versionId, sectionId: future.sectionIds[2], body: "Ora sì", now: new Date(from.getTime() + 1000) })).toMatchObject({
      status: "pending",
    });
  });

  it("refuses on a version that is not in consultation", async () => {
    db.update(draftVersions).set({ status: "chiusa" }).where(eq(draftVersions.id, v1.versionId)).run();
    const e = await refusal(addComment({ userId: citizen.id, versionId: v1.versionId, sectionId: s23(), body: "Chiusa" }));
    expect([e.status, e.key]).toEqual([409, "participation.error.notInConsultation"]);
    expect((await page(null)).window).toEqual({ open: false, reason: "notInConsultation" });
  });
});

describe("editing and deleting comments", () => {
  it("the author edits within 15 minutes; later, or someone else, is refused", async () => {
    const t0 = new Date();
    const c = await addComment({ userId: citizen.id, versionId: v1.versionId, sectionId: s23(), body: "Prima stesura", now: t0 });
    await editComment({ userId: citizen.id, commentId: c.id, body: "Seconda stesura", now: new Date(t0.getTime() + 14 * 60_000) });
    expect(db.select().from(sectionComments).where(eq(sectionComments.id, c.id)).get()).toMatchObject({ body: "Seconda stesura" });

    const late = await refusal(editComment({ userId: citizen.id, commentId: c.id, body: "Terza", now: new Date(t0.getTime() + 16 * 60_000) }));
    expect([late.status, late.key]).toEqual([409, "comments.error.editExpired"]);
    expect(late.message).toMatch(/15 minuti/);
    const notMine = await refusal(editComment({ userId: other.id, commentId: c.id, body: "Non mio", now: t0 }));
    expect(notMine.status).toBe(403);
  });

  it("under pre-moderation an edited published comment goes back to moderation", async () => {
    const c = await addComment({ userId: citizen.id, versionId: v1.versionId, sectionId: s23(), body: "Approvato" });
    publishItem({ actorId: staff.id, kind: "comment", id: c.id });
    expect((await editComment({ userId: citizen.id, commentId: c.id, body: "Cambiato dopo" })).status).toBe("pending");
    expect(flat(await page(null)).map((x) => x.id)).not.toContain(c.id);
  });

  it("a deleted comment with replies leaves a placeholder; without replies it disappears", async () => {
    setModerationMode("post");
    const parent = await addComment({ userId: citizen.id, versionId: v1.versionId, sectionId: s23(), body: "Padre" });
    const reply = await addComment({ userId: other.id, versionId: v1.versionId, sectionId: s23(), body: "Figlio", parentId: parent.id });
    const lonely = await addComment({ userId: citizen.id, versionId: v1.versionId, sectionId: s23(), body: "Solo" });
    expect(await refusal(deleteComment({ userId: other.id, commentId: parent.id }))).toMatchObject({ status: 403 });
    await deleteComment({ userId: citizen.id, commentId: parent.id });
    await deleteComment({ userId: citizen.id, commentId: lonely.id });

    const p = await page(null);
    const shown = p.comments.find((x) => x.id === parent.id)!;
    expect(shown).toMatchObject({ deleted: true, bodyHtml: "", authorName: "" });
    expect(shown.replies.map((x) => x.id)).toEqual([reply.id]);
    expect(flat(p).map((x) => x.id)).not.toContain(lonely.id);
    expect((await participationCounts(v1.versionId))[s23()].comments).toBe(1);
    expect(db.select().from(auditEntries).where(and(eq(auditEntries.action, "section_comment.deleted"), eq(auditEntries.subjectId, String(parent.id)))).all()).toHaveLength(1);
    // …and nobody can reply to it any more
    expect(await refusal(addComment({ userId: other.id, versionId: v1.versionId, sectionId: s23(), body: "x", parentId: parent.id }))).toMatchObject({
      key: "comments.error.parentInvalid",
    });
  });
});

describe("replies", () => {
  it("thread under the comment they answer; the parent must be on the same section and visible", async () => {
    setModerationMode("post");
    const root = await addComment({ userId: citizen.id, versionId: v1.versionId, sectionId: s23(), body: "Radice" });
    const r1 = await addComment({ userId: other.id, versionId: v1.versionId, sectionId: s23(), body: "Risposta 1", parentId: root.id });
    const r2 = await addComment({ userId: citizen.id, versionId: v1.versionId, sectionId: s23(), body: "Risposta alla risposta", parentId: r1.id });
    const p = await page(null);
    const thread = p.comments.find((x) => x.id === root.id)!;
    expect(thread.replies.map((x) => x.id)).toEqual([r1.id]);
    expect(thread.replies[0].replies.map((x) => x.id)).toEqual([r2.id]);

    const elsewhere = await refusal(addComment({ userId: other.id, versionId: v1.versionId, sectionId: v1.bySection["1"], body: "x", parentId: root.id }));
    expect([elsewhere.status, elsewhere.key]).toEqual([400, "comments.error.parentInvalid"]);

    setModerationMode("pre");
    const hidden = await addComment({ userId: citizen.id, versionId: v1.versionId, sectionId: s23(), body: "In attesa" });
    expect(await refusal(addComment({ userId: other.id, versionId: v1.versionId, sectionId: s23(), body: "x", parentId: hidden.id }))).toMatchObject({
      key: "comments.error.parentInvalid",
    });
  });
});

describe("on behalf of an organization", () => {
  it("only approved members; the page shows the organization", async () => {
    const member = insertUser("Referente Legambiente");
    const legambiente = approveMember(member.id, "legambiente-lombardia");
    const applicant = insertUser("Richiedente");
    approveMember(applicant.id, "legambiente-lombardia", "pending");

    setModerationMode("post");
    const c = await addComment({ userId: member.id, versionId: v1.versionId, sectionId: s23(), body: "Per Legambiente", organizationId: legambiente.id });
    expect(flat(await page(null)).find((x) => x.id === c.id)).toMatchObject({ organizationName: legambiente.name, authorName: "Referente Legambiente" });

    for (const userId of [applicant.id, citizen.id]) {
      const e = await refusal(addComment({ userId, versionId: v1.versionId, sectionId: s23(), body: "Non autorizzato", organizationId: legambiente.id }));
      expect([e.status, e.key]).toEqual([403, "comments.error.notMember"]);
      const a = await refusal(proposeAmendment({ userId, versionId: v1.versionId, sectionId: s23(), proposedText: "x", organizationId: legambiente.id }));
      expect(a.status).toBe(403);
    }
  });
});

describe("amendments", () => {
  it("the diff marks the changed words", () => {
    const d = amendmentDiff("La rete verde collega i parchi regionali.", "La rete blu collega i parchi regionali e i fiumi.");
    expect(d.filter((p) => p.kind === "removed").map((p) => p.text)).toEqual(["verde"]);
    expect(d.filter((p) => p.kind === "added").map((p) => p.text.trim())).toEqual(["blu", "e i fiumi"]);
    expect(d.filter((p) => p.kind === "same").map((p) => p.text).join("")).toContain("collega i parchi regionali");
  });

  it("needs a text different from the current one; the rationale is optional; the author may withdraw", async () => {
    const same = await refusal(proposeAmendment({ userId: citizen.id, versionId: v1.versionId, sectionId: s23(), proposedText: `  ${SECTIONS_V01[2].body}\n` }));
    expect([same.status, same.key]).toEqual([400, "participation.error.sameText"]);
    expect(await refusal(proposeAmendment({ userId: citizen.id, versionId: v1.versionId, sectionId: s23(), proposedText: "   " }))).toMatchObject({
      key: "participation.error.empty",
    });
    const a = await proposeAmendment({ userId: citizen.id, versionId: v1.versionId, sectionId: s23(), proposedText: "Nuovo testo", rationale: "Perché **sì**" });
    expect((await page({ id: citizen.id, role: "participant" })).amendments.find((x) => x.id === a.id)!.rationaleHtml).toContain("<strong>sì</strong>");
    expect(await refusal(withdrawAmendment({ userId: other.id, amendmentId: a.id }))).toMatchObject({ status: 403 });
    await withdrawAmendment({ userId: citizen.id, amendmentId: a.id });
    expect((await page({ id: citizen.id, role: "participant" })).amendments.find((x) => x.id === a.id)).toMatchObject({ status: "withdrawn", canWithdraw: false });
    expect(await refusal(withdrawAmendment({ userId: citizen.id, amendmentId: a.id }))).toMatchObject({ status: 409 });
  });
});

describe("moderation by staff", () => {
  it("approve → published, an audit entry and a message to the author with a link", async () => {
    const c = await addComment({ userId: citizen.id, versionId: v1.versionId, sectionId: s23(), body: "Da approvare" });
    expect(publishItem({ actorId: staff.id, kind: "comment", id: c.id, seen: 0 })).toEqual({ status: "published" });
    expect(flat(await page(null)).find((x) => x.id === c.id)).toMatchObject({ status: "published" });
    const audit = db.select().from(auditEntries).where(and(eq(auditEntries.subjectType, "section_comment"), eq(auditEntries.subjectId, String(c.id)))).all();
    expect(audit).toMatchObject([{ actorId: staff.id, action: "section_comment.published" }]);
    const mail = db.select().from(outbox).where(eq(outbox.userId, citizen.id)).all().at(-1)!;
    expect(mail.subject).toBe("Il tuo commento è stato pubblicato");
    expect(mail.body).toContain("sezione 2.3 «Rete verde metropolitana» di STTM1 v0.1");
    expect(mail.link).toBe(`/strategie/STTM1/bozze/${v1.versionId}/sezioni/${s23()}#commento-${c.id}`);
    // A second decision on what the moderator saw before the first one is refused, and changes nothing.
    expect(() => publishItem({ actorId: staff.id, kind: "comment", id: c.id, seen: 0 })).toThrow(DomainError);
    expect(revisionOf(db, { kind: "section_comment", id: c.id })).toBe(audit[0].id);
  });

  it("reject → the author still sees it as not approved, with the reason in the message", async () => {
    const a = await proposeAmendment({ userId: citizen.id, versionId: v1.versionId, sectionId: s23(), proposedText: "Fuori tema" });
    expect(rejectItem({ actorId: staff.id, kind: "amendment", id: a.id, reason: "Non pertinente alla sezione" })).toEqual({ status: "rejected" });
    expect((await page(null)).amendments.map((x) => x.id)).not.toContain(a.id);
    expect((await page({ id: citizen.id, role: "participant" })).amendments.find((x) => x.id === a.id)!.status).toBe("rejected");
    const mail = db.select().from(outbox).where(eq(outbox.userId, citizen.id)).all().at(-1)!;
    expect(mail.body).toContain("Motivo: Non pertinente alla sezione");
    expect(mail.link).toContain(`#emendamento-${a.id}`);
  });

  it("post-moderation: staff hide a published item", async () => {
    setModerationMode("post");
    const c = await addComment({ userId: citizen.id, versionId: v1.versionId, sectionId: s23(), body: "Spam" });
    expect(rejectItem({ actorId: staff.id, kind: "comment", id: c.id })).toEqual({ status: "hidden" });
    expect(flat(await page(null)).map((x) => x.id)).not.toContain(c.id);
  });
});

describe("counts for the table of contents", () => {
  it("count only published items, per section", async () => {
    const c1 = await addComment({ userId: citizen.id, versionId: v1.versionId, sectionId: s23(), body: "uno" });
    await addComment({ userId: citizen.id, versionId: v1.versionId, sectionId: s23(), body: "due (in attesa)" });
    const a = await proposeAmendment({ userId: citizen.id, versionId: v1.versionId, sectionId: s23(), proposedText: "nuovo" });
    publishItem({ actorId: staff.id, kind: "comment", id: c1.id });
    publishItem({ actorId: staff.id, kind: "amendment", id: a.id });
    const counts = await participationCounts(v1.versionId);
    expect(counts[s23()]).toEqual({ comments: 1, amendments: 1 });
    expect(counts[v1.bySection["1"]]).toEqual({ comments: 0, amendments: 0 });
  });
});

describe("amendment outcomes on the section page", () => {
  it("shows the outcome and the reasoned response once staff answer a published amendment", async () => {
    setModerationMode("post");
    const a = await proposeAmendment({ userId: citizen.id, versionId: v1.versionId, sectionId: s23(), proposedText: "Un testo che la redazione accoglie." });
    expect((await page(null)).amendments.find((x) => x.id === a.id)?.outcome).toBeNull();
    giveOutcome({ actorId: staff.id, itemKind: "amendment", itemId: a.id, outcome: "parzialmente_accolto", response: "Accolto in parte: **vedi 2.3**." });
    const shown = (await page(null)).amendments.find((x) => x.id === a.id)!;
    expect(shown.outcome?.decision).toBe("parzialmente_accolto");
    expect(shown.outcome?.responseHtml).toContain("<strong>vedi 2.3</strong>");
  });
});
