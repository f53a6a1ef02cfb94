import { describe, expect, it } from "vitest";
import { scenarioNames } from "@/sandbox";
import { LessonContentError, loadLessons, parseLessonFile, readLessons } from "./load";

const FIXTURES = "tests/fixtures/content";

describe("loadLessons", () => {
  it("reads valid lessons in order, skips README.md and fills in defaults", () => {
    const lessons = loadLessons(`${FIXTURES}/good`);
    expect(lessons.map(({ slug, file, order, component }) => ({ slug, file, order, component }))).toEqual([
      { slug: "overview", file: `${FIXTURES}/good/overview.mdx`, order: 1, component: "node" },
      { slug: "kubelet-basics", file: `${FIXTURES}/good/kubelet-basics.mdx`, order: 2, component: "kubelet" },
    ]);
    expect(lessons[0]?.exercises).toEqual([]);
    expect(lessons[1]?.exercises[1]).toEqual({
      id: "node-not-ready",
      title: "Watch the node go NotReady",
      check: {
        kind: "all",
        checks: [
          { kind: "unit", unit: "kubelet", active: "inactive" },
          { kind: "node-condition", type: "Ready", status: "Unknown" },
        ],
      },
      hints: ["Wait about 40 seconds."],
      solution: ["systemctl stop kubelet", "sleep 60"],
    });
  });

  it("collects every problem of every file before throwing", () => {
    let error: unknown;
    try {
      loadLessons(`${FIXTURES}/broken`);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(LessonContentError);
    const { problems, message } = error as LessonContentError;
    expect(problems).toHaveLength(22);
    expect(message.split("\n")[0]).toBe("22 problems in the lessons:");
  });
});

describe("problems name the file, the line, the field and the fix", () => {
  const { problems, lessons } = readLessons(`${FIXTURES}/broken`);
  const of = (name: string) =>
    problems
      .filter((p) => p.startsWith(`${FIXTURES}/broken/${name}:`))
      .map((p) => p.slice(`${FIXTURES}/broken/`.length));

  it("check kinds and their fields", () => {
    expect(of("bad-check.mdx")).toEqual([
      'bad-check.mdx:10: exercises[0].check.active: got "stopped", expected one of active, inactive, activating, deactivating, failed — Use one of those values. (active: The ActiveState the unit must be in.)',
      'bad-check.mdx:15: exercises[1].check.kind: got "units", expected one of unit, node-condition, object-field, file, pods, container, process, iptables, answer, all — Did you mean "unit"? Each kind and its fields are listed in content/REFERENCE.md.',
      "bad-check.mdx:23: exercises[2].check.checks[0].status: missing — Add it. (status: The condition status that passes.)",
    ]);
  });

  it("wrong types and values, with a guess at what was meant", () => {
    expect(of("wrong-values.mdx")).toEqual([
      'wrong-values.mdx:3: order: got "first", expected a number — Make it a number. (order: Position in the course, an integer unique across lessons; the index lists lessons by it.)',
      'wrong-values.mdx:4: component: got "kubelett", expected one of node, kubelet, containerd, kube-proxy, cni, pod-infrastructure, os, agents, systemd — Did you mean "kubelet"? Use one of those values. (component: The part of the node the lesson is about; `node` for an overview lesson.)',
      `wrong-values.mdx:5: scenario: got "broken-node", expected one of ${scenarioNames.join(", ")} — Use one of those values. (scenario: The node's start state: one of the sandbox's scenarios (listed in content/REFERENCE.md), e.g. \`healthy\`.)`,
      "wrong-values.mdx:6: objectives: has 0 entries, expected at least 1 — Add one. (objectives: What the learner will be able to do afterwards, one line each; at least one.)",
    ]);
  });

  it("missing fields, misspelt fields and duplicate exercise ids", () => {
    // Sorted by line: the problems come in the order an author meets them in the file.
    expect(of("missing-and-typos.mdx")).toEqual([
      "missing-and-typos.mdx:1: title: missing — Add it. (title: The lesson's title, shown as its heading and in the course index.)",
      "missing-and-typos.mdx:1: objectives: missing — Add it. (objectives: What the learner will be able to do afterwards, one line each; at least one.)",
      'missing-and-typos.mdx:5: objective: unknown field — Rename it to "objectives", or remove it; the fields here are title, order, component, scenario, setup, objectives, exercises.',
      'missing-and-typos.mdx:7: exercises[0].id: got "Stop_Kubelet", must be kebab-case — Change it. (id: Stable kebab-case id, unique in the lesson, e.g. `stop-kubelet`; progress is stored under it.)',
      "missing-and-typos.mdx:7: exercises[0].hints: missing — Add it. (hints: At least one hint, revealed one at a time, from a nudge to nearly the answer.)",
      'missing-and-typos.mdx:10: exercises[0].hint: unknown field — Rename it to "hints", or remove it; the fields here are id, title, prompt, check, hints, solution, answer.',
      "missing-and-typos.mdx:11: exercises[0].solution: has 0 entries, expected at least 1 — Add one. (solution: The command lines that solve it from the lesson's start state; a test replays them.)",
      'missing-and-typos.mdx:17: exercises[2].id: got "dup", used by an earlier exercise too — Change it. (id: Stable kebab-case id, unique in the lesson, e.g. `stop-kubelet`; progress is stored under it.)',
    ]);
  });

  it("files: YAML errors, no frontmatter, bad names, stray Markdown", () => {
    expect([...of("bad-yaml.mdx"), ...of("no-frontmatter.mdx"), ...of("Kubelet_Notes.mdx"), ...of("notes.md")]).toEqual(
      [
        'bad-yaml.mdx:3: frontmatter: the YAML does not parse (Nested mappings are not allowed in compact mappings) — Check the indentation, and quote values that contain ": " or start with a backtick or quote.',
        "no-frontmatter.mdx:1: frontmatter: missing — Start the file with a YAML block between two --- lines holding title, order, component, scenario, objectives and exercises (see content/README.md).",
        'Kubelet_Notes.mdx:1: file name: "Kubelet_Notes" cannot be a lesson URL — Rename the file to kubelet-notes.mdx (lowercase letters, digits and single dashes).',
        `notes.md:1: file name: lessons are read from .mdx files only, so this file is ignored — Rename it to notes.mdx, or move it out of ${FIXTURES}/broken/ (README.md and REFERENCE.md are the Markdown files kept there).`,
      ],
    );
  });

  it("problems across lessons: exercise tags and orders", () => {
    expect([...of("unknown-tag.mdx"), ...of("same-order-b.mdx")]).toEqual([
      'unknown-tag.mdx:8: exercises[0]: "stop-kubelet" is declared but no <Exercise id="stop-kubelet" /> places it in the text — Add <Exercise id="stop-kubelet" /> to the body where the learner should meet it, or remove the exercise.',
      'unknown-tag.mdx:15: <Exercise id="stop-kubelt"> names no exercise of this lesson — Use one of the ids declared under exercises in the frontmatter (stop-kubelet).',
      `same-order-b.mdx:3: order: 7 is already the order of ${FIXTURES}/broken/same-order-a.mdx — Give each lesson its own order (the highest now is 7).`,
    ]);
    expect(lessons.map((lesson) => lesson.slug)).toEqual(["same-order-a", "same-order-b"]);
  });
});

describe("parseLessonFile", () => {
  it("accepts single-quoted and expression ids in <Exercise> tags", () => {
    const source = [
      "---",
      "title: T",
      "order: 1",
      "component: os",
      "scenario: healthy",
      "objectives: [o]",
      "exercises:",
      "  - { id: a, title: A, check: { kind: file, path: /etc/hosts }, hints: [h], solution: [cat /etc/hosts] }",
      "  - { id: b, title: B, check: { kind: file, path: /etc/hosts }, hints: [h], solution: [cat /etc/hosts] }",
      "---",
      "<Exercise id='a' />",
      '<Exercise id={"b"} />',
      "",
    ].join("\n");
    expect(parseLessonFile("content/t.mdx", source).problems).toEqual([]);
  });
});
