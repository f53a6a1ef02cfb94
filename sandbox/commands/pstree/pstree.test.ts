import { expect, it } from "vitest";
import { freshNode, run } from "../../test-helpers";

const node = freshNode();

it("draws systemd's tree: containerd, the shims with their pods' processes, the kubelet, the login chain", async () => {
  const { out, err, code } = await run(node, "pstree");
  expect({ err, code }).toEqual({ err: "", code: 0 });
  const lines = out.split("\n");
  // The Ubuntu daemons sort in among the node's own (pstree orders children by name).
  expect(lines[0]).toBe("systemd─┬─chronyd───chronyd");
  expect(lines[1]).toBe("        ├─containerd───10*[{containerd}]");
  expect(lines).toContain("        ├─kubelet───13*[{kubelet}]");
  expect(lines).toContain("        ├─2*[containerd-shim─┬─coredns───8*[{coredns}]");
  expect(lines).toContain("        │                    ├─pause");
  expect(lines).toContain("        │                    └─11*[{containerd-shim}]]");
  expect(lines.slice(-17, -1)).toEqual([
    "        ├─cron",
    "        ├─dbus-daemon",
    "        ├─irqbalance───{irqbalance}",
    "        ├─kubelet───13*[{kubelet}]",
    "        ├─multipathd───6*[{multipathd}]",
    "        ├─networkd-dispat",
    "        ├─node-problem-de───8*[{node-problem-de}]",
    "        ├─polkitd───2*[{polkitd}]",
    "        ├─python3───python3───8*[{python3}]",
    "        ├─rsyslogd───3*[{rsyslogd}]",
    "        ├─sshd───sshd───sshd───bash───sudo───bash───pstree",
    "        ├─systemd-journal",
    "        ├─systemd-logind",
    "        ├─systemd-network",
    "        ├─systemd-resolve",
    "        └─systemd-udevd",
  ]);
});

it("shows PIDs with -p, unmerged", async () => {
  const pid = (await run(node, "ps -C kubelet -o pid=")).out.trim();
  const { out } = await run(node, "pstree -p");
  expect(out.split("\n")[0]).toBe("systemd(1)─┬─chronyd(583)───chronyd(584)");
  expect(out).toContain(`├─kubelet(${pid})\n`);
  expect(out).toMatch(
    /\n {11}├─sshd\(688\)───sshd\(4102\)───sshd\(4116\)───bash\(4117\)───sudo\(4120\)───bash\(4121\)───pstree\(\d+\)\n/,
  );
});
