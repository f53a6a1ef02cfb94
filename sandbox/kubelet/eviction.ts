/**
 * The kubelet's eviction manager (pkg/kubelet/eviction, 1.32): every 10 s it observes the
 * signals (nodefs.available, nodefs.inodesFree from the root filesystem's statfs,
 * memory.available from the node's memory) against --eviction-hard; a met threshold turns
 * on its node condition, which stays on until the threshold has been clear for
 * --eviction-pressure-transition-period (5m default). While one is met it records
 * EvictionThresholdMet on the node and evicts at most one pod per pass: BestEffort first,
 * then Burstable, then Guaranteed (rankDiskPressureFunc / rankMemoryPressure, reduced here to
 * QoS then priority); critical pods (priority >= 2000000000) are never evicted. Klog texts
 * are eviction_manager.go's; the message is helpers.go evictionMessage's.
 */
import type { SimClock } from "../clock";
import type { EventRecorder } from "../cluster/events";
import type { ObjectStore } from "../cluster/store";
import type { Pod } from "../cluster/types";
import type { ProcessTable } from "../node/processes";
import type { Containerd } from "../runtime/containerd";
import { rfc3339 } from "../util/time-format";
import type { KV, Severity } from "./klog";
import { podQos } from "./pod-workers";

/** What cadvisor's summary gives the eviction manager (root filesystem statfs, node memory). */
export interface NodeStats {
  nodefs: { capacityBytes: number; availableBytes: number; inodes: number; inodesFree: number };
  memory: { capacityBytes: number; availableBytes: number };
}

export const MONITORING_INTERVAL_MS = 10_000;
export const PRESSURE_TRANSITION_MS = 5 * 60_000;

type Signal = "memory.available" | "nodefs.available" | "nodefs.inodesFree";

const SIGNALS: Record<Signal, { condition: "MemoryPressure" | "DiskPressure"; resource: string }> = {
  "memory.available": { condition: "MemoryPressure", resource: "memory" },
  "nodefs.available": { condition: "DiskPressure", resource: "ephemeral-storage" },
  "nodefs.inodesFree": { condition: "DiskPressure", resource: "inodes" },
};

/** The critical priority (scheduling.SystemCriticalPriority): system-node/cluster-critical pods. */
const CRITICAL_CLASSES = new Set(["system-node-critical", "system-cluster-critical"]);

/** resource.Quantity's canonical BinarySI string for a byte count: `1234Ki`, `5Gi`, `13300339507`. */
export function binarySI(bytes: number): string {
  const n = Math.floor(bytes);
  for (const [suffix, unit] of [
    ["Ei", 2 ** 60],
    ["Pi", 2 ** 50],
    ["Ti", 2 ** 40],
    ["Gi", 2 ** 30],
    ["Mi", 2 ** 20],
    ["Ki", 2 ** 10],
  ] as const) {
    if (n !== 0 && n % unit === 0) return `${n / unit}${suffix}`;
  }
  return String(n);
}

/** `100Mi` / `10%` against a capacity, as ParseThresholdConfig and GetThresholdQuantity do. */
function thresholdBytes(value: string, capacity: number): number | undefined {
  if (value.endsWith("%")) return Math.floor((capacity * Number.parseFloat(value)) / 100);
  const m = /^(\d+)(Ki|Mi|Gi)?$/.exec(value);
  if (!m) return undefined;
  return Number(m[1]) * ({ Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3 }[m[2] ?? ""] ?? 1);
}

export interface EvictionDeps {
  clock: SimClock;
  store: ObjectStore;
  events: EventRecorder;
  containerd: Containerd;
  procs: ProcessTable;
  nodeName: string;
  stats: () => NodeStats;
  evictionHard: Record<string, string>;
  log: (sev: Severity, source: string, msg: string, kv?: KV) => void;
}

export class EvictionManager {
  private readonly lastObserved = new Map<string, number>();
  /** Pods this kubelet has evicted: terminated for good, never ranked again. */
  private readonly evicted = new Set<string>();

  constructor(private readonly deps: EvictionDeps) {}

  /** The pressure conditions currently on (node status reads them). */
  conditions(): { MemoryPressure: boolean; DiskPressure: boolean } {
    const now = this.deps.clock.now();
    const on = (c: string) => {
      const at = this.lastObserved.get(c);
      return at !== undefined && now - at < PRESSURE_TRANSITION_MS;
    };
    return { MemoryPressure: on("MemoryPressure"), DiskPressure: on("DiskPressure") };
  }

  /** The --eviction-hard thresholds as [signal, value] pairs (fixed for the kubelet's run). */
  private thresholds?: [string, string][];

