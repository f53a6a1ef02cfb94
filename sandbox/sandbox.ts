/**
 * createSandbox: a World booted into a scenario, a shell session on it, grading, change
 * notification and snapshots. The page, the CLI and the tests all come through here.
 */
import { bindCommands } from "./commands";
import { type EditorRequest, openInEditor, saveFromEditor } from "./editor/editor";
import { grade } from "./grading/grade";
import type { Check, CheckContext, CheckResult } from "./grading/schema";
import { stateDigest } from "./history/digest";
import { etcBaseline } from "./history/etc-baseline";
import type { FileChange, HistoryEntry, NodeHistory } from "./history/node-history";
import { trackedFiles } from "./history/tracked";
import type { PacketTrace } from "./packet-path";
import { SCENARIO_BOOT_TIME, SCENARIOS } from "./scenarios";
import { type ExecResult, type RunOptions, Shell } from "./shell/bash-shell";
import { type Completions, complete } from "./shell/completion";
import { nodeView } from "./view/node-view";
import type { NodeView } from "./view/types";
import { World } from "./world";

export type { Completions, EditorRequest, ExecResult, FileChange, HistoryEntry };

/**
 * The node's history (isomorphic-git under the sandbox): a commit when an exercise starts and
 * after every command that changed the node. Undo and reset restore the whole node.
 */
export interface SandboxHistory {
  /** Commit the node as it is now and remember it as the exercise's start. */
  startExercise(id: string): Promise<HistoryEntry>;
  /** Restore the node to before the last command that changed it; undefined when there is none. */
  undo(): Promise<HistoryEntry | undefined>;
  /** Restore the node to how it was when the exercise started. */
  resetExercise(id: string): Promise<HistoryEntry>;
  /** Files changed since the exercise started (or since the history began). */
  changes(sinceExercise?: string): Promise<FileChange[]>;
  /** Commits, newest first. */
  log(): Promise<HistoryEntry[]>;
}

export interface ExecOptions {
  /**
   * Receive the line's output as it is printed, in order: a follow-mode command's chunks
   * (`journalctl -f`) as they come, then, when the line ends, the rest of its stdout and its
   * stderr. With it, print the chunks and nothing else; the result still carries everything.
   */
  onOutput?: RunOptions["onOutput"];
  /** Told when the line starts following (`journalctl -f`, `kubectl get -w`): it runs until interrupt(). */
  onFollow?: RunOptions["onFollow"];
}

export interface SandboxClock {
  /** Simulated wall time, ms since the Unix epoch. */
  now(): number;
  /** Move simulated time forward; every controller due in between runs, in order. */
  advance(ms: number): void;
}

export interface SandboxOptions {
  /** Start state; defaults to `healthy`. Unknown names throw with the list of known ones. */
  scenario?: string;
  seed?: number;
}

/**
 * A whole-state snapshot, as a replay log: the scenario, the seed and every step since.
 * The simulation is deterministic, so replaying the steps rebuilds the same node.
 */
export interface SandboxSnapshot {
  readonly scenario: string;
  readonly seed: number;
  readonly steps: readonly (
    | { exec: string }
    | { advance: number; whileRunning?: true }
    | { interrupt: true; beforeStart?: true }
    | { save: string; content: string }
  )[];
}

