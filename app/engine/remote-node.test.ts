import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { FromWorker, ToWorker } from "./protocol";
import { INTERRUPT_GRACE_MS, RemoteNode, type WorkerLike } from "./remote-node";

/** A worker that records what the page sends and answers only when the test says so. */
class FakeWorker implements WorkerLike {
  received: ToWorker[] = [];
  terminated = false;
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  postMessage(message: ToWorker) {
    this.received.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  answer(message: FromWorker) {
    this.onmessage?.({ data: message } as MessageEvent<FromWorker>);
  }
}

const snapshot = { scenario: "healthy", seed: 1, steps: [{ exec: "systemctl stop kubelet" }] };

function page() {
  const workers: FakeWorker[] = [];
  const states: string[] = [];
  const graded: unknown[] = [];
  let screen = "";
  const remote = new RemoteNode({
    scenario: "healthy",
    exercises: [],
    done: () => ["stop"],
    onState: (state, error) => states.push(error ? `${state}: ${error}` : state),
    onGraded: (done, current) => graded.push({ done, current }),
    spawn: () => {
      const worker = new FakeWorker();
      workers.push(worker);
      return worker;
    },
  });
  remote.attach({ write: (data) => (screen += data), columns: () => 100 });
  return { remote, workers, states, graded, screen: () => screen };
}

describe("RemoteNode", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("keeps keys typed before the worker starts and sends them after the boot, in order", () => {
    const { remote, workers, states } = page();
    remote.input("host");
    remote.input("name\r");
    expect(workers).toEqual([]);
    remote.start();
    remote.input("ls\r");
    expect(workers[0]?.received).toEqual([
      {
        type: "boot",
        scenario: "healthy",
        seed: 1,
        exercises: [],
        done: ["stop"],
        answers: {},
        columns: 100,
        clear: true,
      },
      { type: "input", data: "host" },
      { type: "input", data: "name\r" },
      { type: "input", data: "ls\r" },
    ]);
    expect(states).toEqual(["loading"]);
  });

  it("prints what the worker writes, and passes its state and grades on", () => {
    const { remote, workers, states, graded, screen } = page();
    remote.start();
    expect(remote.ready).toBe(false);
    workers[0]?.answer({ type: "ready" });
    workers[0]?.answer({ type: "write", data: "\x1bcroot@node:~# " });
    workers[0]?.answer({ type: "graded", done: ["stop"], current: null });
    expect(remote.ready).toBe(true);
    expect(states).toEqual(["loading", "ready"]);
    expect(graded).toEqual([{ done: ["stop"], current: null }]);
    expect(screen()).toBe("\x1bcroot@node:~# ");
  });

  it("leaves Ctrl-C to the worker when it gives the prompt back in time", () => {
    const { remote, workers } = page();
    remote.start();
    workers[0]?.answer({ type: "busy", snapshot });
    remote.input("\x03");
    vi.advanceTimersByTime(INTERRUPT_GRACE_MS - 1);
    workers[0]?.answer({ type: "idle" });
    vi.advanceTimersByTime(INTERRUPT_GRACE_MS);
    expect(workers).toHaveLength(1);
    expect(workers[0]?.terminated).toBe(false);
  });

  it("stops a worker that does not answer Ctrl-C and rebuilds the node from the snapshot before the line", () => {
    const { remote, workers, states, screen } = page();
    remote.start();
    workers[0]?.answer({ type: "ready" });
    workers[0]?.answer({ type: "busy", snapshot });
    remote.input("\x03");
    vi.advanceTimersByTime(INTERRUPT_GRACE_MS);
    expect(workers[0]?.terminated).toBe(true);
    expect(screen()).toBe("^C\r\n");
    expect(workers[1]?.received).toEqual([
      {
        type: "boot",
        scenario: "healthy",
        seed: 1,
        exercises: [],
        done: ["stop"],
        answers: {},
        columns: 100,
        clear: false,
        restore: snapshot,
      },
    ]);
    expect(states).toEqual(["loading", "ready", "loading"]);
    // keys typed now go to the new worker; the old one is not heard any more
    remote.input("hostname\r");
    workers[0]?.answer({ type: "write", data: "late output" });
    expect(workers[1]?.received.at(-1)).toEqual({ type: "input", data: "hostname\r" });
    expect(screen()).toBe("^C\r\n");
  });

  it("reboots with the seed it reads at boot (a new attempt): the old worker goes, the screen is cleared", () => {
    let attempt = 1;
    const workers: FakeWorker[] = [];
    const states: string[] = [];
    const history: boolean[] = [];
    const remote = new RemoteNode({
      scenario: "random-fault",
      exercises: [],
      done: () => [],
      seed: () => attempt,
      onState: (state) => states.push(state),
      onGraded: () => {},
      onHistory: (ready) => history.push(ready),
      spawn: () => {
        const worker = new FakeWorker();
        workers.push(worker);
        return worker;
      },
    });
    remote.reboot(); // not started yet: nothing to replace
    expect(workers).toEqual([]);
    remote.start();
    workers[0]?.answer({ type: "ready" });
    workers[0]?.answer({ type: "busy", snapshot });
    attempt = 2;
    remote.reboot();
    expect(workers[0]?.terminated).toBe(true);
    expect(workers[1]?.received).toEqual([
      {
        type: "boot",
        scenario: "random-fault",
        seed: 2,
        exercises: [],
        done: [],
        answers: {},
        columns: 80,
        clear: true,
      },
    ]);
    expect(states).toEqual(["loading", "ready", "loading"]);
    expect(history).toEqual([false, false]);
    // the old worker's line no longer counts: a Ctrl-C now waits for the new one, it does not restart it
    remote.input("\x03");
    vi.advanceTimersByTime(INTERRUPT_GRACE_MS);
    expect(workers).toHaveLength(2);
  });

  it("says so on the terminal when the worker cannot start", () => {
    const { remote, workers, states, screen } = page();
    remote.start();
    workers[0]?.onerror?.({ message: "Uncaught SyntaxError" } as ErrorEvent);
    expect(states).toEqual(["loading", "failed: Uncaught SyntaxError"]);
    expect(screen()).toBe(
      "\r\n\x1b[31mThe node failed: Uncaught SyntaxError\x1b[0m\r\nReload the page to try again.\r\n",
    );
  });
});
