import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { auditEntries, contributionComments, outbox, processes } from "~db/schema";
import { seedReference } from "../../../test/db";
import { approveMember, insertUser } from "../../../test/drafts-participation";
import { insertContribution, ISTAT } from "../../../test/contributions";
import { DomainError } from "~/lib/domain-error";
import { decide } from "~/domain/moderation/decide.server";
import { addComment, commentThread, deleteComment, editComment, type Viewer } from "./comments.server";

let author: ReturnType<typeof insertUser>;
let other: ReturnType<typeof insertUser>;
let staff: ReturnType<typeof insertUser>;
let contributionId: number;
const as = (u: { id: string; role: "admin" | "staff" | "participant" }) => ({ id: u.id, role: u.role });
const on = (id: number) => ({ kind: "contribution" as const, id });
const commentsFor = (id: number, viewer: Viewer) => commentThread(on(id), viewer, { editable: true });
const publishComment = (i: { actorId: string; commentId: number }) => decide({ actorId: i.actorId, item: { kind: "contribution_comment", id: i.commentId }, decision: "publish" });
const rejectComment = (i: { actorId: string; commentId: number; reason?: string }) =>
  decide({ actorId: i.actorId, item: { kind: "contribution_comment", id: i.commentId }, decision: "reject", reason: { text: i.reason } });

async function refusal(fn: () => unknown) {
  try {
    await fn();
  } catch (error) {
    if (error instanceof DomainError) return { key: error.key, status: error.status };
    throw error;
  }
  throw new Error("expected a refusal");
}

beforeAll(() => {
  seedReference();
  author = insertUser("Giulia Bianchi");
  other = insertUser("Marco Rossi");
  staff = insertUser("Redazione", "staff");
  contributionId = insertContribution({ title: "Pista ciclabile", comuni: [ISTAT.rho] });
});

describe("comments on a contribution (pre-moderation)", () => {
  let commentId: number;

  it("a new comment is pending and visible to its author only (and to staff)", async () => {
    const r = await addComment({ actor: as(author), subject: on(contributionId), body: "Sono **d'accordo**." });
    commentId = r.id;
    expect(r.status).toBe("pending");
    expect(commentsFor(contributionId, null).threads).toEqual([]);
    expect(commentsFor(contributionId, as(other)).threads).toEqual([]);
    const mine = commentsFor(contributionId, as(author)).threads;
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ id: commentId, status: "pending", mine: true, canDelete: true, authorName: "Giulia Bianchi" });
    expect(mine[0].bodyHtml).toContain("<strong>d'accordo</strong>");
    expect(commentsFor(contributionId, as(staff)).threads[0]).toMatchObject({ id: commentId, status: "pending", mine: false });
    expect(commentsFor(contributionId, as(author)).published).toBe(0);
  });

  it("staff approve it: everyone sees it, with an audit entry and a message to the author", () => {
    expect(publishComment({ actorId: staff.id, commentId })).toEqual({ status: "published", event: "published" });
    expect(commentsFor(contributionId, null)).toMatchObject({ threads: [{ id: commentId, status: "published" }], published: 1 });
    const audit = db.select().from(auditEntries).where(eq(auditEntries.subjectId, String(commentId))).all();
    expect(audit.map((a) => a.action)).toContain("contribution_comment.published");
    const message = db.select().from(outbox).where(eq(outbox.userId, author.id)).all().at(-1)!;
    expect(message.subject).toBe("Il tuo commento è stato pubblicato");
    expect(message.link).toBe(`/contributi/${contributionId}#commento-${commentId}`);
  });

  it("threads replies under what they answer; a pending reply stays with its author", async () => {
    const reply = await addComment({ actor: as(other), subject: on(contributionId), body: "Anche io.", parentId: commentId });
    expect(commentsFor(contributionId, null).threads[0].replies).toEqual([]);
    expect(commentsFor(contributionId, as(other)).threads[0].replies).toMatchObject([{ id: reply.id, status: "pending", parentId: commentId }]);
    // Nobody else may answer a reply they cannot see.
    expect(await refusal(() => addComment({ actor: as(author), subject: on(contributionId), body: "?", parentId: reply.id }))).toEqual({
      key: "comments.error.parentInvalid",
      status: 400,
    });
  });

  it("staff reject a pending comment (the author still sees it, marked) and hide a published one", async () => {
    const r = await addComment({ actor: as(other), subject: on(contributionId), body: "Fuori tema." });
    expect(rejectComment({ actorId: staff.id, commentId: r.id, reason: "Fuori tema" }).status).toBe("rejected");
    expect(commentsFor(contributionId, null).threads.map((c) => c.id)).not.toContain(r.id);
    expect(commentsFor(contributionId, as(other)).threads.find((c) => c.id === r.id)?.status).toBe("rejected");
    const message = db.select().from(outbox).where(eq(outbox.userId, other.id)).all().at(-1)!;
    expect(message.body).toContain("Motivo: Fuori tema");
    expect(await refusal(() => rejectComment({ actorId: staff.id, commentId: r.id }))).toEqual({ key: "moderation.error.notModeratable", status: 409 });
  });

  it("the author deletes their own comment; with replies it stays as a placeholder", async () => {
    const reply = await addComment({ actor: as(other), subject: on(contributionId), body: "Risposta." , parentId: commentId });
    publishComment({ actorId: staff.id, commentId: reply.id });
    expect(await refusal(() => deleteComment({ actor: as(other), subject: on(contributionId), commentId }))).toEqual({ key: "comments.error.notAuthor", status: 403 });
    deleteComment({ actor: as(author), subject: on(contributionId), commentId });
    const threads = commentsFor(contributionId, null).threads;
    expect(threads[0]).toMatchObject({ id: commentId, deleted: true, authorName: "", bodyHtml: "" });
    expect(threads[0].replies.map((r) => r.id)).toContain(reply.id);
    expect(await refusal(() => deleteComment({ actor: as(author), subject: on(contributionId), commentId }))).toEqual({ key: "comments.error.alreadyDeleted", status: 409 });
  });

  it("refuses empty text, unpublished contributions and organizations the person does not represent", async () => {
    expect(await refusal(() => addComment({ actor: as(author), subject: on(contributionId), body: "   " }))).toEqual({ key: "comments.error.empty", status: 400 });
    const pending = insertContribution({ status: "pending" });
    expect(await refusal(() => addComment({ actor: as(author), subject: on(pending), body: "Ciao" }))).toEqual({ key: "browse.comments.error.closed", status: 409 });
    expect(await refusal(() => addComment({ actor: as(author), subject: on(999_999), body: "Ciao" }))).toEqual({ key: "comments.error.subjectNotFound", status: 404 });
    const org = approveMember(other.id, "legambiente-lombardia");
    expect(await refusal(() => addComment({ actor: as(author), subject: on(contributionId), body: "Ciao", organizationId: org.id }))).toEqual({
      key: "comments.error.notMember",
      status: 403,
    });
    const r = await addComment({ actor: as(other), subject: on(contributionId), body: "A nome dell'associazione.", organizationId: org.id });
    expect(commentsFor(contributionId, as(staff)).threads.find((c) => c.id === r.id)?.organizationName).toBe("Legambiente Lombardia");
  });
});

