/**
 * systemd-cgls (systemd 249) on a fresh node: the root's groups in kernfs readdir order
 * (user.slice, init.scope, system.slice, kubepods.slice), trailing spaces after group names
 * and ` …` after delegated ones (containerd.service, the containers' scopes), a cgroup path,
 * a unit, and the errors.
 */
import { expect, it } from "vitest";
import { freshNode, run } from "../../test-helpers";

const node = freshNode();

it("starts the tree at the root, the login session and PID 1 first", async () => {
  expect(await run(node, "systemd-cgls --no-pager | head -16")).toEqual({
    out: [
      "Control group /:",
      "-.slice",
      "├─user.slice ",
      "│ └─user-1000.slice ",
      "│   └─session-1.scope ",
      "│     ├─4102 sshd: azureuser [priv]",
      "│     ├─4116 sshd: azureuser@pts/0",
      "│     ├─4117 -bash",
      "│     ├─4120 sudo -i",
      "│     ├─4121 -bash",
      "│     └─5015 systemd-cgls --no-pager",
      "├─init.scope ",
      "│ └─1 /sbin/init",
      "├─system.slice ",
      "│ ├─irqbalance.service ",
      "│ │ └─555 /usr/sbin/irqbalance --foreground",
      "",
    ].join("\n"),
    err: "",
    code: 0,
  });
  expect((await run(node, "systemd-cgls | grep -c 'containerd.service …'")).out).toBe("1\n");
});

it("puts each pod under its QoS slice, each container in its own delegated scope", async () => {
  const { out } = await run(node, "systemd-cgls | grep -A4 kubepods-burstable-pode172baa7");
  expect(out).toBe(
    [
      "    ├─kubepods-burstable-pode172baa7_917a_44ea_bcc5_acf2cb684cef.slice ",
      "    │ ├─cri-containerd-e952a4c071f7d536dca786bba8faed540588ef0a383d12e2eced6af9587c3547.scope …",
      "    │ │ └─841 /pause",
      "    │ └─cri-containerd-764e2cfc00a19764a1c75a1ba0b09b797c08790bd68cfe814bed40e576920fd9.scope …",
      "    │   └─842 /coredns -conf /etc/coredns/Corefile",
      "",
    ].join("\n"),
  );
  // Only groups with processes: no BestEffort pod, so no kubepods-besteffort.slice.
  expect((await run(node, "systemd-cgls | grep -c besteffort")).out).toBe("0\n");
});

it("shows a cgroup path or a unit's group, and follows the units' state", async () => {
  expect(await run(node, "systemd-cgls /system.slice/chrony.service")).toEqual({
    out: "Control group /system.slice/chrony.service:\n├─583 /usr/sbin/chronyd -F 1\n└─584 /usr/sbin/chronyd -F 1\n",
    err: "",
    code: 0,
  });
  expect(await run(node, "systemd-cgls -u ssh")).toEqual({
    out: "Unit ssh.service (/system.slice/ssh.service):\n└─688 sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups\n",
    err: "",
    code: 0,
  });
  expect(await run(node, "systemd-cgls -u kubepods-besteffort.slice")).toEqual({
    out: "Unit kubepods-besteffort.slice (/kubepods.slice/kubepods-besteffort.slice):\n",
    err: "",
    code: 0,
  });
  const n = freshNode();
  await run(n, "systemctl stop chrony");
  expect(await run(n, "systemd-cgls -u chrony")).toEqual({
    out: "",
    err: "Unit chrony.service not found.\nFailed to list cgroup tree: No such file or directory\n",
    code: 1,
  });
  expect((await run(n, "systemd-cgls | grep -c chrony")).out).toBe("0\n");
});

it("says what it cannot list, as systemd-cgls does", async () => {
  expect(await run(node, "systemd-cgls /nope")).toEqual({
    out: "Control group /nope:\n",
    err: "Failed to list cgroup tree: No such file or directory\n",
    code: 1,
  });
  expect(await run(node, "systemd-cgls -z")).toEqual({
    out: "",
    err: "systemd-cgls: invalid option -- 'z'\n",
    code: 1,
  });
});
