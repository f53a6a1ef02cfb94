/**
 * A node command's output crosses a pipe as UTF-8 bytes (just-bash's pipes carry bytes).
 * bash-shell.ts hands ASCII output over as its own byte string instead of letting just-bash
 * re-encode it a byte at a time: both kinds of output must still arrive intact.
 */
import { expect, test } from "vitest";
import { freshNode, run } from "../test-helpers";

test("ASCII and non-ASCII output of a node command arrive whole through a pipe", async () => {
  const node = freshNode();
  const hostname = await run(node, "hostname");
  expect(await run(node, "hostname | wc -c")).toEqual({
    out: `${hostname.out.length}\n`,
    err: "",
    code: 0,
  });
  // systemctl status starts with U+25CF (●, three bytes in UTF-8): bytes and characters differ.
  const status = await run(node, "systemctl status kubelet");
  const firstLine = `${status.out.split("\n")[0]}\n`;
  expect(firstLine.startsWith("● kubelet.service")).toBe(true);
  expect(await run(node, "systemctl status kubelet | head -1")).toEqual({ out: firstLine, err: "", code: 0 });
  expect(await run(node, "systemctl status kubelet | head -1 | wc -c")).toEqual({
    out: `${new TextEncoder().encode(firstLine).length}\n`,
    err: "",
    code: 0,
  });
  expect(await run(node, "systemctl status kubelet | head -1 | wc -m")).toEqual({
    out: `${[...firstLine].length}\n`,
    err: "",
    code: 0,
  });
  // Text written to a file from a pipe keeps its characters.
  expect(await run(node, "systemctl status kubelet | head -1 > /tmp/s && cat /tmp/s")).toEqual({
    out: firstLine,
    err: "",
    code: 0,
  });
});
