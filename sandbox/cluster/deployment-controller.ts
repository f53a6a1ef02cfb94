/**
 * kube-controller-manager's deployment controller (pkg/controller/deployment): a Deployment
 * owns ReplicaSets named `<deployment>-<pod-template-hash>`; the one whose template matches
 * is the new one, the others are old. A RollingUpdate moves pods from old to new in steps
 * bounded by maxSurge (rounded up) and maxUnavailable (rounded down), each step waiting for
 * the ReplicaSet controller's availableReplicas (rolling.go, util/deployment_util.go); a
 * Recreate scales the old ones to zero first (recreate.go). The status and the Available and
 * Progressing conditions are written as progress.go and sync.go write them.
 */
import type { SimClock } from "../clock";
import { rfc3339 } from "../util/time-format";
import type { ApiServer } from "./api-server";
import type { EventRecorder } from "./events";
import { scaledValue } from "./intstr";
import { changed, clone, ownedBy, ownerReference } from "./pod-util";
import type { ObjectStore } from "./store";
import { podTemplateHash } from "./template-hash";
import type { Deployment, DeploymentCondition, Pod, ReplicaSet } from "./types";

const REVISION = "deployment.kubernetes.io/revision";
const DESIRED = "deployment.kubernetes.io/desired-replicas";
const MAX = "deployment.kubernetes.io/max-replicas";

const revisionOf = (rs: ReplicaSet) => Number(rs.metadata.annotations?.[REVISION] ?? 0);
const specSum = (rss: ReplicaSet[]) => rss.reduce((n, rs) => n + rs.spec.replicas, 0);
const statusSum = (rss: ReplicaSet[], f: (rs: ReplicaSet) => number | undefined) =>
  rss.reduce((n, rs) => n + (f(rs) ?? 0), 0);
/** ReplicaSetsByCreationTimestamp: oldest first, names break ties. */
const byAge = (a: ReplicaSet, b: ReplicaSet) =>
  a.metadata.creationTimestamp.localeCompare(b.metadata.creationTimestamp) ||
  a.metadata.name.localeCompare(b.metadata.name);

/** ResolveFenceposts: [maxSurge rounded up, maxUnavailable rounded down], never both zero. */
export function fenceposts(d: Deployment): [number, number] {
  if (d.spec.strategy?.type !== "RollingUpdate") return [0, 0];
  const ru = d.spec.strategy.rollingUpdate ?? {};
  const surge = scaledValue(ru.maxSurge ?? "25%", d.spec.replicas, true);
  const unavailable = scaledValue(ru.maxUnavailable ?? "25%", d.spec.replicas, false);
  return surge === 0 && unavailable === 0 ? [0, 1] : [surge, unavailable];
}

const maxSurge = (d: Deployment) => fenceposts(d)[0];
/** deploymentutil.MaxUnavailable: capped at replicas, zero for Recreate or no replicas. */
const maxUnavailable = (d: Deployment) =>
  d.spec.strategy?.type !== "RollingUpdate" || d.spec.replicas === 0 ? 0 : Math.min(fenceposts(d)[1], d.spec.replicas);

/** The ReplicaSets of a Deployment: the new one (template matches) and the old ones. */
export function replicaSetsOf(store: ObjectStore, d: Deployment): { newRS?: ReplicaSet; oldRSs: ReplicaSet[] } {
  const name = `${d.metadata.name}-${podTemplateHash(d.spec.template)}`;
  const owned = store.list<ReplicaSet>("replicasets", d.metadata.namespace).filter((rs) => ownedBy(rs, d));
  return {
    newRS: owned.find((rs) => rs.metadata.name === name),
    oldRSs: owned.filter((rs) => rs.metadata.name !== name),
  };
}

export class DeploymentController {
  constructor(
    private readonly store: ObjectStore,
    private readonly api: ApiServer,
    private readonly clock: SimClock,
    private readonly events: EventRecorder,
  ) {}

  /** Scaling decisions, from the ReplicaSets' status as it stands. */
  sync(): void {
    for (const d of this.store.list<Deployment>("deployments")) {
      const { oldRSs } = replicaSetsOf(this.store, d);
      const newRS = this.newReplicaSet(d, oldRSs);
      if (d.spec.strategy?.type === "Recreate") this.rolloutRecreate(d, newRS, oldRSs);
      else this.rolloutRolling(d, newRS, oldRSs);
    }
  }

