import "fake-indexeddb/auto";
import { IDBFactory } from "fake-indexeddb";
import { openDB } from "idb";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { LegacyStorage } from "./legacy";
import { DB_NAME, ProgressDb, STORE } from "./progress-db";
import { freshRecord } from "./record";

/** localStorage as the page of the localStorage era left it. */
class MemoryStorage implements LegacyStorage {
  constructor(readonly items = new Map<string, string>()) {}
  get length() {
    return this.items.size;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

/** Write raw values into the store, as another page (or a damaged disk) could have. */
async function seed(...values: unknown[]) {
  const db = await openDB(DB_NAME, 1, { upgrade: (d) => d.createObjectStore(STORE, { keyPath: "slug" }) });
  for (const value of values) await db.put(STORE, value);
  db.close();
}

const kubelet = { ...freshRecord("kubelet"), done: ["stop"], answers: { why: "lease" } };

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe("the progress database", () => {
  it("writes a lesson's record and reads it back; a lesson never saved reads fresh", async () => {
    const db = await ProgressDb.open();
    await db.write(kubelet);
    expect(await db.read("kubelet")).toEqual({ record: kubelet });
    expect(await db.read("kube-proxy")).toEqual({ record: freshRecord("kube-proxy") });
    db.close();
    const again = await ProgressDb.open();
    expect([...(await again.readAll()).entries()]).toEqual([["kubelet", { record: kubelet }]]);
  });

  it("moves the localStorage era's progress in once, then removes its keys; a lesson already stored keeps its record", async () => {
    await seed({ ...freshRecord("kube-proxy"), done: ["from-idb"] });
    const legacy = new MemoryStorage(
      new Map([
        ["inside-the-node:progress:kubelet", '["stop","start"]'],
        ["inside-the-node:answers:kubelet", '{"why":"lease"}'],
        ["inside-the-node:attempt:troubleshooting", "3"],
        ["inside-the-node:progress:kube-proxy", '["from-local"]'],
        ["theme", "dark"],
      ]),
    );
    const db = await ProgressDb.open(legacy);
    expect([...legacy.items.keys()]).toEqual(["theme"]);
    expect(await db.read("kubelet")).toEqual({
      record: { ...freshRecord("kubelet"), done: ["stop", "start"], answers: { why: "lease" } },
    });
    expect(await db.read("troubleshooting")).toEqual({ record: freshRecord("troubleshooting", 3) });
    expect((await db.read("kube-proxy")).record.done).toEqual(["from-idb"]);
  });

  it("brings an older record up to date and saves it so", async () => {
    await seed({ schema: 1, slug: "kubelet", done: ["stop"], answers: {}, attempt: 2 });
    const db = await ProgressDb.open();
    const migrated = { ...freshRecord("kubelet", 2), done: ["stop"] };
    expect(await db.read("kubelet")).toEqual({ record: migrated, migratedFrom: 1 });
    expect(await db.read("kubelet")).toEqual({ record: migrated });
  });

  it("resets a damaged, foreign or future record with a notice, once", async () => {
    await seed(
      { ...kubelet, done: "stop" },
      { slug: "kube-proxy", rules: 12 },
      { ...freshRecord("networking-cni"), schema: 3 },
    );
    const db = await ProgressDb.open();
    expect(await db.read("kubelet")).toEqual({
      record: freshRecord("kubelet"),
      notice: "Saved progress could not be read and was reset: it is damaged (done should be an array, not a string)",
    });
    expect(await db.read("kube-proxy")).toEqual({
      record: freshRecord("kube-proxy"),
      notice: "Saved progress could not be read and was reset: it is not a lesson record of this course",
    });
    expect(await db.read("networking-cni")).toEqual({
      record: freshRecord("networking-cni"),
      notice:
        "Saved progress could not be read and was reset: it was saved by a newer version of the course (schema 3; this page reads up to 2)",
    });
    expect(await db.read("kubelet")).toEqual({ record: freshRecord("kubelet") });
  });

  it("adds its store to a foreign database of the same name, and reads a database a newer page upgraded", async () => {
    const foreign = await openDB(DB_NAME, 5, { upgrade: (d) => d.createObjectStore("other") });
    await foreign.put("other", "keep me", "k");
    foreign.close();
    const db = await ProgressDb.open();
    await db.write(kubelet);
    expect(await db.read("kubelet")).toEqual({ record: kubelet });
    db.close();
    const after = await openDB(DB_NAME);
    expect([after.version, [...after.objectStoreNames], await after.get("other", "k")]).toEqual([
      6,
      ["lessons", "other"],
      "keep me",
    ]);
    after.close();
  });

  it("reports a full storage and keeps what was saved", async () => {
    const db = await ProgressDb.open();
    await db.write(kubelet);
    vi.spyOn(IDBObjectStore.prototype, "put").mockImplementation(() => {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    });
    await expect(db.write({ ...kubelet, done: ["stop", "start"] })).rejects.toThrow(
      "Progress can't be saved: storage is full",
    );
    await expect(db.writeAll([freshRecord("kubelet")])).rejects.toThrow("Progress can't be saved: storage is full");
    vi.restoreAllMocks();
    expect(await db.read("kubelet")).toEqual({ record: kubelet });
  });

  it("says so when the browser keeps no storage at all", async () => {
    vi.spyOn(globalThis.indexedDB, "open").mockImplementation(() => {
      throw new DOMException("The user denied permission to access the database.", "SecurityError");
    });
    await expect(ProgressDb.open()).rejects.toThrow(
      "Progress can't be saved: this browser does not allow this site to store data (private browsing or blocked site data)",
    );
  });
});
