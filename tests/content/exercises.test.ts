/**
 * Every exercise of every lesson, graded for real: replaying the lesson in order, each
 * exercise's check must fail in the state the learner meets it in (the scenario plus the
 * solutions of the exercises before it), and pass once its own solution has run.
 * A lesson added to content/ is covered here with no change to this file.
 */
import { describe, expect, it } from "vitest";
import { loadLessons } from "@/lib/content/load";
import { createSandbox } from "@/sandbox";

const lessons = loadLessons();

describe.each(lessons.map((l) => [l.slug, l] as const))("lesson %s", (_slug, lesson) => {
  it("has exercises whose start state fails and whose solution passes, in order", async () => {
    const sandbox = createSandbox({ scenario: lesson.scenario });
    for (const line of lesson.setup ?? []) {
      const result = await sandbox.exec(line);
      expect(result.exitCode, `${lesson.file} setup: \`${line}\` exited ${result.exitCode}: ${result.stderr}`).toBe(0);
    }
    for (const exercise of lesson.exercises) {
      // A question is answered only after its solution's commands: before them, even the right answer fails.
      const before = sandbox.check(exercise.check);
      expect(before.pass, `${lesson.file} ${exercise.id}: passes before its solution ran (${before.detail})`).toBe(
        false,
      );
      for (const line of exercise.solution) {
        const result = await sandbox.exec(line);
        expect(
          result.exitCode,
          `${lesson.file} ${exercise.id}: \`${line}\` exited ${result.exitCode}: ${result.stderr}`,
        ).toBe(0);
      }
      const after = sandbox.check(exercise.check, { answer: exercise.answer });
      expect(after.pass, `${lesson.file} ${exercise.id}: fails after its solution ran (${after.detail})`).toBe(true);
      if (exercise.answer !== undefined) {
        const wrong = sandbox.check(exercise.check, { answer: `${exercise.answer}-not` });
        expect(wrong.pass, `${lesson.file} ${exercise.id}: a wrong answer passes too`).toBe(false);
      }
    }
  });
});

it("finds at least one lesson", () => {
  expect(lessons.length).toBeGreaterThan(0);
});
