// The console's own costs on a large event (not the engine's search): export from the database, a run through the
// worker thread, and the one-transaction apply with occupancy rows and notifications. Prints figures.
//   node --import tsx bench/scheduling/console.ts [participants=400] [meetings=2000] [timeLimitSeconds=10]
import { createTestApp } from '../../src/testing/test-app.ts';
import { eq } from 'drizzle-orm';
import { events, eventSessions, eventSlots, eventRegistrations, meetings, meetingParticipants, taskRuns, users } from '../../src/db/schema/index.ts';
import { newId } from '../../src/platform/tokens.ts';
import { systemContext } from '../../src/platform/context.ts';
import { buildExport } from '../../src/modules/scheduling/queries.ts';
import { applyRun } from '../../src/modules/scheduling/commands.ts';
import { fingerprint } from '../../src/modules/scheduling/proposal.ts';
import { solveInWorker } from '../../src/modules/scheduling/runner.ts';
import { startTaskRun } from '../../src/platform/task-runs.ts';
import { loadEvent } from '../../src/modules/events/events.ts';
import { Rng } from '../../src/engines/scheduler/rng.ts';

const [P = 400, M = 2000, LIMIT = 10] = process.argv.slice(2).map(Number);
const t = await createTestApp();
const db = t.deps.db;
const now = t.clock.now();
const rng = new Rng(7);
const chunk = async <T>(rows: T[], f: (r: T[]) => Promise<unknown>) => { for (let i = 0; i < rows.length; i += 500) await f(rows.slice(i, i + 500)); };

const eventId = newId();
await db.insert(events).values({ id: eventId, slug: 'bench-console', title: { en: 'Bench' }, format: 'onsite', timezone: 'Europe/Minsk', status: 'published',
  startsAt: new Date('2026-04-15T06:00:00Z'), endsAt: new Date('2026-04-17T15:00:00Z'), bookingMode: 'organiser', createdAt: now, updatedAt: now });
const slots: { id: string }[] = [];
for (let day = 0; day < 2; day++) {
  for (const [h, tables] of [[6, 60], [10, 40]] as const) {
    const blockId = newId();
    const start = new Date(Date.UTC(2026, 3, 15 + day, h));
    await db.insert(eventSessions).values({ id: blockId, eventId, kind: 'meeting_block', title: { en: 'Meetings' }, startsAt: start, endsAt: new Date(start.getTime() + 3 * 3600_000),
      slotMinutes: 30, pauseMinutes: 0, tables, createdAt: now });
    for (let k = 0; k < 6; k++) {
      const id = newId();
      slots.push({ id });
      await db.insert(eventSlots).values({ id, eventId, sessionId: blockId, seq: k, startsAt: new Date(start.getTime() + k * 1800_000), endsAt: new Date(start.getTime() + (k + 1) * 1800_000) });
    }
  }
}
const people = Array.from({ length: P }, (_, i) => ({ id: newId(), email: `b${i}@bench.test`, passwordHash: 'x', name: `Bench ${i}`, country: i % 2 ? 'CN' : 'BY', lang: 'en',
  timezone: i % 2 ? 'Asia/Shanghai' : 'Europe/Minsk', createdAt: now, updatedAt: now }));
await chunk(people, (r) => db.insert(users).values(r));
await chunk(people.map((u) => ({ id: newId(), eventId, userId: u.id, status: 'approved', languages: ['en'], createdAt: now })), (r) => db.insert(eventRegistrations).values(r));
const ms: (typeof meetings.$inferInsert)[] = [];
const mps: (typeof meetingParticipants.$inferInsert)[] = [];
const pairs = new Set<string>();
while (ms.length < M) {
  const a = rng.int(P); const b = rng.int(P);
  if (a === b || pairs.has(`${a}-${b}`)) continue;
  pairs.add(`${a}-${b}`); pairs.add(`${b}-${a}`);
  const id = newId();
  ms.push({ id, eventId, requestedBy: people[a].id, kind: 'bilateral', priority: rng.int(4) === 0 ? 'must' : 'would', status: 'accepted', createdAt: now, updatedAt: now });
  mps.push({ meetingId: id, userId: people[a].id, isRequester: true, response: 'accepted' }, { meetingId: id, userId: people[b].id, isRequester: false, response: 'accepted' });
}
await chunk(ms, (r) => db.insert(meetings).values(r));
await chunk(mps, (r) => db.insert(meetingParticipants).values(r));

const e = await loadEvent(db, eventId);
let t0 = performance.now();
const input = await buildExport(db, e, now);
const exportMs = performance.now() - t0;
const params = { input, fingerprint: fingerprint(input), timeLimitSeconds: LIMIT, seed: 1, incremental: false, allowMoves: false };
t0 = performance.now();
let progressReports = 0;
const proposal = await solveInWorker(params, () => { progressReports++; }, async () => false);
const solveMs = performance.now() - t0;
// Store it as a finished run, then apply in one transaction.
const run = await startTaskRun(t.deps, { kind: 'bench.stored', scope: eventId, params: params as unknown as Record<string, unknown> });
if (!run.ok) throw new Error('run');
await db.update(taskRuns).set({ kind: 'events.schedule', status: 'done', result: { proposal } as Record<string, unknown> }).where(eq(taskRuns.id, run.run.id));
const organiser = (await db.select().from(users).limit(1))[0];
const ctx = { ...systemContext(t.deps), actor: { userId: organiser.id, email: organiser.email, name: organiser.name, roles: ['admin' as const], lang: 'en' as const, timezone: 'Europe/Minsk', sessionId: 'bench' } };
t0 = performance.now();
const applied = await applyRun(ctx, eventId, run.run.id, 'preliminary');
const applyMs = performance.now() - t0;
console.log(`participants ${P}, meetings ${M}, slots ${slots.length}, tables 60/40 per block`);
console.log(`export ${exportMs.toFixed(0)} ms; solve in worker ${(solveMs / 1000).toFixed(1)} s (limit ${LIMIT} s, ${progressReports} progress reports)`);
console.log(`placed ${proposal!.summary.scheduled}/${M}, upper bound ${proposal!.summary.upperBound} (weight ${proposal!.summary.weight}), breaks ${proposal!.summary.breaks}, violations ${proposal!.violations.length}`);
console.log(`apply ${(applyMs / 1000).toFixed(1)} s: ${applied.changedMeetings} meetings written, ${applied.notified} people notified`);
await t.close();
