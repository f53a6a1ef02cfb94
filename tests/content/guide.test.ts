/**
 * content/README.md's worked example is a real lesson: the guide shows the file
 * tests/fixtures/content/worked-example/kubelet-flags.mdx verbatim (check-content.test.ts proves
 * it passes every check), so the example cannot rot as the schema changes.
 */
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";

it("the guide's worked example is the fixture lesson, verbatim", () => {
  const guide = readFileSync("content/README.md", "utf8");
  const marker = "<!-- worked-example: tests/fixtures/content/worked-example/kubelet-flags.mdx";
  const start = guide.indexOf("```mdx\n", guide.indexOf(marker)) + "```mdx\n".length;
  const shown = guide.slice(start, guide.indexOf("\n```\n", start) + 1);
  expect(shown).toBe(readFileSync("tests/fixtures/content/worked-example/kubelet-flags.mdx", "utf8"));
});
