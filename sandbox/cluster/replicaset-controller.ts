/**
 * kube-controller-manager's replicaset controller (pkg/controller/replicaset): a ReplicaSet
 * keeps `replicas` active pods, creating `<rs>-<5 chars>` pods from its template (a pod
 * being deleted no longer counts, so its replacement is created at once) and deleting
 * surplus ones, and writes the status `kubectl get rs` prints. The Deployments above it are
 * cluster/deployment-controller.ts.
 */
import type { SimClock } from "../clock";
import type { IdSource } from "../util/ids";
import type { ApiServer } from "./api-server";
import type { EventRecorder } from "./events";
import { matchesSelector } from "./labels";
import { changed, clone, isPodActive, isPodReady, ownedBy, ownerReference } from "./pod-util";
import type { ObjectStore } from "./store";
import type { Pod, ReplicaSet } from "./types";

export class ReplicaSetController {
  /** When a Ready pod reaches minReadySeconds and turns available: the control plane wakes then. */
  nextDue: number | undefined;

  constructor(
    private readonly store: ObjectStore,
    private readonly api: ApiServer,
    private readonly ids: IdSource,
    private readonly events: EventRecorder,
    private readonly clock: SimClock,
  ) {}

  /**
   * podutil.IsPodAvailable: Ready for at least minReadySeconds. A pod Ready but not yet for
   * long enough sets the next wake-up, as the controller's AddAfter requeue does.
   */
  private isAvailable(pod: Pod, minReadySeconds: number): boolean {
    if (!isPodReady(pod)) return false;
    if (!minReadySeconds) return true;
    const since = pod.status.conditions?.find((c) => c.type === "Ready")?.lastTransitionTime;
    const at = (since ? Date.parse(since) : 0) + minReadySeconds * 1000;
    if (at <= this.clock.now()) return true;
    this.nextDue = Math.min(this.nextDue ?? at, at);
    return false;
  }

  sync(): void {
    this.nextDue = undefined;
    for (const rs of this.store.list<ReplicaSet>("replicasets")) this.syncReplicaSet(rs);
  }

  private podsOf(rs: ReplicaSet): Pod[] {
    return this.store
      .list<Pod>("pods", rs.metadata.namespace)
      .filter((p) => ownedBy(p, rs) && matchesSelector(p.metadata.labels, rs.spec.selector));
  }

  private syncReplicaSet(rs: ReplicaSet): void {
    const ref = { kind: "ReplicaSet", name: rs.metadata.name, namespace: rs.metadata.namespace, uid: rs.metadata.uid };
    const active = this.podsOf(rs).filter(isPodActive);
    const diff = rs.spec.replicas - active.length;
    for (let i = 0; i < diff; i++) {
      const pod = this.api.create<Pod>("pods", {
        apiVersion: "v1",
        kind: "Pod",
        metadata: {
          name: `${rs.metadata.name}-${this.ids.nameSuffix(`${rs.metadata.name}/${i}`)}`,
          generateName: `${rs.metadata.name}-`,
          namespace: rs.metadata.namespace,
          uid: "",
          creationTimestamp: "",
          labels: { ...rs.spec.template.metadata.labels },
          ...(rs.spec.template.metadata.annotations
            ? { annotations: { ...rs.spec.template.metadata.annotations } }
            : {}),
          ownerReferences: [ownerReference(rs)],
        },
        spec: clone(rs.spec.template.spec),
        status: { phase: "Pending" },
      });
      this.events.record(
        ref,
        "Normal",
        "SuccessfulCreate",
        `Created pod: ${pod.metadata.name}`,
        "replicaset-controller",
      );
    }
    // Surplus: the newest, least-ready pods go first (controller.ActivePods ordering, reduced).
    if (diff < 0) {
      const victims = [...active]
        .sort(
          (a, b) =>
            Number(isPodReady(a)) - Number(isPodReady(b)) ||
            b.metadata.creationTimestamp.localeCompare(a.metadata.creationTimestamp),
        )
        .slice(0, -diff);
      for (const p of victims) {
        this.api.deletePod(p.metadata.name, p.metadata.namespace ?? "default");
        this.events.record(
          ref,
          "Normal",
          "SuccessfulDelete",
          `Deleted pod: ${p.metadata.name}`,
          "replicaset-controller",
        );
      }
    }
    const current = this.podsOf(rs).filter(isPodActive);
    const ready = current.filter(isPodReady).length;
    const available = current.filter((p) => this.isAvailable(p, rs.spec.minReadySeconds ?? 0)).length;
    const status = {
      replicas: current.length,
      fullyLabeledReplicas: current.length,
      readyReplicas: ready,
      availableReplicas: available,
      observedGeneration: 1,
    };
    if (changed(rs.status, status)) {
      rs.status = status;
      this.store.put("replicasets", rs);
    }
  }
}
