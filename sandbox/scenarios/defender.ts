/**
 * `defender`: the healthy node, on which Microsoft Defender for Containers was enabled forty
 * minutes ago. The add-on's objects reach the API server then (node-facts.md §8): the
 * DaemonSets microsoft-defender-collector-ds (its low-level collector with SYS_ADMIN,
 * SYS_RESOURCE and SYS_PTRACE) and microsoft-defender-publisher-ds, and the Deployment
 * microsoft-defender-collector-misc, all labelled app=microsoft-defender. The kubelet pulls
 * their images and starts them; their privileges show the real ways (`kubectl get pod -o
 * yaml`, `crictl inspect`, `/proc/<pid>/status`). Image tags and mounts are plausible, not
 * confirmed. The collector's `low-level-init` init container prepares the host for the eBPF
 * collector and exits before the two collectors start; what it prints and how long it takes
 * are *unconfirmed* (its image tag follows the collector's).
 */
import type { World } from "../world";
import { bootHealthyNode, UPTIME_MS } from "./healthy";
import { kubeSystemWorkloads, type WorkloadSpec } from "./kube-system";

const STABLE = "mcr.microsoft.com/azuredefender/stable";
export const DEFENDER_IMAGES: Record<string, number> = {
  [`${STABLE}/pod-collector:1.0.118`]: 31_204_873,
  [`${STABLE}/low-level-init:1.3.81`]: 9_613_402,
  [`${STABLE}/low-level-collector:1.3.81`]: 58_930_112,
  [`${STABLE}/security-publisher:1.0.91`]: 27_448_063,
};
const [POD_COLLECTOR, LOW_LEVEL_INIT, LOW_LEVEL, PUBLISHER] = Object.keys(DEFENDER_IMAGES) as [
  string,
  string,
  string,
  string,
];

const labels = (name: string) => ({ app: "microsoft-defender", dsName: name });
const res = (cpu: string, memory: string, limits: Record<string, string>) => ({ requests: { cpu, memory }, limits });

export const DEFENDER_WORKLOADS: WorkloadSpec[] = [
  {
    name: "microsoft-defender-collector-ds",
    kind: "DaemonSet",
    replicas: 1,
    hostNetwork: true,
    priorityClassName: "system-node-critical",
    serviceAccountName: "microsoft-defender-collector-sa",
    labels: labels("microsoft-defender-collector-ds"),
    initContainers: [
      {
        name: "low-level-init",
        image: LOW_LEVEL_INIT,
        resources: res("30m", "64Mi", { cpu: "100m", memory: "128Mi" }),
        securityContext: { capabilities: { add: ["SYS_ADMIN", "SYS_RESOURCE", "SYS_PTRACE"] } },
      },
    ],
    containers: [
      {
        name: "microsoft-defender-pod-collector",
        image: POD_COLLECTOR,
        resources: res("30m", "64Mi", { cpu: "60m", memory: "128Mi" }),
      },
      {
        name: "microsoft-defender-low-level-collector",
        image: LOW_LEVEL,
        resources: res("30m", "64Mi", { cpu: "100m", memory: "128Mi" }),
        securityContext: { capabilities: { add: ["SYS_ADMIN", "SYS_RESOURCE", "SYS_PTRACE"] } },
      },
    ],
  },
  {
    name: "microsoft-defender-publisher-ds",
    kind: "DaemonSet",
    replicas: 1,
    hostNetwork: false,
    priorityClassName: "system-node-critical",
    serviceAccountName: "microsoft-defender-publisher-sa",
    labels: labels("microsoft-defender-publisher-ds"),
    containers: [
      {
        name: "microsoft-defender-publisher",
        image: PUBLISHER,
        resources: res("30m", "32Mi", { cpu: "60m", memory: "200Mi" }),
      },
    ],
  },
  {
    name: "microsoft-defender-collector-misc",
    kind: "Deployment",
    replicas: 1,
    hostNetwork: false,
    priorityClassName: "system-cluster-critical",
    serviceAccountName: "microsoft-defender-collector-sa",
    labels: { app: "microsoft-defender", deployName: "microsoft-defender-collector-misc" },
    containers: [
      {
        name: "microsoft-defender-collector-misc",
        image: POD_COLLECTOR,
        resources: res("30m", "64Mi", { cpu: "60m", memory: "128Mi" }),
      },
    ],
  },
];

export function bootDefender(world: World): void {
  bootHealthyNode(world, (w) => {
    for (const [ref, size] of Object.entries(DEFENDER_IMAGES)) w.containerd.registry.set(ref, size);
    w.containerd.behaviours.set(LOW_LEVEL_INIT, {
      exit: { code: 0, afterSeconds: 3 },
      logs: [{ stream: "stdout", text: "low-level-init: host prepared for the low-level collector" }],
    });
    w.clock.setTimeout(
      () => {
        for (const o of kubeSystemWorkloads(DEFENDER_WORKLOADS)) {
          w.controlPlane.api.create(o.kind === "DaemonSet" ? "daemonsets" : "deployments", o);
        }
      },
      UPTIME_MS - 40 * 60_000 - 8_765,
    );
  });
}
