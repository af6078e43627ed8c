import { and, count, desc, eq, isNull, lt } from "drizzle-orm";
import nodemailer, { type Transporter } from "nodemailer";
import { db, type Tx } from "~/lib/db.server";
import { env, publicUrl } from "~/lib/env.server";
import { outbox, users } from "~db/schema";
import { wantsMessage } from "./preferences.server";

export type Message = {
  userId: string;
  kind: string;
  subject: string;
  body: string;
  /** Site-relative link to what the message is about, e.g. "/incontri/12". */
  link?: string | null;
};

/**
 * Records a message in the outbox inside the caller's transaction (so it exists exactly when
 * the change it announces does). Delivery happens afterwards: `deliverPending()`.
 */
export function enqueue(tx: Tx, message: Message) {
  const user = tx.select({ email: users.email, deletedAt: users.deletedAt }).from(users).where(eq(users.id, message.userId)).get();
  if (!user || user.deletedAt) return;
  if (!wantsMessage(tx, message.userId, message.kind)) return; // the participant turned this kind off (/account/notifiche)
  tx.insert(outbox)
    .values({
      userId: message.userId,
      toAddress: user.email,
      kind: message.kind,
      subject: message.subject,
      body: message.body,
      link: message.link ?? null,
    })
    .run();
}

let transporter: Transporter | null | undefined;
function mailer() {
  if (transporter === undefined) transporter = env.SMTP_URL ? nodemailer.createTransport(env.SMTP_URL) : null;
  return transporter;
}

const MAX_ATTEMPTS = 5;
let delivering: Promise<number> | null = null;

/**
 * Sends what is waiting in the outbox when SMTP is configured (SMTP_URL); otherwise the
 * messages stay readable in the app only. Never throws: failures are recorded per message.
 */
export function deliverPending(): Promise<number> {
  const transport = mailer();
  if (!transport) return Promise.resolve(0);
  delivering ??= (async () => {
    let sent = 0;
    try {
      const pending = await db
        .select()
        .from(outbox)
        .where(and(isNull(outbox.sentAt), lt(outbox.attempts, MAX_ATTEMPTS)))
        .orderBy(outbox.id)
        .limit(100)
        .all();
      for (const m of pending) {
        if (!m.toAddress) continue;
        try {
          await transport.sendMail({
            from: env.MAIL_FROM,
            to: m.toAddress,
            subject: m.subject,
            text: m.link ? `${m.body}\n\n${publicUrl()}${m.link}` : m.body,
          });
          await db.update(outbox).set({ sentAt: new Date(), attempts: m.attempts + 1, lastError: null }).where(eq(outbox.id, m.id)).run();
          sent++;
        } catch (error) {
          await db
            .update(outbox)
            .set({ attempts: m.attempts + 1, lastError: String((error as Error).message ?? error).slice(0, 500) })
            .where(eq(outbox.id, m.id))
            .run();
        }
      }
    } finally {
      delivering = null;
    }
    return sent;
  })();
  return delivering;
}

/** Fire-and-forget delivery after a change that queued messages. */
export function deliverSoon() {
  void deliverPending().catch((error) => console.error("outbox delivery failed", error));
}

const PAGE_SIZE = 50;

export async function listOutbox(opts: { page?: number; userId?: string } = {}) {
  const page = Math.max(1, opts.page ?? 1);
  const where = opts.userId ? eq(outbox.userId, opts.userId) : undefined;
  const [rows, total] = await Promise.all([
    db.select().from(outbox).where(where).orderBy(desc(outbox.id)).limit(PAGE_SIZE).offset((page - 1) * PAGE_SIZE).all(),
    db.select({ n: count() }).from(outbox).where(where).get(),
  ]);
  return { rows, page, pages: Math.max(1, Math.ceil((total?.n ?? 0) / PAGE_SIZE)), total: total?.n ?? 0, smtp: Boolean(env.SMTP_URL) };
}

export async function messagesFor(userId: string, limit = 20) {
  return db.select().from(outbox).where(eq(outbox.userId, userId)).orderBy(desc(outbox.id)).limit(limit).all();
}
