/**
 * The troubleshooting lesson starts from `random-fault`, whose fault the seed (the learner's
 * attempt) picks. exercises.test.ts replays it on the default seed; this replays it on seeds
 * 1-5, one per fault, to prove its reference solutions are a checklist that fixes any of them
 * and that the question is graded against the fault the node really has.
 */
import { describe, expect, it } from "vitest";
import { loadLessons } from "@/lib/content/load";
import { createSandbox } from "@/sandbox";

const lesson = loadLessons().find((l) => l.slug === "troubleshooting");

describe.each([
  [1, "/etc/cni/net.d/10-azure.conflist"],
  [2, "kubelet.service"],
  [3, "containerd.service"],
  [4, "/etc/default/kubelet"],
  [5, "/etc/containerd/config.toml"],
])("troubleshooting, seed %i", (seed, culprit) => {
  it(`names ${culprit} as the culprit, and the solutions heal the node`, async () => {
    if (!lesson) throw new Error("content/troubleshooting.mdx is missing");
    const sandbox = createSandbox({ scenario: lesson.scenario, seed });
    for (const exercise of lesson.exercises) {
      for (const line of exercise.solution) {
        const result = await sandbox.exec(line);
        expect(result.exitCode, `${exercise.id}: \`${line}\`: ${result.stderr}`).toBe(0);
      }
      const answer = exercise.answer === undefined ? undefined : culprit;
      const after = sandbox.check(exercise.check, { answer });
      expect(after.pass, `${exercise.id} fails after its solution ran (${after.detail})`).toBe(true);
      if (answer !== undefined) {
        for (const other of ["kubelet.service", "/etc/cni/net.d/10-azure.conflist"].filter((c) => c !== culprit)) {
          expect(sandbox.check(exercise.check, { answer: other }).pass, `${other} passes too`).toBe(false);
        }
      }
    }
  });
});
