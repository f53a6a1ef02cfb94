/**
 * One simulated clock for the whole node. Controllers never read wall time: they schedule
 * work on this clock, and `advance` runs everything due, in time order, so a test (or
 * `sleep 60`) can move the node through a minute of life deterministically.
 */
export type TimerId = number;

interface Timer {
  id: TimerId;
  at: number;
  seq: number;
  fn: () => void;
}

export class SimClock {
  private current: number;
  private timers: Timer[] = [];
  private nextId = 1;
  private seq = 0;
  private running = false;
  private readonly listeners = new Set<() => void>();

  constructor(start: number) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  /** Run `fn` once, `delayMs` from now. */
  setTimeout(fn: () => void, delayMs: number): TimerId {
    const id = this.nextId++;
    this.timers.push({ id, at: this.current + Math.max(0, delayMs), seq: this.seq++, fn });
    return id;
  }

  /** Run `fn` every `periodMs`, first at now + `firstDelayMs` (defaults to one period). */
  setInterval(fn: () => void, periodMs: number, firstDelayMs = periodMs): TimerId {
    const id = this.nextId++;
    const tick = (): void => {
      fn();
      // Re-arm under the same id so clearTimer keeps working.
      if (this.cancelled.has(id)) return;
      this.timers.push({ id, at: this.current + periodMs, seq: this.seq++, fn: tick });
    };
    this.timers.push({ id, at: this.current + firstDelayMs, seq: this.seq++, fn: tick });
    return id;
  }

  private cancelled = new Set<TimerId>();

  clearTimer(id: TimerId | undefined): void {
    if (id === undefined) return;
    this.timers = this.timers.filter((t) => t.id !== id);
    this.cancelled.add(id);
  }

  /** Move time forward by `ms`, running every timer that falls due on the way. */
  advance(ms: number): void {
    if (!(ms >= 0) || !Number.isFinite(ms)) throw new RangeError(`clock.advance: invalid duration ${ms}`);
    this.runUntil(this.current + ms);
    this.notify();
  }

  /** Run timers due now (after a command changed state) without moving time. */
  settle(): void {
    this.runUntil(this.current);
  }

  private runUntil(target: number): void {
    if (this.running) {
      // A timer callback asked to advance: only move the hand, the outer loop runs the rest.
      this.current = Math.max(this.current, target);
      return;
    }
    this.running = true;
    try {
      for (;;) {
        const next = this.popDue(target);
        if (!next) break;
        this.current = Math.max(this.current, next.at);
        next.fn();
      }
      this.current = Math.max(this.current, target);
    } finally {
      this.running = false;
    }
  }

  private popDue(target: number): Timer | undefined {
    let best = -1;
    for (let i = 0; i < this.timers.length; i++) {
      const t = this.timers[i] as Timer;
      if (t.at > target) continue;
      const b = this.timers[best];
      if (!b || t.at < b.at || (t.at === b.at && t.seq < b.seq)) best = i;
    }
    if (best < 0) return undefined;
    return this.timers.splice(best, 1)[0];
  }

  onAdvance(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private notify(): void {
    for (const fn of this.listeners) fn();
  }
}
