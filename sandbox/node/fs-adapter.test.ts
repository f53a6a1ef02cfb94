/**
 * NodeFs as just-bash drives it: the interpreter calls some methods Node-style (found by the
 * fuzz test, sandbox/fuzz/), and what it gets back must be what a real node shows.
 */
import { expect, it } from "vitest";
import { freshNode, run } from "../test-helpers";
import { World } from "../world";
import { utf8Length } from "./fs";

it("keeps /dev and /proc/self/fd drwxr-xr-x when just-bash lays them out with mkdirSync(path, { recursive })", async () => {
  const node = freshNode();
  expect(await run(node, "ls -ld /dev /dev/fd /proc/self/fd")).toEqual({
    out: "drwxr-xr-x 3 root root 4096 Oct 30 14:02 /dev\ndrwxr-xr-x 2 root root 4096 Oct 30 16:06 /dev/fd\ndrwxr-xr-x 2 root root 4096 Oct 30 16:06 /proc/self/fd\n",
    err: "",
    code: 0,
  });
});

it("serves /dev/zero and /dev/urandom as endless devices, read a little past the terminal's cap", async () => {
  const node = freshNode();
  expect(await run(node, "ls /dev")).toEqual({
    out: "fd  kmsg  null\trandom\tstderr\tstdin  stdout  urandom\tzero\n",
    err: "",
    code: 0,
  });
  expect(await run(node, "head -c 8 /dev/zero | wc -c; cat /dev/urandom | wc -c")).toEqual({
    out: "8\n1048577\n",
    err: "",
    code: 0,
  });
});

it("never removes the root directory itself, as rmdir(2) of / fails with EBUSY", () => {
  const world = new World({ start: 0, seed: 1 });
  world.fs.writeFileSync("/tmp/x", "x");
  world.fs.rmSync("/", { recursive: true, force: true });
  expect([world.fs.isDirectorySync("/"), world.fs.readdirSync("/").includes("tmp")]).toEqual([true, false]);
});

it("measures text as TextEncoder encodes it (utf8Length)", () => {
  const samples = ["", "abc", "é", "日本", "😀", "a\ud800b", "\udc00", "x\ud83d", "mixé日😀\n"];
  expect(samples.map(utf8Length)).toEqual(samples.map((t) => new TextEncoder().encode(t).length));
});
