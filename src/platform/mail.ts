// Mail goes into the transactional outbox (table mail_outbox) with the change that causes it.
// A job delivers pending mail through SMTP when SMTP_URL is set; otherwise mail is "kept":
// administrators read it in the UI, the dev log prints it, and tests read it from the table.
import nodemailer from 'nodemailer';
import { and, eq, inArray, lt, or, sql } from 'drizzle-orm';
import { mailOutbox } from '../db/schema/index.ts';
import type { Tx } from '../db/client.ts';
import type { Lang } from '../shared/languages.ts';
import type { Deps } from './context.ts';
import { t } from './i18n.ts';
import { newId } from './tokens.ts';

export type MailRequest = { to: string; userId?: string | null; lang: Lang; template: string; params?: Record<string, unknown> };

/** Renders `mail:<template>.subject` / `.body` in the recipient's language and queues it. Returns the outbox id. */
export async function queueMail(tx: Tx, deps: Pick<Deps, 'clock' | 'config' | 'log'>, m: MailRequest): Promise<string> {
  const params = { appUrl: deps.config.publicUrl, ...m.params };
  const subject = t(m.lang, `mail:${m.template}.subject`, params);
  const text = t(m.lang, `mail:${m.template}.body`, params) + '\n\n' + t(m.lang, 'mail:footer', params);
  const id = newId();
  const status = deps.config.SMTP_URL ? 'pending' : 'kept';
  await tx.insert(mailOutbox).values({
    id, toEmail: m.to, toUserId: m.userId ?? null, lang: m.lang, template: m.template, subject, text, status, createdAt: deps.clock.now(),
  });
  if (status === 'kept') deps.log.info({ mail: { to: m.to, subject, text } }, 'mail kept in outbox (no SMTP_URL)');
  return id;
}

let transport: ReturnType<typeof nodemailer.createTransport> | null = null;

/** How long a worker owns a message it is sending; a crashed worker's message is sent again after this. */
export const MAIL_LEASE_MS = 2 * 60_000;
const MAX_ATTEMPTS = 5;

/**
 * Sends pending mail, oldest first, one message at a time: each is first marked `sending` with a lease
 * in its own committed transaction, then handed to SMTP, then marked `sent`. A crash therefore leaves at
 * most the one in-flight message of a worker un-marked, and it is sent again once its lease expires:
 * delivery is at-least-once with at most one duplicate per crash (SMTP offers no way to ask whether a
 * message was accepted before the connection died). Several processes share the queue (SKIP LOCKED).
 */
export async function deliverPendingMail(deps: Pick<Deps, 'db' | 'clock' | 'config' | 'log'>, batch = 20,
  send?: (m: { from: string; to: string; subject: string; text: string }) => Promise<unknown>): Promise<number> {
  if (!deps.config.SMTP_URL && !send) return 0;
  transport ??= deps.config.SMTP_URL ? nodemailer.createTransport(deps.config.SMTP_URL) : null;
  const deliver = send ?? ((m) => transport!.sendMail(m));
  let sent = 0;
  for (let i = 0; i < batch; i++) {
    const now = deps.clock.now();
    const [row] = await deps.db.transaction(async (tx) => {
      const [r] = await tx.select().from(mailOutbox)
        .where(and(sql`${mailOutbox.attempts} < ${MAX_ATTEMPTS}`,
          or(eq(mailOutbox.status, 'pending'), and(eq(mailOutbox.status, 'sending'), lt(mailOutbox.leaseUntil, now)))))
        .orderBy(mailOutbox.createdAt).limit(1).for('update', { skipLocked: true });
      if (!r) return [];
      await tx.update(mailOutbox).set({ status: 'sending', leaseUntil: new Date(now.getTime() + MAIL_LEASE_MS), attempts: r.attempts + 1 })
        .where(eq(mailOutbox.id, r.id));
      return [r];
    });
    if (!row) break;
    try {
      await deliver({ from: deps.config.MAIL_FROM, to: row.toEmail, subject: row.subject, text: row.text });
      await deps.db.update(mailOutbox).set({ status: 'sent', sentAt: deps.clock.now(), leaseUntil: null }).where(eq(mailOutbox.id, row.id));
      sent++;
    } catch (e) {
      const failed = row.attempts + 1 >= MAX_ATTEMPTS;
      await deps.db.update(mailOutbox).set({ status: failed ? 'failed' : 'pending', leaseUntil: null, lastError: String((e as Error).message).slice(0, 500) })
        .where(eq(mailOutbox.id, row.id));
      deps.log.warn({ err: e, mailId: row.id }, 'mail delivery failed');
    }
  }
  return sent;
}

export async function outboxFor(db: Tx, email: string) {
  return db.select().from(mailOutbox).where(inArray(sql`lower(${mailOutbox.toEmail})`, [email.toLowerCase()])).orderBy(mailOutbox.createdAt);
}
