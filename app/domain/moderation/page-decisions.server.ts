// The approve / reject buttons that staff find next to an item on a public page (a comment under a
// contribution, a comment or an amendment on a section). They are the same decisions as the queue's
// and go through the same path (decide.server.ts): the reported-item rule, the revision the
// moderator saw, the audit entry and the author's message. The page says which subject it shows:
// an item of another page is "not found", before anything is written.
import { z } from "zod";
import type { ModeratedKind } from "~db/schema";
import { decide } from "./decide.server";

const id = z.coerce.number().int().positive().max(2 ** 31);
const revision = z.preprocess((v) => (v === "" || v == null ? undefined : v), z.coerce.number().int().min(0).max(2 ** 53).optional());

/** What a page calls the items it shows (the form's `kind`). */
export const PAGE_ITEM_KINDS = ["comment", "amendment"] as const;
export type PageItemKind = (typeof PAGE_ITEM_KINDS)[number];

export const pageDecisionIntent = z.object({
  intent: z.enum(["approve", "reject"]),
  kind: z.enum(PAGE_ITEM_KINDS),
  itemId: id,
  reason: z.string().max(1000).optional().default(""),
  revision,
});

export type PageDecision = z.infer<typeof pageDecisionIntent>;

export const isPageDecision = (input: { intent: string }): input is PageDecision => input.intent === "approve" || input.intent === "reject";

/** The form id of an item's moderation buttons, where a refusal is shown. */
export const pageDecisionFormId = (kind: string, itemId: string | number) => `moderate-${kind}-${itemId}`;

export function decideOnPage(input: PageDecision, actorId: string, page: { subject: { kind: "contribution" | "section"; id: number }; kinds: Partial<Record<PageItemKind, ModeratedKind>> }) {
  const kind = page.kinds[input.kind];
  if (!kind) return { found: false as const };
  decide({
    actorId,
    item: { kind, id: input.itemId },
    decision: input.intent === "approve" ? "publish" : "reject",
    reason: { text: input.reason },
    seen: input.revision,
    within: page.subject,
  });
  return { found: true as const };
}
