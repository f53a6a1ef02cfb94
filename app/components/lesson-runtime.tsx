"use client";
/**
 * One lesson's live state in the page. The emulated node runs in a Web Worker
 * (app/engine/node.worker.ts): booting it, every command, its clock and the grading happen
 * there, so the page never freezes. The worker is started only once the terminal shows its
 * prompt, so the engine (~550 kB gzip) is never on the way to the prompt. The MDX body (exercise
 * cards, click-to-run commands) and the sandbox pane read the state through two contexts: the
 * node (stable) and the progress (changes as the learner works).
 */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from "react";
import type { Exercise } from "@/lib/content/schema";
import type { EditorRequest, NodeView, PacketTrace } from "@/sandbox";
import { type EngineState, RemoteNode, type TerminalSink } from "../engine/remote-node";
import type { LessonStore } from "../progress/lesson-store";
import { type ExerciseStatus, statusOf } from "./grading";

export type { EngineState };

/** A terminal attached to the node: the runtime types commands into it. */
export interface TerminalHandle extends TerminalSink {
  /** Type into the terminal as the learner would (goes through the terminal's own key path). */
  feed(data: string): void;
  focus(): void;
}

/** What the terminal does with the node once attached. */
export interface NodeLink {
  /** Raw keys from xterm. */
  input(data: string): void;
  resize(columns: number): void;
  /** True once the node's own line editor reads the keys and echoes them. */
  readonly ready: boolean;
  detach(): void;
}

