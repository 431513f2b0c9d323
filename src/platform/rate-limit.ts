// Fixed-window rate limits stored in the database, so every server process shares the counts.
import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../db/client.ts';

export type RateLimitResult = { allowed: boolean; count: number; retryAfterSeconds: number };

/** Counts one hit on `key` and says whether it is within `max` per `windowMs`. Atomic under concurrency. */
export async function hit(db: Tx, key: string, max: number, windowMs: number, now: Date): Promise<RateLimitResult> {
  const windowStartCutoff = new Date(now.getTime() - windowMs);
  const rows = await queryRows<{ count: number; window_start: string | Date }>(db, sql`
    INSERT INTO rate_limits (key, count, window_start) VALUES (${key}, 1, ${now})
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN rate_limits.window_start <= ${windowStartCutoff} THEN 1 ELSE rate_limits.count + 1 END,
      window_start = CASE WHEN rate_limits.window_start <= ${windowStartCutoff} THEN ${now} ELSE rate_limits.window_start END
    RETURNING count, window_start`);
  const row = rows[0];
  const count = Number(row.count);
  const start = new Date(row.window_start).getTime();
  return { allowed: count <= max, count, retryAfterSeconds: Math.max(1, Math.ceil((start + windowMs - now.getTime()) / 1000)) };
}

/** Current count without counting a hit. */
export async function peek(db: Tx, key: string, windowMs: number, now: Date): Promise<number> {
  const [row] = await queryRows<{ count: number; window_start: string | Date }>(db, sql`SELECT count, window_start FROM rate_limits WHERE key = ${key}`);
  if (!row || new Date(row.window_start).getTime() <= now.getTime() - windowMs) return 0;
  return Number(row.count);
}

export async function reset(db: Tx, key: string): Promise<void> {
  await db.execute(sql`DELETE FROM rate_limits WHERE key = ${key}`);
}
