// Tells people about something twice: an in-app notification (rendered by the web app in the
// reader's language from kind + data) and a mail in the recipient's language.
import { eq, inArray } from 'drizzle-orm';
import { notifications, organisationMembers, users } from '../../db/schema/index.ts';
import type { Tx } from '../../db/client.ts';
import type { Deps } from '../../platform/context.ts';
import { queueMail } from '../../platform/mail.ts';
import { newId } from '../../platform/tokens.ts';
import { isLang, mlText, type Lang, type Ml } from '../../shared/languages.ts';

export type Notice = {
  kind: string; template: string; link: string;
  data: Record<string, unknown>;
  /** Multilingual values rendered into mail params in each recipient's language. */
  ml?: Record<string, Ml>;
  params?: Record<string, unknown>;
};

export async function notifyUsers(tx: Tx, deps: Pick<Deps, 'clock' | 'config' | 'log'>, userIds: string[], n: Notice) {
  const ids = [...new Set(userIds)];
  if (!ids.length) return;
  const rows = await tx.select({ id: users.id, email: users.email, lang: users.lang, disabledAt: users.disabledAt }).from(users).where(inArray(users.id, ids));
  const now = deps.clock.now();
  for (const u of rows) {
    if (u.disabledAt) continue;
    const lang: Lang = isLang(u.lang) ? u.lang : 'en';
    await tx.insert(notifications).values({ id: newId(), userId: u.id, kind: n.kind, data: { ...n.data, ...(n.ml ?? {}) }, link: n.link, createdAt: now });
    const localized = Object.fromEntries(Object.entries(n.ml ?? {}).map(([k, v]) => [k, mlText(v, lang)]));
    await queueMail(tx, deps, { to: u.email, userId: u.id, lang, template: n.template,
      params: { ...n.params, ...localized, link: `${deps.config.publicUrl}${n.link}` } });
  }
}

export async function memberIds(tx: Tx, organisationId: string): Promise<string[]> {
  return (await tx.select({ id: organisationMembers.userId }).from(organisationMembers).where(eq(organisationMembers.organisationId, organisationId))).map((r) => r.id);
}
