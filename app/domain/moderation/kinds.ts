// The vocabulary of moderation shared by the server and the pages (no server imports: browser-safe).
import { MODERATED_KINDS, type ModeratedKind } from "~db/schema/enums";

export { MODERATED_KINDS, type ModeratedKind };

/** The kind of an item in the URL of its moderation page: /gestione/moderazione/:slug/:id. */
export const KIND_SLUGS: Record<ModeratedKind, string> = {
  contribution: "contributo",
  contribution_comment: "commento",
  section_comment: "commento-sezione",
  amendment: "emendamento",
};

export function kindOfSlug(slug: string | undefined): ModeratedKind | null {
  const found = (Object.entries(KIND_SLUGS) as [ModeratedKind, string][]).find(([, s]) => s === slug);
  return found ? found[0] : null;
}

export const itemPath = (kind: ModeratedKind, id: number) => `/gestione/moderazione/${KIND_SLUGS[kind]}/${id}`;

/** Why staff reject an item; the label goes to the author with the free text. */
export const REJECT_REASONS = ["spam", "offensive", "off_topic", "personal_data", "duplicate", "other"] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

/** Italian labels used in the messages to authors (the outbox is written in Italian). */
export const REJECT_REASON_LABELS: Record<RejectReason, string> = {
  spam: "Spam",
  offensive: "Linguaggio offensivo",
  off_topic: "Fuori tema",
  personal_data: "Dati personali",
  duplicate: "Duplicato",
  other: "Altro",
};

/** Where an item stands in the queue. */
export const QUEUE_STATES = ["pending", "flagged", "review"] as const;
export type QueueState = (typeof QUEUE_STATES)[number];

/** The age filter of the queue: waiting for more than N days. */
export const AGE_FILTERS = ["1", "3", "7", "30"] as const;

/** What a participant may choose to be told about (notification_preferences.kind). */
export const NOTIFICATION_CATEGORIES = ["published", "rejected", "sent_back", "hidden", "redacted", "outcome"] as const;
export type NotificationCategory = (typeof NOTIFICATION_CATEGORIES)[number];

/** The text that replaces a redacted passage. */
export const REDACTION_PLACEHOLDER = "[testo rimosso dalla moderazione: dati personali]";

export const QUEUE_PAGE_SIZE = 50;
export const AUDIT_PAGE_SIZE = 50;
/** A bulk action acts on at most this many items at once. */
export const BULK_MAX = 1000;

/** The longest reasoned response (controdeduzione) staff may write. */
export const MAX_RESPONSE_LENGTH = 20_000;
/** The workload view counts staff decisions over this many days. */
export const WORKLOAD_DAYS = 30;
