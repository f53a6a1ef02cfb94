/**
 * The course's store in the browser: one IndexedDB database, `inside-the-node`, with one object
 * store, `lessons`, holding a versioned record per lesson (record.ts), keyed by the lesson's slug.
 * The database's own version only changes when object stores do; what a record holds is versioned
 * by the record's `schema`, so one damaged or foreign record resets one lesson, not the course.
 *
 * Failures are values the page shows, never exceptions out of the page: a record that cannot be
 * read is replaced by a fresh one and reported (`notice`); a write that fails (storage full,
 * storage blocked) rejects with a StorageFault whose reason the page prints, and changes nothing
 * already saved (IndexedDB aborts the whole transaction; nothing is ever deleted to make room).
 */
import { type IDBPDatabase, openDB } from "idb";
import { type LegacyStorage, readLegacyProgress } from "./legacy";
import { freshRecord, type LessonRecord, readLessonRecord, resetNotice } from "./record";

export const DB_NAME = "inside-the-node";
export const DB_VERSION = 1;
export const STORE = "lessons";

/** Why the browser would not keep the progress, in the learner's words. */
export class StorageFault extends Error {
  constructor(readonly reason: string) {
    super(`Progress can't be saved: ${reason}`);
    this.name = "StorageFault";
  }
}

export function storageFault(error: unknown): StorageFault {
  if (error instanceof StorageFault) return error;
  const name = typeof error === "object" && error !== null && "name" in error ? String(error.name) : "";
  if (name === "QuotaExceededError") return new StorageFault("storage is full");
  if (name === "SecurityError" || name === "InvalidStateError") {
    return new StorageFault(
      "this browser does not allow this site to store data (private browsing or blocked site data)",
    );
  }
  return new StorageFault(error instanceof Error ? error.message : String(error));
}

/** A lesson as read: its record (fresh when there was none or it could not be read) and what to tell the learner. */
export interface StoredLesson {
  record: LessonRecord;
  /** Set when a saved record could not be used and the lesson was reset. */
  notice?: string;
  /** Set when a record of an older schema was brought up to date. */
  migratedFrom?: number;
}

async function connect(): Promise<IDBPDatabase> {
  if (typeof indexedDB === "undefined") throw new StorageFault("this browser offers no storage here");
  const upgrade = (db: IDBPDatabase) => {
    if (!db.objectStoreNames.contains(STORE)) db.createObjectStore(STORE, { keyPath: "slug" });
  };
  // A database left open in another tab must not block a newer page's upgrade: let it go.
  const blocking = (_: number, __: number | null, event: IDBVersionChangeEvent) =>
    (event.target as IDBDatabase).close();
  let db: IDBPDatabase;
  try {
    db = await openDB(DB_NAME, DB_VERSION, { upgrade, blocking });
  } catch (error) {
    // A newer version of the site upgraded the database: read it as it is (records are checked one by one).
    if ((error as { name?: string }).name !== "VersionError") throw error;
    db = await openDB(DB_NAME, undefined, { blocking });
  }
  if (db.objectStoreNames.contains(STORE)) return db;
  // A database of this name without our store (foreign data): add the store, leave the rest.
  const version = db.version + 1;
  db.close();
  return openDB(DB_NAME, version, { upgrade, blocking });
}

export class ProgressDb {
  private constructor(private readonly db: IDBPDatabase) {}

  /**
   * Open the store; progress kept in localStorage by an earlier version of the page moves in
   * once (a lesson already in the database keeps its record) and its keys are then removed.
   */
  static async open(legacy?: LegacyStorage | null): Promise<ProgressDb> {
    let db: IDBPDatabase;
    try {
      db = await connect();
    } catch (error) {
      throw storageFault(error);
    }
    const store = new ProgressDb(db);
    if (legacy) await store.migrateLegacy(legacy).catch(() => undefined); // the keys stay for next time
    return store;
  }

  private async migrateLegacy(legacy: LegacyStorage): Promise<void> {
    const { records, keys } = readLegacyProgress(legacy);
    if (keys.length === 0) return;
    const tx = this.db.transaction(STORE, "readwrite");
    for (const old of records) {
      const read = readLessonRecord(old);
      if (read.ok && (await tx.store.getKey(old.slug)) === undefined) await tx.store.put(read.record);
    }
    await tx.done;
    for (const key of keys) legacy.removeItem(key);
  }

  /** One lesson's record; a fresh one when there is none, or (with a notice) when it could not be read. */
  async read(slug: string): Promise<StoredLesson> {
    let raw: unknown;
    try {
      raw = await this.db.get(STORE, slug);
    } catch (error) {
      // IndexedDB could not even deserialize it; treat as damaged.
      raw = { schema: 0, error: String(error) };
    }
    return this.checked(slug, raw);
  }

  /** Every lesson's record (the home page), by slug. */
  async readAll(): Promise<Map<string, StoredLesson>> {
    const all = new Map<string, StoredLesson>();
    const keys = await this.db.getAllKeys(STORE);
    for (const key of keys) {
      if (typeof key === "string") all.set(key, await this.read(key));
    }
    return all;
  }

  /** Save one lesson's record; rejects with a StorageFault and leaves the old record as it was. */
  async write(record: LessonRecord): Promise<void> {
    try {
      await this.db.put(STORE, record);
    } catch (error) {
      throw storageFault(error);
    }
  }

  /** Save several records in one transaction: all of them or none (an import). */
  async writeAll(records: readonly LessonRecord[]): Promise<void> {
    try {
      const tx = this.db.transaction(STORE, "readwrite");
      await Promise.all([...records.map((r) => tx.store.put(r)), tx.done]);
    } catch (error) {
      throw storageFault(error);
    }
  }

  close(): void {
    this.db.close();
  }

  private async checked(slug: string, raw: unknown): Promise<StoredLesson> {
    if (raw === undefined) return { record: freshRecord(slug) };
    const read = readLessonRecord(raw);
    if (read.ok && read.record.slug === slug) {
      if (read.migratedFrom === undefined) return { record: read.record };
      await this.write(read.record).catch(() => undefined); // migrated again next time if this fails
      return { record: read.record, migratedFrom: read.migratedFrom };
    }
    const reason = read.ok ? `it belongs to another lesson ("${read.record.slug}")` : read.reason;
    const record = freshRecord(slug);
    await this.write(record).catch(() => undefined);
    return { record, notice: resetNotice(reason) };
  }
}
