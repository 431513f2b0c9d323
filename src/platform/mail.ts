// Mail goes into the transactional outbox (table mail_outbox) with the change that causes it.
// A job delivers pending mail through SMTP when SMTP_URL is set; otherwise mail is "kept":
// administrators read it in the UI, the dev log prints it, and tests read it from the table.
import nodemailer from 'nodemailer';
import { and, eq, inArray, sql } from 'drizzle-orm';
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

/** Sends pending mail (oldest first). Safe with several processes: rows are claimed with SKIP LOCKED. */
export async function deliverPendingMail(deps: Pick<Deps, 'db' | 'clock' | 'config' | 'log'>, batch = 20): Promise<number> {
  if (!deps.config.SMTP_URL) return 0;
  transport ??= nodemailer.createTransport(deps.config.SMTP_URL);
  let sent = 0;
  await deps.db.transaction(async (tx) => {
    const rows = await tx.select().from(mailOutbox)
      .where(and(eq(mailOutbox.status, 'pending'), sql`${mailOutbox.attempts} < 5`))
      .orderBy(mailOutbox.createdAt).limit(batch).for('update', { skipLocked: true });
    for (const row of rows) {
      try {
        await transport!.sendMail({ from: deps.config.MAIL_FROM, to: row.toEmail, subject: row.subject, text: row.text });
        await tx.update(mailOutbox).set({ status: 'sent', sentAt: deps.clock.now(), attempts: row.attempts + 1 }).where(eq(mailOutbox.id, row.id));
        sent++;
      } catch (e) {
        const failed = row.attempts + 1 >= 5;
        await tx.update(mailOutbox).set({ status: failed ? 'failed' : 'pending', attempts: row.attempts + 1, lastError: String((e as Error).message).slice(0, 500) })
          .where(eq(mailOutbox.id, row.id));
        deps.log.warn({ err: e, mailId: row.id }, 'mail delivery failed');
      }
    }
  });
  return sent;
}

export async function outboxFor(db: Tx, email: string) {
  return db.select().from(mailOutbox).where(inArray(sql`lower(${mailOutbox.toEmail})`, [email.toLowerCase()])).orderBy(mailOutbox.createdAt);
}
