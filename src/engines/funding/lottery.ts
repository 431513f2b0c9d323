// Partial randomisation: projects that cannot be told apart at the funding line enter a lottery for the money
// left after the projects clearly above them are funded. The draw is a uniform random permutation of the entrants
// (Fisher–Yates) driven by SHA-256 of the seed, so anyone can re-run it from the published seed; the commitment
// SHA-256("synergy-funding-lottery/v1/" + seed) is published before the draw and proves the seed was not chosen
// after seeing the result. Entrants are then funded in drawn order while they fit, exactly as the line does.
//
// Who enters: with an officer's band [low, high], the projects whose score (with bonus) lies in it; otherwise the
// projects whose score interval (given per project in the file; a point when absent) overlaps the interval of the
// marginal project — the best-ranked project the funding line could not fund. Projects clearly above the band are
// funded first in ranking order; after the draw, money still left goes down the ranking below the band.
import { createHash } from 'node:crypto';
import { Usage, objectiveOf, lineOrder, type BlockReason, type Model } from './model.ts';
import { fundFloors, fundInOrder, fundingLine, unmetFloors } from './line.ts';
import type { Selection } from './types.ts';

const PREFIX = 'synergy-funding-lottery/v1/';

/** What to publish before the draw: SHA-256 (hex) of the seed. */
export function lotteryCommitment(seed: string): string {
  return createHash('sha256').update(PREFIX + seed).digest('hex');
}

/** A stream of uniform 32-bit integers: SHA-256(prefix + seed + "/" + entrants + "/" + block), 8 per block. */
class HashStream {
  private buf: number[] = [];
  private block = 0;
  constructor(private readonly key: string) {}
  next32(): number {
    if (!this.buf.length) {
      const d = createHash('sha256').update(`${this.key}/${this.block++}`).digest();
      for (let i = 0; i < 32; i += 4) this.buf.push(d.readUInt32BE(i));
    }
    return this.buf.shift()!;
  }
  /** Uniform in [0, n) by rejection sampling (no modulo bias). */
  below(n: number): number {
    const limit = Math.floor(0x100000000 / n) * n;
    for (;;) { const x = this.next32(); if (x < limit) return x % n; }
  }
}

/**
 * The draw: a uniform random order of the entrants, reproducible from the seed. The entrants are sorted first,
 * so the order depends on who entered and the seed, never on how the list was passed.
 */
export function lotteryDraw(entrants: readonly string[], seed: string): string[] {
  const a = [...entrants].sort();
  const stream = new HashStream(`${PREFIX}${seed}/${a.join(',')}`);
  for (let i = a.length - 1; i > 0; i--) {
    const j = stream.below(i + 1);
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

export interface LotteryOptions {
  seed: string;
  /** The officer's band of scores (with bonus) that cannot be told apart; default: interval overlap at the line. */
  band?: { low: number; high: number };
}

export function lotterySelection(m: Model, opts: LotteryOptions): Selection {
  const order = lineOrder(m);
  const projects = m.file.projects;
  const interval = (i: number): [number, number] => {
    const iv = projects[i].interval;
    const shift = m.rankScore[i] - projects[i].score;
    return iv ? [iv[0] + shift, iv[1] + shift] : [m.rankScore[i], m.rankScore[i]];
  };
  let band = opts.band;
  if (!band) {
    const line = fundingLine(m);
    const funded = new Set(line.selected);
    const marginal = order.find((i) => !funded.has(m.ids[i]));
    if (marginal === undefined) band = { low: Infinity, high: Infinity }; // everything fits: nobody needs a lottery
    else { const [low, high] = interval(marginal); band = { low, high }; }
  }
  const { low, high } = band;
  const above: number[] = [];
  const entrants: number[] = [];
  const below: number[] = [];
  for (const i of order) {
    const [lo, hi] = opts.band ? [m.rankScore[i], m.rankScore[i]] : interval(i);
    if (lo > high) above.push(i);
    else if (hi < low) below.push(i);
    else entrants.push(i);
  }
  const drawOrder = lotteryDraw(entrants.map((i) => m.ids[i]), opts.seed).map((id) => m.index.get(id)!);
  const usage = new Usage(m);
  const chosen = new Set<number>();
  const skipped = new Map<number, BlockReason>();
  const taken: number[] = [];
  for (const stage of [above, drawOrder, below]) {
    const before = new Set(chosen);
    fundFloors(m, stage, usage, chosen, skipped);
    fundInOrder(m, stage, usage, chosen, skipped);
    for (const i of stage) if (chosen.has(i) && !before.has(i)) taken.push(i);
  }
  const unmet = unmetFloors(m, usage);
  return {
    method: 'lottery', selected: taken.map((i) => m.ids[i]), objective: objectiveOf(m, taken), upperBound: null, gap: null, proven: false,
    skipped: Object.fromEntries([...skipped].map(([i, r]) => [m.ids[i], r])),
    ...(unmet ? { unmetFloors: unmet } : {}),
    lottery: {
      commitment: lotteryCommitment(opts.seed), seed: opts.seed,
      entrants: entrants.map((i) => m.ids[i]), drawOrder: drawOrder.map((i) => m.ids[i]),
      fundedAbove: above.filter((i) => chosen.has(i)).map((i) => m.ids[i]), band: { low, high },
    },
  };
}
