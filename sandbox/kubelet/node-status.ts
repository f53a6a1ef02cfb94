/**
 * What the kubelet reports about its node (pkg/kubelet/nodestatus/setters.go): capacity from
 * the machine, allocatable = capacity - kube-reserved - hard eviction threshold, the four
 * kubelet-owned conditions, addresses and nodeInfo.
 */
import { quantityOrZero } from "../cluster/quantity";
import type { Node, NodeCondition } from "../cluster/types";
import type { KubeletFlags } from "./flags";

export interface MachineInfo {
  cpuCores: number;
  memoryKi: number;
  ephemeralStorageKi: number;
  machineID: string;
  systemUUID: string;
  bootID: string;
  kernelVersion: string;
  osImage: string;
  providerID: string;
  instanceType: string;
  region: string;
  zone: string;
}

export const KUBELET_VERSION = "v1.32.7";

/** `650Mi` -> KiB, `100m` -> millicores (cluster/quantity.ts reads them). */
const quantityKi = (q: string | undefined) => quantityOrZero("memory", q) / 1024;
const cpuMilli = (q: string | undefined) => quantityOrZero("cpu", q);

/** Per flags (fixed for a kubelet's run): the status loop asks every 10 s, and the quantities parse slowly. */
const computed = new WeakMap<
  KubeletFlags,
  { machine: MachineInfo; capacity: Record<string, string>; allocatable: Record<string, string> }
>();

/** The node's capacity and allocatable; fresh objects each call (the node status holds them). */
export function capacityAndAllocatable(machine: MachineInfo, flags: KubeletFlags) {
  let known = computed.get(flags);
  if (known?.machine !== machine) {
    known = { machine, ...computeCapacity(machine, flags) };
    computed.set(flags, known);
  }
  return { capacity: { ...known.capacity }, allocatable: { ...known.allocatable } };
}

function computeCapacity(machine: MachineInfo, flags: KubeletFlags) {
  const capacity: Record<string, string> = {
    cpu: String(machine.cpuCores),
    "ephemeral-storage": `${machine.ephemeralStorageKi}Ki`,
    "hugepages-1Gi": "0",
    "hugepages-2Mi": "0",
    memory: `${machine.memoryKi}Ki`,
    pods: String(flags.maxPods),
  };
  const reservedMemKi = quantityKi(flags.kubeReserved.memory) + quantityKi(flags.evictionHard["memory.available"]);
  const storagePercent = Number.parseFloat(flags.evictionHard["nodefs.available"] ?? "0") / 100;
  const allocatable: Record<string, string> = {
    cpu: `${machine.cpuCores * 1000 - cpuMilli(flags.kubeReserved.cpu)}m`,
    "ephemeral-storage": String(Math.floor(machine.ephemeralStorageKi * 1024 * (1 - storagePercent))),
    "hugepages-1Gi": "0",
    "hugepages-2Mi": "0",
    memory: `${machine.memoryKi - reservedMemKi}Ki`,
    pods: String(flags.maxPods),
  };
  return { capacity, allocatable };
}

/** The runtime state's network error (pkg/kubelet/runtime.go networkErrors), as the CRI Status reports it. */
export const NETWORK_NOT_READY =
  "container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized";

export interface RuntimeHealth {
  runtimeReady: boolean;
  networkReady: boolean;
  /** The PLEG's Healthy() error, when its last good relist is too old (pleg.ts). */
  plegError?: string;
}

/**
 * runtime.go runtimeErrors(): the runtime being down and each failed health check, as
 * utilerrors.NewAggregate prints them: one error alone, several as `[a, b]`.
 */
export function runtimeErrors(health: RuntimeHealth): string | undefined {
  const errs: string[] = [];
  if (!health.runtimeReady) errs.push("container runtime is down");
  if (health.plegError) errs.push(`PLEG is not healthy: ${health.plegError}`);
  if (errs.length === 0) return undefined;
  return errs.length === 1 ? errs[0] : `[${errs.join(", ")}]`;
}

