// Amendments to the sections of a draft and the section page (docs/decisions/0007): a replacement
// text proposed while the consultation is open, moderated like everything else (moderation/
// decide.server.ts); the page shows the section with its comments (the comments capability's,
// mounted by the route) and every amendment made on the stable section in any version.
import { and, asc, count, eq, inArray, or } from "drizzle-orm";
import { diffWords } from "diff";
import { db } from "~/lib/db.server";
import { renderMarkdown } from "~/lib/markdown.server";
import { can } from "~/domain/accounts/permissions";
import { isApprovedMember } from "~/domain/accounts/organizations.server";
import { displayName } from "~/domain/accounts/users.server";
import { latestEntryIds, recordAudit } from "~/domain/audit/audit.server";
import { publishedCommentCounts } from "~/domain/comments/comments.server";
import type { MessageKey } from "~/i18n";
import { amendments, draftSectionTexts, draftVersions, organizations, outcomes, strategies, users, type ParticipationStatus, type Role } from "~db/schema";
import { MAX_AMENDMENT_LENGTH, MAX_RATIONALE_LENGTH, type AmendmentView, type DiffPart } from "./participation";
import { moderationModeFor, openSection, ParticipationError, participationWindow, sectionTextOf, versionOf } from "./window.server";

export { ParticipationError, participationWindow, moderationModeFor };
export type { ParticipationWindow } from "./window.server";

export type Viewer = { id: string; role: Role } | null;

function cleanText(text: string, max: number, tooLong: MessageKey) {
  const value = text.replace(/\r\n?/g, "\n").trim();
  if (!value) throw new ParticipationError("participation.error.empty", 400, { field: "proposedText" });
  if (value.length > max) throw new ParticipationError(tooLong, 400, { field: "proposedText" });
  return value;
}

// ---------------------------------------------------------------------------------------------
// Writing: amendments

export type NewAmendment = {
  actor: { id: string; role: Role };
  versionId: number;
  sectionId: number;
  proposedText: string;
  rationale?: string | null;
  organizationId?: number | null;
  now?: Date;
};

const normalizeForCompare = (s: string) => s.replace(/\r\n?/g, "\n").trim();

/** A replacement text for the section, which must differ from the current one; rationale optional. */
export async function proposeAmendment(input: NewAmendment): Promise<{ id: number; status: ParticipationStatus }> {
  const now = input.now ?? new Date();
  if (!can(input.actor, "amendment.create")) throw new ParticipationError("errors.403", 403);
  const proposedText = cleanText(input.proposedText, MAX_AMENDMENT_LENGTH, "participation.error.textTooLong");
  const rationale = (input.rationale ?? "").replace(/\r\n?/g, "\n").trim();
  if (rationale.length > MAX_RATIONALE_LENGTH) throw new ParticipationError("participation.error.textTooLong", 400, { field: "rationale" });
  const organizationId = input.organizationId ?? null;
  if (organizationId != null && !(await isApprovedMember(input.actor.id, organizationId))) throw new ParticipationError("participation.error.notMember", 403, { field: "organizationId" });
  return db.transaction(
    (tx) => {
      const { version, text, mode } = openSection(input.versionId, input.sectionId, now, tx);
      if (proposedText === normalizeForCompare(text.body)) throw new ParticipationError("participation.error.sameText", 400, { field: "proposedText" });
      const status: ParticipationStatus = mode === "post" ? "published" : "pending";
      const row = tx
        .insert(amendments)
        .values({ sectionId: input.sectionId, versionId: version.id, authorId: input.actor.id, organizationId, proposedText, rationale, status, createdAt: now })
        .returning({ id: amendments.id })
        .get();
      return { id: row.id, status };
    },
    { behavior: "immediate" },
  );
}

/**
 * The author withdraws an amendment (any time): it leaves the public page, the row stays for the
 * record. On a section page, an amendment of another section is "not found".
 */
