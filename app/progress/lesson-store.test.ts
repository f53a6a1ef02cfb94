import "fake-indexeddb/auto";
import { IDBFactory } from "fake-indexeddb";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { LessonStore } from "./lesson-store";
import { ProgressDb } from "./progress-db";
import { freshRecord } from "./record";

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});
afterEach(() => {
  vi.restoreAllMocks();
});

const stored = async (slug: string) => (await (await ProgressDb.open()).read(slug)).record;

describe("a lesson's store on its page", () => {
  it("writes a burst of changes as the latest record, in order", async () => {
    const { store, notice } = await LessonStore.open("kubelet");
    expect(notice).toBeUndefined();
    const put = vi.spyOn(IDBObjectStore.prototype, "put");
    store.update({ done: ["stop"] });
    store.addHistory("systemctl stop kubelet");
    store.update({ answers: { why: "lease" } });
    await store.flushed();
    expect(put).toHaveBeenCalledTimes(2); // the first change, then the other two as one
    expect(await stored("kubelet")).toEqual({
      ...freshRecord("kubelet"),
      done: ["stop"],
      answers: { why: "lease" },
      history: ["systemctl stop kubelet"],
    });
  });

  it("keeps the newest 500 lines of history", async () => {
    const { store } = await LessonStore.open("kubelet");
    store.update({ history: Array.from({ length: 500 }, (_, i) => `echo ${i}`) });
    store.addHistory("uptime");
    await store.flushed();
    const { history } = await stored("kubelet");
    expect([history.length, history[0], history.at(-1)]).toEqual([500, "echo 1", "uptime"]);
  });

  it("tells the learner when saving fails, keeps the last saved record, and clears the notice once a write succeeds", async () => {
    const { store } = await LessonStore.open("kubelet");
    store.update({ done: ["stop"] });
    await store.flushed();
    const notices: (string | null)[] = [];
    store.onNotice((n) => notices.push(n));
    const put = vi.spyOn(IDBObjectStore.prototype, "put").mockImplementation(() => {
      throw new DOMException("quota", "QuotaExceededError");
    });
    store.update({ done: ["stop", "start"] });
    await store.flushed();
    expect(store.notice).toBe("Progress can't be saved: storage is full");
    expect((await stored("kubelet")).done).toEqual(["stop"]);
    put.mockRestore();
    store.update({ answers: { why: "lease" } });
    await store.flushed();
    expect(notices).toEqual(["Progress can't be saved: storage is full", null]);
    expect((await stored("kubelet")).done).toEqual(["stop", "start"]);
  });

  it("goes on from memory when the browser keeps nothing", async () => {
    vi.spyOn(globalThis.indexedDB, "open").mockImplementation(() => {
      throw new DOMException("denied", "SecurityError");
    });
    const { store, notice } = await LessonStore.open("kubelet");
    expect(notice).toBe(
      "Progress can't be saved: this browser does not allow this site to store data (private browsing or blocked site data)",
    );
    store.update({ done: ["stop"] });
    expect(store.record.done).toEqual(["stop"]);
  });
});
