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
      exercises: [stopKubelet],
      done: [],
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
    return posted.slice(from).map((m) => (m.type === "busy" ? { type: "busy", steps: m.snapshot.steps } : m));
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
      { type: "write", data: PROMPT },
      { type: "graded", done: [], current: { id: "stop", detail: "kubelet.service is active (running)" } },
    ]);
  });

  it("runs a typed line between busy (with the node's snapshot before it) and idle, and re-grades after", async () => {
    const { boot, type } = host();
    await boot();
    expect(await type("hostname")).toEqual([
      { type: "write", data: "hostname\r\n" },
      { type: "busy", steps: [] },
      { type: "write", data: "aks-nodepool1-12345678-vmss000000\r\n" },
      { type: "idle" },
      { type: "write", data: PROMPT },
    ]);
    expect(await type("systemctl stop kubelet")).toEqual([
      { type: "write", data: "systemctl stop kubelet\r\n" },
      { type: "busy", steps: [{ exec: "hostname" }] },
      { type: "graded", done: ["stop"], current: null },
      { type: "idle" },
      { type: "write", data: PROMPT },
    ]);
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
      { type: "write", data: PROMPT },
      { type: "graded", done: ["stop"], current: null },
    ]);
    expect(await second.type("systemctl is-active kubelet")).toEqual([
      { type: "write", data: "systemctl is-active kubelet\r\n" },
      // the stuck line (here `hostname`) is not in the rebuilt node's history
      { type: "busy", steps: [{ exec: "systemctl stop kubelet" }] },
      { type: "write", data: "inactive\r\n" },
      { type: "idle" },
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

  it("reports a boot that fails instead of throwing", async () => {
    const { posted, boot } = host();
    await boot({ scenario: "no-such-scenario" });
    expect(posted).toEqual([{ type: "failed", reason: expect.stringContaining("no-such-scenario") }]);
  });
});