describe("editing a comment on a contribution (the same 15 minutes as on a section)", () => {
  it("the author edits within 15 minutes, the text goes back to moderation; later, or another person, is refused", async () => {
    const t0 = new Date();
    const r = await addComment({ actor: as(author), subject: on(contributionId), body: "Prima stesura", now: t0 });
    publishComment({ actorId: staff.id, commentId: r.id });
    const edited = editComment({ actor: as(author), subject: on(contributionId), commentId: r.id, body: "Seconda stesura", now: new Date(t0.getTime() + 14 * 60_000) });
    expect(edited.status).toBe("pending");
    expect(commentsFor(contributionId, as(author)).threads.find((c) => c.id === r.id)).toMatchObject({ status: "pending" });
    expect(await refusal(() => editComment({ actor: as(author), subject: on(contributionId), commentId: r.id, body: "Terza", now: new Date(t0.getTime() + 16 * 60_000) }))).toEqual({
      key: "comments.error.editExpired",
      status: 409,
    });
    expect(await refusal(() => editComment({ actor: as(other), subject: on(contributionId), commentId: r.id, body: "Non mia", now: t0 }))).toEqual({ key: "comments.error.notAuthor", status: 403 });
    // The moderator who read the first text sees the item changed: an entry of the edit is in the log.
    expect(db.select().from(auditEntries).where(eq(auditEntries.subjectId, String(r.id))).all().map((a) => a.action)).toContain("contribution_comment.edited");
  });
});

describe("comments under post-moderation", () => {
  it("are published at once when the contribution's process says so", async () => {
    db.update(processes).set({ moderationMode: "post" }).run();
    const r = await addComment({ actor: as(other), subject: on(contributionId), body: "Subito visibile." });
    expect(r.status).toBe("published");
    expect(commentsFor(contributionId, null).threads.map((c) => c.id)).toContain(r.id);
    db.update(processes).set({ moderationMode: "pre" }).run();
    expect(db.select().from(contributionComments).where(eq(contributionComments.id, r.id)).get()?.status).toBe("published");
  });
});
