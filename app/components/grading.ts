/**
 * Exercises are taken in order: only the first one not yet done is graded, so a learner is
 * told about one thing at a time. Once an exercise passes it stays done, even if the node
 * later drifts (restarting the kubelet does not undo "you stopped it").
 */
import type { Check, CheckResult } from "@/sandbox";

export type ExerciseStatus = "done" | "current" | "upcoming";

export interface Gradable {
  id: string;
  check: Check;
}

export interface Grade {
  /** Ids done so far, in exercise order. */
  done: string[];
  /** The first exercise not done, and why its check does not pass yet. */
  current?: { id: string; detail: string };
}

export function gradeInOrder(
  exercises: readonly Gradable[],
  alreadyDone: ReadonlySet<string>,
  check: (check: Check, exerciseId: string) => CheckResult,
): Grade {
  const done: string[] = [];
  for (const exercise of exercises) {
    if (alreadyDone.has(exercise.id)) {
      done.push(exercise.id);
      continue;
    }
    let result: CheckResult;
    try {
      result = check(exercise.check, exercise.id);
    } catch (error) {
      // A check that throws is a bug in the engine or the lesson; say so instead of failing silently.
      result = { pass: false, detail: `This check could not run: ${error instanceof Error ? error.message : error}` };
    }
    if (!result.pass) return { done, current: { id: exercise.id, detail: result.detail } };
    done.push(exercise.id);
  }
  return { done };
}

export function statusOf(exercises: readonly Gradable[], done: ReadonlySet<string>, id: string): ExerciseStatus {
  if (done.has(id)) return "done";
  const firstOpen = exercises.find((exercise) => !done.has(exercise.id));
  return firstOpen?.id === id ? "current" : "upcoming";
}

export const STATUS_LABEL: Record<ExerciseStatus, string> = {
  done: "Done",
  current: "Your turn",
  upcoming: "Up next",
};
