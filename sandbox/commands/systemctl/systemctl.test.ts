import { describe, expect, it } from "vitest";
import { freshNode, run } from "../../test-helpers";

describe("systemctl", () => {
  it("prints systemd 249's status layout for a running unit and for a stopped one", async () => {
    const node = freshNode();
    const running = await run(node, "systemctl status kubelet");
    expect(running.code).toBe(0);
    await expect(running.out).toMatchFileSnapshot("__snapshots__/status-kubelet-running.txt");
    await run(node, "systemctl stop kubelet; sleep 3");
    const stopped = await run(node, "systemctl status kubelet");
    expect(stopped.code).toBe(3);
    await expect(stopped.out).toMatchFileSnapshot("__snapshots__/status-kubelet-stopped.txt");
  });

  it("reports unknown units and verbs with systemctl's messages and exit codes", async () => {
    const node = freshNode();
    expect(await run(node, "systemctl status nosuch")).toEqual({
      out: "",
      err: "Unit nosuch.service could not be found.\n",
      code: 4,
    });
    expect(await run(node, "systemctl start nosuch")).toEqual({
      out: "",
      err: "Failed to start nosuch.service: Unit nosuch.service not found.\n",
      code: 5,
    });
    expect(await run(node, "systemctl stop nosuch.service")).toEqual({
      out: "",
      err: "Failed to stop nosuch.service: Unit nosuch.service not loaded.\n",
      code: 5,
    });
    expect(await run(node, "systemctl frob kubelet")).toEqual({
      out: "",
      err: "Unknown command verb frob.\n",
      code: 1,
    });
    expect(await run(node, "systemctl start")).toEqual({ out: "", err: "Too few arguments.\n", code: 1 });
    expect(await run(node, "systemctl is-active kubelet containerd nosuch")).toEqual({
      out: "active\nactive\ninactive\n",
      err: "",
      code: 3,
    });
    expect(await run(node, "systemctl is-enabled kubelet")).toEqual({ out: "enabled\n", err: "", code: 0 });
  });

  it("fails the start job, and says where to look, when the environment file is missing", async () => {
    const node = freshNode();
    await run(node, "systemctl stop kubelet; mv /etc/default/kubelet /root/kubelet.bak");
    expect(await run(node, "systemctl start kubelet")).toEqual({
      out: "",
      err: 'Job for kubelet.service failed because of unavailable resources or another system error.\nSee "systemctl status kubelet.service" and "journalctl -xeu kubelet.service" for details.\n',
      code: 1,
    });
    expect((await run(node, "journalctl -u kubelet -n 4 -q")).out).toBe(
      [
        "Oct 30 16:06:00 aks-nodepool1-12345678-vmss000000 systemd[1]: Starting Kubelet...",
        "Oct 30 16:06:00 aks-nodepool1-12345678-vmss000000 systemd[1]: kubelet.service: Failed to load environment files: No such file or directory",
        "Oct 30 16:06:00 aks-nodepool1-12345678-vmss000000 systemd[1]: kubelet.service: Failed to run 'start-pre' task: No such file or directory",
        "Oct 30 16:06:00 aks-nodepool1-12345678-vmss000000 systemd[1]: kubelet.service: Failed with result 'resources'.",
        "",
      ].join("\n"),
    );
    expect((await run(node, "systemctl is-active kubelet")).out).toBe("activating\n");
  });

  it("cycles a kubelet that cannot reach containerd through auto-restart every 2 s", async () => {
    const node = freshNode();
    // containerd cannot come back: its binary is gone, so Wants=containerd.service cannot rescue the kubelet.
    await run(node, "systemctl stop containerd; rm /usr/bin/containerd; systemctl restart kubelet");
    const status = await run(node, "sleep 1; systemctl status kubelet | grep -E '^ +(Active|Main PID):'");
    expect(status.out).toBe(
      "     Active: activating (auto-restart) (Result: exit-code) since Thu 2025-10-30 16:06:00 UTC; 1s ago\n   Main PID: 905 (code=exited, status=1/FAILURE)\n",
    );
    const journal = await run(
      node,
      "sleep 4; journalctl -u kubelet -q | grep -E 'command failed|restart counter' | cut -c1-140",
    );
    expect(journal.out).toBe(
      [
        'Oct 30 16:06:00 aks-nodepool1-12345678-vmss000000 kubelet[905]: E1030 16:06:00.419114     905 run.go:72] "command failed" err="failed to run',
        "Oct 30 16:06:02 aks-nodepool1-12345678-vmss000000 systemd[1]: kubelet.service: Scheduled restart job, restart counter is at 1.",
        'Oct 30 16:06:02 aks-nodepool1-12345678-vmss000000 kubelet[915]: E1030 16:06:02.419052     915 run.go:72] "command failed" err="failed to run',
        "Oct 30 16:06:04 aks-nodepool1-12345678-vmss000000 systemd[1]: kubelet.service: Scheduled restart job, restart counter is at 2.",
        'Oct 30 16:06:04 aks-nodepool1-12345678-vmss000000 kubelet[925]: E1030 16:06:04.419061     925 run.go:72] "command failed" err="failed to run',
        "",
      ].join("\n"),
    );
    expect((await run(node, "journalctl -u kubelet -n 3 -q | grep -c 'validate CRI v1 runtime API'")).out).toBe("1\n");
  });
});
