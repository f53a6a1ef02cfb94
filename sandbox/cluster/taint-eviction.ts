/**
 * kube-controller-manager's taint-eviction-controller (pkg/controller/tainteviction): for a
 * node with NoExecute taints, a pod that does not tolerate one of them is deleted at once; a
 * pod that tolerates them all for a limited time (tolerationSeconds, e.g. the 300 s
 * DefaultTolerationSeconds adds) is deleted when the shortest of those runs out, counted from
 * when the taint appeared. Deletion is graceful (the pod's own grace period), after the
 * DisruptionTarget condition is added and a TaintManagerEviction event recorded.
 */
import type { SimClock } from "../clock";
import { rfc3339 } from "../util/time-format";
import type { ApiServer } from "./api-server";
import type { EventRecorder } from "./events";
import { tolerates } from "./labels";
import type { ObjectStore } from "./store";
import type { Node, Pod } from "./types";

export class TaintEvictionController {
  /** When the next timed eviction is due, so the control plane can wake then. */
  nextDue: number | undefined;

  constructor(
    private readonly store: ObjectStore,
    private readonly api: ApiServer,
    private readonly clock: SimClock,
    private readonly events: EventRecorder,
  ) {}

  sync(): void {
    const now = this.clock.now();
    this.nextDue = undefined;
    for (const node of this.store.list<Node>("nodes")) {
      const taints = (node.spec.taints ?? []).filter((t) => t.effect === "NoExecute");
      if (!taints.length) continue;
      for (const pod of this.store.list<Pod>("pods")) {
        if (pod.spec.nodeName !== node.metadata.name || pod.metadata.deletionTimestamp) continue;
        const due = evictionTime(pod, taints, now);
        if (due === undefined) continue;
        if (due <= now) this.evict(pod);
        else this.nextDue = Math.min(this.nextDue ?? due, due);
      }
    }
  }

  private evict(pod: Pod): void {
    const ns = pod.metadata.namespace ?? "default";
    this.events.record(
      { kind: "Pod", name: pod.metadata.name, namespace: ns },
      "Normal",
      "TaintManagerEviction",
      `Marking for deletion Pod ${ns}/${pod.metadata.name}`,
      "taint-eviction-controller",
    );
    // addConditionAndDeletePod: the DisruptionTarget condition first, then the delete.
    const stamp = rfc3339(this.clock.now());
    pod.status.conditions = [
      ...(pod.status.conditions ?? []).filter((c) => c.type !== "DisruptionTarget"),
      {
        type: "DisruptionTarget",
        status: "True",
        lastProbeTime: null,
        lastTransitionTime: stamp,
        reason: "DeletionByTaintManager",
        message: "Taint manager: deleting due to NoExecute taint",
      },
    ];
    this.store.put("pods", pod);
    this.api.deletePod(pod.metadata.name, ns);
  }
}

/** When a pod on a node with these NoExecute taints must go: now, later, or never (undefined). */
function evictionTime(pod: Pod, taints: NonNullable<Node["spec"]["taints"]>, now: number): number | undefined {
  let due: number | undefined;
  for (const taint of taints) {
    const used = (pod.spec.tolerations ?? []).filter((t) => tolerates(t, taint));
    if (!used.length) return now;
    // getMinTolerationTime: any toleration without tolerationSeconds tolerates forever.
    if (used.some((t) => t.tolerationSeconds === undefined)) continue;
    const seconds = Math.max(0, Math.min(...used.map((t) => t.tolerationSeconds ?? 0)));
    const added = taint.timeAdded ? Date.parse(taint.timeAdded) : now;
    const at = added + seconds * 1000;
    due = due === undefined ? at : Math.min(due, at);
  }
  return due;
}
