/**
 * Every exercise of every lesson, graded for real (lib/content/replay.ts, which
 * `npm run check:content` runs too): replaying the lesson in order, its setup lines succeed,
 * each exercise's check fails in the state the learner meets it in (the scenario plus the
 * solutions of the exercises before it), and passes once its own solution has run.
 * A lesson added to content/ is covered here with no change to this file.
 */
import { describe, expect, it } from "vitest";
import { readLessonFiles } from "@/lib/content/load";
import { formatProblem } from "@/lib/content/problem";
import { replayLesson } from "@/lib/content/replay";

const lessons = readLessonFiles().files.flatMap((file) => (file.lesson ? [{ ...file, lesson: file.lesson }] : []));

describe.each(lessons.map((l) => [l.slug, l] as const))("lesson %s", (_slug, { lesson, lineOf }) => {
  it("has exercises whose start state fails and whose solution passes, in order", async () => {
    expect((await replayLesson(lesson, lineOf)).map(formatProblem)).toEqual([]);
  });
});

it("finds at least one lesson", () => {
  expect(lessons.length).toBeGreaterThan(0);
});