export interface Sandbox {
  readonly scenario: string;
  readonly clock: SandboxClock;
  /**
   * Run one command line (pipes, `;`, `&&`, redirects) as root on the node. Never rejects.
   * A follow-mode command (`journalctl -f`) runs until `interrupt()`, printing through
   * `onOutput` as the clock moves; without `onOutput` its output arrives with the result.
   */
  exec(line: string, options?: ExecOptions): Promise<ExecResult>;
  /** Ctrl-C: stop the running command at its next step (a long `sleep` stops where it is); exit 130. */
  interrupt(): void;
  /** The shell prompt for the current directory, e.g. `root@aks-nodepool1-12345678-vmss000000:~# `. */
  prompt(): string;
  /**
   * Tab completion: what bash would offer for the word before `point` (a code-point index
   * into `line`), from the node's state now. Reads only; never throws.
   */
  complete(line: string, point: number): Completions;
  /** Judge a check against the node now; `context.answer` is what the learner typed for a question. */
  check(check: Check, context?: CheckContext): CheckResult;
  /** Called after any state change (a command ran, the clock moved). Returns an unsubscribe function. */
  onChange(fn: () => void): () => void;
  snapshot(): SandboxSnapshot;
  /**
   * The node's last outgoing connection (what `curl` dialled), with the iptables rules its
   * first packet matched in the order the kernel evaluated them: a ClusterIP's way through
   * KUBE-SERVICES, KUBE-SVC-* and KUBE-SEP-* to a pod, for the page to show.
   */
  lastPacketTrace(): PacketTrace | undefined;
  /** The node's parts and their states now, for the page's diagram (small, serialisable; reads only). */
  view(): NodeView;
  /** Rebuild the node from a snapshot (replays it); resolves when done. */
  restore(snapshot: SandboxSnapshot): Promise<void>;
  /**
   * Be told when a command (`vi FILE`, `nano FILE`, ...) asks to open a file in the editor pane.
   * While nobody listens, those commands say there is no editor here. Returns an unsubscribe function.
   */
  onOpenFile(fn: (request: EditorRequest) => void): () => void;
  /** What the editor would show for a file (a lesson's "open in editor" link), or why it cannot open. */
  openFile(path: string): EditorRequest | { error: string };
  /** A directory's entries for the page's file tree (directories first, then files, by name); [] if it is not one. */
  listDirectory(path: string): { name: string; path: string; directory: boolean }[];
  /** Write the editor's text to the node, in order with commands; a failed write changes nothing. */
  saveFile(path: string, content: string): Promise<{ error?: string }>;
  /** Start keeping the node's history (loads isomorphic-git on first call); the same object after. */
  history(): Promise<SandboxHistory>;
}

export const scenarioNames: readonly string[] = Object.keys(SCENARIOS);

/** Each scenario with what a learner finds on the node, for the authoring reference (content/REFERENCE.md). */
export const scenarioCatalogue: readonly { name: string; description: string }[] = Object.entries(SCENARIOS).map(
  ([name, scenario]) => ({ name, description: scenario.description }),
);

const HOME = "/root";

/** The World behind each sandbox (it changes on restore), for tests that check state directly. */
const worlds = new WeakMap<Sandbox, () => World>();

/** For tests only (the fuzz test's invariants): the node's live World. Not in index.ts. */
export function worldOf(sandbox: Sandbox): World {
  const get = worlds.get(sandbox);
  if (!get) throw new Error("not a sandbox made by createSandbox");
  return get();
}

function bootWorld(scenario: string, seed: number): { world: World; shell: Shell } {
  const s = SCENARIOS[scenario];
  if (!s) throw new Error(`unknown scenario "${scenario}"; known: ${scenarioNames.join(", ")}`);
  const world = new World({ start: SCENARIO_BOOT_TIME, seed });
  s.boot(world);
  world.sessionStart = world.clock.now();
  world.pendingEtcRepo = etcBaseline(world.fs, world.sessionStart, world.hostname);
  const shell = new Shell({
    fs: world.fs,
    commands: bindCommands(world),
    cwd: HOME,
    env: {
      HOME,
      USER: "root",
      LOGNAME: "root",
      SHELL: "/bin/bash",
      HOSTNAME: world.hostname,
      PATH: "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/snap/bin",
      TERM: "xterm-256color",
      LANG: "C.UTF-8",
    },
  });
  world.shellNetns = () => shell.currentNetns;
  return { world, shell };
}

