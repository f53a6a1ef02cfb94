import { describe, expect, test } from "vitest";
import { createSandbox } from "../sandbox";
import { freshNode, run } from "../test-helpers";
import type { ContainerPart, NodeView, PodPart, UnitPart } from "./types";

const running = (name: string): ContainerPart => ({ name, state: "Running", health: "ok", attempt: 0 });

/** A kube-system pod of the healthy node: Running, all containers ready, its pause container Ready. */
function systemPod(name: string, role: PodPart["role"], ip: string, veth: string | undefined, containers: string[]) {
  const pod: PodPart = {
    namespace: "kube-system",
    name,
    status: "Running",
    ready: `${containers.length}/${containers.length}`,
    health: "ok",
    role,
    hostNetwork: veth === undefined,
    ip,
    pause: { state: "Ready", health: "ok" },
    containers: containers.map(running),
  };
  return veth === undefined ? pod : { ...pod, veth };
}

const unit = (name: string, component: UnitPart["component"], state = "active (running)"): UnitPart => ({
  name,
  state,
  health: state.startsWith("active") ? "ok" : "stopped",
  component,
});

const HEALTHY_UNITS: UnitPart[] = [
  unit("kubelet.service", "kubelet"),
  unit("containerd.service", "containerd"),
  unit("walinuxagent.service", "os"),
  unit("node-problem-detector.service", "agents"),
  unit("systemd-networkd.service", "os"),
  unit("systemd-resolved.service", "os"),
  unit("snapshot-update.timer", "os", "active (waiting)"),
  unit("aks-log-collector.timer", "os", "active (waiting)"),
];

const HEALTHY_PODS: PodPart[] = [
  systemPod("kube-proxy-2kcxw", "kube-proxy", "10.224.0.4", undefined, ["kube-proxy"]),
  systemPod("ama-logs-nmmdg", "agent", "10.224.0.5", "azv99787447ded", [
    "ama-logs",
    "ama-logs-prometheus",
    "addon-token-adapter",
  ]),
  systemPod("ama-logs-rs-57fcf64cdf-cqdfl", "agent", "10.224.0.6", "azvf7b083dbf86", [
    "ama-logs",
    "addon-token-adapter",
  ]),
  systemPod("azure-ip-masq-agent-j7ps2", "pod", "10.224.0.4", undefined, ["azure-ip-masq-agent"]),
  systemPod("cloud-node-manager-n7hlw", "pod", "10.224.0.4", undefined, ["cloud-node-manager"]),
  systemPod("coredns-77dd5bf899-lxw69", "pod", "10.224.0.7", "azv271bb600f89", ["coredns"]),
  systemPod("coredns-77dd5bf899-vm245", "pod", "10.224.0.8", "azv18314508acc", ["coredns"]),
  systemPod("coredns-autoscaler-58cfddcddb-m9265", "pod", "10.224.0.9", "azv9b0ac7837f7", ["autoscaler"]),
  systemPod("csi-azuredisk-node-x5kz4", "pod", "10.224.0.4", undefined, [
    "liveness-probe",
    "node-driver-registrar",
    "azuredisk",
  ]),
  systemPod("csi-azurefile-node-4cb7r", "pod", "10.224.0.4", undefined, [
    "liveness-probe",
    "node-driver-registrar",
    "azurefile",
  ]),
  systemPod("konnectivity-agent-665499c449-2zmpb", "pod", "10.224.0.10", "azvc492f41fbb3", ["konnectivity-agent"]),
  systemPod("konnectivity-agent-665499c449-vxg5v", "pod", "10.224.0.11", "azv7c1d1d7ecef", ["konnectivity-agent"]),
  systemPod("metrics-server-6887dc77b-bmqvz", "pod", "10.224.0.12", "azv82b2f5b4a13", [
    "metrics-server-vpa",
    "metrics-server",
  ]),
  systemPod("metrics-server-6887dc77b-rwzxx", "pod", "10.224.0.13", "azv82e6b9f36c4", [
    "metrics-server-vpa",
    "metrics-server",
  ]),
];

const HEALTHY: NodeView = {
  hostname: "aks-nodepool1-12345678-vmss000000",
  os: { name: "Ubuntu 22.04.5 LTS", kernel: "5.15.0-1096-azure" },
  ready: {
    state: "Ready",
    status: "True",
    reason: "KubeletReady",
    message: "kubelet is posting ready status",
    health: "ok",
  },
  units: HEALTHY_UNITS,
  shims: 14,
  cni: { state: "loaded", file: "10-azure.conflist", plugin: "azure-vnet", health: "ok" },
  network: { eth0: { address: "10.224.0.4/16", state: "UP" }, veths: 9 },
  pods: HEALTHY_PODS,
};