export function withdrawAmendment(input: { actor: { id: string; role: Role }; amendmentId: number; sectionId?: number; now?: Date }) {
  const now = input.now ?? new Date();
  return db.transaction(
    (tx) => {
      const amendment = tx.select().from(amendments).where(eq(amendments.id, input.amendmentId)).get();
      if (!amendment || (input.sectionId !== undefined && amendment.sectionId !== input.sectionId)) throw new ParticipationError("participation.error.notFound", 404);
      if (!can(input.actor, "amendment.withdraw", { ownerId: amendment.authorId })) throw new ParticipationError("participation.error.notAuthor", 403);
      if (amendment.status === "withdrawn") throw new ParticipationError("participation.error.alreadyWithdrawn", 409);
      tx.update(amendments).set({ status: "withdrawn", withdrawnAt: now }).where(eq(amendments.id, amendment.id)).run();
      recordAudit(tx, {
        actorId: input.actor.id,
        action: "amendment.withdrawn",
        subjectType: "amendment",
        subjectId: amendment.id,
        before: { status: amendment.status },
        after: { status: "withdrawn" },
      });
      return { id: amendment.id };
    },
    { behavior: "immediate" },
  );
}

// ---------------------------------------------------------------------------------------------
// Reading: the section page

/** Word-level differences between two texts, as plain text parts (rendered as text, never as HTML). */
export function amendmentDiff(original: string, proposed: string): DiffPart[] {
  return diffWords(normalizeForCompare(original), normalizeForCompare(proposed)).map((c) => ({
    kind: c.added ? "added" : c.removed ? "removed" : "same",
    text: c.value,
  }));
}

export type SectionPage = NonNullable<Awaited<ReturnType<typeof getSectionPage>>>;

/**
 * Everything the section page shows but its comments (the route mounts the comments capability's
 * thread): the section in the given version, and every amendment made on the (stable) section in
 * any version, labelled with that version. The public sees what is published; the author also sees
 * their own with its status; moderators see all. Null when the version/section does not exist, or
 * the version is an internal draft and the viewer may not see drafts.
 */
