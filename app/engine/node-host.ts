/**
 * The worker's side of the node (node.worker.ts wires it to `self`): one sandbox, the line
 * editor that reads the page's keys, the simulated clock kept in step with wall time, and the
 * exercises re-graded after every change. Without DOM or Worker APIs, so tests drive it directly.
 */
import {
  createSandbox,
  createTerminalSession,
  type Sandbox,
  type SandboxHistory,
  type SandboxSnapshot,
  type TerminalSession,
} from "@/sandbox";
import { gradeInOrder } from "../components/grading";
import type { ExerciseStart, FromWorker, GradableExercise, NodeCall, ToWorker } from "./protocol";

/** Wall time between clock steps, and the most one step may add (a laptop waking from sleep). */
export const TICK_MS = 1000;
const MAX_STEP_MS = 60_000;

/** Full reset (RIS): the page's boot prompt and echo make way for the real session. */
const RESET_SCREEN = "\x1bc";

export interface HostTimers {
  now(): number;
  every(ms: number, fn: () => void): () => void;
}

const wallClock: HostTimers = {
  now: () => performance.now(),
  every: (ms, fn) => {
    const timer = setInterval(fn, ms);
    return () => clearInterval(timer);
  },
};

export class NodeHost {
  private sandbox?: Sandbox;
  private session?: TerminalSession;
  private exercises: GradableExercise[] = [];
  private done = new Set<string>();
  private answers: Record<string, string> = {};
  private columns = 80;
  private start?: ReturnType<Sandbox["snapshot"]>;
  private lastGrade = "";
  private gradeScheduled = false;
  private history?: SandboxHistory;
  /** The exercise whose start the history last marked (reset exercise comes back there). */
  private exerciseStarted?: string;
  /** Whether the page shows the diagram, and the last picture of the node sent to it (as JSON). */
  private viewWatched = false;
  private lastView = "";
  /** Where in the node's steps that exercise started, for the page to keep with the node. */
  private exerciseMark?: ExerciseStart;

  constructor(
    private readonly post: (message: FromWorker) => void,
    private readonly timers: HostTimers = wallClock,
  ) {}

  async receive(message: ToWorker): Promise<void> {
    try {
      await this.handle(message);
    } catch (error) {
      this.post({ type: "failed", reason: error instanceof Error ? error.message : String(error) });
    }
  }

  private async handle(message: ToWorker): Promise<void> {
    switch (message.type) {
      case "boot":
        return this.boot(message);
      case "input":
        this.session?.input(message.data);
        return;
      case "resize":
        this.columns = message.columns;
        return;
      case "answers":
        this.answers = message.answers;
        this.lastGrade = "";
        this.scheduleGrade();
        return;
      case "done":
        this.done = new Set(message.ids);
        this.lastGrade = "";
        this.scheduleGrade();
        return;
      case "reset":
        return this.reset();
      case "call":
        return this.call(message.id, message.call);
      case "watch-view":
        this.viewWatched = message.watch;
        this.lastView = "";
        this.scheduleGrade();
        return;
    }
  }

  /** The page's editor and history buttons: answered by id, in order with the learner's commands. */
  private async call(id: number, call: NodeCall): Promise<void> {
    const sandbox = this.sandbox;
    const history = this.history;
    try {
      if (!sandbox) throw new Error("the node is not running yet");
      let result: unknown;
      if (call.op === "save") result = await sandbox.saveFile(call.path, call.content);
      else if (call.op === "list") result = sandbox.listDirectory(call.path);
      else if (!history) throw new Error("the node's history is not ready yet");
      else if (call.op === "undo") result = (await history.undo()) ?? null;
      else if (call.op === "resetExercise") result = await history.resetExercise(call.exercise);
      else result = await history.changes(call.exercise);
      this.post({ type: "reply", id, result });
      if (call.op !== "list" && call.op !== "changes") this.saveState();
      this.scheduleGrade();
    } catch (error) {
      this.post({ type: "reply", id, error: error instanceof Error ? error.message : String(error) });
    }
  }

  private async boot(message: Extract<ToWorker, { type: "boot" }>): Promise<void> {
    this.exercises = message.exercises;
    this.done = new Set(message.done);
    this.answers = message.answers ?? {};
    this.columns = message.columns;
    const sandbox = createSandbox({ scenario: message.scenario, seed: message.seed });
    // The lesson's own adjustments to its scenario, run before the learner arrives; the start
    // state ("Reset node") is the node after them.
    for (const line of message.setup ?? []) await sandbox.exec(line);
    this.start = sandbox.snapshot();
    const notRestored = message.restore && (await this.resume(sandbox, message.restore, message.exerciseStart));
    this.sandbox = sandbox;
    sandbox.onChange(() => this.scheduleGrade());
    sandbox.onOpenFile((request) => this.post({ type: "open-file", request }));
    this.tickWithWallTime(sandbox);
    // "ready" goes first: from then on the page stops echoing keys itself, so a key typed
    // while the screen is being reset is echoed once, by the session.
    this.post({ type: "ready" });
    if (message.clear) this.post({ type: "write", data: RESET_SCREEN });
    if (notRestored) this.post({ type: "write", data: notRestored });
    this.session = createTerminalSession({
      exec: async (line, options) => {
        this.post({ type: "busy", snapshot: sandbox.snapshot() });
        const traceBefore = sandbox.lastPacketTrace();
        try {
          return await sandbox.exec(line, { ...options, onFollow: () => this.post({ type: "follow" }) });
        } finally {
          const trace = sandbox.lastPacketTrace();
          if (trace && trace !== traceBefore) this.post({ type: "packet-trace", trace });
          this.post({ type: "idle" });
          this.saveState();
          this.scheduleGrade();
        }
      },
      prompt: () => sandbox.prompt(),
      write: (data) => this.post({ type: "write", data }),
      columns: () => this.columns,
      interrupt: () => sandbox.interrupt(),
      complete: (line, point) => sandbox.complete(line, point),
      bracketedPaste: true,
      history: message.history,
      onHistoryEntry: (line) => this.post({ type: "history-entry", line }),
    });
    this.session.start();
    this.scheduleGrade();
    // The history loads isomorphic-git; it opens behind the first prompt, in line with commands.
    void sandbox.history().then((history) => {
      this.history = history;
      this.post({ type: "history-ready" });
      this.scheduleGrade();
    });
  }

