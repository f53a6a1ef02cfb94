/**
 * The systemd journal: one ordered log shared by every unit. Entries carry the unit they
 * belong to (journalctl -u matches it, including systemd's own messages about the unit),
 * the syslog identifier and PID that prefix the printed line, and a microsecond timestamp.
 */
export interface JournalEntry {
  usec: number;
  unit?: string;
  identifier: string;
  pid: number;
  message: string;
  /** syslog priority, 0 (emerg) .. 7 (debug); 6 (info) when not given. */
  priority: number;
}

export class Journal {
  private readonly entries: JournalEntry[] = [];
  private lastUsec = 0;
  private readonly followers = new Set<(entry: JournalEntry) => void>();
  /** Oldest entry the journal still holds; printed in `-- Journal begins at ... --`. */
  constructor(private readonly now: () => number) {}

  append(entry: Omit<JournalEntry, "usec" | "priority"> & { priority?: number }): JournalEntry {
    // Entries written in the same simulated millisecond still get distinct, increasing times,
    // as real ones do; the sub-millisecond part looks like a real clock's noise.
    const base = this.now() * 1000 + ((this.entries.length * 7919) % 997);
    const usec = Math.max(base, this.lastUsec + 13);
    this.lastUsec = usec;
    const full = { ...entry, usec, priority: entry.priority ?? 6 };
    this.entries.push(full);
    for (const fn of this.followers) fn(full);
    return full;
  }

  /** Call `fn` with every entry appended from now on (journalctl -f); returns the unsubscribe. */
  follow(fn: (entry: JournalEntry) => void): () => void {
    this.followers.add(fn);
    return () => this.followers.delete(fn);
  }

  /** Entries in time order, optionally for one unit. */
  query(filter: { unit?: string; since?: number } = {}): JournalEntry[] {
    // Entries are in strictly increasing time (append), so `since` is a binary search:
    // node-problem-detector asks for the last 20 minutes every 5 minutes.
    const from = filter.since === undefined ? 0 : this.firstAtOrAfter(filter.since);
    const out: JournalEntry[] = [];
    for (let i = from; i < this.entries.length; i++) {
      const e = this.entries[i] as JournalEntry;
      if (filter.unit === undefined || e.unit === filter.unit) out.push(e);
    }
    return out;
  }

  /** Index of the first entry with usec >= `usec` (entries.length when none). */
  private firstAtOrAfter(usec: number): number {
    let lo = 0;
    let hi = this.entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.entries[mid] as JournalEntry).usec < usec) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  get size(): number {
    return this.entries.length;
  }

  export(): JournalEntry[] {
    return this.entries.map((e) => ({ ...e }));
  }

  import(entries: JournalEntry[]): void {
    this.entries.length = 0;
    this.entries.push(...entries.map((e) => ({ ...e })));
    this.lastUsec = entries.at(-1)?.usec ?? 0;
  }
}
