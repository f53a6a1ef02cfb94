/**
 * `npm run check:content` (scripts/check-content.ts) as a process: the problems on stderr as
 * `file:line: what — fix`, exit 1; `content: N lessons OK` on stdout, exit 0.
 * Each kind of mistake is covered in tests/content/check-content.test.ts.
 */
import { describe, expect, it } from "vitest";
import { runScript } from "./run-script";

describe.concurrent("npm run check:content", { timeout: 90_000 }, () => {
  it("prints each problem as file:line: what — fix and exits 1", async () => {
    expect(await runScript("check-content.ts", ["tests/fixtures/content/broken-link"])).toEqual({
      stdout: "",
      stderr:
        "content: 1 problem\n\n" +
        'tests/fixtures/content/broken-link/kubelet.mdx:9: link "/lessons/containerd" names no lesson — Use one of /lessons/kubelet.\n',
      status: 1,
    });
  });

  it("says OK and exits 0 for good lessons (CONTENT_DIR picks the folder)", async () => {
    expect(await runScript("check-content.ts", [], { env: { CONTENT_DIR: "tests/fixtures/content/good" } })).toEqual({
      stdout: "content: 2 lessons OK\n",
      stderr: "",
      status: 0,
    });
  });
});
