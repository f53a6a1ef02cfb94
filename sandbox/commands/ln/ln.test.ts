import { describe, expect, it } from "vitest";
import { freshNode, run } from "../../test-helpers";

describe("ln", () => {
  it("links into a directory named last, as GNU ln does, and refuses links inside kernel filesystems", async () => {
    const node = await freshNode();
    expect(await run(node, "ln -s /etc/hosts /tmp && readlink /tmp/hosts")).toEqual({
      out: "/etc/hosts\n",
      err: "",
      code: 0,
    });
    expect(await run(node, "cd /root && ln -s /etc/os-release && readlink os-release")).toEqual({
      out: "/etc/os-release\n",
      err: "",
      code: 0,
    });
    expect(await run(node, "ln -sf /usr/local/bin/kubelet /sys/fs/cgroup")).toEqual({
      out: "",
      err: "ln: failed to create symbolic link '/sys/fs/cgroup/kubelet': Operation not permitted\n",
      code: 1,
    });
    expect(await run(node, "ln -s /etc/hosts /proc/x")).toEqual({
      out: "",
      err: "ln: failed to create symbolic link '/proc/x': Operation not permitted\n",
      code: 1,
    });
    // The cgroup mount is untouched: writes into it still reach the cgroup model.
    expect(await run(node, "cat /sys/fs/cgroup/cgroup.subtree_control")).toEqual({
      out: "cpuset cpu io memory hugetlb pids rdma misc\n",
      err: "",
      code: 0,
    });
    expect(await run(node, "ln -s /a /b /etc/hostname")).toEqual({
      out: "",
      err: "ln: target '/etc/hostname' is not a directory\n",
      code: 1,
    });
    expect(await run(node, "ln -q /a /b")).toEqual({
      out: "",
      err: "ln: invalid option -- 'q'\nTry 'ln --help' for more information.\n",
      code: 1,
    });
  });
});
