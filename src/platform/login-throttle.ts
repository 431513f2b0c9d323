// Login throttling after OWASP ASVS 2.2.1: only failures count, and instead of a hard lock each failure
// beyond a free allowance doubles the wait before the next attempt (per account and per client IP).
// Counters live in `rate_limits` (shared by all processes): `count` = failures since the last quiet
// period, `window_start` = time of the latest failure; a quiet window forgets them.
import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../db/client.ts';

export type ThrottleRule = { free: number; maxDelayMs: number; forgetAfterMs: number };

/** Wait required after `failures` failures: none within the allowance, then 1 s, 2 s, 4 s… up to the cap. Pure. */
export function delayAfter(failures: number, rule: Pick<ThrottleRule, 'free' | 'maxDelayMs'>): number {
  if (failures < rule.free) return 0;
  const exp = Math.min(failures - rule.free, 30);
  return Math.min(rule.maxDelayMs, 1000 * 2 ** exp);
}

/** Milliseconds the caller must still wait before trying `key` again (0 = may try now). */
export async function waitFor(db: Tx, key: string, rule: ThrottleRule, now: Date): Promise<number> {
  const [row] = await queryRows<{ count: number; window_start: string | Date }>(db, sql`SELECT count, window_start FROM rate_limits WHERE key = ${key}`);
  if (!row) return 0;
  const last = new Date(row.window_start).getTime();
  if (last <= now.getTime() - rule.forgetAfterMs) return 0;
  return Math.max(0, last + delayAfter(Number(row.count), rule) - now.getTime());
}

/** Counts one failure on `key` (atomic under concurrency). */
export async function recordFailure(db: Tx, key: string, rule: ThrottleRule, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - rule.forgetAfterMs);
  const [row] = await queryRows<{ count: number }>(db, sql`
    INSERT INTO rate_limits (key, count, window_start) VALUES (${key}, 1, ${now})
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN rate_limits.window_start <= ${cutoff} THEN 1 ELSE rate_limits.count + 1 END,
      window_start = ${now}
    RETURNING count`);
  return Number(row.count);
}

export async function clearFailures(db: Tx, key: string): Promise<void> {
  await db.execute(sql`DELETE FROM rate_limits WHERE key = ${key}`);
}
