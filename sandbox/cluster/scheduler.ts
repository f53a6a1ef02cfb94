/**
 * kube-scheduler for a one-node pool (pkg/scheduler): pending pods (no spec.nodeName), highest
 * priority first, run through the default filter plugins in their order (NodeUnschedulable,
 * NodeName, TaintToleration, NodeAffinity, NodeResourcesFit); the first failing plugin is the
 * node's reason. A pod that fits is bound (event Scheduled); one that doesn't stays Pending
 * with PodScheduled=False and a FailedScheduling event worded as framework.FitError.Error()
 * words it, including the default preemption plugin's PostFilter message.
 */
import type { SimClock } from "../clock";
import { rfc3339 } from "../util/time-format";
import { targetNode } from "./daemonset-controller";
import type { EventRecorder } from "./events";
import { matchesLabels, toleratesTaint } from "./labels";
import { isPodActive } from "./pod-util";
import { quantityValue } from "./quantity";
import type { ObjectStore } from "./store";
import type { Node, Pod } from "./types";

/** An unschedulable pod is retried at least this often (podMaxInUnschedulablePodsDuration). */
const RETRY_MS = 5 * 60_000;

interface Failure {
  reasons: string[];
  /** UnschedulableAndUnresolvable: preemption cannot help on this node. */
  unresolvable: boolean;
}

export class Scheduler {
  private readonly lastAttempt = new Map<string, number>();

  constructor(
    private readonly store: ObjectStore,
    private readonly clock: SimClock,
    private readonly events: EventRecorder,
  ) {}

  sync(): void {
    const pending = this.store
      .list<Pod>("pods")
      .filter(
        (p) =>
          !p.spec.nodeName &&
          !p.metadata.deletionTimestamp &&
          (p.spec.schedulerName ?? "default-scheduler") === "default-scheduler",
      )
      .sort(
        (a, b) =>
          (b.spec.priority ?? 0) - (a.spec.priority ?? 0) ||
          a.metadata.creationTimestamp.localeCompare(b.metadata.creationTimestamp),
      );
    for (const pod of pending) this.scheduleOne(pod);
  }

  private scheduleOne(pod: Pod): void {
    const nodes = this.store.list<Node>("nodes");
    const failures: Failure[] = [];
    for (const node of nodes) {
      const failure = this.filter(pod, node);
      if (!failure) {
        this.bind(pod, node);
        return;
      }
      failures.push(failure);
    }
    this.unschedulable(pod, nodes.length ? fitError(nodes.length, failures) : "no nodes available to schedule pods");
  }

  private filter(pod: Pod, node: Node): Failure | undefined {
    const taints = node.spec.taints ?? [];
    // NodeUnschedulable: a cordoned node, unless the pod tolerates the unschedulable taint.
    if (
      node.spec.unschedulable &&
      !toleratesTaint(pod.spec.tolerations, { key: "node.kubernetes.io/unschedulable", effect: "NoSchedule" })
    )
      return { reasons: ["node(s) were unschedulable"], unresolvable: true };
    // TaintToleration: the first NoSchedule/NoExecute taint the pod does not tolerate.
    const taint = taints.find((t) => t.effect !== "PreferNoSchedule" && !toleratesTaint(pod.spec.tolerations, t));
    if (taint)
      return { reasons: [`node(s) had untolerated taint {${taint.key}: ${taint.value ?? ""}}`], unresolvable: true };
    // NodeAffinity: nodeSelector and required node affinity (matchFields on metadata.name).
    const target = targetNode(pod);
    if (!matchesLabels(node.metadata.labels, pod.spec.nodeSelector ?? {}) || (target && target !== node.metadata.name))
      return { reasons: ["node(s) didn't match Pod's node affinity/selector"], unresolvable: true };
    // NodeResourcesFit: pod count, then each requested resource against what is allocated.
    const onNode = this.store
      .list<Pod>("pods")
      .filter((p) => p.spec.nodeName === node.metadata.name && (isPodActive(p) || p.metadata.deletionTimestamp));
    const reasons: string[] = [];
    if (onNode.length + 1 > Number(node.status.allocatable.pods ?? "110")) reasons.push("Too many pods");
    for (const resource of ["cpu", "memory"]) {
      const want = podRequest(pod, resource);
      if (!want) continue;
      const used = onNode.reduce((n, p) => n + podRequest(p, resource), 0);
      const allocatable = quantityValue(resource, node.status.allocatable[resource] ?? "0");
      if (used + want > allocatable) reasons.push(`Insufficient ${resource}`);
    }
    return reasons.length ? { reasons, unresolvable: false } : undefined;
  }

