/**
 * `npm run check:content`'s checks, one fixture folder per authoring mistake
 * (tests/fixtures/content/broken-*), each with the exact `file:line: what — fix` lines it prints.
 */
import { describe, expect, it } from "vitest";
import { checkContent } from "@/lib/content/check";
import { formatProblem } from "@/lib/content/problem";

const FIXTURES = "tests/fixtures/content";

async function problemsIn(name: string): Promise<string> {
  const { problems } = await checkContent(`${FIXTURES}/${name}`);
  return problems.map(formatProblem).join("\n");
}

describe("check:content finds each kind of mistake", () => {
  it("a schema error, at the line of the field", async () => {
    expect(await problemsIn("broken-schema")).toMatchInlineSnapshot(
      `"tests/fixtures/content/broken-schema/lesson.mdx:10: exercises[0].check.active: got "stopped", expected one of active, inactive, activating, deactivating, failed — Use one of those values. (active: The ActiveState the unit must be in.)"`,
    );
  });

  it('a value with an unquoted ": ", which YAML reads as a mapping', async () => {
    expect(await problemsIn("broken-unquoted-colon")).toMatchInlineSnapshot(
      `"tests/fixtures/content/broken-unquoted-colon/lesson.mdx:7: setup[0]: got a mapping, expected text — Quote the whole value: an unquoted ": " makes YAML read a mapping."`,
    );
  });

  it("YAML that does not parse", async () => {
    expect(await problemsIn("broken-yaml")).toMatchInlineSnapshot(
      `"tests/fixtures/content/broken-yaml/lesson.mdx:5: frontmatter: the YAML does not parse (Nested mappings are not allowed in compact mappings) — Check the indentation, and quote values that contain ": " or start with a backtick or quote."`,
    );
  });

  it("an unknown check kind", async () => {
    expect(await problemsIn("broken-check-kind")).toMatchInlineSnapshot(
      `"tests/fixtures/content/broken-check-kind/lesson.mdx:11: exercises[0].check.kind: got "service", expected one of unit, node-condition, object-field, file, pods, container, process, iptables, answer, all — Each kind and its fields are listed in content/REFERENCE.md."`,
    );
  });

  it("an unknown scenario", async () => {
    expect(await problemsIn("broken-scenario")).toMatchInlineSnapshot(
      `"tests/fixtures/content/broken-scenario/lesson.mdx:5: scenario: got "kubelet-stoped", expected one of healthy, kubelet-stopped, containerd-stopped, cni-missing, kubelet-bad-flag, disk-pressure, sandbox-image-wrong, image-pull-error, crashloop, memory-pressure, defender, random-fault — Did you mean "kubelet-stopped"? Use one of those values. (scenario: The node's start state: one of the sandbox's scenarios (listed in content/REFERENCE.md), e.g. \`healthy\`.)"`,
    );
  });

  it("an <Exercise> card for an exercise the frontmatter does not declare", async () => {
    expect(await problemsIn("broken-undeclared-exercise")).toMatchInlineSnapshot(
      `"tests/fixtures/content/broken-undeclared-exercise/lesson.mdx:19: <Exercise id="start-kubelet"> names no exercise of this lesson — Use one of the ids declared under exercises in the frontmatter (stop-kubelet)."`,
    );
  });

  it("an exercise declared but never placed in the text", async () => {
    expect(await problemsIn("broken-unused-exercise")).toMatchInlineSnapshot(
      `"tests/fixtures/content/broken-unused-exercise/lesson.mdx:8: exercises[0]: "stop-kubelet" is declared but no <Exercise id="stop-kubelet" /> places it in the text — Add <Exercise id="stop-kubelet" /> to the body where the learner should meet it, or remove the exercise."`,
    );
  });

  it("an exercise placed twice", async () => {
    expect(await problemsIn("broken-exercise-twice")).toMatchInlineSnapshot(
      `"tests/fixtures/content/broken-exercise-twice/lesson.mdx:17: <Exercise id="stop-kubelet"> is placed twice (first on line 15) — Place each exercise's card once; remove one of the tags."`,
    );
  });

  it("a link to a lesson that does not exist", async () => {
    expect(await problemsIn("broken-link")).toMatchInlineSnapshot(
      `"tests/fixtures/content/broken-link/kubelet.mdx:9: link "/lessons/containerd" names no lesson — Use one of /lessons/kubelet."`,
    );
  });

  it("links to anchors that do not exist, here and in another lesson", async () => {
    expect(await problemsIn("broken-anchor")).toMatchInlineSnapshot(`
      "tests/fixtures/content/broken-anchor/kubelet.mdx:11: link "#the-unit": no heading or exercise with the id "the-unit" in this lesson — Use one of its ids: #the-unit-file.
      tests/fixtures/content/broken-anchor/kubelet.mdx:11: link "/lessons/containerd#the-config-file": no heading or exercise with the id "the-config-file" in tests/fixtures/content/broken-anchor/containerd.mdx — Use one of its ids: #configtoml."
    `);
  });

  it("a relative link", async () => {
    expect(await problemsIn("broken-relative-link")).toMatchInlineSnapshot(
      `"tests/fixtures/content/broken-relative-link/kubelet.mdx:9: link "containerd.mdx" is relative — Link from the site's root: /lessons/<slug> for a lesson (e.g. /lessons/containerd), /diagrams/<file> for a file in public/."`,
    );
  });

  it("an image that is not in public/", async () => {
    expect(await problemsIn("broken-image")).toMatchInlineSnapshot(
      `"tests/fixtures/content/broken-image/lesson.mdx:9: link "/diagrams/worker-nodes.svg" points at nothing the site serves — Put the file in public/diagrams/worker-nodes.svg, or link a lesson as /lessons/<slug>."`,
    );
  });

  it("two lessons with the same order", async () => {
    expect(await problemsIn("broken-order")).toMatchInlineSnapshot(
      `"tests/fixtures/content/broken-order/b.mdx:3: order: 3 is already the order of tests/fixtures/content/broken-order/a.mdx — Give each lesson its own order (the highest now is 3)."`,
    );
  });

  it("a setup line that fails", async () => {
    expect(await problemsIn("broken-setup")).toMatchInlineSnapshot(
      `"tests/fixtures/content/broken-setup/lesson.mdx:8: setup[1]: \`systemctl stop kubelett\` exited 5 (Failed to stop kubelett.service: Unit kubelett.service not loaded.) — Make the line succeed on scenario healthy (try it: npm run shell -- --scenario healthy)."`,
    );
  });

  it("a check that passes before the learner does anything", async () => {
    expect(await problemsIn("broken-start-passes")).toMatchInlineSnapshot(
      `"tests/fixtures/content/broken-start-passes/lesson.mdx:10: exercises[0] (start-kubelet): the check already passes before the learner does anything (kubelet.service is active (running)) — Ask for a state the node is not in yet at this point of the lesson, or change the lesson's scenario or setup so it starts elsewhere."`,
    );
  });

  it("a solution line that fails", async () => {
    expect(await problemsIn("broken-solution-fails")).toMatchInlineSnapshot(
      `"tests/fixtures/content/broken-solution-fails/lesson.mdx:14: exercises[0] (stop-kubelet): solution[1] \`systemctl stop kublet\` exited 5 (Failed to stop kublet.service: Unit kublet.service not loaded.) — Make the line succeed in the state this exercise starts from (try it: npm run shell -- --lesson lesson)."`,
    );
  });

  it("a solution that does not reach the checked state", async () => {
    expect(await problemsIn("broken-solution-does-not-pass")).toMatchInlineSnapshot(
      `"tests/fixtures/content/broken-solution-does-not-pass/lesson.mdx:10: exercises[0] (node-not-ready): the check still fails after the solution ran (Ready is True (KubeletReady: kubelet is posting ready status)) — Fix the solution so it brings the node into the checked state (a sleep may be needed for the node to react), or the check."`,
    );
  });

  it("a question whose answer is not what the node says", async () => {
    expect(await problemsIn("broken-wrong-answer")).toMatchInlineSnapshot(
      `"tests/fixtures/content/broken-wrong-answer/lesson.mdx:14: exercises[0] (which-pause): the check still fails after the solution ran ("registry.k8s.io/pause:3.10" is not what the node says) — Give the answer the node really holds after the solution ran."`,
    );
  });

  it("passes the fixture lessons the base-path build shows (tests/fixtures/lessons)", async () => {
    const { lessons, problems } = await checkContent("tests/fixtures/lessons");
    expect(problems.map(formatProblem)).toEqual([]);
    expect(lessons.map((lesson) => lesson.slug)).toEqual(["components", "questions"]);
  });

  it("passes the guide's worked example (content/README.md shows this file)", async () => {
    const { lessons, problems } = await checkContent(`${FIXTURES}/worked-example`);
    expect(problems.map(formatProblem)).toEqual([]);
    expect(lessons.map((lesson) => lesson.slug)).toEqual(["kubelet-flags"]);
  });

  it("passes good lessons, replaying their exercises", async () => {
    const { lessons, problems } = await checkContent(`${FIXTURES}/good`);
    expect(problems).toEqual([]);
    expect(lessons.map((lesson) => lesson.slug)).toEqual(["overview", "kubelet-basics"]);
  });
});