  /** syncRolloutStatus for every Deployment, after the ReplicaSets have counted their pods. */
  syncStatuses(): void {
    for (const d of this.store.list<Deployment>("deployments")) this.syncRolloutStatus(d);
  }

  /** getNewReplicaSet: find or create the ReplicaSet for the current template, and sync the revision. */
  private newReplicaSet(d: Deployment, oldRSs: ReplicaSet[]): ReplicaSet {
    const ns = d.metadata.namespace ?? "default";
    const hash = podTemplateHash(d.spec.template);
    const name = `${d.metadata.name}-${hash}`;
    const revision = String(1 + Math.max(0, ...oldRSs.map(revisionOf)));
    let rs = this.store.get<ReplicaSet>("replicasets", name, ns);
    if (rs && ownedBy(rs, d)) {
      // An old template brought back (rollout undo) takes the newest revision.
      const minReady = d.spec.minReadySeconds || undefined;
      if (revisionOf(rs) < Number(revision) || rs.spec.minReadySeconds !== minReady) {
        rs.metadata.annotations = {
          ...rs.metadata.annotations,
          [REVISION]: String(Math.max(revisionOf(rs), Number(revision))),
        };
        if (minReady) rs.spec.minReadySeconds = minReady;
        else delete rs.spec.minReadySeconds;
        this.store.put("replicasets", rs);
      }
      if (!d.status.conditions?.some((c) => c.type === "Progressing")) {
        this.setCondition(d, "Progressing", "True", "FoundNewReplicaSet", `Found new replica set "${name}"`);
        this.store.put("deployments", d);
      }
    } else {
      const template = clone(d.spec.template);
      template.metadata.labels = { ...template.metadata.labels, "pod-template-hash": hash };
      const replicas = this.newReplicasCount(d, [...oldRSs], 0);
      rs = this.api.create<ReplicaSet>("replicasets", {
        apiVersion: "apps/v1",
        kind: "ReplicaSet",
        metadata: {
          name,
          namespace: ns,
          uid: "",
          creationTimestamp: "",
          labels: template.metadata.labels,
          annotations: {
            [DESIRED]: String(d.spec.replicas),
            [MAX]: String(d.spec.replicas + maxSurge(d)),
            [REVISION]: revision,
          },
          ownerReferences: [ownerReference(d)],
        },
        spec: {
          replicas,
          ...(d.spec.minReadySeconds ? { minReadySeconds: d.spec.minReadySeconds } : {}),
          selector: { matchLabels: { ...d.spec.selector.matchLabels, "pod-template-hash": hash } },
          template,
        },
        status: { replicas: 0 },
      });
      if (replicas > 0) this.scalingEvent(d, name, 0, replicas);
      this.setCondition(d, "Progressing", "True", "NewReplicaSetCreated", `Created new replica set "${name}"`);
      this.store.put("deployments", d);
    }
    if (d.metadata.annotations?.[REVISION] !== rs.metadata.annotations?.[REVISION]) {
      d.metadata.annotations = { ...d.metadata.annotations, [REVISION]: rs.metadata.annotations?.[REVISION] ?? "1" };
      this.store.put("deployments", d);
    }
    return rs;
  }

  /** NewRSNewReplicas for RollingUpdate: grow the new ReplicaSet as far as maxSurge lets the total go. */
  private newReplicasCount(d: Deployment, allRSs: ReplicaSet[], current: number): number {
    if (d.spec.strategy?.type === "Recreate") return d.spec.replicas;
    const maxTotal = d.spec.replicas + maxSurge(d);
    const currentPods = specSum(allRSs);
    if (currentPods >= maxTotal) return current;
    return current + Math.min(maxTotal - currentPods, d.spec.replicas - current);
  }