  /** Keep simulated time in step with wall time, so a stopped kubelet turns the node NotReady while the learner reads. */
  private tickWithWallTime(sandbox: Sandbox): void {
    let last = this.timers.now();
    this.timers.every(TICK_MS, () => {
      const elapsed = Math.floor(this.timers.now() - last);
      last += elapsed;
      if (elapsed > 0) sandbox.clock.advance(Math.min(elapsed, MAX_STEP_MS));
      this.scheduleGrade();
    });
  }

  /** The worker handles messages in order (node.worker.ts), so keys sent meanwhile wait for the rebuilt node. */
  private async reset(): Promise<void> {
    if (!this.sandbox || !this.start) return;
    await this.sandbox.restore(this.start);
    this.saveState();
    this.scheduleGrade();
  }

  /** The page keeps the node after each change, to boot from on the learner's next visit. */
  private saveState(): void {
    if (!this.sandbox) return;
    const snapshot = this.sandbox.snapshot();
    // A reset or an undo to before the exercise's start leaves the mark pointing nowhere.
    const mark = this.exerciseMark;
    const exercise = mark && mark.steps <= snapshot.steps.length ? mark : undefined;
    this.post(exercise ? { type: "node-state", snapshot, exercise } : { type: "node-state", snapshot });
  }

  /**
   * Rebuild the node as the learner left it. With the current exercise's start, the node's
   * history is opened there first (then the rest is replayed), so the exercise's start is the
   * same commit it was before the reload. Costs a second replay of the steps before the mark.
   */
  private async resume(sandbox: Sandbox, snapshot: SandboxSnapshot, mark?: ExerciseStart): Promise<string | undefined> {
    if (mark && mark.steps <= snapshot.steps.length) {
      const failed = await this.restore(sandbox, { ...snapshot, steps: snapshot.steps.slice(0, mark.steps) });
      if (failed) return failed;
      this.history = await sandbox.history();
      await this.history.startExercise(mark.id);
      this.exerciseStarted = mark.id;
      this.exerciseMark = mark;
    }
    return this.restore(sandbox, snapshot);
  }

  /**
   * Rebuild the node from a snapshot; a snapshot that no longer replays (a newer site changed
   * the lesson's scenario) leaves the lesson's start state instead. Returns what to tell the
   * learner then, or undefined.
   */
  private async restore(sandbox: Sandbox, snapshot: SandboxSnapshot): Promise<string | undefined> {
    try {
      await sandbox.restore(snapshot);
      return undefined;
    } catch (error) {
      await sandbox.restore(this.start as SandboxSnapshot);
      const reason = error instanceof Error ? error.message : String(error);
      return `\x1b[33mThe saved node could not be rebuilt (${reason}); this is the lesson's start state.\x1b[0m\r\n`;
    }
  }

  /** Coalesce: a command can change a lot of state and fire onChange many times. */
  private scheduleGrade(): void {
    if (this.gradeScheduled || !this.sandbox) return;
    this.gradeScheduled = true;
    queueMicrotask(() => {
      this.gradeScheduled = false;
      this.grade();
      this.publishView();
    });
  }

  /** The diagram's picture of the node, when it is shown and something in it changed (a tick mostly changes nothing). */
  private publishView(): void {
    if (!this.viewWatched || !this.sandbox) return;
    const view = this.sandbox.view();
    const key = JSON.stringify(view);
    if (key === this.lastView) return;
    this.lastView = key;
    this.post({ type: "node-view", view });
  }

  private grade(): void {
    const sandbox = this.sandbox;
    if (!sandbox) return;
    const result = gradeInOrder(this.exercises, this.done, (check, id) =>
      sandbox.check(check, { answer: this.answers[id] }),
    );
    for (const id of result.done) this.done.add(id);
    const current = result.current?.id;
    if (this.history && current && current !== this.exerciseStarted) {
      this.exerciseStarted = current;
      // The mark is made in line with commands; count the steps when it is (a line may be queued before it).
      void this.history.startExercise(current).then(() => {
        this.exerciseMark = { id: current, steps: sandbox.snapshot().steps.length };
      });
    }
    const message: FromWorker = { type: "graded", done: result.done, current: result.current ?? null };
    const key = JSON.stringify(message);
    if (key === this.lastGrade) return;
    this.lastGrade = key;
    this.post(message);
  }
}
