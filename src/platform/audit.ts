// The audit log: every change records who, when, from which IP, what entity and what changed.
// Call it inside the transaction of the change, so the log and the data never disagree.
import { auditLog } from '../db/schema/index.ts';
import type { Tx } from '../db/client.ts';
import type { RequestContext } from './context.ts';

export type AuditEntry = { entityType: string; entityId?: string | null; action: string; changes?: Record<string, unknown> | null };

const SECRET_KEYS = /password|token|secret|hash/i;

/** Drops secrets from a change record before it is stored. */
export function redact(changes: Record<string, unknown> | null | undefined): Record<string, unknown> | null {
  if (!changes) return null;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(changes)) out[k] = SECRET_KEYS.test(k) ? '[redacted]' : v;
  return out;
}

/** Field-by-field difference of two records: { field: { from, to } } for fields that changed. */
export function diff(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, { from: unknown; to: unknown }> {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const k of Object.keys(after)) {
    if (JSON.stringify(before[k]) !== JSON.stringify(after[k])) out[k] = { from: before[k], to: after[k] };
  }
  return out;
}

export async function audit(tx: Tx, ctx: Pick<RequestContext, 'clock' | 'actor' | 'ip' | 'requestId'>, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    at: ctx.clock.now(),
    actorId: ctx.actor?.userId ?? null,
    actorEmail: ctx.actor?.email ?? null,
    ip: ctx.ip ?? null,
    requestId: ctx.requestId ?? null,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    action: entry.action,
    changes: redact(entry.changes),
  });
}
