import { expect, it } from "vitest";
import { freshNode, run } from "../../test-helpers";

it("advances the simulated clock by the sum of its operands, beyond just-bash's one-hour cap", async () => {
  const node = freshNode();
  const t0 = node.clock.now();
  expect(await run(node, "sleep 1d 1.5m .5")).toEqual({ out: "", err: "", code: 0 });
  expect(node.clock.now() - t0).toBe(86_400_000 + 90_000 + 500);
  expect((await run(node, "date")).out).toBe("Fri Oct 31 16:07:30 UTC 2025\n");
});

it("rejects bad intervals like coreutils", async () => {
  const node = freshNode();
  expect(await run(node, "sleep")).toEqual({
    out: "",
    err: "sleep: missing operand\nTry 'sleep --help' for more information.\n",
    code: 1,
  });
  expect(await run(node, "sleep 5x")).toEqual({
    out: "",
    err: "sleep: invalid time interval '5x'\nTry 'sleep --help' for more information.\n",
    code: 1,
  });
});

it("stops where it is on Ctrl-C, with status 130", async () => {
  const node = freshNode();
  const t0 = node.clock.now();
  const pending = node.exec("sleep 3600; echo not reached");
  // The first 30 simulated minutes run before the sleep yields to the host; Ctrl-C lands then.
  await new Promise((resolve) => setTimeout(resolve, 0));
  node.interrupt();
  expect(await pending).toEqual({ stdout: "", stderr: "", exitCode: 130 });
  expect(node.clock.now() - t0).toBe(30 * 60_000);
  expect((await run(node, "echo still here")).out).toBe("still here\n");
});