  private rolloutRolling(d: Deployment, newRS: ReplicaSet, oldRSs: ReplicaSet[]): void {
    const all = [...oldRSs, newRS];
    // reconcileNewReplicaSet
    if (newRS.spec.replicas > d.spec.replicas) {
      this.scale(d, newRS, d.spec.replicas);
      return;
    }
    if (newRS.spec.replicas < d.spec.replicas) {
      if (this.scale(d, newRS, this.newReplicasCount(d, all, newRS.spec.replicas))) return;
    }
    // reconcileOldReplicaSets
    if (specSum(oldRSs) === 0) {
      this.cleanup(d, oldRSs);
      return;
    }
    const minAvailable = d.spec.replicas - maxUnavailable(d);
    const newUnavailable = newRS.spec.replicas - (newRS.status.availableReplicas ?? 0);
    const maxScaledDown = specSum(all) - minAvailable - newUnavailable;
    if (maxScaledDown <= 0) return;
    // cleanupUnhealthyReplicas: old pods that are not available go first.
    let cleaned = 0;
    for (const rs of [...oldRSs].sort(byAge)) {
      if (cleaned >= maxScaledDown) break;
      const unhealthy = rs.spec.replicas - (rs.status.availableReplicas ?? 0);
      if (rs.spec.replicas === 0 || unhealthy <= 0) continue;
      const count = Math.min(maxScaledDown - cleaned, unhealthy);
      this.scale(d, rs, rs.spec.replicas - count);
      cleaned += count;
    }
    // scaleDownOldReplicaSetsForRollingUpdate: then as many available ones as minAvailable spares.
    const available = statusSum(all, (rs) => rs.status.availableReplicas);
    let toScaleDown = available - minAvailable;
    for (const rs of [...oldRSs].sort(byAge)) {
      if (toScaleDown <= 0) break;
      if (rs.spec.replicas === 0) continue;
      const count = Math.min(rs.spec.replicas, toScaleDown);
      this.scale(d, rs, rs.spec.replicas - count);
      toScaleDown -= count;
    }
  }

  /** rolloutRecreate: old ReplicaSets to zero, wait for their pods to go, then the new one up. */
  private rolloutRecreate(d: Deployment, newRS: ReplicaSet, oldRSs: ReplicaSet[]): void {
    let scaledDown = false;
    for (const rs of oldRSs) if (rs.spec.replicas > 0) scaledDown = this.scale(d, rs, 0) || scaledDown;
    if (scaledDown) return;
    const oldPods = this.store
      .list<Pod>("pods", d.metadata.namespace)
      .some(
        (p) => oldRSs.some((rs) => ownedBy(p, rs)) && p.status.phase !== "Succeeded" && p.status.phase !== "Failed",
      );
    if (oldPods) return;
    if (newRS.spec.replicas !== d.spec.replicas) this.scale(d, newRS, d.spec.replicas);
    else this.cleanup(d, oldRSs);
  }

  /** cleanupDeployment: old ReplicaSets at zero beyond revisionHistoryLimit go, oldest first. */
  private cleanup(d: Deployment, oldRSs: ReplicaSet[]): void {
    const limit = d.spec.revisionHistoryLimit ?? 10;
    const idle = oldRSs.filter((rs) => rs.spec.replicas === 0 && (rs.status.replicas ?? 0) === 0).sort(byAge);
    for (const rs of idle.slice(0, Math.max(0, idle.length - limit))) {
      this.api.delete("replicasets", rs.metadata.name, rs.metadata.namespace);
    }
  }

  /** scaleReplicaSet: the new size and the replicas annotations, and an event when the size moved. */
  private scale(d: Deployment, rs: ReplicaSet, to: number): boolean {
    const annotations = { [DESIRED]: String(d.spec.replicas), [MAX]: String(d.spec.replicas + maxSurge(d)) };
    const from = rs.spec.replicas;
    const stale = Object.entries(annotations).some(([k, v]) => rs.metadata.annotations?.[k] !== v);
    if (from === to && !stale) return false;
    rs.spec.replicas = to;
    rs.metadata.annotations = { ...rs.metadata.annotations, ...annotations };
    this.store.put("replicasets", rs);
    if (from !== to) this.scalingEvent(d, rs.metadata.name, from, to);
    return from !== to;
  }

  private scalingEvent(d: Deployment, rs: string, from: number, to: number): void {
    this.events.record(
      { kind: "Deployment", name: d.metadata.name, namespace: d.metadata.namespace, uid: d.metadata.uid },
      "Normal",
      "ScalingReplicaSet",
      `Scaled ${to > from ? "up" : "down"} replica set ${rs} from ${from} to ${to}`,
      "deployment-controller",
    );
  }

