/**
 * The node reacts through state and time: stopping the kubelet stops the heartbeat, the
 * control plane's grace period runs out on the simulated clock, and the node turns NotReady;
 * starting the kubelet brings it back. Whole outputs, as a learner sees them.
 */
import { describe, expect, it } from "vitest";
import { freshNode, HOST, run } from "./test-helpers";

const ready = (status: string, age: string) =>
  `NAME                                STATUS${status === "Ready" ? "   " : "     "}ROLES    AGE    VERSION\n${HOST}   ${status}${status === "Ready" ? "    " : "   "}<none>   ${age}   v1.32.7\n`;

describe("the kubelet's heartbeat", () => {
  it("goes NotReady 50 s after the kubelet stops, and Ready again when it starts", async () => {
    const node = freshNode();
    expect(await run(node, "kubectl get nodes")).toEqual({ out: ready("Ready", "123m"), err: "", code: 0 });
    expect(await run(node, "systemctl stop kubelet")).toEqual({ out: "", err: "", code: 0 });
    expect(await run(node, "systemctl is-active kubelet")).toEqual({ out: "inactive\n", err: "", code: 3 });

    // The last heartbeat was at most 10 s ago; the grace period is 50 s; the controller looks every 5 s.
    expect((await run(node, "sleep 35; kubectl get nodes")).out).toBe(ready("Ready", "123m"));
    expect((await run(node, "sleep 30; kubectl get nodes")).out).toBe(ready("NotReady", "124m"));
    expect(node.check({ kind: "node-condition", type: "Ready", status: "Unknown" })).toEqual({
      pass: true,
      detail: "Ready is Unknown (NodeStatusUnknown: Kubelet stopped posting node status.)",
    });
    expect((await run(node, "kubectl get node -o json | jq -c '.items[0].spec.taints[] | [.key, .effect]'")).out).toBe(
      '["node.kubernetes.io/unreachable","NoSchedule"]\n["node.kubernetes.io/unreachable","NoExecute"]\n',
    );
    // The containers did not stop: containerd does not depend on the kubelet.
    expect((await run(node, "crictl ps -q | wc -l")).out).toBe("23\n");

    expect(await run(node, "systemctl start kubelet")).toEqual({ out: "", err: "", code: 0 });
    expect((await run(node, "kubectl get nodes")).out).toBe(ready("Ready", "124m"));
    expect((await run(node, "sleep 5; kubectl get node -o json | jq '.items[0].spec.taints'")).out).toBe("null\n");
    expect((await run(node, "kubectl get events | grep NodeNotReady | wc -l")).out).toBe("1\n");
  });

  it("advances the clock only through sleep and clock.advance", async () => {
    const node = freshNode();
    const t0 = node.clock.now();
    await run(node, "systemctl status kubelet; kubectl get pods -A");
    expect(node.clock.now()).toBe(t0);
    await run(node, "sleep 2.5");
    expect(node.clock.now()).toBe(t0 + 2500);
    node.clock.advance(60_000);
    expect((await run(node, "date")).out).toBe("Thu Oct 30 16:07:02 UTC 2025\n");
  });
});

describe("the shell", () => {
  it("answers unknown commands like bash, and carries cd between lines", async () => {
    const node = freshNode();
    expect(await run(node, "frobnicate --now")).toEqual({
      out: "",
      err: "bash: frobnicate: command not found\n",
      code: 127,
    });
    expect(node.prompt()).toBe(`root@${HOST}:~# `);
    await run(node, "cd /etc/kubernetes");
    expect(node.prompt()).toBe(`root@${HOST}:/etc/kubernetes# `);
    expect((await run(node, "pwd")).out).toBe("/etc/kubernetes\n");
  });

  it("runs pipes, redirects and && over the node's files", async () => {
    const node = freshNode();
    expect((await run(node, "grep -o 'max-pods=[0-9]*' /etc/default/kubelet")).out).toBe("max-pods=30\n");
    expect((await run(node, "hostname > /tmp/h && cat /tmp/h | wc -c")).out).toBe("34\n");
    expect((await run(node, "cat /etc/os-release | grep ^PRETTY")).out).toBe('PRETTY_NAME="Ubuntu 22.04.5 LTS"\n');
    expect((await run(node, "uname -r; cat /etc/crictl.yaml")).out).toBe(
      "5.15.0-1096-azure\nruntime-endpoint: unix:///run/containerd/containerd.sock\n",
    );
  });

  it("restores a snapshot by replaying it", async () => {
    const node = freshNode();
    await run(node, "systemctl stop kubelet; sleep 60");
    const snap = node.snapshot();
    await run(node, "systemctl start kubelet");
    await node.restore(snap);
    expect((await run(node, "systemctl is-active kubelet")).out).toBe("inactive\n");
    expect((await run(node, "kubectl get nodes")).out).toBe(ready("NotReady", "124m"));
  });

  it("keeps the page's one-second ticks between lines as one step, and replays them to the same node", async () => {
    const node = freshNode();
    const tick = (n: number) => {
      for (let i = 0; i < n; i++) node.clock.advance(1000);
    };
    tick(90);
    await run(node, "systemctl stop kubelet");
    tick(130);
    await run(node, "hostname");
    tick(3);
    expect(node.snapshot().steps).toEqual([
      { advance: 90_000 },
      { exec: "systemctl stop kubelet" },
      { advance: 130_000 },
      { exec: "hostname" },
      { advance: 3000 },
    ]);
    const look =
      "date; kubectl get nodes; journalctl -n 12 --no-pager; systemctl status kubelet | head -3; ps -e | wc -l";
    const live = await run(node, look);
    const copy = freshNode();
    await copy.restore(node.snapshot());
    expect(await run(copy, look)).toEqual(live);
  });
});

describe("scenarios", () => {
  it("kubelet-stopped: the node is NotReady because its kubelet was stopped seven minutes ago", async () => {
    const { createSandbox, scenarioNames } = await import("./sandbox");
    expect(scenarioNames).toEqual([
      "healthy",
      "kubelet-stopped",
      "containerd-stopped",
      "cni-missing",
      "kubelet-bad-flag",
      "disk-pressure",
      "sandbox-image-wrong",
      "image-pull-error",
      "crashloop",
      "memory-pressure",
      "defender",
      "random-fault",
    ]);
    const node = createSandbox({ scenario: "kubelet-stopped" });
    expect((await run(node, "kubectl get nodes")).out).toBe(ready("NotReady", "123m"));
    expect((await run(node, "journalctl -u kubelet -n 1 -q")).out).toBe(
      `Oct 30 15:58:48 ${HOST} systemd[1]: kubelet.service: Consumed 2min 26.05s CPU time.\n`,
    );
    expect((await run(node, "kubectl get events | grep -c NodeNotReady")).out).toBe("1\n");
    await run(node, "systemctl start kubelet");
    expect((await run(node, "kubectl get nodes")).out).toBe(ready("Ready", "123m"));
  });

  it("refuses an unknown scenario, naming the known ones", async () => {
    const { createSandbox } = await import("./sandbox");
    expect(() => createSandbox({ scenario: "nope" })).toThrow(
      'unknown scenario "nope"; known: healthy, kubelet-stopped, containerd-stopped, cni-missing, kubelet-bad-flag, disk-pressure, sandbox-image-wrong, image-pull-error, crashloop, memory-pressure, defender, random-fault',
    );
  });
});
