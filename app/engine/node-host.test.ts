import { describe, expect, it } from "vitest";
import { NodeHost } from "./node-host";
import type { FromWorker, ToWorker } from "./protocol";

const PROMPT = "root@aks-nodepool1-12345678-vmss000000:~# ";
const stopKubelet = { id: "stop", check: { kind: "unit", unit: "kubelet", active: "inactive" } as const };

/** A host with its clock stopped (no wall-time ticks), and every message it posts. */
function host() {
  const posted: FromWorker[] = [];
  const node = new NodeHost((message) => posted.push(message), { now: () => 0, every: () => () => {} });
  const boot = (extra: Partial<Extract<ToWorker, { type: "boot" }>> = {}) =>
    node.receive({
      type: "boot",
      scenario: "healthy",
      seed: 1,
      exercises: [stopKubelet],
      done: [],
      answers: {},
      columns: 80,
      clear: true,
      ...extra,
    });
  /** Type a line and wait until the prompt is back; what was posted meanwhile (snapshots as their steps). */
  const type = async (line: string) => {
    const from = posted.length;
    await node.receive({ type: "input", data: `${line}\r` });
    const back = () => posted.slice(from).some((m) => m.type === "idle") && posted.at(-1)?.type === "write";
    while (!back()) await new Promise((resolve) => setTimeout(resolve, 5));
    return posted
      .slice(from)
      .map((m) => (m.type === "busy" || m.type === "node-state" ? { type: m.type, steps: m.snapshot.steps } : m));
  };
  return { node, posted, boot, type };
}