  /** deploymentutil.SetDeploymentCondition: unchanged status and reason keep the condition as it is. */
  private setCondition(
    d: Deployment,
    type: DeploymentCondition["type"],
    status: DeploymentCondition["status"],
    reason: string,
    message: string,
  ): void {
    const conditions = d.status.conditions ?? [];
    const current = conditions.find((c) => c.type === type);
    if (current && current.status === status && current.reason === reason) return;
    const now = rfc3339(this.clock.now());
    const lastTransitionTime = current && current.status === status ? current.lastTransitionTime : now;
    d.status.conditions = [
      ...conditions.filter((c) => c.type !== type),
      { type, status, lastUpdateTime: now, lastTransitionTime, reason, message },
    ];
  }

  /** calculateStatus and syncRolloutStatus (progress.go). */
  private syncRolloutStatus(d: Deployment): void {
    const { newRS, oldRSs } = replicaSetsOf(this.store, d);
    if (!newRS) return;
    const all = [...oldRSs, newRS];
    const before = d.status;
    const available = statusSum(all, (rs) => rs.status.availableReplicas);
    const status: Deployment["status"] = {
      observedGeneration: d.metadata.generation ?? 1,
      replicas: statusSum(all, (rs) => rs.status.replicas),
      updatedReplicas: newRS.status.replicas ?? 0,
      readyReplicas: statusSum(all, (rs) => rs.status.readyReplicas),
      availableReplicas: available,
      ...(specSum(all) - available > 0 ? { unavailableReplicas: specSum(all) - available } : {}),
      conditions: [...(before.conditions ?? [])],
    };
    const next = { ...d, status } as Deployment;
    if (available >= d.spec.replicas - maxUnavailable(d)) {
      this.setCondition(next, "Available", "True", "MinimumReplicasAvailable", "Deployment has minimum availability.");
    } else {
      this.setCondition(
        next,
        "Available",
        "False",
        "MinimumReplicasUnavailable",
        "Deployment does not have minimum availability.",
      );
    }
    const progressing = before.conditions?.find((c) => c.type === "Progressing");
    const complete =
      status.updatedReplicas === d.spec.replicas &&
      status.replicas === d.spec.replicas &&
      available === d.spec.replicas &&
      (status.observedGeneration ?? 0) >= (d.metadata.generation ?? 1);
    const alreadyComplete =
      status.replicas === status.updatedReplicas && progressing?.reason === "NewReplicaSetAvailable";
    if (!alreadyComplete) {
      if (complete) {
        const msg = `ReplicaSet "${newRS.metadata.name}" has successfully progressed.`;
        this.setCondition(next, "Progressing", "True", "NewReplicaSetAvailable", msg);
      } else if (isProgressing(before, status)) {
        // A fresh ReplicaSetUpdated condition each time (its update time moves), transition time kept.
        const now = rfc3339(this.clock.now());
        const kept = progressing?.status === "True" ? progressing.lastTransitionTime : now;
        next.status.conditions = [
          ...(next.status.conditions ?? []).filter((c) => c.type !== "Progressing"),
          {
            type: "Progressing",
            status: "True",
            lastUpdateTime: now,
            lastTransitionTime: kept,
            reason: "ReplicaSetUpdated",
            message: `ReplicaSet "${newRS.metadata.name}" is progressing.`,
          },
        ];
      }
    }
    if (changed(d.status, next.status)) {
      d.status = next.status;
      this.store.put("deployments", d);
    }
  }
}

/** deploymentutil.DeploymentProgressing: more updated, ready or available pods, or fewer old ones. */
function isProgressing(before: Deployment["status"], after: Deployment["status"]): boolean {
  const oldBefore = (before.replicas ?? 0) - (before.updatedReplicas ?? 0);
  const oldAfter = (after.replicas ?? 0) - (after.updatedReplicas ?? 0);
  return (
    (after.updatedReplicas ?? 0) > (before.updatedReplicas ?? 0) ||
    oldAfter < oldBefore ||
    (after.readyReplicas ?? 0) > (before.readyReplicas ?? 0) ||
    (after.availableReplicas ?? 0) > (before.availableReplicas ?? 0)
  );
}
