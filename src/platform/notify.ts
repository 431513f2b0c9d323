// Tells people about something twice: an in-app notification (rendered by the web app in the reader's
// language from kind + data) and a mail, each in the recipient's language and time zone. Disabled
// accounts get neither. Runs inside the caller's transaction, so a rolled-back change tells nobody.
import { inArray } from 'drizzle-orm';
import { notifications, users } from '../db/schema/index.ts';
import type { Tx } from '../db/client.ts';
import type { Deps } from './context.ts';
import { queueMail } from './mail.ts';
import { newId } from './tokens.ts';
import { isLang, type Lang } from '../shared/languages.ts';

export type Recipient = { id: string; email: string; lang: Lang; timezone: string };
export type Message = { kind: string; link: string; data: Record<string, unknown>; template: string; params: Record<string, unknown> };

/** `compose` writes each recipient's notice and mail (in their language and zone). Returns how many were told. */
export async function notifyRecipients(tx: Tx, deps: Pick<Deps, 'clock' | 'config' | 'log'>, userIds: string[], compose: (r: Recipient) => Message): Promise<number> {
  const ids = [...new Set(userIds)];
  if (!ids.length) return 0;
  let told = 0;
  const rows = await tx.select({ id: users.id, email: users.email, lang: users.lang, timezone: users.timezone, disabledAt: users.disabledAt })
    .from(users).where(inArray(users.id, ids));
  const now = deps.clock.now();
  for (const u of rows) {
    if (u.disabledAt) continue;
    const r: Recipient = { id: u.id, email: u.email, lang: isLang(u.lang) ? u.lang : 'en', timezone: u.timezone };
    const m = compose(r);
    await tx.insert(notifications).values({ id: newId(), userId: u.id, kind: m.kind, data: m.data, link: m.link, createdAt: now });
    await queueMail(tx, deps, { to: u.email, userId: u.id, lang: r.lang, template: m.template, params: { ...m.params, link: `${deps.config.publicUrl}${m.link}` } });
    told++;
  }
  return told;
}
