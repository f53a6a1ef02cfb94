/**
 * The diagram's data flow: the page watches the node's view, the worker sends it at once and
 * then only when it changed (after a line, or a clock tick that changed the node), and stops
 * when nobody watches.
 */
import { describe, expect, it } from "vitest";
import type { NodeView } from "@/sandbox";
import { NodeHost } from "./node-host";
import type { FromWorker, ToWorker } from "./protocol";
import { RemoteNode, type WorkerLike } from "./remote-node";

/** A host whose wall clock the test moves: `tick(ms)` is one of the page's 1 s steps. */
function host() {
  const posted: FromWorker[] = [];
  let wall = 0;
  let everySecond = () => {};
  const node = new NodeHost((message) => posted.push(message), {
    now: () => wall,
    every: (_ms, fn) => {
      everySecond = fn;
      return () => {};
    },
  });
  const views = () => posted.filter((m) => m.type === "node-view").map((m) => (m as { view: NodeView }).view);
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  const tick = async (ms: number) => {
    wall += ms;
    everySecond();
    await settle();
  };
  const type = async (line: string) => {
    const from = posted.length;
    await node.receive({ type: "input", data: `${line}\r` });
    while (!posted.slice(from).some((m) => m.type === "idle")) await new Promise((r) => setTimeout(r, 5));
    await settle();
  };
  return { node, posted, views, tick, type, settle };
}

const boot: ToWorker = {
  type: "boot",
  scenario: "healthy",
  seed: 1,
  exercises: [],
  done: [],
  answers: {},
  columns: 80,
  clear: true,
};

const kubelet = (view: NodeView | undefined) => view?.units.find((u) => u.name === "kubelet.service")?.state;

describe("the node's view, from the worker", () => {
  it("is sent only while watched, at once, and again only when the node changed", async () => {
    const { node, views, tick, type, settle } = host();
    await node.receive(boot);
    await settle();
    expect(views()).toEqual([]);

    await node.receive({ type: "watch-view", watch: true });
    await settle();
    expect(views().map((v) => [kubelet(v), v.ready.state])).toEqual([["active (running)", "Ready"]]);

    // a tick that changes nothing the diagram shows sends nothing
    await tick(1000);
    expect(views()).toHaveLength(1);

    await type("systemctl stop kubelet");
    expect(views().map((v) => [kubelet(v), v.ready.state])).toEqual([
      ["active (running)", "Ready"],
      ["inactive (dead)", "Ready"],
    ]);

    // wall time moves the simulated clock: past the 50 s grace period the node is NotReady
    for (let s = 0; s < 60; s++) await tick(1000);
    expect(views().map((v) => [kubelet(v), v.ready.state, v.ready.reason])).toEqual([
      ["active (running)", "Ready", "KubeletReady"],
      ["inactive (dead)", "Ready", "KubeletReady"],
      // the controller marks the pods not Ready in the same pass, so this is one change
      ["inactive (dead)", "NotReady", "NodeStatusUnknown"],
    ]);

    await node.receive({ type: "watch-view", watch: false });
    await type("systemctl start kubelet");
    expect(views()).toHaveLength(3);
  });
});

class FakeWorker implements WorkerLike {
  received: ToWorker[] = [];
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  postMessage(message: ToWorker) {
    this.received.push(message);
  }
  terminate() {}
  answer(message: FromWorker) {
    this.onmessage?.({ data: message } as MessageEvent<FromWorker>);
  }
}

describe("RemoteNode.watchView", () => {
  it("asks the worker while someone watches, hands each view on, and asks a new worker again", () => {
    const workers: FakeWorker[] = [];
    const remote = new RemoteNode({
      scenario: "healthy",
      exercises: [],
      done: () => [],
      onState: () => {},
      onGraded: () => {},
      spawn: () => {
        const worker = new FakeWorker();
        workers.push(worker);
        return worker;
      },
    });
    remote.start();
    const seen: string[] = [];
    const stop = remote.watchView((view) => seen.push(view.ready.state));
    const view = { ready: { state: "NotReady" } } as NodeView;
    workers[0]?.answer({ type: "node-view", view });
    // a second viewer gets the last view at once; the worker is asked once
    const late: string[] = [];
    const stopLate = remote.watchView((v) => late.push(v.ready.state));
    expect([seen, late]).toEqual([["NotReady"], ["NotReady"]]);
    remote.reboot();
    stopLate();
    stop();
    expect(workers.map((w) => w.received.filter((m) => m.type === "watch-view"))).toEqual([
      [{ type: "watch-view", watch: true }],
      [
        { type: "watch-view", watch: true },
        { type: "watch-view", watch: false },
      ],
    ]);
  });
});