/** The Ready condition's reason and message (setters.go ReadyCondition). */
export function readyCondition(health: RuntimeHealth): Pick<NodeCondition, "status" | "reason" | "message"> {
  const runtime = runtimeErrors(health);
  if (runtime) return { status: "False", reason: "KubeletNotReady", message: runtime };
  if (!health.networkReady) {
    return {
      status: "False",
      reason: "KubeletNotReady",
      message: NETWORK_NOT_READY,
    };
  }
  return { status: "True", reason: "KubeletReady", message: "kubelet is posting ready status" };
}

/** Each pressure condition's [reason, message, event] when off and when on (setters.go, events.go). */
const PRESSURE: Record<string, [[string, string, string], [string, string, string]]> = {
  MemoryPressure: [
    ["KubeletHasSufficientMemory", "kubelet has sufficient memory available", "NodeHasSufficientMemory"],
    ["KubeletHasInsufficientMemory", "kubelet has insufficient memory available", "NodeHasInsufficientMemory"],
  ],
  DiskPressure: [
    ["KubeletHasNoDiskPressure", "kubelet has no disk pressure", "NodeHasNoDiskPressure"],
    ["KubeletHasDiskPressure", "kubelet has disk pressure", "NodeHasDiskPressure"],
  ],
  PIDPressure: [
    ["KubeletHasSufficientPID", "kubelet has sufficient PID available", "NodeHasSufficientPID"],
    ["KubeletHasInsufficientPID", "kubelet has insufficient PID available", "NodeHasInsufficientPID"],
  ],
};

/** Which pressure conditions the eviction manager has on. */
export type Pressure = Partial<Record<"MemoryPressure" | "DiskPressure" | "PIDPressure", boolean>>;

/**
 * Apply this sync's conditions; lastTransitionTime only moves when a status changes.
 * `pressureEvents` are the node events a pressure transition records (`NodeHasDiskPressure`).
 */
export function setConditions(
  node: Node,
  health: RuntimeHealth,
  stamp: string,
  pressure: Pressure = {},
): { becameReady: boolean; becameNotReady: boolean; pressureEvents: string[] } {
  const pressureEvents: string[] = [];
  const wanted: Pick<NodeCondition, "type" | "status" | "reason" | "message">[] = [
    ...Object.entries(PRESSURE).map(([type, variants]) => {
      const on = pressure[type as keyof Pressure] === true;
      const [reason, message, event] = variants[on ? 1 : 0];
      const previous = node.status.conditions.find((c) => c.type === type);
      if (previous && previous.status !== (on ? "True" : "False")) pressureEvents.push(event);
      return { type, status: on ? ("True" as const) : ("False" as const), reason, message };
    }),
    { type: "Ready", ...readyCondition(health) },
  ];
  let becameReady = false;
  let becameNotReady = false;
  for (const w of wanted) {
    const existing = node.status.conditions.find((c) => c.type === w.type);
    if (!existing) {
      node.status.conditions.push({ ...w, lastHeartbeatTime: stamp, lastTransitionTime: stamp });
      if (w.type === "Ready" && w.status === "True") becameReady = true;
      continue;
    }
    if (existing.status !== w.status) {
      existing.lastTransitionTime = stamp;
      if (w.type === "Ready") {
        becameReady = w.status === "True";
        becameNotReady = w.status !== "True";
      }
    }
    Object.assign(existing, w, { lastHeartbeatTime: stamp });
  }
  return { becameReady, becameNotReady, pressureEvents };
}

/**
 * nodeStatusHasChanged (kubelet_node_status.go) for what the status loop sets: capacity,
 * allocatable and the conditions, each compared without its lastHeartbeatTime.
 */
export function nodeStatusChanged(before: Node["status"], after: Node["status"]): boolean {
  const sameMap = (a: Record<string, string> = {}, b: Record<string, string> = {}) => {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
  };
  if (!sameMap(before.capacity, after.capacity) || !sameMap(before.allocatable, after.allocatable)) return true;
  if (before.conditions.length !== after.conditions.length) return true;
  return before.conditions.some((c, i) => {
    const d = after.conditions[i] as NodeCondition;
    return (
      c.type !== d.type ||
      c.status !== d.status ||
      c.reason !== d.reason ||
      c.message !== d.message ||
      c.lastTransitionTime !== d.lastTransitionTime
    );
  });
}
