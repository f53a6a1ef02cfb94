"use client";
/**
 * One lesson's live state in the page: the emulated node (loaded lazily, it is the heavy part),
 * its clock kept in step with wall time, and the exercises re-graded after every command and
 * every tick. The MDX body (exercise cards, click-to-run commands) and the sandbox pane read it
 * through two contexts: the node (stable) and the progress (changes as the learner works).
 */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from "react";
import type { Exercise } from "@/lib/content/schema";
import type {
  ExecOptions,
  ExecResult,
  Sandbox,
  SandboxSnapshot,
  TerminalSession,
  TerminalSessionOptions,
} from "@/sandbox";
import { type ExerciseStatus, gradeInOrder, statusOf } from "./grading";
import { loadDone, saveDone } from "./progress-store";

/** What the engine chunk provides once it has loaded. */
export interface NodeEngine {
  sandbox: Sandbox;
  createTerminalSession: (options: TerminalSessionOptions) => TerminalSession;
}

export type EngineState = "loading" | "ready" | "failed";

/** A terminal attached to the node: the runtime types commands into it. */
export interface TerminalHandle {
  feed(data: string): void;
  focus(): void;
}

interface NodeApi {
  engine(): Promise<NodeEngine>;
  /**
   * Run a line on the node and re-grade afterwards (what the terminal calls on Enter);
   * `onOutput` streams follow-mode output (`journalctl -f`) while the clock ticks.
   */
  exec(line: string, options?: ExecOptions): Promise<ExecResult>;
  /** Type a command into the terminal and run it, as a learner would. */
  run(line: string): void;
  attachTerminal(handle: TerminalHandle): () => void;
  /** The terminal has painted its first prompt; the node may boot now. */
  terminalShown(): void;
  /** Put the node back in the lesson's start state (exercises already done stay done). */
  resetNode(): void;
  /** Grade again now (after an editor save or an undo, which change the node outside `exec`). */
  regrade(): void;
  /** Give the terminal the keyboard back (an editor pane closed). */
  focusTerminal(): void;
}

interface Progress {
  exercises: readonly Exercise[];
  done: ReadonlySet<string>;
  status(id: string): ExerciseStatus;
  /** Why the current exercise's check does not pass yet. */
  detail: string | null;
  engineState: EngineState;
  engineError: string | null;
  /** Last thing worth announcing to a screen reader ("Exercise done: ..."). */
  announcement: string;
  resetProgress(): void;
}

const NodeContext = createContext<NodeApi | null>(null);
const ProgressContext = createContext<Progress | null>(null);

/** The node behind the current lesson; null outside a lesson page. */
export function useNode(): NodeApi | null {
  return useContext(NodeContext);
}

export function useProgress(): Progress | null {
  return useContext(ProgressContext);
}

/** Wall time between clock steps, and the most one step may add (a laptop waking from sleep). */
const TICK_MS = 1000;
const MAX_STEP_MS = 60_000;

/** Clears the line the learner was typing (Ctrl-E, Ctrl-U) before a clicked command is typed. */
const CLEAR_LINE = "\x05\x15";

/** How long the node's boot waits for the terminal to show its prompt before going ahead anyway. */
const BOOT_WAITS_FOR_TERMINAL_MS = 1500;

/**
 * Load the engine chunk (the fetch starts as the page hydrates), then boot the node. Booting
 * runs the node's clock through start-up, hundreds of milliseconds on the main thread, so it
 * waits until the terminal has painted its prompt: the learner sees a prompt at once.
 */
async function startEngine(scenario: string, terminalShown: Promise<void>): Promise<NodeEngine> {
  const { createSandbox, createTerminalSession } = await import("@/sandbox");
  await Promise.race([terminalShown, new Promise((resolve) => setTimeout(resolve, BOOT_WAITS_FOR_TERMINAL_MS))]);
  return { sandbox: createSandbox({ scenario }), createTerminalSession };
}

