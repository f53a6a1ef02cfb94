/**
 * The lesson frontmatter schema: the one place that says what a lesson file may contain.
 * Every field is described, and the descriptions double as the "Fix:" text of build errors
 * (see load.ts), so a field's meaning and its error advice cannot drift apart.
 */
import { z } from "zod";
import { checkSchema, scenarioNames } from "@/sandbox";
import { questionOf } from "./question";

/** The node's parts a lesson can be about; `node` is for overview lessons. */
export const lessonComponents = [
  "node",
  "kubelet",
  "containerd",
  "kube-proxy",
  "cni",
  "pod-infrastructure",
  "os",
  "agents",
  "systemd",
] as const;

const kebabCase = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const nonEmptyLine = z.string().trim().min(1);

export const exerciseSchema = z
  .object({
    id: z
      .string()
      .regex(kebabCase, { error: "must be kebab-case" })
      .describe("Stable kebab-case id, unique in the lesson, e.g. `stop-kubelet`; progress is stored under it."),
    title: nonEmptyLine.describe("Short imperative title shown on the exercise card, e.g. `Stop the kubelet`."),
    prompt: z
      .string()
      .optional()
      .describe("What to do, in a sentence or two; `code` in backticks and blank-line paragraphs are rendered."),
    check: checkSchema.describe(
      "The node state that passes, as one of the check kinds below, e.g. `{ kind: unit, unit: kubelet.service, active: inactive }`.",
    ),
    hints: z
      .array(nonEmptyLine)
      .min(1)
      .describe("At least one hint, revealed one at a time, from a nudge to nearly the answer."),
    solution: z
      .array(nonEmptyLine)
      .min(1)
      .describe("The command lines that solve it from the lesson's start state; a test replays them."),
    answer: nonEmptyLine
      .optional()
      .describe(
        "For an exercise whose check asks a question (kind `answer`): the right answer in the lesson's start state; the solution shows it and a test checks it.",
      ),
  })
  .strict()
  .superRefine((exercise, ctx) => {
    const asks = questionOf(exercise.check) !== undefined;
    if (asks && exercise.answer === undefined) {
      ctx.addIssue({ code: "custom", path: ["answer"], message: "the check asks a question, so give its answer" });
    }
    if (!asks && exercise.answer !== undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["answer"],
        message: "only an exercise whose check asks a question has an answer",
      });
    }
  });

export const lessonFrontmatterSchema = z
  .object({
    title: nonEmptyLine.describe("The lesson's title, shown as its heading and in the course index."),
    order: z
      .number()
      .int()
      .describe("Position in the course, an integer unique across lessons; the index lists lessons by it."),
    component: z
      .enum(lessonComponents)
      .describe("The part of the node the lesson is about; `node` for an overview lesson."),
    scenario: z
      .enum(scenarioNames as [string, ...string[]])
      .describe(
        "The node's start state: one of the sandbox's scenarios (listed in content/REFERENCE.md), e.g. `healthy`.",
      ),
    setup: z
      .array(nonEmptyLine)
      .optional()
      .describe(
        "Command lines that adjust the scenario for this lesson (write or remove a file, stop a unit, apply a manifest), run on the node before the learner's first prompt; `Reset node` comes back to the state after them.",
      ),
    objectives: z
      .array(nonEmptyLine)
      .min(1)
      .describe("What the learner will be able to do afterwards, one line each; at least one."),
    exercises: z
      .array(exerciseSchema)
      .default([])
      .superRefine(
        (exercises, ctx) => {
          // runs even when an exercise is invalid (`when`), so the raw entries may be anything
          const seen = new Set<unknown>();
          exercises.forEach((exercise: { id?: unknown }, index) => {
            if (typeof exercise?.id === "string" && seen.has(exercise.id)) {
              ctx.addIssue({ code: "custom", path: [index, "id"], message: "used by an earlier exercise too" });
            }
            seen.add(exercise?.id);
          });
        },
        { when: (payload) => Array.isArray(payload.value) },
      )
      .describe("The graded exercises, taken in this order; may be left out for a reading-only lesson."),
  })
  .strict();

export type Exercise = z.infer<typeof exerciseSchema>;
export type LessonFrontmatter = z.infer<typeof lessonFrontmatterSchema>;

/** A validated lesson: its frontmatter plus where it came from. */
export interface Lesson extends LessonFrontmatter {
  /** URL name, the file name without `.mdx`: `content/kubelet.mdx` is `/lessons/kubelet`. */
  slug: string;
  /** The file, relative to the repo root, for error messages. */
  file: string;
}
