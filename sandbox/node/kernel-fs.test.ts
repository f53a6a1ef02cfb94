import { describe, expect, it } from "vitest";
import { freshNode, run } from "../test-helpers";

describe("kernel filesystems", () => {
  it("refuse a directory over one of their files, so writes still reach the file", async () => {
    const node = await freshNode();
    expect(await run(node, "mkdir /sys/fs/cgroup/kubepods.slice/memory.max")).toEqual({
      out: "",
      err: "mkdir: cannot create directory '/sys/fs/cgroup/kubepods.slice/memory.max': File exists\n",
      code: 1,
    });
    expect(await run(node, "mkdir -p /sys/fs/cgroup/kubepods.slice && echo ok")).toEqual({
      out: "ok\n",
      err: "",
      code: 0,
    });
    expect(await run(node, "cat /sys/fs/cgroup/kubepods.slice/memory.max")).toEqual({
      out: "7651106816\n", // the kubelet sizes kubepods.slice to the node's allocatable memory
      err: "",
      code: 0,
    });
  });
});
