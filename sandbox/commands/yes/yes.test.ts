import { expect, it } from "vitest";
import { OUTPUT_CAP_NOTICE } from "../../shell/limits";
import { freshNode, run } from "../../test-helpers";

it("stops like a yes whose reader went away: `yes | head -3` prints three lines", async () => {
  const node = freshNode();
  expect(await run(node, "yes | head -3")).toEqual({ out: "y\ny\ny\n", err: "", code: 0 });
  expect(await run(node, "yes kubelet is down | head -2")).toEqual({
    out: "kubelet is down\nkubelet is down\n",
    err: "",
    code: 0,
  });
});

it("alone, fills the terminal's 1 MiB and the shell says it truncated the output", async () => {
  const node = freshNode();
  const r = await node.exec("yes");
  expect(r.stdout).toBe("y\n".repeat(512 * 1024));
  expect(r.stderr).toBe(OUTPUT_CAP_NOTICE);
  expect(r.exitCode).toBe(141);
});
