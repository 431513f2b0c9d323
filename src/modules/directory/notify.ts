// Directory and marketplace notices (src/platform/notify.ts sends them): multilingual values are
// rendered into each recipient's language.
import { eq } from 'drizzle-orm';
import { organisationMembers } from '../../db/schema/index.ts';
import type { Tx } from '../../db/client.ts';
import type { Deps } from '../../platform/context.ts';
import { notifyRecipients } from '../../platform/notify.ts';
import { mlText, type Ml } from '../../shared/languages.ts';

export type Notice = {
  kind: string; template: string; link: string;
  data: Record<string, unknown>;
  /** Multilingual values rendered into mail params in each recipient's language. */
  ml?: Record<string, Ml>;
  params?: Record<string, unknown>;
};

export async function notifyUsers(tx: Tx, deps: Pick<Deps, 'clock' | 'config' | 'log'>, userIds: string[], n: Notice) {
  await notifyRecipients(tx, deps, userIds, (r) => ({
    kind: n.kind, link: n.link, template: n.template, data: { ...n.data, ...(n.ml ?? {}) },
    params: { ...n.params, ...Object.fromEntries(Object.entries(n.ml ?? {}).map(([k, v]) => [k, mlText(v, r.lang)])) },
  }));
}

export async function memberIds(tx: Tx, organisationId: string): Promise<string[]> {
  return (await tx.select({ id: organisationMembers.userId }).from(organisationMembers).where(eq(organisationMembers.organisationId, organisationId))).map((r) => r.id);
}
