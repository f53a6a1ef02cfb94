/**
 * The page's side of the node: it starts the node's Web Worker (node.worker.ts), sends it the
 * learner's keys and prints what it answers. Light on purpose (no engine code): it is on the
 * page before the prompt.
 *
 * Ctrl-C goes to the worker's line editor like any key, which stops the running command
 * (`sleep`, `journalctl -f` yield to the worker's event loop). A command that never yields
 * (`while true; do :; done`) keeps the worker from even reading the key: if the worker has not
 * given the prompt back `INTERRUPT_GRACE_MS` after a Ctrl-C, the page stops it and starts a new
 * one from the snapshot taken just before that line (the line's own effects are lost with it).
 */
import type { EditorRequest, NodeView, PacketTrace, SandboxSnapshot } from "@/sandbox";
import type { ExerciseStart, FromWorker, GradableExercise, NodeCall, NodeCallResult, ToWorker } from "./protocol";

/** The node as the page shows it: starting (or restarting after a hung line), running, or broken. */
export type EngineState = "loading" | "ready" | "failed";

export const INTERRUPT_GRACE_MS = 1000;

export interface WorkerLike {
  postMessage(message: ToWorker): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export interface TerminalSink {
  write(data: string): void;
  columns(): number;
  /** A follow-mode command (`journalctl -f`) runs (true) or has ended (false): the page shows a cue. */
  following?(on: boolean): void;
}

export interface RemoteNodeOptions {
  scenario: string;
  /** The lesson's setup lines (frontmatter `setup`), run on the node before the learner's first prompt. */
  setup?: string[];
  exercises: GradableExercise[];
  /** The exercises done when the worker boots (stored progress). */
  done(): string[];
  /** The learner's answers when the worker boots. */
  answers?(): Record<string, string>;
  /** The node's seed when the worker boots: the learner's attempt number (default 1). */
  seed?(): number;
  onState(state: EngineState, error?: string): void;
  onGraded(done: string[], current: { id: string; detail: string } | null): void;
  /** A command asked for a file in the editor pane. */
  onOpenFile?(request: EditorRequest): void;
  /** A line made a connection; the rules its first packet matched. */
  onPacketTrace?(trace: PacketTrace): void;
  /** The node's history is ready (true) or gone with a restarted worker (false). */
  onHistory?(ready: boolean): void;
  /** The node as the learner left it (stored), to boot from; undefined for the lesson's start state. */
  resume?(): SandboxSnapshot | undefined;
  /** The terminal's history from earlier visits, oldest first. */
  history?(): string[];
  /** Where in the resumed node's steps the current exercise started. */
  exerciseStart?(): ExerciseStart | undefined;
  /** The node changed (a line ran, a reset, an undo): its snapshot, and its exercise's start, to keep. */
  onNodeState?(snapshot: SandboxSnapshot, exercise?: ExerciseStart): void;
  /** A line joined the terminal's history. */
  onHistoryEntry?(line: string): void;
  /** Start a worker; tests pass one that runs the host in-process. */
  spawn?: () => WorkerLike;
}

const spawnNodeWorker = (): WorkerLike =>
  new Worker(new URL("./node.worker.ts", import.meta.url), { type: "module", name: "node" }) as WorkerLike;

export class RemoteNode {
  private worker: WorkerLike | null = null;
  private terminal: TerminalSink | null = null;
  /** Keys typed before the worker was started. */
  private kept: string[] = [];
  private busy = false;
  private beforeLine: Extract<FromWorker, { type: "busy" }>["snapshot"] | undefined;
  private watchdog: ReturnType<typeof setTimeout> | undefined;
  /** True once the worker's session owns the terminal (the page's boot echo must stop). */
  ready = false;
  private nextCall = 1;
  private readonly calls = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  /** Who shows the node's diagram, and the last picture the worker sent. */
  private readonly viewers = new Set<(view: NodeView) => void>();
  private lastView: NodeView | undefined;

  /** Ask the node for something outside the terminal (save a file, undo, a diff); rejects if it cannot. */
  call<K extends NodeCall["op"]>(call: Extract<NodeCall, { op: K }>): Promise<NodeCallResult[K]> {
    if (!this.worker) return Promise.reject(new Error("the node is not running"));
    const id = this.nextCall++;
    return new Promise((resolve, reject) => {
      this.calls.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.post({ type: "call", id, call });
    });
  }

  constructor(private readonly options: RemoteNodeOptions) {}

  attach(terminal: TerminalSink): () => void {
    this.terminal = terminal;
    return () => {
      if (this.terminal === terminal) this.terminal = null;
    };
  }

  /** Start the worker and boot the node; keys typed so far follow the boot. */
  start(): void {
    if (this.worker) return;
    this.spawn({ clear: true });
    for (const data of this.kept.splice(0)) this.post({ type: "input", data });
  }

  input(data: string): void {
    if (!this.worker) {
      this.kept.push(data);
      return;
    }
    this.post({ type: "input", data });
    if (this.busy && data.includes("\x03") && this.watchdog === undefined) {
      this.watchdog = setTimeout(() => this.restartHung(), INTERRUPT_GRACE_MS);
    }
  }