describe("NodeHost", () => {
  it("boots, says it is ready before it resets the screen and prints the prompt, then grades", async () => {
    const { posted, boot } = host();
    await boot();
    await Promise.resolve();
    expect(posted).toEqual([
      { type: "ready" },
      { type: "write", data: "\x1bc" },
      // bash 5.1 turns on bracketed paste with its prompt
      { type: "write", data: `\x1b[?2004h${PROMPT}` },
      { type: "graded", done: [], current: { id: "stop", detail: "kubelet.service is active (running)" } },
    ]);
  });

  it("runs a typed line between busy (with the node's snapshot before it) and idle, and re-grades after", async () => {
    const { boot, type } = host();
    await boot();
    expect(await type("hostname")).toEqual([
      { type: "write", data: "hostname\r\n" },
      // the terminal's history grows (the page keeps it)
      { type: "history-entry", line: "hostname" },
      { type: "busy", steps: [] },
      // the history opens behind the first prompt, before the first line runs
      { type: "history-ready" },
      { type: "write", data: "aks-nodepool1-12345678-vmss000000\r\n" },
      { type: "idle" },
      // the node after the line, for the page to keep
      { type: "node-state", steps: [{ exec: "hostname" }] },
      { type: "write", data: PROMPT },
    ]);
    expect(await type("systemctl stop kubelet")).toEqual([
      { type: "write", data: "systemctl stop kubelet\r\n" },
      { type: "history-entry", line: "systemctl stop kubelet" },
      { type: "busy", steps: [{ exec: "hostname" }] },
      { type: "graded", done: ["stop"], current: null },
      { type: "idle" },
      { type: "node-state", steps: [{ exec: "hostname" }, { exec: "systemctl stop kubelet" }] },
      { type: "write", data: PROMPT },
    ]);
  });

  it("completes with Tab from the node's state, and says when a line follows until Ctrl-C", async () => {
    const { node, posted, boot } = host();
    await boot();
    let from = posted.length;
    await node.receive({ type: "input", data: "systemctl status kub\t" });
    expect(posted.slice(from)).toEqual([{ type: "write", data: "systemctl status kubelet.service " }]);
    await node.receive({ type: "input", data: "\x15journalctl -u kubelet -n 0 -f\r" });
    while (!posted.some((m) => m.type === "follow")) await new Promise((resolve) => setTimeout(resolve, 5));
    from = posted.length;
    await node.receive({ type: "input", data: "\x03" });
    while (!posted.slice(from).some((m) => m.type === "idle")) await new Promise((resolve) => setTimeout(resolve, 5));
    const kinds = posted.map((m) => m.type);
    expect(kinds.indexOf("busy")).toBeLessThan(kinds.indexOf("follow"));
    expect(kinds.indexOf("follow")).toBeLessThan(kinds.lastIndexOf("idle"));
  });

  it("rebuilds a node from a snapshot without clearing the screen (after the page stopped a stuck worker)", async () => {
    const first = host();
    await first.boot();
    await first.type("systemctl stop kubelet");
    await first.type("hostname");
    const busy = first.posted.filter((m) => m.type === "busy").at(-1);
    if (busy?.type !== "busy") throw new Error("no busy message");

    const second = host();
    await second.boot({ clear: false, restore: busy.snapshot, done: ["stop"] });
    await Promise.resolve();
    expect(second.posted).toEqual([
      { type: "ready" },
      { type: "write", data: `\x1b[?2004h${PROMPT}` },
      { type: "graded", done: ["stop"], current: null },
    ]);
    expect(await second.type("systemctl is-active kubelet")).toEqual([
      { type: "write", data: "systemctl is-active kubelet\r\n" },
      { type: "history-entry", line: "systemctl is-active kubelet" },
      // the stuck line (here `hostname`) is not in the rebuilt node's history
      { type: "busy", steps: [{ exec: "systemctl stop kubelet" }] },
      { type: "history-ready" },
      { type: "write", data: "inactive\r\n" },
      { type: "idle" },
      { type: "node-state", steps: [{ exec: "systemctl stop kubelet" }, { exec: "systemctl is-active kubelet" }] },
      { type: "write", data: PROMPT },
    ]);
  });

  it("puts the node back in its start state on reset, and grades against the progress the page sends", async () => {
    const { node, posted, boot, type } = host();
    await boot();
    await type("systemctl stop kubelet");
    await node.receive({ type: "reset" });
    await node.receive({ type: "done", ids: [] });
    await Promise.resolve();
    expect(posted.at(-1)).toEqual({
      type: "graded",
      done: [],
      current: { id: "stop", detail: "kubelet.service is active (running)" },
    });
  });

  it("answers the editor's and the history's calls in order with commands", async () => {
    const { node, posted, boot, type } = host();
    await boot();
    // the history opens with the first line, and the current exercise's start is marked in it
    await type("hostname");
    await type("systemctl stop kubelet");
    const reply = async (id: number) => {
      while (!posted.some((m) => m.type === "reply" && m.id === id)) await new Promise((r) => setTimeout(r, 5));
      return posted.find((m) => m.type === "reply" && m.id === id);
    };
    await node.receive({ type: "call", id: 1, call: { op: "save", path: "/root/notes", content: "kubelet\n" } });
    expect(await reply(1)).toEqual({ type: "reply", id: 1, result: {} });
    await node.receive({ type: "call", id: 2, call: { op: "list", path: "/root" } });
    expect(await reply(2)).toMatchObject({
      result: expect.arrayContaining([{ name: "notes", path: "/root/notes", directory: false }]),
    });
    // undo the save, then the stop: back to where the exercise started
    await node.receive({ type: "call", id: 3, call: { op: "undo" } });
    expect(await reply(3)).toMatchObject({ result: { message: "systemctl stop kubelet" } });
    await node.receive({ type: "call", id: 4, call: { op: "undo" } });
    expect(await reply(4)).toMatchObject({ result: { message: "Start exercise stop" } });
    expect(await type("systemctl is-active kubelet")).toContainEqual({ type: "write", data: "active\r\n" });
    await node.receive({ type: "call", id: 5, call: { op: "resetExercise", exercise: "nope" } });
    expect(await reply(5)).toEqual({ type: "reply", id: 5, error: 'exercise "nope" was never started' });
  });

  it("grades a question with the answer the page sends", async () => {
    const { node, posted, boot } = host();
    const pause = {
      id: "pause",
      check: {
        kind: "answer",
        question: "Which pause image?",
        expect: { file: "/etc/containerd/config.toml", pattern: 'sandbox_image = "([^"]+)"' },
      },
    } as const;
    await boot({ exercises: [pause] });
    await Promise.resolve();
    expect(posted.at(-1)).toEqual({ type: "graded", done: [], current: { id: "pause", detail: "no answer yet" } });
    await node.receive({ type: "answers", answers: { pause: "mcr.microsoft.com/oss/kubernetes/pause:3.6" } });
    await Promise.resolve();
    expect(posted.at(-1)).toEqual({ type: "graded", done: ["pause"], current: null });
  });

  it("sends the page the rules a connection's first packet went through", async () => {
    const { boot, type } = host();
    await boot();
    const posted = await type("curl -s -m 2 http://10.0.0.10:53/");
    const found = posted.find((m) => m.type === "packet-trace");
    if (!found || !("trace" in found)) throw new Error("no packet-trace message");
    const trace = found as Extract<FromWorker, { type: "packet-trace" }>;
    expect(trace.trace.from).toEqual({ address: "10.0.0.10", port: 53 });
    expect(trace.trace.rules.map((r) => `${r.table} ${r.chain}`).slice(0, 2)).toEqual([
      "nat OUTPUT",
      "nat KUBE-SERVICES",
    ]);
    expect(trace.trace.rules.some((r) => r.chain.startsWith("KUBE-SEP-") && r.rule.includes("DNAT"))).toBe(true);
  });

  it("boots the node with the page's seed (the attempt), which a reset keeps", async () => {
    const { node, posted, boot, type } = host();
    const culprit = {
      id: "culprit",
      check: { kind: "answer", question: "What was broken?", expect: { fault: "culprit" } },
    } as const;
    // random-fault's seed 3 is containerd-stopped
    await boot({ scenario: "random-fault", seed: 3, exercises: [culprit] });
    expect(await type("systemctl is-active containerd")).toContainEqual({ type: "write", data: "inactive\r\n" });
    await type("systemctl start containerd");
    await node.receive({ type: "reset" });
    expect(await type("systemctl is-active containerd")).toContainEqual({ type: "write", data: "inactive\r\n" });
    await node.receive({ type: "answers", answers: { culprit: "containerd" } });
    await Promise.resolve();
    expect(posted.at(-1)).toEqual({ type: "graded", done: ["culprit"], current: null });
  });

  it("runs the lesson's setup lines before the first prompt, and a reset comes back to the state after them", async () => {
    const { node, posted, boot } = host();
    await boot({ setup: ["systemctl stop kubelet"] });
    await Promise.resolve();
    expect(posted.filter((m) => m.type === "graded")).toEqual([{ type: "graded", done: ["stop"], current: null }]);
    await node.receive({ type: "reset" });
    await node.receive({ type: "done", ids: [] });
    await Promise.resolve();
    expect(posted.at(-1)).toEqual({ type: "graded", done: ["stop"], current: null });
  });

  it("reports a boot that fails instead of throwing", async () => {
    const { posted, boot } = host();
    await boot({ scenario: "no-such-scenario" });
    expect(posted).toEqual([{ type: "failed", reason: expect.stringContaining("no-such-scenario") }]);
  });
});