export function LessonRuntime(props: {
  slug: string;
  scenario: string;
  exercises: readonly Exercise[];
  children: ReactNode;
}) {
  const { slug, scenario, exercises, children } = props;
  const [done, setDone] = useState<ReadonlySet<string>>(() => new Set());
  const [detail, setDetail] = useState<string | null>(null);
  const [engineState, setEngineState] = useState<EngineState>("loading");
  const [engineError, setEngineError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");

  const doneRef = useRef<ReadonlySet<string>>(done);
  const engineRef = useRef<Promise<NodeEngine> | null>(null);
  const gradeRef = useRef<() => void>(() => {});
  const terminalRef = useRef<TerminalHandle | null>(null);
  const pendingRuns = useRef<string[]>([]);
  const startRef = useRef<SandboxSnapshot | null>(null);
  const [shown] = useState(() => {
    let resolve = () => {};
    const promise = new Promise<void>((done) => {
      resolve = done;
    });
    return { promise, resolve };
  });

  const engine = useCallback(() => {
    engineRef.current ??= startEngine(scenario, shown.promise);
    return engineRef.current;
  }, [scenario, shown]);

  const markDone = useCallback(
    (ids: string[]) => {
      const next = new Set(ids);
      const added = ids.filter((id) => !doneRef.current.has(id));
      doneRef.current = next;
      setDone(next);
      saveDone(slug, ids);
      const titles = exercises.filter((e) => added.includes(e.id)).map((e) => e.title);
      if (titles.length > 0) setAnnouncement(`Exercise done: ${titles.join(", ")}`);
    },
    [exercises, slug],
  );

  // Progress from an earlier visit. Runs before the engine effect below, and the engine is async.
  useEffect(() => {
    const known = new Set(exercises.map((e) => e.id));
    const stored = loadDone(slug).filter((id) => known.has(id));
    doneRef.current = new Set(stored);
    setDone(doneRef.current);
  }, [exercises, slug]);

  useEffect(() => {
    let stopped = false;
    let stop = () => {};
    engine().then(
      ({ sandbox }) => {
        if (stopped) return;
        startRef.current ??= sandbox.snapshot();
        const grade = () => {
          const result = gradeInOrder(exercises, doneRef.current, (check) => sandbox.check(check));
          if (result.done.length !== doneRef.current.size) markDone(result.done);
          setDetail(result.current?.detail ?? null);
        };
        // Coalesce: a command can change a lot of state and fire onChange many times.
        let scheduled = false;
        const schedule = () => {
          if (scheduled) return;
          scheduled = true;
          queueMicrotask(() => {
            scheduled = false;
            grade();
          });
        };
        gradeRef.current = schedule;
        const unsubscribe = sandbox.onChange(schedule);
        // Keep simulated time in step with wall time, so a stopped kubelet turns the node
        // NotReady while the learner reads.
        let last = performance.now();
        const timer = setInterval(() => {
          const elapsed = Math.floor(performance.now() - last);
          last += elapsed;
          if (elapsed > 0) sandbox.clock.advance(Math.min(elapsed, MAX_STEP_MS));
          schedule();
        }, TICK_MS);
        setEngineState("ready");
        schedule();
        stop = () => {
          clearInterval(timer);
          unsubscribe();
          gradeRef.current = () => {};
        };
      },
      (error: unknown) => {
        if (stopped) return;
        setEngineState("failed");
        setEngineError(error instanceof Error ? error.message : String(error));
      },
    );
    return () => {
      stopped = true;
      stop();
    };
  }, [engine, exercises, markDone]);

  const node = useMemo<NodeApi>(
    () => ({
      engine,
      async exec(line, options) {
        const { sandbox } = await engine();
        const result = await sandbox.exec(line, options);
        gradeRef.current();
        return result;
      },
      run(line) {
        const terminal = terminalRef.current;
        if (!terminal) {
          pendingRuns.current.push(line);
          return;
        }
        terminal.feed(`${CLEAR_LINE}${line}\r`);
        terminal.focus();
      },
      attachTerminal(handle) {
        terminalRef.current = handle;
        for (const line of pendingRuns.current.splice(0)) handle.feed(`${CLEAR_LINE}${line}\r`);
        return () => {
          if (terminalRef.current === handle) terminalRef.current = null;
        };
      },
      terminalShown: shown.resolve,
      regrade: () => gradeRef.current(),
      focusTerminal: () => terminalRef.current?.focus(),
      resetNode() {
        void engine().then(async ({ sandbox }) => {
          if (startRef.current) await sandbox.restore(startRef.current);
          gradeRef.current();
        });
      },
    }),
    [engine, shown],
  );

  const progress = useMemo<Progress>(
    () => ({
      exercises,
      done,
      status: (id) => statusOf(exercises, done, id),
      detail,
      engineState,
      engineError,
      announcement,
      resetProgress() {
        markDone([]);
        setAnnouncement("Progress reset");
        gradeRef.current();
      },
    }),
    [exercises, done, detail, engineState, engineError, announcement, markDone],
  );

  return (
    <NodeContext.Provider value={node}>
      <ProgressContext.Provider value={progress}>{children}</ProgressContext.Provider>
    </NodeContext.Provider>
  );
}
