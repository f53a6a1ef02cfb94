import { describe, expect, it } from "vitest";
import type { Check } from "@/sandbox";
import { gradeInOrder, statusOf } from "./grading";

const unit = (active: "active" | "inactive"): Check => ({ kind: "unit", unit: "kubelet", active });
const exercises = [
  { id: "stop", check: unit("inactive") },
  { id: "start", check: unit("active") },
  { id: "stop-again", check: unit("inactive") },
];

/** A node whose kubelet is in `state`; checks answer from it and are counted. */
function node(state: "active" | "inactive") {
  const asked: Check[] = [];
  const check = (c: Check) => {
    asked.push(c);
    const pass = c.kind === "unit" && c.active === state;
    return { pass, detail: `kubelet.service is ${state}` };
  };
  return { asked, check };
}

describe("gradeInOrder", () => {
  it("grades only the first open exercise and reports why it fails", () => {
    const { asked, check } = node("active");
    expect(gradeInOrder(exercises, new Set(), check)).toEqual({
      done: [],
      current: { id: "stop", detail: "kubelet.service is active" },
    });
    expect(asked).toHaveLength(1);
  });

  it("moves on to the next exercise in the same pass when one passes", () => {
    const { check } = node("inactive");
    expect(gradeInOrder(exercises, new Set(), check)).toEqual({
      done: ["stop"],
      current: { id: "start", detail: "kubelet.service is inactive" },
    });
  });

  it("keeps done exercises done whatever the node does later", () => {
    const { asked, check } = node("active");
    expect(gradeInOrder(exercises, new Set(["stop"]), check)).toEqual({
      done: ["stop", "start"],
      current: { id: "stop-again", detail: "kubelet.service is active" },
    });
    expect(asked).toEqual([unit("active"), unit("inactive")]);
  });

  it("turns a throwing check into a detail instead of an exception", () => {
    const grade = gradeInOrder(exercises, new Set(), () => {
      throw new Error("no such unit");
    });
    expect(grade.current).toEqual({ id: "stop", detail: "This check could not run: no such unit" });
  });
});

describe("statusOf", () => {
  it("marks done, the first open one current, and the rest up next", () => {
    const done = new Set(["stop"]);
    expect(exercises.map((e) => statusOf(exercises, done, e.id))).toEqual(["done", "current", "upcoming"]);
  });
});
