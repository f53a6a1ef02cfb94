import { describe, expect, it } from "vitest";
import { freshRecord, HISTORY_LIMIT, readLessonRecord, resetNotice, SCHEMA_VERSION } from "./record";

const snapshot = { scenario: "healthy", seed: 1, steps: [{ exec: "systemctl stop kubelet" }, { advance: 5000 }] };
const current = {
  schema: 2,
  slug: "kubelet",
  done: ["stop"],
  answers: { why: "the lease" },
  attempt: 1,
  node: snapshot,
  exercise: { id: "stop", steps: 1 },
  history: ["systemctl stop kubelet"],
};

describe("lesson records", () => {
  it("reads a current record as it is", () => {
    expect(SCHEMA_VERSION).toBe(2);
    expect(readLessonRecord(current)).toEqual({ ok: true, record: current });
  });

  it("migrates a schema-1 record (the localStorage era's progress) forward: no node, no history yet", () => {
    const v1 = { schema: 1, slug: "kubelet", done: ["stop"], answers: { why: "x" }, attempt: 3 };
    expect(readLessonRecord(v1)).toEqual({
      ok: true,
      migratedFrom: 1,
      record: {
        schema: 2,
        slug: "kubelet",
        done: ["stop"],
        answers: { why: "x" },
        attempt: 3,
        node: null,
        exercise: null,
        history: [],
      },
    });
  });

  it("refuses a record of a newer schema, saying which", () => {
    expect(readLessonRecord({ ...current, schema: 7 })).toEqual({
      ok: false,
      reason: "it was saved by a newer version of the course (schema 7; this page reads up to 2)",
    });
  });

  it("refuses data that is not a lesson record", () => {
    const foreign = { ok: false, reason: "it is not a lesson record of this course" };
    for (const raw of ["hello", 42, null, [], { done: [] }, { schema: "2" }, { schema: 0 }, { schema: 1.5 }]) {
      expect(readLessonRecord(raw)).toEqual(foreign);
    }
  });

  it("refuses a damaged record, naming the first field that is wrong", () => {
    expect(readLessonRecord({ ...current, done: "stop" })).toEqual({
      ok: false,
      reason: "it is damaged (done should be an array, not a string)",
    });
    expect(readLessonRecord({ ...current, attempt: 0 })).toEqual({
      ok: false,
      reason: "it is damaged (attempt must be at least 1)",
    });
    expect(readLessonRecord({ ...current, node: { ...snapshot, steps: [{ exec: 1 }] } })).toEqual({
      ok: false,
      reason: "it is damaged (node.steps.0 is not a step a node replays)",
    });
    expect(readLessonRecord({ ...current, history: Array(HISTORY_LIMIT + 1).fill("ls") })).toEqual({
      ok: false,
      reason: "it is damaged (history must have at most 500 items)",
    });
    // a schema-1 record is checked against schema 1's shape before it moves on
    expect(readLessonRecord({ schema: 1, slug: "kubelet", done: [], answers: [], attempt: 1 })).toEqual({
      ok: false,
      reason: "it is damaged (answers should be an object, not an array)",
    });
  });

  it("starts a lesson afresh, and words the notice", () => {
    expect(freshRecord("kubelet")).toEqual({
      schema: 2,
      slug: "kubelet",
      done: [],
      answers: {},
      attempt: 1,
      node: null,
      exercise: null,
      history: [],
    });
    expect(resetNotice("it is damaged")).toBe("Saved progress could not be read and was reset: it is damaged");
  });
});
