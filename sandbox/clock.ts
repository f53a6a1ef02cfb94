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
  /** Set on an interval's timer: after each run the same entry is pushed back, `period` later. */
  period?: number;
}

export class SimClock {
  private current: number;
  /**
   * Pending timers as a binary min-heap on (at, seq): a boot pops ~12,000 of them, and a
   * linear scan per pop was a tenth of its cost. Ties run in the order they were scheduled.
   */
  private readonly heap: Timer[] = [];
  /** The one pending entry of each live timer id, so clearTimer finds it without a scan. */
  private readonly pending = new Map<TimerId, Timer>();
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
    this.push({ id, at: this.current + Math.max(0, delayMs), seq: this.seq++, fn });
    return id;
  }

  /** Run `fn` every `periodMs`, first at now + `firstDelayMs` (defaults to one period). */
  setInterval(fn: () => void, periodMs: number, firstDelayMs = periodMs): TimerId {
    const id = this.nextId++;
    this.push({ id, at: this.current + firstDelayMs, seq: this.seq++, fn, period: periodMs });
    return id;
  }

  clearTimer(id: TimerId | undefined): void {
    if (id === undefined) return;
    const timer = this.pending.get(id);
    if (timer) {
      // Left in the heap and skipped when it comes up: removal from the middle costs more.
      timer.fn = cancelledFn;
      this.pending.delete(id);
    }
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
        if (next.fn === cancelledFn) continue;
        this.current = Math.max(this.current, next.at);
        if (next.period === undefined) {
          this.pending.delete(next.id);
          next.fn();
        } else {
          // An interval stays pending under its id while it runs (clearTimer from inside its
          // own callback stops it); then the same entry goes back in, one period on. A boot
          // runs ~13,000 ticks: no new entry or map write per tick.
          next.fn();
          if (next.fn !== cancelledFn) {
            next.at = this.current + next.period;
            next.seq = this.seq++;
            this.reinsert(next);
          }
        }
      }
      this.current = Math.max(this.current, target);
    } finally {
      this.running = false;
    }
  }

  private push(timer: Timer): void {
    this.pending.set(timer.id, timer);
    this.reinsert(timer);
  }

  /** Sift a timer into the heap (its pending entry is already there). */
  private reinsert(timer: Timer): void {
    const heap = this.heap;
    let i = heap.length;
    heap.push(timer);
    while (i > 0) {
      const up = (i - 1) >> 1;
      const parent = heap[up] as Timer;
      if (!before(timer, parent)) break;
      heap[i] = parent;
      i = up;
    }
    heap[i] = timer;
  }

  /** The earliest timer due at or before `target`, removed from the heap. */
  private popDue(target: number): Timer | undefined {
    const heap = this.heap;
    const top = heap[0];
    if (!top || top.at > target) return undefined;
    const last = heap.pop() as Timer;
    if (heap.length) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= heap.length) break;
        const r = l + 1;
        const child = r < heap.length && before(heap[r] as Timer, heap[l] as Timer) ? r : l;
        if (!before(heap[child] as Timer, last)) break;
        heap[i] = heap[child] as Timer;
        i = child;
      }
      heap[i] = last;
    }
    return top;
  }

  onAdvance(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private notify(): void {
    for (const fn of this.listeners) fn();
  }
}

const before = (a: Timer, b: Timer): boolean => a.at < b.at || (a.at === b.at && a.seq < b.seq);
const cancelledFn = (): void => {};