  /**
   * Receive the node's picture now (if known) and whenever it changes, until the returned function
   * is called. The worker computes it only while someone watches (a hidden diagram costs nothing).
   */
  watchView(fn: (view: NodeView) => void): () => void {
    this.viewers.add(fn);
    if (this.lastView) fn(this.lastView);
    if (this.viewers.size === 1) this.post({ type: "watch-view", watch: true });
    return () => {
      if (!this.viewers.delete(fn) || this.viewers.size > 0) return;
      this.post({ type: "watch-view", watch: false });
    };
  }

  resize(columns: number): void {
    this.post({ type: "resize", columns });
  }

  setDone(ids: string[]): void {
    this.post({ type: "done", ids });
  }

  setAnswers(answers: Record<string, string>): void {
    this.post({ type: "answers", answers });
  }

  reset(): void {
    this.post({ type: "reset" });
  }

  /**
   * Boot a new node in place of this one (a new attempt: `seed()` has changed): the old worker
   * and its history go, the terminal is cleared and the new node prints its prompt.
   */
  reboot(): void {
    if (!this.worker) return; // not started yet: start() boots with the new seed
    clearTimeout(this.watchdog);
    this.watchdog = undefined;
    this.busy = false;
    this.terminal?.following?.(false);
    this.beforeLine = undefined;
    this.worker.terminate();
    this.worker = null;
    this.spawn({ clear: true });
  }

  dispose(): void {
    clearTimeout(this.watchdog);
    this.worker?.terminate();
    this.worker = null;
  }

  private post(message: ToWorker): void {
    this.worker?.postMessage(message);
  }

  private spawn({ clear, restore }: { clear: boolean; restore?: RemoteNode["beforeLine"] }): void {
    const { scenario, exercises, done, spawn = spawnNodeWorker } = this.options;
    this.ready = false;
    // A new worker starts a new history; calls the old one never answered fail.
    this.options.onHistory?.(false);
    for (const pending of this.calls.values()) pending.reject(new Error("the node restarted"));
    this.calls.clear();
    this.options.onState("loading");
    let worker: WorkerLike;
    try {
      worker = spawn();
    } catch (error) {
      this.options.onState("failed", error instanceof Error ? error.message : String(error));
      return;
    }
    this.worker = worker;
    worker.onmessage = (event) => {
      if (this.worker === worker) this.receive(event.data);
    };
    worker.onerror = (event) => {
      if (this.worker === worker) this.fail(event.message || "the node's worker could not start");
    };
    const columns = this.terminal?.columns() ?? 80;
    const answers = this.options.answers?.() ?? {};
    const seed = this.options.seed?.() ?? 1;
    const setup = this.options.setup;
    const history = this.options.history?.();
    worker.postMessage({
      type: "boot",
      scenario,
      seed,
      setup,
      exercises,
      done: done(),
      answers,
      columns,
      clear,
      restore: restore ?? this.options.resume?.(),
      history,
      exerciseStart: this.options.exerciseStart?.(),
    });
    if (this.viewers.size > 0) worker.postMessage({ type: "watch-view", watch: true });
  }

  private receive(message: FromWorker): void {
    switch (message.type) {
      case "write":
        this.terminal?.write(message.data);
        return;
      case "ready":
        this.ready = true;
        this.options.onState("ready");
        return;
      case "busy":
        this.busy = true;
        this.beforeLine = message.snapshot;
        return;
      case "follow":
        this.terminal?.following?.(true);
        return;
      case "idle":
        this.terminal?.following?.(false);
        this.busy = false;
        clearTimeout(this.watchdog);
        this.watchdog = undefined;
        return;
      case "node-state":
        this.options.onNodeState?.(message.snapshot, message.exercise);
        return;
      case "history-entry":
        this.options.onHistoryEntry?.(message.line);
        return;
      case "graded":
        this.options.onGraded(message.done, message.current);
        return;
      case "failed":
        this.fail(message.reason);
        return;
      case "open-file":
        this.options.onOpenFile?.(message.request);
        return;
      case "packet-trace":
        this.options.onPacketTrace?.(message.trace);
        return;
      case "history-ready":
        this.options.onHistory?.(true);
        return;
      case "node-view":
        this.lastView = message.view;
        for (const fn of this.viewers) fn(message.view);
        return;
      case "reply": {
        const pending = this.calls.get(message.id);
        this.calls.delete(message.id);
        if (message.error !== undefined) pending?.reject(new Error(message.error));
        else pending?.resolve(message.result);
        return;
      }
    }
  }

  private fail(reason: string): void {
    this.options.onState("failed", reason);
    this.terminal?.write(`\r\n\x1b[31mThe node failed: ${reason}\x1b[0m\r\nReload the page to try again.\r\n`);
  }

  /** The worker did not answer Ctrl-C: stop it, and rebuild the node as it was before the line. */
  private restartHung(): void {
    this.watchdog = undefined;
    if (!this.busy) return;
    this.busy = false;
    this.terminal?.following?.(false);
    this.worker?.terminate();
    this.worker = null;
    // What the line editor would have echoed, had it been able to read the key.
    this.terminal?.write("^C\r\n");
    this.spawn({ clear: false, restore: this.beforeLine });
  }
}
