/**
 * kube-controller-manager's node lifecycle controller, for the nodes in the store
 * (pkg/controller/nodelifecycle/node_lifecycle_controller.go). Every node-monitor period it
 * looks for a sign of life (a changed Ready heartbeat or a renewed Lease); after the grace
 * period without one, every condition turns Unknown ("Kubelet stopped posting node
 * status."), the node gets the unreachable taints, its pods stop being Ready, and a
 * NodeNotReady event is recorded. When the kubelet reports Ready again the taints go.
 */
import type { SimClock } from "../clock";
import { rfc3339 } from "../util/time-format";
import type { EventRecorder } from "./events";
import type { ObjectStore } from "./store";
import type { Lease, Node, Pod, Taint } from "./types";

export const NODE_MONITOR_PERIOD_MS = 5_000;
/** --node-monitor-grace-period: 50 s from Kubernetes 1.32 (40 s before). */
export const NODE_MONITOR_GRACE_MS = 50_000;

const UNREACHABLE = "node.kubernetes.io/unreachable";
const NOT_READY = "node.kubernetes.io/not-ready";
const UNSCHEDULABLE = "node.kubernetes.io/unschedulable";

interface Health {
  probeAt: number;
  heartbeat?: string;
  renewTime?: string;
}

export class NodeLifecycleController {
  private readonly health = new Map<string, Health>();
  private pendingTaintPass: number | undefined;

  constructor(
    private readonly store: ObjectStore,
    private readonly clock: SimClock,
    private readonly events: EventRecorder,
  ) {}

  start(): void {
    this.clock.setInterval(() => this.monitorNodes(), NODE_MONITOR_PERIOD_MS);
    // Node updates (a cordon, a new condition) are tainted at once, as the controller's
    // node update queue does, not at the next monitor period.
    this.store.watch((e) => {
      if (e.resource !== "nodes" || e.type === "DELETED") return;
      this.pendingTaintPass ??= this.clock.setTimeout(() => {
        this.pendingTaintPass = undefined;
        for (const node of this.store.list<Node>("nodes"))
          this.reconcileTaints(node, node.status.conditions.find((c) => c.type === "Ready")?.status);
      }, 0);
    });
  }

  monitorNodes(): void {
    for (const node of this.store.list<Node>("nodes")) this.monitor(node);
  }

  private monitor(node: Node): void {
    const now = this.clock.now();
    const name = node.metadata.name;
    const ready = node.status.conditions.find((c) => c.type === "Ready");
    const lease = this.store.get<Lease>("leases", name, "kube-node-lease");
    let h = this.health.get(name);
    if (!h) {
      h = { probeAt: now, heartbeat: ready?.lastHeartbeatTime, renewTime: lease?.spec.renewTime };
      this.health.set(name, h);
    }
    // The controller trusts its own clock: a sign of life is a *change* it observes.
    if (ready?.lastHeartbeatTime !== h.heartbeat || lease?.spec.renewTime !== h.renewTime) {
      h.probeAt = now;
      h.heartbeat = ready?.lastHeartbeatTime;
      h.renewTime = lease?.spec.renewTime;
    }

    if (now > h.probeAt + NODE_MONITOR_GRACE_MS) this.markUnknown(node);

    const current = node.status.conditions.find((c) => c.type === "Ready")?.status;
    this.reconcileTaints(node, current);
  }

  private markUnknown(node: Node): void {
    const stamp = rfc3339(this.clock.now());
    let changed = false;
    let wasReady = false;
    for (const type of ["MemoryPressure", "DiskPressure", "PIDPressure", "Ready"]) {
      let c = node.status.conditions.find((x) => x.type === type);
      if (!c) {
        c = { type, status: "Unknown", lastHeartbeatTime: stamp, lastTransitionTime: stamp, reason: "", message: "" };
        node.status.conditions.push(c);
      }
      if (c.status === "Unknown") continue;
      if (type === "Ready" && c.status === "True") wasReady = true;
      c.status = "Unknown";
      c.reason = "NodeStatusUnknown";
      c.message = "Kubelet stopped posting node status.";
      c.lastTransitionTime = stamp;
      changed = true;
    }
    if (!changed) return;
    this.store.put("nodes", node);
    if (wasReady) {
      this.events.record(
        { kind: "Node", name: node.metadata.name, uid: node.metadata.name },
        "Normal",
        "NodeNotReady",
        `Node ${node.metadata.name} status is now: NodeNotReady`,
        "node-controller",
      );
      this.markPodsNotReady(node.metadata.name);
    }
  }

  /** nodeutil.MarkPodsNotReady: every pod on the node loses its Ready condition. */
  private markPodsNotReady(nodeName: string): void {
    const stamp = rfc3339(this.clock.now());
    for (const pod of this.store.list<Pod>("pods")) {
      if (pod.spec.nodeName !== nodeName) continue;
      const ready = pod.status.conditions?.find((c) => c.type === "Ready");
      if (!ready || ready.status === "False") continue;
      ready.status = "False";
      ready.lastTransitionTime = stamp;
      for (const cs of pod.status.containerStatuses ?? []) cs.ready = false;
      this.store.put("pods", pod);
    }
  }

  /**
   * Taint nodes by condition: unreachable for Unknown, not-ready for False, none when Ready;
   * and node.kubernetes.io/unschedulable:NoSchedule while the node is cordoned
   * (doNoScheduleTaintingPass).
   */
  private reconcileTaints(node: Node, ready: string | undefined): void {
    this.reconcileUnschedulable(node);
    const want = ready === "Unknown" ? UNREACHABLE : ready === "False" ? NOT_READY : undefined;
    const taints = node.spec.taints ?? [];
    const others = taints.filter((t) => t.key !== UNREACHABLE && t.key !== NOT_READY);
    const ours = taints.filter((t) => t.key === UNREACHABLE || t.key === NOT_READY);
    if (ours.every((t) => t.key === want) && (want === undefined || ours.length === 2)) return;
    const stamp = rfc3339(this.clock.now());
    const added: Taint[] = want
      ? [
          { key: want, effect: "NoSchedule" },
          { key: want, effect: "NoExecute", timeAdded: stamp },
        ]
      : [];
    node.spec.taints = [...others, ...added];
    if (node.spec.taints.length === 0) delete node.spec.taints;
    this.store.put("nodes", node);
  }

  private reconcileUnschedulable(node: Node): void {
    const taints = node.spec.taints ?? [];
    const has = taints.some((t) => t.key === UNSCHEDULABLE);
    if (has === Boolean(node.spec.unschedulable)) return;
    node.spec.taints = has
      ? taints.filter((t) => t.key !== UNSCHEDULABLE)
      : [...taints, { key: UNSCHEDULABLE, effect: "NoSchedule", timeAdded: rfc3339(this.clock.now()) }];
    if (node.spec.taints.length === 0) delete node.spec.taints;
    this.store.put("nodes", node);
  }
}
