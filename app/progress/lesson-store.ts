/**
 * One lesson's saved state on its page: the record as the page last knew it, written back after
 * each change. Writes go one at a time and coalesce (a burst of changes is one write of the
 * latest record), so an older record never lands after a newer one. When the browser will not
 * keep anything (blocked, full), the page goes on from memory and the learner is told, once per
 * kind of trouble; a later write that succeeds clears the notice.
 */
import type { LegacyStorage } from "./legacy";
import { ProgressDb, type StorageFault, storageFault } from "./progress-db";
import { freshRecord, HISTORY_LIMIT, type LessonRecord } from "./record";

export type LessonPatch = Partial<Omit<LessonRecord, "schema" | "slug">>;

/** localStorage, if the page may touch it (reading it can throw when site data is blocked). */
export function legacyStorage(): LegacyStorage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

export class LessonStore {
  private writing = false;
  private dirty = false;
  private fault: StorageFault | null;
  private readonly listeners = new Set<(notice: string | null) => void>();

  private constructor(
    private readonly db: ProgressDb | null,
    public record: LessonRecord,
    fault: StorageFault | null,
  ) {
    this.fault = fault;
  }

  /** The lesson's record, and a notice when a saved one could not be used or nothing can be saved. */
  static async open(slug: string): Promise<{ store: LessonStore; notice?: string }> {
    let db: ProgressDb;
    try {
      db = await ProgressDb.open(legacyStorage());
    } catch (error) {
      const fault = storageFault(error);
      return { store: new LessonStore(null, freshRecord(slug), fault), notice: fault.message };
    }
    try {
      const { record, notice } = await db.read(slug);
      return { store: new LessonStore(db, record, null), notice };
    } catch (error) {
      const fault = storageFault(error);
      return { store: new LessonStore(db, freshRecord(slug), fault), notice: fault.message };
    }
  }

  /** Why nothing is being saved, or null. */
  get notice(): string | null {
    return this.fault?.message ?? null;
  }

  /** Be told when saving starts or stops failing (the notice, or null). */
  onNotice(fn: (notice: string | null) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  update(patch: LessonPatch): void {
    this.record = { ...this.record, ...patch };
    this.save();
  }

  /** A line joined the terminal's history: keep the newest HISTORY_LIMIT. */
  addHistory(line: string): void {
    this.update({ history: [...this.record.history, line].slice(-HISTORY_LIMIT) });
  }

  /** Resolves once every change so far has been written (or has failed). For tests and reset. */
  async flushed(): Promise<void> {
    while (this.writing) await new Promise((resolve) => setTimeout(resolve, 5));
  }

  private save(): void {
    if (!this.db) return;
    if (this.writing) {
      this.dirty = true;
      return;
    }
    this.writing = true;
    void this.writeLatest(this.db);
  }

  private async writeLatest(db: ProgressDb): Promise<void> {
    do {
      this.dirty = false;
      try {
        await db.write(this.record);
        this.setFault(null);
      } catch (error) {
        this.setFault(storageFault(error));
      }
    } while (this.dirty);
    this.writing = false;
  }

  private setFault(fault: StorageFault | null): void {
    if (fault?.message === this.fault?.message) return;
    this.fault = fault;
    for (const fn of this.listeners) fn(this.notice);
  }
}
