// Compiles the interchange input into flat integer arrays the search works on.
// Slot order: sessions in order of their first slot's start, slots by start inside a session. Break segments are the
// sessions (breakScope "session") or the whole sequence (breakScope "all").
import { scheduleInputSchema, ScheduleInputError, type ScheduleInput, type ScheduleInputRaw } from './types.ts';

export interface Problem {
  input: ScheduleInput;
  T: number;
  P: number;
  M: number;
  slotIds: string[];
  slotIndex: Map<string, number>;
  sessionOf: string[];
  /** Break segment of each slot and each segment's slot range [segStart, segEnd). */
  segOf: Int32Array;
  segStart: Int32Array;
  segEnd: Int32Array;
  S: number;
  partIds: string[];
  partIndex: Map<string, number>;
  meetIds: string[];
  meetIndex: Map<string, number>;
  mParts: Int32Array[];
  weight: Float64Array;
  onsite: Uint8Array;
  /** Slots a meeting may use (availability of all participants, session, a qualified free interpreter). */
  allowed: Int32Array[];
  allowedMask: Uint8Array;
  locked: Int32Array;
  tables: number;
  partMeetings: number[][];
  /** Participant p unavailable in slot t: unavail[p*T+t] = 1. */
  unavail: Uint8Array;
  interpIds: string[];
  interpUnavail: Uint8Array;
  /** Qualified interpreters per meeting (empty array when none is needed). */
  mInterp: Int32Array[];
  needsInterp: Uint8Array;
  anyInterp: boolean;
  /** Slots of other sessions that overlap slot t in time (a participant can be in only one of them). */
  overlaps: Int32Array[];
  anyOverlap: boolean;
  /** Precedences: meetings that must be strictly earlier (in slot order) than m, and those that must be later. */
  before: Int32Array[];
  later: Int32Array[];
  anyPrec: boolean;
  /** Start and end of each slot on one time axis (ms; slot order when some time does not parse): q is before m when
   * slotEnd[slot q] <= slotStart[slot m]. */
  slotStart: Float64Array;
  slotEnd: Float64Array;
  /** Hard fairness limit on the difference of breaks between two participants (Infinity: none). */
  maxBreaksDiff: number;
}

export function parseInput(raw: unknown): ScheduleInput {
  const r = scheduleInputSchema.safeParse(raw);
  if (!r.success) {
    const first = r.error.issues[0];
    throw new ScheduleInputError(`invalid schedule input at ${first.path.join('.') || '(root)'}: ${first.message}`);
  }
  return r.data;
}

function uniqueIndex(ids: string[], what: string): Map<string, number> {
  const m = new Map<string, number>();
  ids.forEach((id, i) => {
    if (m.has(id)) throw new ScheduleInputError(`duplicate ${what} id "${id}"`);
    m.set(id, i);
  });
  return m;
}

