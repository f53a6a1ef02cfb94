import { expect, it } from "vitest";
import { freshNode, run } from "../../test-helpers";

it("refuses `rm -rf /` as GNU rm's --preserve-root does, and the node keeps its files", async () => {
  const node = freshNode();
  const refused = {
    out: "",
    err: "rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n",
    code: 1,
  };
  expect(await run(node, "rm -rf /")).toEqual(refused);
  expect(await run(node, "cd /etc && rm -r -f ../")).toEqual(refused);
  expect(await run(node, "cat /etc/hostname")).toEqual({
    out: "aks-nodepool1-12345678-vmss000000\n",
    err: "",
    code: 0,
  });
});

it("is the interpreter's rm otherwise", async () => {
  const node = freshNode();
  expect(await run(node, "mkdir -p /tmp/a/b && rm -r /tmp/a && ls /tmp/a")).toEqual({
    out: "",
    err: "ls: cannot access '/tmp/a': No such file or directory\n",
    code: 2,
  });
});

it("keeps the root directory even with --no-preserve-root: the kernel will not remove /", async () => {
  const node = freshNode();
  await run(node, "rm -rf --no-preserve-root /");
  expect(await run(node, "ls -d /")).toEqual({ out: "/\n", err: "", code: 0 });
});
