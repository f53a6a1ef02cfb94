/**
 * Runaway lines end, quickly, with a clear error, and change nothing; output is capped with a
 * notice; Ctrl-C still stops a long command (shell/limits.ts).
 */
import { expect, it } from "vitest";
import { freshNode, run } from "../test-helpers";
import { OUTPUT_CAP_NOTICE } from "./limits";

const stopped = "bash: too many commands executed (>2000) (this node stops runaway command lines)\n";

it("stops `while true` and `for ((;;))` after 2,000 commands, in a fraction of a second", async () => {
  const node = freshNode();
  const t0 = performance.now();
  expect(await run(node, "while true; do :; done")).toEqual({ out: "", err: stopped, code: 126 });
  expect(performance.now() - t0).toBeLessThan(2_000);
  // What the loop printed before it was stopped stays printed.
  expect(await run(node, "for ((;;)); do echo; done")).toEqual({ out: "\n".repeat(1999), err: stopped, code: 126 });
  expect(await run(node, "echo still here")).toEqual({ out: "still here\n", err: "", code: 0 });
});

it("stops fork-bomb and recursion shapes at the call depth", async () => {
  const node = freshNode();
  expect(await run(node, ":(){ :|:& };:")).toEqual({
    out: "",
    err: "bash: :: maximum recursion depth (100) exceeded (this node stops runaway command lines)\n",
    code: 126,
  });
});

it("stops generators of endless numbers and strings at their iteration and size limits", async () => {
  const node = freshNode();
  expect(await run(node, "seq 1 100000000 | tail -1")).toEqual({
    out: "",
    err: "bash: seq: iteration limit exceeded (100000)\n",
    code: 126,
  });
  expect(await run(node, "x=a; while :; do x=$x$x; done")).toEqual({
    out: "",
    err: "bash: word expansion: string length limit exceeded (8388608 bytes)\n",
    code: 126,
  });
});

it("prints at most 1 MiB of a line's output, then says so", async () => {
  const node = freshNode();
  const r = await node.exec("printf '%02000000d' 7");
  expect(r.stdout).toBe("0".repeat(1024 * 1024));
  expect(r.stderr).toBe(OUTPUT_CAP_NOTICE);
  expect(r.exitCode).toBe(0);
  // The cap is on what reaches the terminal: a pipe still sees everything.
  expect(await run(node, "printf '%02000000d' 7 | wc -c")).toEqual({ out: "2000000\n", err: "", code: 0 });
});

it("refuses to sleep past a week of simulated time in one line, and moves no clock", async () => {
  const node = freshNode();
  const t0 = node.clock.now();
  expect(await run(node, "sleep 8d")).toEqual({
    out: "",
    err: "sleep: this node simulates at most 7 days per command line; sleep in shorter steps\n",
    code: 1,
  });
  expect(node.clock.now()).toBe(t0);
});

it("still stops a long command at Ctrl-C", async () => {
  const node = freshNode();
  const pending = node.exec("sleep 6d; echo not reached");
  await new Promise((resolve) => setTimeout(resolve, 0));
  node.interrupt();
  expect(await pending).toEqual({ stdout: "", stderr: "", exitCode: 130 });
});