export async function getSectionPage(input: { strategyCode: string; versionId: number; sectionId: number; viewer: Viewer; now?: Date }) {
  const now = input.now ?? new Date();
  const viewer = input.viewer;
  const seesAll = can(viewer, "participation.readUnpublished", { ownerId: null });
  const version = versionOf(input.versionId);
  if (!version || version.strategyCode !== input.strategyCode) return null;
  if (version.status === "bozza" && !can(viewer, "draft.manage")) return null;
  const text = sectionTextOf(version.id, input.sectionId);
  const strategy = db.select().from(strategies).where(eq(strategies.code, version.strategyCode)).get();
  if (!text || !strategy) return null;

  const toc = db
    .select({ sectionId: draftSectionTexts.sectionId, number: draftSectionTexts.number, title: draftSectionTexts.title })
    .from(draftSectionTexts)
    .where(eq(draftSectionTexts.versionId, version.id))
    .orderBy(asc(draftSectionTexts.position))
    .all();
  const at = toc.findIndex((s) => s.sectionId === text.sectionId);

  // What this viewer may see: published for everyone, plus their own; moderators everything.
  const amendmentScope = seesAll
    ? eq(amendments.sectionId, text.sectionId)
    : and(eq(amendments.sectionId, text.sectionId), viewer ? or(eq(amendments.status, "published"), eq(amendments.authorId, viewer.id)) : eq(amendments.status, "published"));
  const amendmentRows = db
    .select({ a: amendments, versionLabel: draftVersions.label, authorName: users.name, authorDeletedAt: users.deletedAt, organizationName: organizations.name })
    .from(amendments)
    .innerJoin(draftVersions, eq(draftVersions.id, amendments.versionId))
    .innerJoin(users, eq(users.id, amendments.authorId))
    .leftJoin(organizations, eq(organizations.id, amendments.organizationId))
    .where(amendmentScope)
    .orderBy(asc(amendments.createdAt), asc(amendments.id))
    .all();
  const versionTexts = db
    .select({ versionId: draftSectionTexts.versionId, body: draftSectionTexts.body })
    .from(draftSectionTexts)
    .where(eq(draftSectionTexts.sectionId, text.sectionId))
    .all();
  const mode = moderationModeFor(version.strategyCode);
  const window = participationWindow(version, now);

  const originalText = new Map(versionTexts.map((v) => [v.versionId, v.body]));
  // The answers given to these amendments, read in one query (outcomes are written by moderation).
  const amendmentIds = amendmentRows.map((r) => r.a.id);
  const outcomeRows = amendmentIds.length
    ? db
        .select({ itemId: outcomes.itemId, outcome: outcomes.outcome, response: outcomes.response, decidedAt: outcomes.decidedAt })
        .from(outcomes)
        .where(and(eq(outcomes.itemKind, "amendment"), inArray(outcomes.itemId, amendmentIds)))
        .all()
    : [];
  const outcomeOf = new Map(outcomeRows.map((o) => [o.itemId, o]));
  const revisions = can(viewer, "moderation.decide") ? latestEntryIds(db, "amendment", amendmentIds) : null;
  const amendmentViews: AmendmentView[] = amendmentRows
    .filter((r) => r.a.status !== "withdrawn" || can(viewer, "participation.readUnpublished", { ownerId: r.a.authorId }))
    .map((r) => {
      const a = r.a;
      const mine = viewer?.id === a.authorId;
      const o = outcomeOf.get(a.id);
      return {
        id: a.id,
        versionId: a.versionId,
        versionLabel: r.versionLabel,
        authorName: displayName({ name: r.authorName, deletedAt: r.authorDeletedAt }),
        organizationName: r.organizationName,
        proposedText: a.proposedText,
        rationaleHtml: renderMarkdown(a.rationale),
        diff: amendmentDiff(originalText.get(a.versionId) ?? "", a.proposedText),
        status: a.status,
        createdAt: a.createdAt.toISOString(),
        mine,
        canWithdraw: mine && a.status !== "withdrawn" && a.status !== "rejected" && a.status !== "hidden",
        revision: revisions ? (revisions.get(String(a.id)) ?? 0) : null,
        outcome: o ? { decision: o.outcome, responseHtml: renderMarkdown(o.response), decidedAt: o.decidedAt.toISOString() } : null,
      };
    });

  return {
    strategy: { code: strategy.code, number: strategy.number, title: strategy.title },
    version: {
      id: version.id,
      label: version.label,
      status: version.status,
      commentsOpenFrom: version.commentsOpenFrom?.toISOString() ?? null,
      commentsOpenUntil: version.commentsOpenUntil?.toISOString() ?? null,
    },
    section: { sectionId: text.sectionId, number: text.number, title: text.title, body: text.body, bodyHtml: renderMarkdown(text.body) },
    previous: at > 0 ? toc[at - 1] : null,
    next: at >= 0 && at < toc.length - 1 ? toc[at + 1] : null,
    window: window.open ? { open: true as const, reason: null } : { open: false as const, reason: window.reason },
    moderationMode: mode,
    amendments: amendmentViews,
  };
}

// ---------------------------------------------------------------------------------------------
// Counts for the table of contents

/**
 * Published comments and amendments per section of a version (for the table of contents).
 * Counts everything published on the section, whichever version it was made on; comments
 * deleted by their author are not counted.
 */
export async function participationCounts(versionId: number): Promise<Record<number, { comments: number; amendments: number }>> {
  const sections = db.select({ sectionId: draftSectionTexts.sectionId }).from(draftSectionTexts).where(eq(draftSectionTexts.versionId, versionId)).all();
  const ids = sections.map((s) => s.sectionId);
  const result: Record<number, { comments: number; amendments: number }> = {};
  for (const id of ids) result[id] = { comments: 0, amendments: 0 };
  if (ids.length === 0) return result;
  const comments = publishedCommentCounts("section", ids);
  const a = db
    .select({ sectionId: amendments.sectionId, n: count() })
    .from(amendments)
    .where(and(inArray(amendments.sectionId, ids), eq(amendments.status, "published")))
    .groupBy(amendments.sectionId)
    .all();
  for (const [sectionId, n] of comments) result[sectionId].comments = n;
  for (const r of a) result[r.sectionId].amendments = r.n;
  return result;
}
