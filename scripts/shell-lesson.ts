/**
 * `npm run shell -- --lesson SLUG [--check]`: the node as a lesson's learner meets it (its
 * scenario, then its setup lines), and a report of which of its exercises the node passes now,
 * so an author can develop an exercise without a browser.
 */
import { CONTENT_DIR, readLessonFiles } from "@/lib/content/load";
import { formatProblem } from "@/lib/content/problem";
import type { Lesson } from "@/lib/content/schema";
import { createSandbox, type Sandbox } from "../sandbox/index";

/** The lesson by slug, or why it cannot be started (the caller prints it and exits 2). */
export function findLesson(slug: string, dir: string = CONTENT_DIR): { lesson: Lesson } | { error: string } {
  const { files } = readLessonFiles(dir);
  const file = files.find((f) => f.slug === slug);
  if (!file) {
    const known = files.map((f) => f.slug).join(", ");
    return { error: `no lesson "${slug}" in ${dir}/; known: ${known || "none"}` };
  }
  if (!file.lesson) {
    const problems = file.problems.map((p) => `  ${formatProblem(p)}`).join("\n");
    return { error: `${file.file} is not a valid lesson yet (npm run check:content lists this too):\n${problems}` };
  }
  return { lesson: file.lesson };
}

/** A sandbox in the lesson's start state, or the setup line that failed. */
export async function startLesson(lesson: Lesson, seed: number): Promise<{ sandbox: Sandbox } | { error: string }> {
  const sandbox = createSandbox({ scenario: lesson.scenario, seed });
  for (const [index, line] of (lesson.setup ?? []).entries()) {
    const result = await sandbox.exec(line);
    if (result.exitCode !== 0) {
      const said = (result.stderr || result.stdout).trim();
      return {
        error: `${lesson.file}: setup[${index}] \`${line}\` exited ${result.exitCode}${said ? `: ${said}` : ""}`,
      };
    }
  }
  return { sandbox };
}

/**
 * Each exercise graded on the node as it is now, on its own (the page grades them in order and
 * keeps a passed one done; an author wants to see each). A question is graded with the
 * lesson's `answer:`.
 */
export function lessonReport(sandbox: Sandbox, lesson: Lesson): { text: string; allPass: boolean } {
  const width = Math.max(0, ...lesson.exercises.map((e) => e.id.length));
  const results = lesson.exercises.map((exercise) => ({
    exercise,
    result: sandbox.check(exercise.check, { answer: exercise.answer }),
  }));
  const passed = results.filter(({ result }) => result.pass).length;
  const lines = results.map(
    ({ exercise, result }) => `  ${result.pass ? "pass" : "FAIL"}  ${exercise.id.padEnd(width)}  ${result.detail}`,
  );
  return {
    text: `${lesson.file}: ${passed} of ${lesson.exercises.length} exercises pass on this node\n${lines.join("\n")}\n`,
    allPass: passed === lesson.exercises.length,
  };
}
