/**
 * Messages between the page and the node's Web Worker (node.worker.ts). The node, its line
 * editor, its clock and the grading run in the worker, so a long command never freezes the
 * page; the page sends keys and receives what to print, the grade and the worker's state.
 */
import type { Check, SandboxSnapshot } from "@/sandbox";

export interface GradableExercise {
  id: string;
  check: Check;
}

export type ToWorker =
  /**
   * Boot the node (or rebuild it from `restore`, after the page stopped a worker that would
   * not answer Ctrl-C), start the line editor and print the first prompt. `clear` resets the
   * screen first (the page's boot prompt and echo are redrawn by the real session).
   */
  | {
      type: "boot";
      scenario: string;
      exercises: GradableExercise[];
      done: string[];
      columns: number;
      clear: boolean;
      restore?: SandboxSnapshot;
    }
  /** Raw terminal input (xterm onData). */
  | { type: "input"; data: string }
  | { type: "resize"; columns: number }
  /** The exercises done, as the page knows them (stored progress, or a progress reset). */
  | { type: "done"; ids: string[] }
  /** Put the node back in the lesson's start state. */
  | { type: "reset" };

export type FromWorker =
  /** Print this on the terminal. */
  | { type: "write"; data: string }
  /** The node runs; its session prints the first prompt next and reads the keys from now on. */
  | { type: "ready" }
  /** A line starts running; `snapshot` is the node just before it, to rebuild from if it hangs. */
  | { type: "busy"; snapshot: SandboxSnapshot }
  /** The line has finished; the prompt is back. */
  | { type: "idle" }
  /** Exercises done, in order, and why the first open one does not pass yet. */
  | { type: "graded"; done: string[]; current: { id: string; detail: string } | null }
  | { type: "failed"; reason: string };
