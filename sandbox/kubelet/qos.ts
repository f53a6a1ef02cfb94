/**
 * QoS and resources as the kubelet derives them from a pod spec: the QoS class
 * (pkg/apis/core/v1/helper/qos GetPodQOS, reduced to cpu and memory), the pod's cgroup under
 * the systemd driver (pkg/kubelet/cm, cgroup v2), the container's memory limit and its
 * oom_score_adj (pkg/kubelet/qos/policy.go GetContainerOOMScoreAdjust).
 */
import { qosClass } from "../cluster/api-server";
import { quantityOrZero } from "../cluster/quantity";
import type { Container, Pod } from "../cluster/types";

export type QosClass = "Guaranteed" | "Burstable" | "BestEffort";

/** The API server sets status.qosClass with the same rule; one implementation serves both. */
export const podQos: (pod: Pod) => QosClass = qosClass;

export function podCgroupParent(pod: Pod): string {
  const uid = pod.metadata.uid.replace(/-/g, "_");
  const qos = podQos(pod);
  if (qos === "Guaranteed") return `/kubepods.slice/kubepods-pod${uid}.slice`;
  const q = qos.toLowerCase();
  return `/kubepods.slice/kubepods-${q}.slice/kubepods-${q}-pod${uid}.slice`;
}

/** resource.Quantity in bytes; 0 when absent or unreadable. */
export const quantityBytes = (q: string | undefined): number => quantityOrZero("memory", q);

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
