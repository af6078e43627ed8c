// Which moderation messages a participant wants: published, rejected, sent back, hidden, redacted,
// outcome. No row means "yes" (everything on until they say otherwise). The outbox asks
// `wantsMessage` before recording a message, so every sender respects the choice.
import { and, eq } from "drizzle-orm";
import { db, type Reader } from "~/lib/db.server";
import { notificationPreferences } from "~db/schema";
import { MODERATED_KINDS, NOTIFICATION_CATEGORIES, type NotificationCategory } from "~/domain/moderation/kinds";

const EVENTS: Record<string, NotificationCategory> = {
  published: "published",
  restored: "published",
  rejected: "rejected",
  sent_back: "sent_back",
  hidden: "hidden",
  redacted: "redacted",
  outcome: "outcome",
};

/** The category of an outbox message kind ("contribution.sent_back" → "sent_back"); null for other messages. */
export function categoryOf(messageKind: string): NotificationCategory | null {
  const [subject, event, extra] = messageKind.split(".");
  if (extra !== undefined || !(MODERATED_KINDS as readonly string[]).includes(subject) || !event) return null;
  return EVENTS[event] ?? null;
}

/** False only when the user turned this category off. Messages outside the categories are always wanted. */
export function wantsMessage(handle: Reader, userId: string, messageKind: string): boolean {
  const category = categoryOf(messageKind);
  if (!category) return true;
  const row = handle
    .select({ enabled: notificationPreferences.enabled })
    .from(notificationPreferences)
    .where(and(eq(notificationPreferences.userId, userId), eq(notificationPreferences.kind, category)))
    .get();
  return row?.enabled ?? true;
}

export function preferencesOf(userId: string): Record<NotificationCategory, boolean> {
  const rows = db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, userId)).all();
  const out = Object.fromEntries(NOTIFICATION_CATEGORIES.map((c) => [c, true])) as Record<NotificationCategory, boolean>;
  for (const r of rows) if ((NOTIFICATION_CATEGORIES as readonly string[]).includes(r.kind)) out[r.kind as NotificationCategory] = r.enabled;
  return out;
}

/** Saves the whole choice: the categories listed are on, the others off. */
export function setPreferences(userId: string, enabled: readonly NotificationCategory[]) {
  db.transaction((tx) => {
    for (const kind of NOTIFICATION_CATEGORIES) {
      const value = enabled.includes(kind);
      tx.insert(notificationPreferences)
        .values({ userId, kind, enabled: value })
        .onConflictDoUpdate({ target: [notificationPreferences.userId, notificationPreferences.kind], set: { enabled: value } })
        .run();
    }
  });
}
