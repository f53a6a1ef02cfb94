import { expect, it } from "vitest";
import { freshNode, run } from "../../test-helpers";

it("is the interpreter's grep for ordinary patterns, from files and pipes", async () => {
  const node = freshNode();
  expect(await run(node, "echo abc | egrep 'b|z'; grep -c max-pods /etc/default/kubelet")).toEqual({
    out: "abc\n1\n",
    err: "",
    code: 0,
  });
});

it("refuses half a megabyte of pasted pattern at once, as glibc's regcomp does, instead of freezing the page", async () => {
  const node = freshNode();
  const t0 = performance.now();
  expect(await run(node, `grep ${"*".repeat(500_000)}`)).toEqual({
    out: "",
    err: "grep: Regular expression too big\n",
    code: 2,
  });
  expect(performance.now() - t0).toBeLessThan(5_000);
});