interface NodeApi {
  /** Type a command into the terminal and run it, as a learner would. */
  run(line: string): void;
  attachTerminal(handle: TerminalHandle): NodeLink;
  /** The terminal has painted its first prompt and takes keys: the engine may load now. */
  terminalShown(): void;
  /** Put the node back in the lesson's start state (exercises already done stay done). */
  resetNode(): void;
  /** The editor's and the history's requests to the node (save, list, undo, reset exercise, changes). */
  call: RemoteNode["call"];
  /** Be told when a command (`vi FILE`) opens a file in the editor pane; returns an unsubscribe function. */
  onOpenFile(fn: (request: EditorRequest) => void): () => void;
  /** Give the terminal the keyboard back (an editor pane closed). */
  focusTerminal(): void;
  /** The node's picture for the diagram, now and on every change, until unsubscribed. */
  watchView(fn: (view: NodeView) => void): () => void;
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
  /** The node keeps its history (undo, reset exercise, what did I change?). */
  historyReady: boolean;
  /** The last connection a command made (curl): the iptables rules its first packet went through. */
  packetTrace: PacketTrace | null;
  /** The learner's answers to the lesson's questions, by exercise id. */
  answers: Readonly<Record<string, string>>;
  /** Give (or change) the answer to an exercise's question; it is graded against the node at once. */
  answer(exerciseId: string, text: string): void;
  /**
   * Clear the lesson: exercises done, answers, the node's saved state and the terminal's
   * history; a new node boots in the lesson's start state (same attempt).
   */
  resetLesson(): void;
  /** What the learner must know about saving (a saved record was reset, storage is full). */
  notices: readonly string[];
  dismissNotice(notice: string): void;
  /** The learner's attempt at this lesson (from 1): the node's seed. */
  attempt: number;
  /**
   * Start the next attempt: the lesson's progress and answers are cleared and a new node boots
   * with the next seed (for `random-fault`, another fault). "Reset node" keeps the attempt.
   */
  newAttempt(): void;
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

/** Clears the line the learner was typing (Ctrl-E, Ctrl-U) before a clicked command is typed. */
const CLEAR_LINE = "\x05\x15";

/** How long the engine waits for the terminal to show its prompt before loading anyway (no terminal on screen). */
const ENGINE_WAITS_FOR_TERMINAL_MS = 1500;

export function LessonRuntime(props: {
  slug: string;
  scenario: string;
  /** The lesson's setup lines, run on the node before the learner's first prompt. */
  setup?: readonly string[];
  exercises: readonly Exercise[];
  children: ReactNode;
}) {
  const { slug, scenario, setup, exercises, children } = props;
  const [done, setDone] = useState<ReadonlySet<string>>(() => new Set());
  const [detail, setDetail] = useState<string | null>(null);
  const [engineState, setEngineState] = useState<EngineState>("loading");
  const [engineError, setEngineError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [historyReady, setHistoryReady] = useState(false);
  const [packetTrace, setPacketTrace] = useState<PacketTrace | null>(null);
  const [answers, setAnswers] = useState<Readonly<Record<string, string>>>({});
  const answersRef = useRef<Record<string, string>>({});
  const [attempt, setAttempt] = useState(1);
  const attemptRef = useRef(1);
  const [openFileListeners] = useState(() => new Set<(request: EditorRequest) => void>());
  const storeRef = useRef<LessonStore | null>(null);
  const storeLoad = useRef<Promise<void> | null>(null);
  const [readNotice, setReadNotice] = useState<string | null>(null);
  const [saveNotice, setSaveNotice] = useState<string | null>(null);
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(() => new Set());

  const doneRef = useRef<ReadonlySet<string>>(done);
  const terminalRef = useRef<TerminalHandle | null>(null);
  const pendingRuns = useRef<string[]>([]);
  const startRef = useRef<() => void>(() => {});

  const markDone = useCallback(
    (ids: string[]) => {
      const next = new Set(ids);
      const added = ids.filter((id) => !doneRef.current.has(id));
      doneRef.current = next;
      setDone(next);
      storeRef.current?.update({ done: ids });
      const titles = exercises.filter((e) => added.includes(e.id)).map((e) => e.title);
      if (titles.length > 0) setAnnouncement(`Exercise done: ${titles.join(", ")}`);
    },
    [exercises],
  );

  /**
   * The lesson as the learner left it (app/progress/: IndexedDB), read once the prompt shows, so
   * the store's code is never on the way to it; the worker boots only after, with what it holds.
   */
  const loadStored = useCallback(() => {
    storeLoad.current ??= import("../progress/lesson-store")
      .then(async ({ LessonStore }) => {
        const { store, notice } = await LessonStore.open(slug);
        storeRef.current = store;
        const { record } = store;
        const known = new Set(exercises.map((e) => e.id));
        doneRef.current = new Set(record.done.filter((id) => known.has(id)));
        setDone(doneRef.current);
        answersRef.current = Object.fromEntries(Object.entries(record.answers).filter(([id]) => known.has(id)));
        setAnswers(answersRef.current);
        attemptRef.current = record.attempt;
        setAttempt(record.attempt);
        if (notice && notice !== store.notice) setReadNotice(notice);
        setSaveNotice(store.notice);
        store.onNotice(setSaveNotice);
      })
      .catch((error: unknown) => {
        // The store's chunk did not load (offline after a deploy): the lesson runs as on a first visit.
        setSaveNotice(`Progress can't be saved: ${error instanceof Error ? error.message : String(error)}`);
      });
    return storeLoad.current;
  }, [exercises, slug]);

  // The worker's grades arrive through callbacks fixed at construction; they read these refs.
  const markDoneRef = useRef(markDone);
  useEffect(() => {
    markDoneRef.current = markDone;
  }, [markDone]);

  const [remote] = useState(
    () =>
      new RemoteNode({
        scenario,
        setup: setup ? [...setup] : undefined,
        exercises: exercises.map(({ id, check }) => ({ id, check })),
        done: () => [...doneRef.current],
        answers: () => answersRef.current,
        seed: () => attemptRef.current,
        resume() {
          // The saved node, if it is this lesson's scenario at this attempt (a new attempt clears it).
          const node = storeRef.current?.record.node;
          return node && node.scenario === scenario && node.seed === attemptRef.current ? node : undefined;
        },
        history: () => [...(storeRef.current?.record.history ?? [])],
        exerciseStart: () => storeRef.current?.record.exercise ?? undefined,
        onNodeState: (snapshot, exercise) =>
          storeRef.current?.update({ node: { ...snapshot, steps: [...snapshot.steps] }, exercise: exercise ?? null }),
        onHistoryEntry: (line) => storeRef.current?.addHistory(line),
        onState(state, error) {
          setEngineState(state);
          setEngineError(error ?? null);
        },
        onGraded(ids, current) {
          const known = doneRef.current;
          if (ids.length !== known.size || ids.some((id) => !known.has(id))) markDoneRef.current(ids);
          setDetail(current?.detail ?? null);
        },
        onOpenFile(request) {
          for (const fn of openFileListeners) fn(request);
        },
        onHistory: setHistoryReady,
        onPacketTrace: setPacketTrace,
      }),
  );

  useEffect(() => {
    let live = true;
    const start = () => void loadStored().then(() => live && remote.start());
    const fallback = setTimeout(start, ENGINE_WAITS_FOR_TERMINAL_MS);
    startRef.current = () => {
      clearTimeout(fallback);
      start();
    };
    return () => {
      live = false;
      clearTimeout(fallback);
      startRef.current = () => {};
      remote.dispose();
    };
  }, [remote, loadStored]);

  const node = useMemo<NodeApi>(
    () => ({
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
        const detachSink = remote.attach(handle);
        // Commands clicked before the terminal was there: typed once the terminal holds its link.
        queueMicrotask(() => {
          for (const line of pendingRuns.current.splice(0)) handle.feed(`${CLEAR_LINE}${line}\r`);
        });
        return {
          input: (data) => remote.input(data),
          resize: (columns) => remote.resize(columns),
          get ready() {
            return remote.ready;
          },
          detach() {
            detachSink();
            if (terminalRef.current === handle) terminalRef.current = null;
          },
        };
      },
      terminalShown: () => startRef.current(),
      resetNode: () => remote.reset(),
      call: (call) => remote.call(call),
      onOpenFile(fn) {
        openFileListeners.add(fn);
        return () => openFileListeners.delete(fn);
      },
      focusTerminal: () => terminalRef.current?.focus(),
      watchView: (fn) => remote.watchView(fn),
    }),
    [remote, openFileListeners],
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
      historyReady,
      packetTrace,
      answers,
      answer(exerciseId, text) {
        answersRef.current = { ...answersRef.current, [exerciseId]: text };
        setAnswers(answersRef.current);
        storeRef.current?.update({ answers: answersRef.current });
        remote.setAnswers(answersRef.current);
      },
      resetLesson() {
        answersRef.current = {};
        setAnswers({});
        markDone([]);
        setDetail(null);
        storeRef.current?.update({ done: [], answers: {}, node: null, exercise: null, history: [] });
        setAnnouncement("Lesson reset: a new node in the lesson's start state");
        remote.reboot();
      },
      notices: [readNotice, saveNotice].filter((n): n is string => n !== null && !dismissed.has(n)),
      dismissNotice: (notice) => setDismissed((d) => new Set([...d, notice])),
      attempt,
      newAttempt() {
        attemptRef.current += 1;
        setAttempt(attemptRef.current);
        answersRef.current = {};
        setAnswers({});
        markDone([]);
        storeRef.current?.update({ attempt: attemptRef.current, answers: {}, node: null, exercise: null });
        setDetail(null);
        setAnnouncement(`Attempt ${attemptRef.current}: a new node`);
        remote.reboot();
      },
    }),
    [
      exercises,
      done,
      detail,
      engineState,
      engineError,
      announcement,
      historyReady,
      packetTrace,
      answers,
      attempt,
      readNotice,
      saveNotice,
      dismissed,
      markDone,
      remote,
    ],
  );

  return (
    <NodeContext.Provider value={node}>
      <ProgressContext.Provider value={progress}>{children}</ProgressContext.Provider>
    </NodeContext.Provider>
  );
}
