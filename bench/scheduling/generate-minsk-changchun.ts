// Generator of large Minsk–Changchun exchanges in the interchange format (docs/scheduling-format.md).
//   npx tsx bench/scheduling/generate-minsk-changchun.ts [--participants 2000] [--meetings 20000] [--days 3] [--seed 1] > event.json
// Event slots are 20 minutes, 01:00–15:00 UTC each day, in a morning (01–08 UTC) and an afternoon (08–15 UTC) session.
// Belarusian participants (Europe/Minsk, UTC+3) are available 09:00–18:00 local = 06–15 UTC, Chinese ones
// (Asia/Shanghai, UTC+8) 09:00–18:00 local = 01–10 UTC, so cross-border meetings fit only 06–10 UTC (12 slots a day).
// Popularity is skewed (Zipf-like), so the most wanted participants get more requests than they have slots.
// 70% of requests are cross-border and held online; domestic ones are on-site at the tables. A few are group
// meetings (3–4 participants), about 2% are locked by the organiser, 3% need a ru–zh interpreter, 10% of
// participants are away for one half-day.
import { Rng } from '../../src/engines/scheduler/rng.ts';
import type { ScheduleInputRaw } from '../../src/engines/scheduler/types.ts';

export interface GeneratorOptions { participants?: number; meetings?: number; days?: number; seed?: number }

export function generateMinskChangchun(o: GeneratorOptions = {}): ScheduleInputRaw {
  const nP = o.participants ?? 2000;
  const nM = o.meetings ?? 20000;
  const days = o.days ?? 3;
  const rng = new Rng(o.seed ?? 1);
  const SLOTS_PER_DAY = 42; // 01:00–15:00 UTC, 20 minutes each
  const slots: { id: string; start: string; end: string; session: string; utcHour: number; day: number }[] = [];
  for (let d = 0; d < days; d++) {
    for (let k = 0; k < SLOTS_PER_DAY; k++) {
      const start = Date.UTC(2026, 8, 29 + d, 1, 20 * k);
      const utcHour = 1 + (20 * k) / 60;
      slots.push({ id: `d${d + 1}-${String(k + 1).padStart(2, '0')}`, start: new Date(start).toISOString(), end: new Date(start + 20 * 60000).toISOString(),
        session: `day${d + 1}-${utcHour < 8 ? 'am' : 'pm'}`, utcHour, day: d });
    }
  }
  const participants = Array.from({ length: nP }, (_, i) => {
    const cn = i % 20 >= 11; // 55% Belarusian, 45% Chinese
    const [from, to] = cn ? [1, 10] : [6, 15];
    const awayDay = rng.next() < 0.1 ? rng.int(days) : -1;
    const awayAm = rng.next() < 0.5;
    const unavailableSlots = slots.filter((s) => s.utcHour < from || s.utcHour >= to
      || (s.day === awayDay && (s.utcHour < 8) === awayAm)).map((s) => s.id);
    return { id: `${cn ? 'cn' : 'by'}${i + 1}`, country: cn ? 'CN' : 'BY', timezone: cn ? 'Asia/Shanghai' : 'Europe/Minsk', unavailableSlots };
  });
  const by = participants.filter((p) => p.country === 'BY').map((p) => p.id);
  const cn = participants.filter((p) => p.country === 'CN').map((p) => p.id);
  const zipf = (ids: string[]) => {
    const order = rng.shuffle([...ids]);
    const cum: number[] = [];
    let acc = 0;
    order.forEach((_, r) => { acc += 1 / Math.pow(r + 1, 0.6); cum.push(acc); });
    return () => {
      const x = rng.next() * acc;
      let lo = 0, hi = cum.length - 1;
      while (lo < hi) { const mid = (lo + hi) >> 1; if (cum[mid] < x) lo = mid + 1; else hi = mid; }
      return order[lo];
    };
  };
  const pickBy = zipf(by);
  const pickCn = zipf(cn);
  const uniform = (ids: string[]) => ids[rng.int(ids.length)];
  const seen = new Set<string>();
  const meetings: NonNullable<ScheduleInputRaw['meetings']> = [];
  const busyLocked = new Set<string>();
  const unavailable = new Map(participants.map((p) => [p.id, new Set(p.unavailableSlots)]));
  while (meetings.length < nM) {
    const r = rng.next();
    let ps: string[];
    if (r < 0.005) ps = [uniform(by), uniform(cn), pickCn(), ...(rng.next() < 0.5 ? [pickBy()] : [])];
    else if (r < 0.7) ps = [uniform(by), pickCn()];
    else if (r < 0.85) ps = [uniform(by), pickBy()];
    else ps = [uniform(cn), pickCn()];
    if (rng.next() < 0.5) ps.reverse(); // requester and requested on either side
    if (new Set(ps).size !== ps.length) continue;
    const key = [...ps].sort().join('|');
    if (seen.has(key)) continue;
    seen.add(key);
    const cross = ps.some((p) => p.startsWith('by')) && ps.some((p) => p.startsWith('cn'));
    const x = rng.next();
    const meeting = { id: `m${meetings.length + 1}`, participants: ps, priority: x < 0.6 ? 1 : x < 0.9 ? 2 : 3,
      mode: cross ? 'online' as const : 'onsite' as const, session: null as string | null, lockedSlot: null as string | null,
      needsInterpreter: cross && rng.next() < 0.03 ? ['ru', 'zh'] : [] };
    if (rng.next() < 0.02 && !meeting.needsInterpreter.length) {
      const options = slots.filter((s) => ps.every((p) => !unavailable.get(p)!.has(s.id) && !busyLocked.has(`${p}|${s.id}`)));
      if (options.length) {
        const s = options[rng.int(options.length)];
        meeting.lockedSlot = s.id;
        for (const p of ps) busyLocked.add(`${p}|${s.id}`);
      }
    }
    meetings.push(meeting);
  }
  const interpreters = Array.from({ length: 8 }, (_, i) => ({ id: `int${i + 1}`, languages: ['ru', 'zh', ...(i % 2 ? ['en'] : [])],
    unavailableSlots: slots.filter((s) => s.day === i % days && s.utcHour >= 8).map((s) => s.id) }));
  return { name: `Minsk–Changchun synthetic exchange (${nP} participants, ${nM} requests, ${days} days)`, timezoneEvent: 'Europe/Minsk',
    slots: slots.map(({ id, start, end, session }) => ({ id, start, end, session })), tables: 60, participants, meetings, interpreters };
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const args = process.argv.slice(2);
  const num = (name: string) => { const i = args.indexOf(name); return i >= 0 ? Number(args[i + 1]) : undefined; };
  process.stdout.write(JSON.stringify(generateMinskChangchun({ participants: num('--participants'), meetings: num('--meetings'), days: num('--days'), seed: num('--seed') })));
}
