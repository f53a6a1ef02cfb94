/**
 * QoS and resources as the kubelet derives them from a pod spec: the QoS class
 * (pkg/apis/core/v1/helper/qos GetPodQOS, reduced to cpu and memory), the pod's cgroup under
 * the systemd driver (pkg/kubelet/cm, cgroup v2), the container's memory limit and its
 * oom_score_adj (pkg/kubelet/qos/policy.go GetContainerOOMScoreAdjust).
 */
import type { Container, Pod } from "../cluster/types";

export type QosClass = "Guaranteed" | "Burstable" | "BestEffort";

export function podQos(pod: Pod): QosClass {
  const containers = pod.spec.containers;
  const any = containers.some(
    (c) => Object.keys(c.resources?.requests ?? {}).length || Object.keys(c.resources?.limits ?? {}).length,
  );
  if (!any) return "BestEffort";
  const guaranteed = containers.every((c) =>
    ["cpu", "memory"].every(
      (r) => c.resources?.limits?.[r] && (c.resources.requests?.[r] ?? c.resources.limits[r]) === c.resources.limits[r],
    ),
  );
  return guaranteed ? "Guaranteed" : "Burstable";
}

export function podCgroupParent(pod: Pod): string {
  const uid = pod.metadata.uid.replace(/-/g, "_");
  const qos = podQos(pod);
  if (qos === "Guaranteed") return `/kubepods.slice/kubepods-pod${uid}.slice`;
  const q = qos.toLowerCase();
  return `/kubepods.slice/kubepods-${q}.slice/kubepods-${q}-pod${uid}.slice`;
}

const SUFFIX: Record<string, number> = {
  "": 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  Ki: 1024,
  Mi: 1024 ** 2,
  Gi: 1024 ** 3,
  Ti: 1024 ** 4,
};

/** resource.Quantity in bytes; 0 when absent or unreadable. */
export function quantityBytes(q: string | undefined): number {
  const m = q ? /^(\d+(?:\.\d+)?)(|k|M|G|T|Ki|Mi|Gi|Ti)$/.exec(q) : null;
  return m ? Math.floor(Number(m[1]) * (SUFFIX[m[2] ?? ""] ?? 1)) : 0;
}

export function memoryLimitBytes(c: Container): number {
  return quantityBytes(c.resources?.limits?.memory);
}

export function oomScoreAdj(pod: Pod, c: Container, memoryCapacityBytes: number): number {
  if (pod.spec.priorityClassName === "system-node-critical") return -997;
  const qos = podQos(pod);
  if (qos === "Guaranteed") return -997;
  if (qos === "BestEffort") return 1000;
  const request = quantityBytes(c.resources?.requests?.memory ?? c.resources?.limits?.memory);
  const adj = 1000 - Math.floor((1000 * request) / memoryCapacityBytes);
  if (adj < 1000 - 997) return 2;
  if (adj === 1000) return 999;
  return adj;
}