export function compileProblem(raw: ScheduleInput | ScheduleInputRaw): Problem {
  const input = parseInput(raw);
  const firstStart = new Map<string, string>();
  for (const s of input.slots) if (!firstStart.has(s.session) || s.start < firstStart.get(s.session)!) firstStart.set(s.session, s.start);
  const sessions = [...firstStart.keys()].sort((a, b) => (firstStart.get(a)! < firstStart.get(b)! ? -1 : firstStart.get(a)! > firstStart.get(b)! ? 1 : 0));
  const sessionRank = new Map(sessions.map((s, i) => [s, i]));
  const ordered = input.slots.map((s, i) => ({ s, i })).sort((x, y) =>
    sessionRank.get(x.s.session)! - sessionRank.get(y.s.session)! || (x.s.start < y.s.start ? -1 : x.s.start > y.s.start ? 1 : x.i - y.i));
  const slotIds = ordered.map((o) => o.s.id);
  const sessionOf = ordered.map((o) => o.s.session);
  const slotIndex = uniqueIndex(slotIds, 'slot');
  const T = slotIds.length;

  const segOf = new Int32Array(T);
  const segStartArr: number[] = [];
  for (let t = 0; t < T; t++) {
    const newSeg = t === 0 || (input.breakScope === 'session' && sessionOf[t] !== sessionOf[t - 1]);
    if (newSeg) segStartArr.push(t);
    segOf[t] = segStartArr.length - 1;
  }
  const S = segStartArr.length;
  const segStart = Int32Array.from(segStartArr);
  const segEnd = Int32Array.from(segStartArr.map((_, i) => (i + 1 < S ? segStartArr[i + 1] : T)));

  const slotOrThrow = (id: string, where: string) => {
    const t = slotIndex.get(id);
    if (t === undefined) throw new ScheduleInputError(`${where}: unknown slot "${id}"`);
    return t;
  };
  const partIds = input.participants.map((p) => p.id);
  const partIndex = uniqueIndex(partIds, 'participant');
  const P = partIds.length;
  const unavail = new Uint8Array(P * T);
  input.participants.forEach((p, i) => { for (const s of p.unavailableSlots) unavail[i * T + slotOrThrow(s, `participant ${p.id}`)] = 1; });

  const interpIds = input.interpreters.map((x) => x.id);
  uniqueIndex(interpIds, 'interpreter');
  const interpUnavail = new Uint8Array(interpIds.length * T);
  input.interpreters.forEach((x, k) => { for (const s of x.unavailableSlots) interpUnavail[k * T + slotOrThrow(s, `interpreter ${x.id}`)] = 1; });

  const meetIds = input.meetings.map((m) => m.id);
  const meetIndex = uniqueIndex(meetIds, 'meeting');
  const M = meetIds.length;
  const mParts: Int32Array[] = [];
  const weight = new Float64Array(M);
  const onsite = new Uint8Array(M);
  const locked = new Int32Array(M).fill(-1);
  const allowed: Int32Array[] = [];
  const allowedMask = new Uint8Array(M * T);
  const mInterp: Int32Array[] = [];
  const needsInterp = new Uint8Array(M);
  const partMeetings: number[][] = Array.from({ length: P }, () => []);
  const knownSessions = new Set(sessions);

  input.meetings.forEach((m, i) => {
    const ps = m.participants.map((id) => {
      const p = partIndex.get(id);
      if (p === undefined) throw new ScheduleInputError(`meeting ${m.id}: unknown participant "${id}"`);
      return p;
    });
    if (new Set(ps).size !== ps.length) throw new ScheduleInputError(`meeting ${m.id}: a participant is listed twice`);
    if (m.session !== null && !knownSessions.has(m.session)) throw new ScheduleInputError(`meeting ${m.id}: unknown session "${m.session}"`);
    mParts.push(Int32Array.from(ps));
    for (const p of ps) partMeetings[p].push(i);
    weight[i] = m.priority;
    onsite[i] = m.mode === 'onsite' ? 1 : 0;
    const langs = m.needsInterpreter;
    const qual = langs.length ? input.interpreters.flatMap((x, k) => (langs.every((l) => x.languages.includes(l)) ? [k] : [])) : [];
    needsInterp[i] = langs.length ? 1 : 0;
    mInterp.push(Int32Array.from(qual));
    if (m.lockedSlot !== null) locked[i] = slotOrThrow(m.lockedSlot, `meeting ${m.id} lockedSlot`);
    const list: number[] = [];
    for (let t = 0; t < T; t++) {
      // A locked meeting stays where the organiser put it, even against the stated availability.
      let ok = locked[i] >= 0 ? t === locked[i] : (m.session === null || sessionOf[t] === m.session) && ps.every((p) => !unavail[p * T + t]);
      if (ok && langs.length && locked[i] < 0) ok = qual.some((k) => !interpUnavail[k * T + t]);
      if (ok) { list.push(t); allowedMask[i * T + t] = 1; }
    }
    allowed.push(Int32Array.from(list));
  });

  const overlaps = slotOverlaps(input.slots, slotIds, slotIndex);
  const slotStart = new Float64Array(T);
  const slotEnd = new Float64Array(T);
  for (const sl of input.slots) { const t = slotIndex.get(sl.id)!; slotStart[t] = Date.parse(sl.start); slotEnd[t] = Date.parse(sl.end); }
  if (slotStart.some((x, t) => !(x < slotEnd[t]))) for (let t = 0; t < T; t++) { slotStart[t] = t; slotEnd[t] = t + 1; }
  const beforeL: number[][] = Array.from({ length: M }, () => []);
  const laterL: number[][] = Array.from({ length: M }, () => []);
  input.meetings.forEach((m, i) => {
    for (const id of m.after) {
      const j = meetIndex.get(id);
      if (j === undefined) throw new ScheduleInputError(`meeting ${m.id}: unknown meeting "${id}" in after`);
      if (j === i) throw new ScheduleInputError(`meeting ${m.id} cannot be after itself`);
      beforeL[i].push(j);
      laterL[j].push(i);
    }
  });

  return {
    overlaps, anyOverlap: overlaps.some((o) => o.length > 0),
    before: beforeL.map((l) => Int32Array.from(l)), later: laterL.map((l) => Int32Array.from(l)),
    anyPrec: beforeL.some((l) => l.length > 0), slotStart, slotEnd, maxBreaksDiff: input.maxBreaksDifference ?? Infinity,
    input, T, P, M, slotIds, slotIndex, sessionOf, segOf, segStart, segEnd, S, partIds, partIndex, meetIds, meetIndex,
    mParts, weight, onsite, allowed, allowedMask, locked, tables: input.tables ?? Infinity, partMeetings, unavail,
    interpIds, interpUnavail, mInterp, needsInterp, anyInterp: needsInterp.some((x) => x === 1),
  };
}

/** Per slot (in solver order), the other slots that overlap it in time; slots whose times do not parse overlap none. */
function slotOverlaps(slots: ScheduleInput['slots'], slotIds: string[], slotIndex: Map<string, number>): Int32Array[] {
  const iv = slotIds.map(() => [NaN, NaN]);
  for (const s of slots) iv[slotIndex.get(s.id)!] = [Date.parse(s.start), Date.parse(s.end)];
  const order = iv.map((_, t) => t).filter((t) => iv[t][0] < iv[t][1]).sort((a, b) => iv[a][0] - iv[b][0]);
  const out: number[][] = slotIds.map(() => []);
  // Sweep by start: each slot against the later-starting ones until they start after it ends.
  for (let i = 0; i < order.length; i++) {
    const a = order[i];
    for (let j = i + 1; j < order.length && iv[order[j]][0] < iv[a][1]; j++) {
      const b = order[j];
      out[a].push(b);
      out[b].push(a);
    }
  }
  return out.map((l) => Int32Array.from(l));
}
