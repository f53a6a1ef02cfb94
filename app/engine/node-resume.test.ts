/** The node as the learner left it: booted from the stored snapshot and terminal history, and kept after each change. */
import { describe, expect, it } from "vitest";
import type { SandboxSnapshot } from "@/sandbox";
import { NodeHost } from "./node-host";
import type { ExerciseStart, FromWorker } from "./protocol";

const PROMPT = "root@aks-nodepool1-12345678-vmss000000:~# ";
const UP = "\x1b[A";
/** bash 5.1 turns on bracketed paste with its first prompt. */
const PASTE_ON = "\x1b[?2004h";

const stop = { id: "stop", check: { kind: "unit", unit: "kubelet", active: "inactive" } as const };

/** A host with a stopped wall clock; `until` waits for a message the test expects. */
function resumed(restore?: SandboxSnapshot, history: string[] = [], exerciseStart?: ExerciseStart) {
  const posted: FromWorker[] = [];
  const node = new NodeHost((m) => posted.push(m), { now: () => 0, every: () => () => {} });
  const booted = node.receive({
    type: "boot",
    scenario: "healthy",
    seed: 1,
    exercises: exerciseStart ? [stop] : [],
    done: [],
    answers: {},
    columns: 80,
    clear: true,
    setup: ["touch /root/setup-ran"],
    restore,
    history,
    exerciseStart,
  });
  const until = async (test: (m: FromWorker) => boolean) => {
    while (!posted.some(test)) await new Promise((resolve) => setTimeout(resolve, 5));
  };
  const writes = () => posted.flatMap((m) => (m.type === "write" ? [m.data] : []));
  return { node, posted, booted, until, writes };
}

describe("a node resumed from storage", () => {
  it("comes back as it was left, with its terminal history", async () => {
    const steps = [{ exec: "touch /root/setup-ran" }, { exec: "systemctl stop kubelet" }];
    const { node, posted, booted, until, writes } = resumed({ scenario: "healthy", seed: 1, steps }, [
      "systemctl stop kubelet",
    ]);
    await booted;
    await node.receive({ type: "input", data: `systemctl is-active kubelet\r` });
    await until((m) => m.type === "node-state");
    await node.receive({ type: "input", data: UP });
    expect(writes().join("")).toBe(
      `\x1bc${PASTE_ON}${PROMPT}systemctl is-active kubelet\r\ninactive\r\n${PROMPT}systemctl is-active kubelet\x1b[J`,
    );
    await node.receive({ type: "input", data: `${UP}${UP}` });
    expect(writes().at(-1)).toBe("\x1b[27Dsystemctl stop kubelet\x1b[J");
    expect(posted.find((m) => m.type === "node-state")).toEqual({
      type: "node-state",
      snapshot: { scenario: "healthy", seed: 1, steps: [...steps, { exec: "systemctl is-active kubelet" }] },
    });
    // "Reset node" is the lesson's start state (its setup lines), and is kept as such
    await node.receive({ type: "reset" });
    expect(posted.at(-1)).toEqual({
      type: "node-state",
      snapshot: { scenario: "healthy", seed: 1, steps: [{ exec: "touch /root/setup-ran" }] },
    });
  });

  it("starts from the lesson's start state, and says why, when the stored node no longer replays", async () => {
    const { booted, writes } = resumed({ scenario: "kube-proxy-gone", seed: 1, steps: [] }, []);
    await booted;
    expect(writes()).toEqual([
      "\x1bc",
      `\x1b[33mThe saved node could not be rebuilt (snapshot is of scenario "kube-proxy-gone", not "healthy"); this is the lesson's start state.\x1b[0m\r\n`,
      `${PASTE_ON}${PROMPT}`,
    ]);
  });

  it("opens the node's history where the current exercise started, so its reset and diff reach past the reload", async () => {
    // First visit: the exercise starts (its mark travels with the node), then a file is written.
    const before = resumed(undefined, [], { id: "stop", steps: 0 });
    await before.booted;
    await before.until((m) => m.type === "history-ready");
    await before.node.receive({ type: "input", data: "echo hi > /root/notes\r" });
    await before.until((m) => m.type === "node-state");
    const saved = before.posted.find((m) => m.type === "node-state");
    if (saved?.type !== "node-state") throw new Error("no node-state");
    expect(saved.exercise).toEqual({ id: "stop", steps: 1 });

    // Next visit: the history is opened at the mark, so the file shows as this exercise's change.
    const after = resumed(saved.snapshot, [], saved.exercise);
    await after.booted;
    await after.node.receive({ type: "call", id: 1, call: { op: "changes", exercise: "stop" } });
    await after.until((m) => m.type === "reply");
    expect(after.posted.find((m) => m.type === "reply")).toMatchObject({
      result: [{ path: "/root/notes", change: "added", before: "", after: "hi\n" }],
    });
    await after.node.receive({ type: "call", id: 2, call: { op: "resetExercise", exercise: "stop" } });
    await after.until((m) => m.type === "reply" && m.id === 2);
    expect(after.posted.at(-1)).toEqual({
      type: "node-state",
      snapshot: { scenario: "healthy", seed: 1, steps: [{ exec: "touch /root/setup-ran" }] },
      exercise: { id: "stop", steps: 1 },
    });
  });
});
