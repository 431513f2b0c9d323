// The matching module on a database: cold build of the per-process index, catch-up refreshes,
// one profile's recommendations through the module (history + settings + presentation), and the
// organisers' strongest-pairs ranking. Synthetic profiles from bench/matching/synthetic.ts.
//   npx tsx bench/matching-product/index-service.ts [--n 2000]
import { parseArgs } from 'node:util';
import { loadavg, cpus } from 'node:os';
import { eq } from 'drizzle-orm';
import { organisations, profiles } from '../../src/db/schema/index.ts';
import { createTestDatabase } from '../../src/testing/test-db.ts';
import { ManualClock } from '../../src/platform/clock.ts';
import { newId } from '../../src/platform/tokens.ts';
import { MatchingIndexService } from '../../src/modules/matching/index-service.ts';
import { profileRecommendations, topPairs } from '../../src/modules/matching/queries.ts';
import type { Actor } from '../../src/platform/context.ts';
import { syntheticProfiles } from '../matching/synthetic.ts';

const { values: args } = parseArgs({ options: { n: { type: 'string', default: '2000' } } });
const n = Number(args.n);
console.log(`machine: ${cpus().length} cores, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} (shared; figures scale with load)`);

const database = await createTestDatabase();
const db = database.db;
const clock = new ManualClock('2026-03-02T08:00:00Z');
const now = clock.now();
// Rows were last changed a day ago (a realistic catch-up window holds only the last minutes' changes).
const dayAgo = new Date(now.getTime() - 86400_000);
const synth = syntheticProfiles(n, 7);
const orgIds = new Map<string, string>();
for (const p of synth) if (!orgIds.has(p.organisationId)) orgIds.set(p.organisationId, newId());
const orgRows = [...orgIds].map(([ext, id]) => ({ id, externalId: ext, name: { en: ext }, country: synth.find((p) => p.organisationId === ext)!.country, type: 'enterprise', createdAt: dayAgo, updatedAt: dayAgo }));
for (let i = 0; i < orgRows.length; i += 500) await db.insert(organisations).values(orgRows.slice(i, i + 500));
const rows = synth.map((p) => ({
  id: newId(), organisationId: orgIds.get(p.organisationId)!, type: p.type, status: 'published' as const, title: p.title, summary: p.summary,
  description: p.description ?? {}, technologyKeywords: p.technologyKeywords ?? [], marketKeywords: p.marketKeywords ?? [],
  areas: p.areas ?? [], subAreas: p.subAreas ?? [], partnershipTypes: p.partnershipTypes ?? [], trl: p.trl ?? null,
  createdAt: dayAgo, updatedAt: dayAgo, expiresAt: new Date(now.getTime() + 365 * 86400_000),
}));
for (let i = 0; i < rows.length; i += 200) await db.insert(profiles).values(rows.slice(i, i + 200));
console.log(`${n} published profiles of ${orgRows.length} organisations inserted`);

const ms = (t: number) => `${(performance.now() - t).toFixed(0)} ms`;
const service = new MatchingIndexService(db);
let t = performance.now();
await service.current();
console.log(`cold build of the index: ${ms(t)}`);
t = performance.now();
for (let i = 0; i < 20; i++) await service.current();
console.log(`catch-up with nothing changed: ${((performance.now() - t) / 20).toFixed(1)} ms per use`);
clock.advance(1000);
for (const r of rows.slice(0, 10)) await db.update(profiles).set({ trl: 7, updatedAt: clock.now() }).where(eq(profiles.id, r.id));
t = performance.now();
await service.current();
console.log(`catch-up after 10 edited profiles: ${ms(t)} (${service.stats.upserts} upserts)`);

const actor: Actor = { userId: newId(), email: 'o@x', name: 'o', roles: ['organiser'], lang: 'ru', timezone: 'UTC', sessionId: 's' };
const deps = { db, clock };
const times: number[] = [];
for (const r of rows.slice(0, 50)) {
  t = performance.now();
  await profileRecommendations(deps, actor, r.id, 10, 'ru');
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
console.log(`GET recommendations (module, 50 profiles): p50 ${times[25].toFixed(1)} ms, p95 ${times[47].toFixed(1)} ms`);
t = performance.now();
const pairs = await topPairs(deps, actor, { limit: 20, offset: 0 }, 'ru');
console.log(`strongest pairs, first call (ranks all ${n} profiles): ${ms(t)}, ${pairs.total} pairs`);
t = performance.now();
await topPairs(deps, actor, { limit: 20, offset: 20 }, 'ru');
console.log(`strongest pairs, next page (cached ranking): ${ms(t)}`);
await database.close();
