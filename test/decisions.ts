// The moderation decisions in the words the tests use (publish, reject, send back…): each one is
// a call of the one decision path, moderation/decide.server.ts.
import { decide, decideMany, type ItemRef } from "~/domain/moderation/decide.server";
import type { RejectReason } from "~/domain/moderation/kinds";

type Base = { actorId: string; item: ItemRef; seen?: number; now?: Date };

export const publish = (i: Base) => decide({ ...i, decision: "publish" });

export const reject = (i: Base & { decision: { reason: RejectReason; text?: string | null } }) =>
  decide({ actorId: i.actorId, item: i.item, seen: i.seen, now: i.now, decision: "reject", reason: { code: i.decision.reason, text: i.decision.text } });

export const sendBack = (i: { actorId: string; contributionId: number; message: string; now?: Date }) =>
  decide({ actorId: i.actorId, item: { kind: "contribution", id: i.contributionId }, decision: "send_back", reason: { text: i.message }, now: i.now });

export const restoreItem = (i: Base & { reason: string }) => decide({ actorId: i.actorId, item: i.item, now: i.now, decision: "restore", reason: { text: i.reason } });

export const hideForGood = (i: Base & { reason: string }) => decide({ actorId: i.actorId, item: i.item, now: i.now, decision: "hide_for_good", reason: { text: i.reason } });

export const bulkModerate = (i: { actorId: string; action: "publish" | "reject"; items: ItemRef[]; decision?: { reason: RejectReason; text?: string }; now?: Date }) =>
  decideMany({ actorId: i.actorId, decision: i.action, items: i.items.map((ref) => ({ ref })), reason: i.decision ? { code: i.decision.reason, text: i.decision.text } : undefined, now: i.now });