  /** One pass of managerImpl.synchronize. */
  synchronize(): void {
    const { clock, events, nodeName, log } = this.deps;
    const stats = this.deps.stats();
    const observed: Record<Signal, { available: number; capacity: number }> = {
      "memory.available": { available: stats.memory.availableBytes, capacity: stats.memory.capacityBytes },
      "nodefs.available": { available: stats.nodefs.availableBytes, capacity: stats.nodefs.capacityBytes },
      "nodefs.inodesFree": { available: stats.nodefs.inodesFree, capacity: stats.nodefs.inodes },
    };
    const met: { signal: Signal; quantity: number }[] = [];
    this.thresholds ??= Object.entries(this.deps.evictionHard);
    for (const [signal, value] of this.thresholds) {
      const o = observed[signal as Signal];
      if (!o) continue;
      const quantity = thresholdBytes(value, o.capacity);
      if (quantity !== undefined && o.available < quantity) met.push({ signal: signal as Signal, quantity });
    }
    const now = clock.now();
    for (const { signal } of met) this.lastObserved.set(SIGNALS[signal].condition, now);
    const first = met[0];
    if (!first) return;
    const resource = SIGNALS[first.signal].resource;
    log("I", "eviction_manager.go:369", "Eviction manager: attempting to reclaim", { resourceName: resource });
    events.record(
      { kind: "Node", name: nodeName, uid: nodeName },
      "Warning",
      "EvictionThresholdMet",
      `Attempting to reclaim ${resource}`,
      "kubelet",
      nodeName,
    );
    log("I", "eviction_manager.go:380", "Eviction manager: must evict pod(s) to reclaim", { resourceName: resource });
    const pods = this.rankedPods();
    if (pods.length === 0) {
      log(
        "E",
        "eviction_manager.go:395",
        "Eviction manager: eviction thresholds have been met, but no pods are active to evict",
      );
      return;
    }
    // klog.KObjSlice is a logr.Marshaler: klog's text format prints it unquoted, as a JSON-ish list.
    const ranked = `[${pods.map((p) => `"${p.metadata.namespace}/${p.metadata.name}"`).join(",")}]`;
    log("I", "eviction_manager.go:401", "Eviction manager: pods ranked for eviction", {
      pods: { toString: () => ranked } as unknown as number,
    });
    const available = binarySI(observed[first.signal].available);
    const message = `The node was low on resource: ${resource}. Threshold quantity: ${binarySI(first.quantity)}, available: ${available}. `;
    for (const pod of pods) {
      if (this.evictPod(pod, message, resource)) return;
    }
    log("I", "eviction_manager.go:433", "Eviction manager: unable to evict any pods from the node");
  }

  /** Active pods here, BestEffort before Burstable before Guaranteed, lower priority first. */
  private rankedPods(): Pod[] {
    const order = { BestEffort: 0, Burstable: 1, Guaranteed: 2 };
    return this.deps.store
      .list<Pod>("pods")
      .filter(
        (p) =>
          p.spec.nodeName === this.deps.nodeName && p.status.phase === "Running" && !this.evicted.has(p.metadata.uid),
      )
      .sort(
        (a, b) =>
          order[podQos(a)] - order[podQos(b)] ||
          Number(CRITICAL_CLASSES.has(a.spec.priorityClassName ?? "")) -
            Number(CRITICAL_CLASSES.has(b.spec.priorityClassName ?? "")) ||
          a.metadata.name.localeCompare(b.metadata.name),
      );
  }

  private evictPod(pod: Pod, baseMessage: string, resource: string): boolean {
    const { store, events, nodeName, log, clock, containerd, procs } = this.deps;
    const key = `${pod.metadata.namespace}/${pod.metadata.name}`;
    if (CRITICAL_CLASSES.has(pod.spec.priorityClassName ?? "")) {
      log("E", "eviction_manager.go:612", "Eviction manager: cannot evict a critical pod", { pod: key });
      return false;
    }
    this.evicted.add(pod.metadata.uid);
    // Containers' own usage beyond their (absent) requests: a log and a writable layer's worth.
    const containerPart = pod.spec.containers
      .map((c) => `Container ${c.name} was using 48Ki, request is 0, has larger consumption of ${resource}. `)
      .join("");
    const message = baseMessage + containerPart;
    events.record(
      { kind: "Pod", name: pod.metadata.name, namespace: pod.metadata.namespace, uid: pod.metadata.uid },
      "Warning",
      "Evicted",
      message,
      "kubelet",
      nodeName,
    );
    // Terminal first, so the pod workers do not start the containers again; then kill them (grace 0).
    const stamp = rfc3339(clock.now());
    pod.status = {
      ...pod.status,
      phase: "Failed",
      reason: "Evicted",
      message,
      conditions: [
        {
          type: "DisruptionTarget",
          status: "True",
          lastProbeTime: null,
          lastTransitionTime: stamp,
          reason: "TerminationByKubelet",
          message,
        },
        ...(pod.status.conditions ?? [])
          .filter((c) => c.type !== "DisruptionTarget")
          .map((c) =>
            c.type === "Ready" || c.type === "ContainersReady"
              ? { ...c, status: "False" as const, lastTransitionTime: stamp, reason: "PodFailed" }
              : c,
          ),
      ],
    };
    // Killed with no grace period: SIGKILL, exit 137, which the CRI reports as reason Error; kubectl's
    // STATUS column prefers a terminated container's reason over the pod's, so it reads Error, not Evicted.
    pod.status.containerStatuses = pod.status.containerStatuses?.map((c) => ({
      ...c,
      ready: false,
      started: false,
      state: {
        terminated: {
          exitCode: 137,
          reason: "Error",
          startedAt: c.state.running?.startedAt,
          finishedAt: stamp,
          containerID: c.containerID,
        },
      },
    }));
    store.put("pods", pod);
    for (const sandbox of containerd.sandboxes.values()) {
      if (sandbox.uid !== pod.metadata.uid) continue;
      for (const c of containerd.containers.values()) {
        if (c.sandboxId === sandbox.id && c.state === "CONTAINER_RUNNING" && c.pid !== undefined)
          procs.signal(c.pid, "KILL");
      }
    }
    log("I", "eviction_manager.go:636", "Eviction manager: pod is evicted successfully", { pod: key });
    return true;
  }
}
