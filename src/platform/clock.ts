/** Time source passed explicitly, so tests control "now" (expiry, reminders). */
export interface Clock { now(): Date }
export const systemClock: Clock = { now: () => new Date() };

/** A clock tests can move: starts at `start` and only changes when told. */
export class ManualClock implements Clock {
  private t: number;
  constructor(start: Date | string = '2026-01-15T09:00:00Z') { this.t = new Date(start).getTime(); }
  now(): Date { return new Date(this.t); }
  set(d: Date | string): void { this.t = new Date(d).getTime(); }
  advance(ms: number): void { this.t += ms; }
}