  private bind(pod: Pod, node: Node): void {
    const stamp = rfc3339(this.clock.now());
    pod.spec.nodeName = node.metadata.name;
    pod.status.conditions = [
      ...(pod.status.conditions ?? []).filter((c) => c.type !== "PodScheduled"),
      { type: "PodScheduled", status: "True", lastProbeTime: null, lastTransitionTime: stamp },
    ];
    this.lastAttempt.delete(pod.metadata.uid);
    this.store.put("pods", pod);
    this.events.record(
      { kind: "Pod", name: pod.metadata.name, namespace: pod.metadata.namespace, uid: pod.metadata.uid },
      "Normal",
      "Scheduled",
      `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${node.metadata.name}`,
      "default-scheduler",
    );
  }

  private unschedulable(pod: Pod, message: string): void {
    const now = this.clock.now();
    const previous = pod.status.conditions?.find((c) => c.type === "PodScheduled");
    const last = this.lastAttempt.get(pod.metadata.uid);
    if (previous?.message === message && last !== undefined && now - last < RETRY_MS) return;
    this.lastAttempt.set(pod.metadata.uid, now);
    const stamp = rfc3339(now);
    pod.status.conditions = [
      ...(pod.status.conditions ?? []).filter((c) => c.type !== "PodScheduled"),
      {
        type: "PodScheduled",
        status: "False",
        lastProbeTime: null,
        lastTransitionTime: previous?.status === "False" ? previous.lastTransitionTime : stamp,
        reason: "Unschedulable",
        message,
      },
    ];
    this.store.put("pods", pod);
    this.events.record(
      { kind: "Pod", name: pod.metadata.name, namespace: pod.metadata.namespace, uid: pod.metadata.uid },
      "Warning",
      "FailedScheduling",
      message,
      "default-scheduler",
    );
  }
}

/** Sum of the containers' requests (init containers ignored), in millicores or bytes. */
export function podRequest(pod: Pod, resource: string): number {
  return pod.spec.containers.reduce((n, c) => {
    const q = c.resources?.requests?.[resource] ?? c.resources?.limits?.[resource];
    const v = q ? quantityValue(resource, q) : 0;
    return n + (Number.isNaN(v) ? 0 : v);
  }, 0);
}

/**
 * framework.FitError.Error(): "0/N nodes are available: <count reason>, ... ." then the
 * PostFilter (default preemption) diagnosis. Reasons are counted over nodes and sorted.
 */
export function fitError(total: number, failures: Failure[]): string {
  const histogram = (items: string[]) => {
    const counts = new Map<string, number>();
    for (const r of items) counts.set(r, (counts.get(r) ?? 0) + 1);
    return [...counts].map(([r, n]) => `${n} ${r}`).sort();
  };
  const reasons = histogram(failures.flatMap((f) => f.reasons));
  const preemption = histogram(
    failures.map((f) =>
      f.unresolvable ? "Preemption is not helpful for scheduling" : "No preemption victims found for incoming pod",
    ),
  );
  return `0/${total} nodes are available: ${reasons.join(", ")}. preemption: 0/${total} nodes are available: ${preemption.join(", ")}.`;
}
