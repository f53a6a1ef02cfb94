/**
 * A lesson replayed on the emulated node, as a learner who follows it would: its scenario, its
 * setup lines (each must exit 0), then each exercise in order: its check must fail in the state
 * the learner meets it in, its solution lines must exit 0, and its check must pass afterwards
 * (with the lesson's `answer:` for a question, which a wrong answer must not pass).
 */
import { createSandbox, type Sandbox } from "@/sandbox";
import type { Problem } from "./problem";
import type { Lesson } from "./schema";

type LineOf = (path: readonly PropertyKey[]) => number;

function failedLine(line: string, result: { exitCode: number; stderr: string; stdout: string }): string {
  const said = (result.stderr || result.stdout).trim().split("\n")[0];
  return `\`${line}\` exited ${result.exitCode}${said ? ` (${said})` : ""}`;
}

async function runLines(sandbox: Sandbox, lines: readonly string[], onFail: (index: number, why: string) => void) {
  for (const [index, line] of lines.entries()) {
    const result = await sandbox.exec(line);
    if (result.exitCode !== 0) {
      onFail(index, failedLine(line, result));
      return false;
    }
  }
  return true;
}

export async function replayLesson(lesson: Lesson, lineOf: LineOf, seed?: number): Promise<Problem[]> {
  const problems: Problem[] = [];
  const at = (path: readonly PropertyKey[]) => ({ file: lesson.file, line: lineOf(path) });
  const sandbox = createSandbox({ scenario: lesson.scenario, seed });
  const setupOk = await runLines(sandbox, lesson.setup ?? [], (index, why) =>
    problems.push({
      ...at(["setup", index]),
      what: `setup[${index}]: ${why}`,
      fix: `Make the line succeed on scenario ${lesson.scenario} (try it: npm run shell -- --scenario ${lesson.scenario}).`,
    }),
  );
  if (!setupOk) return problems;
  for (const [index, exercise] of lesson.exercises.entries()) {
    const field = (...rest: PropertyKey[]) => ["exercises", index, ...rest];
    const name = `exercises[${index}] (${exercise.id})`;
    // A question is answered only after its solution's commands: before them, even the right answer fails.
    const before = sandbox.check(exercise.check);
    if (before.pass) {
      problems.push({
        ...at(field("check")),
        what: `${name}: the check already passes before the learner does anything (${before.detail})`,
        fix: "Ask for a state the node is not in yet at this point of the lesson, or change the lesson's scenario or setup so it starts elsewhere.",
      });
    }
    const solved = await runLines(sandbox, exercise.solution, (line, why) =>
      problems.push({
        ...at(field("solution", line)),
        what: `${name}: solution[${line}] ${why}`,
        fix: `Make the line succeed in the state this exercise starts from (try it: npm run shell -- --lesson ${lesson.slug}).`,
      }),
    );
    if (!solved) return problems; // later exercises start from a state this one never reached
    const after = sandbox.check(exercise.check, { answer: exercise.answer });
    if (!after.pass) {
      problems.push({
        ...at(field(exercise.answer === undefined ? "check" : "answer")),
        what: `${name}: the check still fails after the solution ran (${after.detail})`,
        fix:
          exercise.answer === undefined
            ? "Fix the solution so it brings the node into the checked state (a sleep may be needed for the node to react), or the check."
            : "Give the answer the node really holds after the solution ran.",
      });
    } else if (
      exercise.answer !== undefined &&
      sandbox.check(exercise.check, { answer: `${exercise.answer}-not` }).pass
    ) {
      problems.push({
        ...at(field("check")),
        what: `${name}: a wrong answer passes the question too`,
        fix: "Read the answer from a more specific place (a tighter pattern or path) so only the right one passes.",
      });
    }
  }
  return problems;
}
