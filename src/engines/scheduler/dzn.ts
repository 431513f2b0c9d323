// Reader of the B2B benchmark's MiniZinc data files (bench/scheduling/instances/README.md, Bofill et al. JAIR 2022).
// The file becomes an ordinary interchange input: participants, meetings and slots are named by their 1-based
// indices, slots 1..A form session "morning" and A+1..T "afternoon", and breaks are counted over all slots as one
// sequence (breakScope "all"); the morning/afternoon code of a meeting only restricts where it may go. `precedences`
// (the meetings that must be held strictly earlier) become the meeting's `after`.
import { ScheduleInputError, type ScheduleInputRaw } from './types.ts';

type DznValue = number | number[] | number[][];

/** Parses `name = value;` items: integers, 1-D arrays, arrays of sets and 2-D arrays `[| a, b | c, d |]`. */
export function parseDznValues(text: string): Map<string, DznValue> {
  const src = text.replace(/%[^\n]*/g, '');
  const out = new Map<string, DznValue>();
  for (const item of src.split(';')) {
    const eq = item.indexOf('=');
    if (eq < 0) {
      if (item.trim()) throw new ScheduleInputError(`dzn: cannot read "${item.trim().slice(0, 40)}"`);
      continue;
    }
    const name = item.slice(0, eq).trim();
    const raw = item.slice(eq + 1).trim();
    if (!/^[A-Za-z_]\w*$/.test(name)) throw new ScheduleInputError(`dzn: bad name "${name}"`);
    out.set(name, parseValue(raw, name));
  }
  return out;
}

function ints(s: string, name: string): number[] {
  const parts = s.split(',').map((x) => x.trim()).filter((x) => x !== '');
  return parts.map((x) => {
    if (!/^-?\d+$/.test(x)) throw new ScheduleInputError(`dzn: ${name}: "${x}" is not an integer`);
    return Number(x);
  });
}

function parseValue(raw: string, name: string): DznValue {
  if (/^-?\d+$/.test(raw)) return Number(raw);
  if (raw.startsWith('[|')) {
    if (!raw.endsWith('|]')) throw new ScheduleInputError(`dzn: ${name}: unterminated 2-D array`);
    return raw.slice(2, -2).split('|').map((row) => ints(row, name)).filter((r) => r.length > 0);
  }
  if (raw.startsWith('[') && raw.endsWith(']')) {
    const body = raw.slice(1, -1).trim();
    if (body.startsWith('{') || body === '') {
      const sets: number[][] = [];
      for (const m of body.matchAll(/\{([^}]*)\}/g)) sets.push(ints(m[1], name));
      return sets;
    }
    return ints(body, name);
  }
  throw new ScheduleInputError(`dzn: ${name}: unsupported value "${raw.slice(0, 40)}"`);
}

function need<T extends DznValue>(v: Map<string, DznValue>, name: string, kind: 'int' | 'array' | 'sets'): T {
  const x = v.get(name);
  if (x === undefined) throw new ScheduleInputError(`dzn: ${name} is missing`);
  if (kind === 'int' && typeof x !== 'number') throw new ScheduleInputError(`dzn: ${name} must be an integer`);
  if (kind !== 'int' && !Array.isArray(x)) throw new ScheduleInputError(`dzn: ${name} must be an array`);
  return x as T;
}

/** Converts a benchmark .dzn file into the interchange input. */
export function dznToInput(text: string, name = 'dzn'): ScheduleInputRaw {
  const v = parseDznValues(text);
  const nP = need<number>(v, 'nBusiness', 'int');
  const nM = need<number>(v, 'nMeetings', 'int');
  const nTables = need<number>(v, 'nTables', 'int');
  const nT = need<number>(v, 'nTotalSlots', 'int');
  const nAm = need<number>(v, 'nMorningSlots', 'int');
  const requested = need<number[][]>(v, 'requested', 'sets');
  if (requested.length !== nM) throw new ScheduleInputError(`dzn: requested has ${requested.length} rows, nMeetings = ${nM}`);
  const forbidden = (v.get('forbidden') as number[][] | undefined) ?? [];
  const fixed = (v.get('fixed') as number[] | undefined) ?? [];
  const precedences = (v.get('precedences') as number[][] | undefined) ?? [];
  if (precedences.length && precedences.length !== nM) throw new ScheduleInputError(`dzn: precedences has ${precedences.length} sets, nMeetings = ${nM}`);
  if (forbidden.length && forbidden.length !== nP) throw new ScheduleInputError(`dzn: forbidden has ${forbidden.length} sets, nBusiness = ${nP}`);
  if (fixed.length && fixed.length !== nM) throw new ScheduleInputError(`dzn: fixed has ${fixed.length} entries, nMeetings = ${nM}`);

  const base = Date.UTC(2000, 0, 1, 8, 0);
  const slots = Array.from({ length: nT }, (_, i) => ({
    id: String(i + 1),
    start: new Date(base + i * 20 * 60000).toISOString(),
    end: new Date(base + (i + 1) * 20 * 60000).toISOString(),
    session: i < nAm ? 'morning' : 'afternoon',
  }));
  const participants = Array.from({ length: nP }, (_, i) => ({
    id: String(i + 1),
    unavailableSlots: (forbidden[i] ?? []).filter((t) => t >= 1 && t <= nT).map(String),
  }));
  const meetings = requested.map((row, i) => {
    if (row.length < 3) throw new ScheduleInputError(`dzn: requested row ${i + 1} needs 3 values`);
    const [a, b, code] = row;
    for (const p of [a, b]) if (p < 1 || p > nP) throw new ScheduleInputError(`dzn: meeting ${i + 1}: participant ${p} out of range`);
    if (![1, 2, 3].includes(code)) throw new ScheduleInputError(`dzn: meeting ${i + 1}: session code ${code} is not 1, 2 or 3`);
    const f = fixed[i] ?? 0;
    if (f < 0 || f > nT) throw new ScheduleInputError(`dzn: meeting ${i + 1}: fixed slot ${f} out of range`);
    return {
      id: String(i + 1),
      participants: [String(a), String(b)],
      priority: 1,
      mode: 'onsite' as const,
      session: code === 1 ? 'morning' : code === 2 ? 'afternoon' : null,
      lockedSlot: f > 0 ? String(f) : null,
      after: (precedences[i] ?? []).map((q) => {
        if (q < 1 || q > nM) throw new ScheduleInputError(`dzn: meeting ${i + 1}: precedence ${q} out of range`);
        return String(q);
      }),
    };
  });
  return { name, slots, tables: nTables, participants, meetings, breakScope: 'all' };
}
