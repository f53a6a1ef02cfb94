/**
 * Messages between the page and the node's Web Worker (node.worker.ts). The node, its line
 * editor, its clock and the grading run in the worker, so a long command never freezes the
 * page; the page sends keys and receives what to print, the grade and the worker's state.
 */
import type {
  Check,
  EditorRequest,
  FileChange,
  HistoryEntry,
  NodeView,
  PacketTrace,
  Sandbox,
  SandboxSnapshot,
} from "@/sandbox";

export interface GradableExercise {
  id: string;
  check: Check;
}

/** An exercise's start in a snapshot: the exercise and how many of the snapshot's steps came before it. */
export interface ExerciseStart {
  id: string;
  steps: number;
}

export type ToWorker =
  /**
   * Boot the node (or rebuild it from `restore`: the node as the learner left it on an earlier
   * visit, or as it was before a line the page stopped because the worker would not answer
   * Ctrl-C), start the line editor and print the first prompt. `clear` resets the screen first
   * (the page's boot prompt and echo are redrawn by the real session).
   */
  | {
      type: "boot";
      scenario: string;
      /**
       * The sandbox's seed: the learner's attempt at the lesson (1, 2, ...). Scenario
       * `random-fault` picks its fault by it; "New attempt" reboots with the next one.
       */
      seed: number;
      exercises: GradableExercise[];
      done: string[];
      /** The learner's answers to the lesson's questions, by exercise id. */
      answers: Record<string, string>;
      /** Command lines that adjust the scenario for this lesson, run before the first prompt. */
      setup?: string[];
      columns: number;
      clear: boolean;
      restore?: SandboxSnapshot;
      /** The terminal's history from earlier visits, oldest first (Up recalls it). */
      history?: string[];
      /**
       * Where in `restore`'s steps the current exercise started (`node-state`'s `exercise`): the
       * node's history is opened there, so "Reset exercise", "What did I change?" and undo reach
       * back past the reload.
       */
      exerciseStart?: ExerciseStart;
    }
  /** Raw terminal input (xterm onData). */
  | { type: "input"; data: string }
  | { type: "resize"; columns: number }
  /** The exercises done, as the page knows them (stored progress, or a progress reset). */
  | { type: "done"; ids: string[] }
  /** The learner's answers to the lesson's questions changed. */
  | { type: "answers"; answers: Record<string, string> }
  /** Put the node back in the lesson's start state. */
  | { type: "reset" }
  /** Ask the node something the page shows outside the terminal; answered by a `reply` with the same id. */
  | { type: "call"; id: number; call: NodeCall }
  /** The diagram is shown (send `node-view` now and whenever the node's picture changes) or hidden (stop). */
  | { type: "watch-view"; watch: boolean };

/** The editor's and the history's requests, and what each answers. */
export type NodeCall =
  | { op: "save"; path: string; content: string }
  | { op: "list"; path: string }
  | { op: "undo" }
  | { op: "resetExercise"; exercise: string }
  | { op: "changes"; exercise?: string };

export interface NodeCallResult {
  save: { error?: string };
  list: ReturnType<Sandbox["listDirectory"]>;
  undo: HistoryEntry | null;
  resetExercise: HistoryEntry;
  changes: FileChange[];
}

export type FromWorker =
  /** Print this on the terminal. */
  | { type: "write"; data: string }
  /** The node runs; its session prints the first prompt next and reads the keys from now on. */
  | { type: "ready" }
  /** A line starts running; `snapshot` is the node just before it, to rebuild from if it hangs. */
  | { type: "busy"; snapshot: SandboxSnapshot }
  /** The running line follows (`journalctl -f`, `kubectl get -w`): it streams until Ctrl-C, then `idle`. */
  | { type: "follow" }
  /** The line has finished; the prompt is back. */
  | { type: "idle" }
  /**
   * The node after a line, a reset, an editor save or an undo: the page keeps it, and boots
   * from it (`restore`) when the learner comes back.
   */
  | { type: "node-state"; snapshot: SandboxSnapshot; exercise?: ExerciseStart }
  /** A line joined the terminal's history (the page keeps the newest 500). */
  | { type: "history-entry"; line: string }
  /** Exercises done, in order, and why the first open one does not pass yet. */
  | { type: "graded"; done: string[]; current: { id: string; detail: string } | null }
  | { type: "failed"; reason: string }
  /** A command (`vi FILE`) asks the page to open a file in the editor pane. */
  | { type: "open-file"; request: EditorRequest }
  /** A line made a connection (curl): the rules its first packet went through, for the page to show. */
  | { type: "packet-trace"; trace: PacketTrace }
  /** The node's history is kept from now on (undo, reset exercise and the diff view work). */
  | { type: "history-ready" }
  /** The node's parts and their states, for the diagram: sent while watched, only when it changed. */
  | { type: "node-view"; view: NodeView }
  | { type: "reply"; id: number; result?: unknown; error?: string };
