import { and, eq } from "drizzle-orm";
import { db, type Tx } from "~/lib/db.server";
import { recordAudit } from "~/domain/audit/audit.server";
import { enqueue } from "~/domain/notifications/outbox.server";
import { amendments, draftSectionTexts, draftVersions, sectionComments, type ParticipationStatus } from "~db/schema";
import { ParticipationError } from "./participation.server";
import { amendmentAnchor, commentAnchor, sectionPagePath } from "./participation";

/**
 * Moderation of section comments and amendments, one item at a time. The section page calls these
 * today; the moderation queue will call the same functions. Each decision, its audit entry and the
 * message to the author commit together.
 */
export type ModeratedKind = "comment" | "amendment";
export type ModerationInput = { actorId: string; kind: ModeratedKind; id: number; reason?: string | null; now?: Date };

type Item = { id: number; sectionId: number; versionId: number; authorId: string; status: ParticipationStatus; deletedAt: Date | null };

function load(tx: Tx, kind: ModeratedKind, id: number): Item | undefined {
  if (kind === "comment") {
    return tx
      .select({
        id: sectionComments.id,
        sectionId: sectionComments.sectionId,
        versionId: sectionComments.versionId,
        authorId: sectionComments.authorId,
        status: sectionComments.status,
        deletedAt: sectionComments.deletedAt,
      })
      .from(sectionComments)
      .where(eq(sectionComments.id, id))
      .get();
  }
  const a = tx
    .select({ id: amendments.id, sectionId: amendments.sectionId, versionId: amendments.versionId, authorId: amendments.authorId, status: amendments.status })
    .from(amendments)
    .where(eq(amendments.id, id))
    .get();
  return a ? { ...a, deletedAt: null } : undefined;
}

function setStatus(tx: Tx, kind: ModeratedKind, id: number, status: ParticipationStatus) {
  if (kind === "comment") tx.update(sectionComments).set({ status }).where(eq(sectionComments.id, id)).run();
  else tx.update(amendments).set({ status }).where(eq(amendments.id, id)).run();
}

/** Where the author reads about the item: the section in the version it was made on. */
function place(tx: Tx, item: Item, kind: ModeratedKind) {
  const v = tx.select({ label: draftVersions.label, strategyCode: draftVersions.strategyCode }).from(draftVersions).where(eq(draftVersions.id, item.versionId)).get()!;
  const section = tx
    .select({ number: draftSectionTexts.number, title: draftSectionTexts.title })
    .from(draftSectionTexts)
    .where(and(eq(draftSectionTexts.versionId, item.versionId), eq(draftSectionTexts.sectionId, item.sectionId)))
    .get();
  const anchor = kind === "comment" ? commentAnchor(item.id) : amendmentAnchor(item.id);
  return {
    where: `sezione ${section?.number ?? ""} «${section?.title ?? ""}» di ${v.strategyCode} ${v.label}`,
    link: `${sectionPagePath(v.strategyCode, item.versionId, item.sectionId)}#${anchor}`,
  };
}

const noun = (kind: ModeratedKind) => (kind === "comment" ? "commento" : "emendamento");
const subjectType = (kind: ModeratedKind) => (kind === "comment" ? "section_comment" : "amendment");

/** Publishes a pending item (or restores a rejected/hidden one). */
export function publishItem(input: ModerationInput): { status: ParticipationStatus } {
  return db.transaction((tx) => {
    const item = load(tx, input.kind, input.id);
    if (!item) throw new ParticipationError("participation.error.notFound", 404);
    if (item.deletedAt || !["pending", "rejected", "hidden"].includes(item.status)) throw new ParticipationError("participation.error.notModeratable", 409);
    setStatus(tx, input.kind, item.id, "published");
    recordAudit(tx, {
      actorId: input.actorId,
      action: `${subjectType(input.kind)}.published`,
      subjectType: subjectType(input.kind),
      subjectId: item.id,
      before: { status: item.status },
      after: { status: "published" },
    });
    const { where, link } = place(tx, item, input.kind);
    enqueue(tx, {
      userId: item.authorId,
      kind: `${subjectType(input.kind)}.published`,
      subject: `Il tuo ${noun(input.kind)} è stato pubblicato`,
      body: `Il tuo ${noun(input.kind)} sulla ${where} è stato approvato dalla redazione ed è ora visibile a tutti.`,
      link,
    });
    return { status: "published" as const };
  });
}

/**
 * Rejects a pending item ("rejected"), or hides one already published ("hidden", for post-moderation).
 * The reason, if given, goes to the author.
 */
export function rejectItem(input: ModerationInput): { status: ParticipationStatus } {
  const reason = (input.reason ?? "").trim().slice(0, 1000);
  return db.transaction((tx) => {
    const item = load(tx, input.kind, input.id);
    if (!item) throw new ParticipationError("participation.error.notFound", 404);
    if (item.deletedAt || (item.status !== "pending" && item.status !== "published")) throw new ParticipationError("participation.error.notModeratable", 409);
    const status: ParticipationStatus = item.status === "pending" ? "rejected" : "hidden";
    setStatus(tx, input.kind, item.id, status);
    recordAudit(tx, {
      actorId: input.actorId,
      action: `${subjectType(input.kind)}.${status}`,
      subjectType: subjectType(input.kind),
      subjectId: item.id,
      before: { status: item.status },
      after: { status, reason: reason || null },
    });
    const { where, link } = place(tx, item, input.kind);
    const what = status === "rejected" ? "non è stato approvato" : "è stato nascosto";
    enqueue(tx, {
      userId: item.authorId,
      kind: `${subjectType(input.kind)}.${status}`,
      subject: `Il tuo ${noun(input.kind)} ${what}`,
      body: `Il tuo ${noun(input.kind)} sulla ${where} ${what} dalla redazione.${reason ? `\n\nMotivo: ${reason}` : ""}\n\nResta visibile a te nella pagina della sezione.`,
      link,
    });
    return { status };
  });
}