describe("the node's view", () => {
  test("a healthy node: every part running, the node Ready", () => {
    expect(freshNode().view()).toEqual(HEALTHY);
  });

  test("systemctl stop kubelet: the unit is inactive at once, the node NotReady once the grace period is over", async () => {
    const sb = freshNode();
    await run(sb, "systemctl stop kubelet");
    const stopped = [unit("kubelet.service", "kubelet", "inactive (dead)"), ...HEALTHY_UNITS.slice(1)];
    expect(sb.view()).toEqual({ ...HEALTHY, units: stopped });

    // The node lifecycle controller waits 50 s for a sign of life (--node-monitor-grace-period).
    sb.clock.advance(45_000);
    expect(sb.view().ready.state).toBe("Ready");
    sb.clock.advance(15_000);
    expect(sb.view()).toEqual({
      ...HEALTHY,
      ready: {
        state: "NotReady",
        status: "Unknown",
        reason: "NodeStatusUnknown",
        message: "Kubelet stopped posting node status.",
        health: "failed",
      },
      units: stopped,
      // It marks the node's pods not Ready too; their containers still run.
      pods: HEALTHY_PODS.map((p) => ({ ...p, ready: `0/${p.containers.length}`, health: "progress" })),
    });
  });

  test("a crash-looping pod: CrashLoopBackOff while its container waits to restart", () => {
    const view = createSandbox({ scenario: "crashloop" }).view();
    expect(view).toEqual({
      ...HEALTHY,
      shims: 15,
      network: { eth0: { address: "10.224.0.4/16", state: "UP" }, veths: 10 },
      pods: [
        HEALTHY_PODS[0],
        {
          namespace: "default",
          name: "orders-api",
          status: "CrashLoopBackOff",
          ready: "0/1",
          health: "failed",
          role: "pod",
          hostNetwork: false,
          ip: "10.224.0.14",
          pause: { state: "Ready", health: "ok" },
          veth: "azv773b545d9e4",
          containers: [{ name: "orders-api", state: "CrashLoopBackOff", health: "failed", attempt: 6 }],
        },
        ...HEALTHY_PODS.slice(1),
      ],
    });
  });

  test("the CNI config missing: the node NotReady, a new pod without a sandbox", () => {
    const view = createSandbox({ scenario: "cni-missing" }).view();
    expect(view).toEqual({
      ...HEALTHY,
      ready: {
        state: "NotReady",
        status: "False",
        reason: "KubeletNotReady",
        message:
          "container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized",
        health: "failed",
      },
      cni: {
        state: "missing",
        error:
          "cni config load failed: no network config found in /etc/cni/net.d: cni plugin not initialized: failed to load cni config",
        health: "failed",
      },
      pods: [
        HEALTHY_PODS[0],
        {
          namespace: "default",
          name: "web",
          status: "ContainerCreating",
          ready: "0/1",
          health: "progress",
          role: "pod",
          hostNetwork: false,
          pause: { state: "none", health: "progress" },
          containers: [{ name: "web", state: "ContainerCreating", health: "progress", attempt: 0 }],
        },
        ...HEALTHY_PODS.slice(1),
      ],
    });
  });

  test("a container killed with the kubelet stopped shows exited: containerd's truth, not the API's stale Running", async () => {
    const sb = freshNode();
    await run(sb, "systemctl stop kubelet");
    // crictl stop's --timeout defaults to 0: containerd sends SIGKILL at once, exit 128 + 9.
    await run(sb, "crictl stop $(crictl ps -q --name coredns | head -1)");
    const coredns = sb.view().pods.filter((p) => p.name.startsWith("coredns-77dd"));
    expect(coredns.map((p) => [p.status, p.containers])).toEqual([
      ["Running", [{ name: "coredns", state: "Running", health: "ok", attempt: 0 }]],
      ["Running", [{ name: "coredns", state: "Exited (137)", health: "failed", attempt: 0 }]],
    ]);
  });

  test("reading the view changes nothing: the node's history sees no change", async () => {
    const sb = freshNode();
    const before = sb.snapshot();
    sb.view();
    sb.view();
    expect(sb.snapshot()).toEqual(before);
    expect(sb.view()).toEqual(HEALTHY);
  });
});