export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const scenario = options.scenario ?? "healthy";
  const seed = options.seed ?? 1;
  let { world, shell } = bootWorld(scenario, seed);
  /** Counts restores (each boots a new World). */
  let worldEpoch = 0;
  let steps: SandboxSnapshot["steps"][number][] = [];
  const listeners = new Set<() => void>();
  const editorListeners = new Set<(request: EditorRequest) => void>();
  const attachEditor = () => {
    world.openEditor = editorListeners.size
      ? (request) => {
          for (const fn of editorListeners) fn(request);
        }
      : undefined;
  };
  const emit = () => {
    for (const fn of listeners) fn();
  };
  let queue: Promise<unknown> = Promise.resolve();
  let running: AbortController | undefined;
  let nodeHistory: NodeHistory | undefined;
  let historyApi: Promise<SandboxHistory> | undefined;
  /** Run after every command already queued, and before any queued after it: one thing at a time, as in a terminal. */
  const enqueue = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task);
    queue = run.catch(() => undefined);
    return run;
  };

  /** Lines handed to exec() that have not finished; Ctrl-C while one waits its turn stops it as it starts. */
  let waiting = 0;
  let interruptNext = false;
  const runLine = async (line: string, options: ExecOptions = {}, interrupted = false): Promise<ExecResult> => {
    running = new AbortController();
    if (interrupted) running.abort();
    world.lineStartedAt = world.clock.now();
    try {
      const result = await shell.run(line, {
        signal: running.signal,
        onOutput: options.onOutput,
        onFollow: options.onFollow,
      });
      world.clock.advance(0);
      return result;
    } catch (e) {
      // A bug in the emulator must not take the page down: report it like a crashed tool.
      const stderr = `bash: internal error: ${(e as Error).message}\n`;
      options.onOutput?.(stderr, "stderr");
      return { stdout: "", stderr, exitCode: 70 };
    } finally {
      running = undefined;
    }
  };

  const sandbox: Sandbox = {
    scenario,
    clock: {
      now: () => world.clock.now(),
      advance(ms) {
        if (!(ms > 0) || !Number.isFinite(ms)) return;
        world.clock.advance(ms);
        // The page moves the clock every second: between two lines those ticks are one step
        // (the timers due run in the same order either way), so a stored snapshot stays small
        // and a reload replays an hour of reading as one advance, not 3,600.
        const last = steps.at(-1);
        if (!running && last && "advance" in last && !last.whileRunning)
          steps[steps.length - 1] = { advance: last.advance + ms };
        else steps.push(running ? { advance: ms, whileRunning: true } : { advance: ms });
        emit();
      },
    },
    exec(line, options) {
      waiting++;
      const run = enqueue(async () => {
        const before = nodeHistory ? stateDigest(world) : undefined;
        steps.push({ exec: line });
        const interrupted = interruptNext;
        interruptNext = false;
        if (interrupted) steps.push({ interrupt: true, beforeStart: true });
        const result = await runLine(line, options, interrupted);
        await nodeHistory?.record(line, stateDigest(world) !== before);
        emit();
        return result;
      });
      void run.finally(() => waiting--);
      return run;
    },
    interrupt() {
      // The line the learner sees running may still wait behind work of the page's (the
      // history opening): Ctrl-C then stops it as it starts, as SIGINT would have.
      if (!running && waiting > 0) interruptNext = true;
      if (!running || running.signal.aborted) return;
      steps.push({ interrupt: true });
      running.abort();
    },
    prompt() {
      const cwd =
        shell.cwd === HOME ? "~" : shell.cwd.startsWith(`${HOME}/`) ? `~${shell.cwd.slice(HOME.length)}` : shell.cwd;
      return `root@${world.hostname}:${cwd}# `;
    },
    complete(line, point) {
      try {
        return complete(world, { cwd: shell.cwd, env: { ...shell.variables } }, line, point);
      } catch {
        return { start: point, matches: [], filenames: false, noSpace: false };
      }
    },
    check: (check, context) => grade(world, check, context),
    onChange(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    snapshot: () => ({ scenario, seed, steps: [...steps] }),
    lastPacketTrace: () => world.packets.lastTrace,
    view: () => nodeView(world),
    onOpenFile(fn) {
      editorListeners.add(fn);
      attachEditor();
      return () => {
        editorListeners.delete(fn);
        attachEditor();
      };
    },
    openFile: (path) => openInEditor(world.fs, shell.cwd, path),
    listDirectory(path) {
      if (!world.fs.isDirectorySync(path)) return [];
      const base = path === "/" ? "" : path.replace(/\/+$/, "");
      return world.fs
        .readdirSync(path)
        .map((name) => ({ name, path: `${base}/${name}`, directory: world.fs.isDirectorySync(`${base}/${name}`) }))
        .sort((a, b) => Number(b.directory) - Number(a.directory) || a.name.localeCompare(b.name));
    },
    saveFile(path, content) {
      return enqueue(async () => {
        const before = nodeHistory ? stateDigest(world) : undefined;
        const saved = saveFromEditor(world.fs, path, content);
        if (saved.error) return saved;
        steps.push({ save: path, content });
        world.clock.advance(0);
        await nodeHistory?.record(`edit ${path}`, stateDigest(world) !== before);
        emit();
        return saved;
      });
    },
    history() {
      historyApi ??= enqueue(async () => {
        const { NodeHistory } = await import("./history/node-history");
        const h = await NodeHistory.open({
          files: () => trackedFiles(world.fs),
          // A restore boots a new World whose NodeFs counts from 0 again: the epoch tells them apart.
          filesVersion: () => `${worldEpoch}:${world.fs.generation}`,
          now: () => world.clock.now(),
          snapshot: () => sandbox.snapshot(),
          restore: (s) => sandbox.restore(s as SandboxSnapshot),
        });
        nodeHistory = h;
        const changing = <T>(task: () => Promise<T>) =>
          enqueue(async () => {
            const result = await task();
            emit();
            return result;
          });
        return {
          startExercise: (id) => enqueue(() => h.startExercise(id)),
          undo: () => changing(() => h.undo()),
          resetExercise: (id) => changing(() => h.resetExercise(id)),
          changes: (since) => enqueue(() => h.changes(since)),
          log: () => enqueue(() => h.log()),
        };
      });
      return historyApi;
    },
    async restore(snapshot) {
      if (snapshot.scenario !== scenario)
        throw new Error(`snapshot is of scenario "${snapshot.scenario}", not "${scenario}"`);
      running?.abort();
      ({ world, shell } = bootWorld(snapshot.scenario, snapshot.seed));
      worldEpoch++;
      steps = [];
      // A line runs until the next line starts; the clock moves and Ctrl-C lands while it
      // runs, as they did the first time (a follow-mode command waits for exactly that).
      let pending: Promise<ExecResult> | undefined;
      const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
      // Only a step that lands while the line runs needs the line to have got there first; the
      // rest wait for it to end. (A pass of the event loop per step cost 4 ms each in a worker,
      // where nested timers are clamped: a reload replays every line of the lesson.)
      const landsWhileRunning = (next: SandboxSnapshot["steps"][number] | undefined) =>
        next !== undefined && (("advance" in next && next.whileRunning) || ("interrupt" in next && !next.beforeStart));
      for (const [i, step] of snapshot.steps.entries()) {
        const next = snapshot.steps[i + 1];
        if ("exec" in step) {
          await pending;
          pending = runLine(step.exec, {}, next !== undefined && "beforeStart" in next);
          if (landsWhileRunning(next)) await settle();
        } else if ("save" in step) {
          await pending;
          saveFromEditor(world.fs, step.save, step.content);
        } else if ("advance" in step) {
          if (!step.whileRunning) await pending;
          world.clock.advance(step.advance);
          if (landsWhileRunning(next)) await settle();
        } else if (!step.beforeStart) {
          running?.abort();
        }
        steps.push(step);
      }
      await pending;
      attachEditor();
      emit();
    },
  };
  worlds.set(sandbox, () => world);
  return sandbox;
}
