/**
 * `npm run new-lesson` (scripts/new-lesson.ts) end to end, into a temporary content folder: the
 * lesson it writes passes every check `npm run check:content` makes (its exercise fails on the
 * fresh node and its solution passes), it takes the next order, and a taken slug is refused.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkContent } from "@/lib/content/check";
import { formatProblem } from "@/lib/content/problem";
import { root, runScript } from "./run-script";

const dir = mkdtempSync(join(tmpdir(), "new-lesson-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("npm run new-lesson", { timeout: 60_000 }, () => {
  it("writes a lesson in the next order slot that passes check:content, and refuses its slug again", async () => {
    copyFileSync(join(root, "tests/fixtures/content/good/kubelet-basics.mdx"), join(dir, "kubelet-basics.mdx"));
    const file = join(dir, "the-kubelets-config-a-tour.mdx");
    const shown = relative(root, file);
    const first = await runScript("new-lesson.ts", ["The kubelet's config: a tour", "--dir", relative(root, dir)]);
    expect(first).toEqual({
      stdout:
        `new-lesson: wrote ${shown} (order 3, /lessons/the-kubelets-config-a-tour)\n` +
        "  next: edit it, then npm run check:content; try it on the node: npm run shell -- --lesson the-kubelets-config-a-tour\n",
      stderr: "",
      status: 0,
    });
    expect(readFileSync(file, "utf8")).toBe(`---
title: "The kubelet's config: a tour"
order: 3
component: node
scenario: healthy
objectives:
  - Replace this line with what the learner can do after the lesson
exercises:
  - id: leave-a-note
    title: Leave a note on the node
    prompt: Write \`done\` into \`/root/the-kubelets-config-a-tour.txt\`. (An example exercise; replace it with your own.)
    check: { kind: file, path: /root/the-kubelets-config-a-tour.txt, contains: done }
    hints:
      - "\`echo TEXT > FILE\` writes a file."
      - "\`echo done > /root/the-kubelets-config-a-tour.txt\`"
    solution:
      - echo done > /root/the-kubelets-config-a-tour.txt
---

Start with why this part of the node matters, then let the learner look at it:

<Cmd>systemctl status kubelet</Cmd>

<Exercise id="leave-a-note" />
`);
    const { lessons, problems } = await checkContent(dir);
    expect(problems.map(formatProblem)).toEqual([]);
    expect(lessons.map((lesson) => [lesson.slug, lesson.order])).toEqual([
      ["kubelet-basics", 2],
      ["the-kubelets-config-a-tour", 3],
    ]);

    expect(await runScript("new-lesson.ts", ["Kubelet basics", "--dir", relative(root, dir)])).toEqual({
      stdout: "",
      stderr: `new-lesson: ${relative(root, join(dir, "kubelet-basics.mdx"))} already exists — choose another title, or pass --slug with another name\n`,
      status: 1,
    });
  });

  it("refuses a title that makes no URL, and says how to give one", async () => {
    expect(await runScript("new-lesson.ts", ["日本語", "--dir", relative(root, dir)])).toEqual({
      stdout: "",
      stderr:
        'new-lesson: "" cannot be a lesson URL — pass --slug with lowercase letters, digits and single dashes, e.g. --slug my-lesson\n',
      status: 1,
    });
  });
});
