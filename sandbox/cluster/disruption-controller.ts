/**
 * kube-controller-manager's disruption controller (pkg/controller/disruption/disruption.go):
 * for each PodDisruptionBudget it counts the pods it selects, how many are healthy (Ready, not
 * terminating, not recently evicted), how many must stay healthy, and so how many disruptions
 * the eviction API may allow. Pods the eviction API let go are held in status.disruptedPods
 * for DeletionTimeout (2 min) so they do not count as healthy while their deletion lands.
 */
import type { SimClock } from "../clock";
import { rfc3339 } from "../util/time-format";
import type { EventRecorder } from "./events";
import { scaledValue } from "./intstr";
import { matchesSelector } from "./labels";
import { changed, controllerRef, isPodReady } from "./pod-util";
import type { ObjectStore } from "./store";
import type { Deployment, Pod, PodDisruptionBudget, ReplicaSet } from "./types";

const DELETION_TIMEOUT_MS = 2 * 60_000;

export class DisruptionController {
  /** When a disruptedPods entry expires: the control plane wakes then to recount. */
  nextDue: number | undefined;

  constructor(
    private readonly store: ObjectStore,
    private readonly clock: SimClock,
    private readonly events: EventRecorder,
  ) {}

  sync(): void {
    this.nextDue = undefined;
    for (const pdb of this.store.list<PodDisruptionBudget>("poddisruptionbudgets")) this.syncBudget(pdb);
  }

  private podsFor(pdb: PodDisruptionBudget): Pod[] {
    if (!Object.keys(pdb.spec.selector?.matchLabels ?? {}).length) return [];
    return this.store
      .list<Pod>("pods", pdb.metadata.namespace)
      .filter((p) => matchesSelector(p.metadata.labels, pdb.spec.selector));
  }

  /** getExpectedScale: the replicas of the controllers owning the pods (a ReplicaSet's Deployment counts once). */
  private expectedScale(pods: Pod[]): number {
    const scales = new Map<string, number>();
    for (const pod of pods) {
      const ref = controllerRef(pod);
      if (ref?.kind !== "ReplicaSet") continue;
      const rs = this.store.get<ReplicaSet>("replicasets", ref.name, pod.metadata.namespace);
      if (!rs) continue;
      const owner = controllerRef(rs);
      const d =
        owner?.kind === "Deployment" && this.store.get<Deployment>("deployments", owner.name, pod.metadata.namespace);
      if (d) scales.set(d.metadata.uid, d.spec.replicas);
      else scales.set(rs.metadata.uid, rs.spec.replicas);
    }
    return [...scales.values()].reduce((a, b) => a + b, 0);
  }

  /** getExpectedPodCount: (expected pods, desired healthy). */
  private expectedCounts(pdb: PodDisruptionBudget, pods: Pod[]): [number, number] {
    const { minAvailable, maxUnavailable } = pdb.spec;
    if (maxUnavailable !== undefined) {
      const expected = this.expectedScale(pods);
      return [expected, Math.max(0, expected - scaledValue(maxUnavailable, expected, true))];
    }
    if (typeof minAvailable === "number") return [pods.length, minAvailable];
    if (minAvailable !== undefined) {
      const expected = this.expectedScale(pods);
      return [expected, scaledValue(minAvailable, expected, true)];
    }
    return [pods.length, 0];
  }

  private syncBudget(pdb: PodDisruptionBudget): void {
    const now = this.clock.now();
    const pods = this.podsFor(pdb);
    const [expected, desired] = this.expectedCounts(pdb, pods);
    // buildDisruptedPodMap: entries for pods still here, not yet terminating, not timed out.
    const disrupted: Record<string, string> = {};
    for (const pod of pods) {
      const since = pdb.status.disruptedPods?.[pod.metadata.name];
      if (pod.metadata.deletionTimestamp || !since) continue;
      const expires = Date.parse(since) + DELETION_TIMEOUT_MS;
      if (expires < now) {
        this.events.record(
          { kind: "Pod", name: pod.metadata.name, namespace: pod.metadata.namespace, uid: pod.metadata.uid },
          "Warning",
          "NotDeleted",
          `Pod was expected by PDB ${pdb.metadata.namespace}/${pdb.metadata.name} to be deleted but it wasn't`,
          "controllermanager",
        );
        continue;
      }
      disrupted[pod.metadata.name] = since;
      this.nextDue = Math.min(this.nextDue ?? expires, expires);
    }
    // countHealthyPods
    const healthy = pods.filter((p) => !p.metadata.deletionTimestamp && !disrupted[p.metadata.name] && isPodReady(p));
    const current = healthy.length;
    const allowed = expected <= 0 || current - desired <= 0 ? 0 : current - desired;
    const generation = pdb.metadata.generation ?? 1;
    const firstLook = (pdb.status.observedGeneration ?? 0) < generation;
    if (!pods.length && firstLook) {
      const ref = { kind: "PodDisruptionBudget", name: pdb.metadata.name, namespace: pdb.metadata.namespace };
      this.events.record(
        { ...ref, uid: pdb.metadata.uid },
        "Normal",
        "NoPods",
        "No matching pods found",
        "controllermanager",
      );
    }
    const status: PodDisruptionBudget["status"] = {
      observedGeneration: generation,
      ...(Object.keys(disrupted).length ? { disruptedPods: disrupted } : {}),
      disruptionsAllowed: allowed,
      currentHealthy: current,
      desiredHealthy: desired,
      expectedPods: expected,
      conditions: disruptionAllowedCondition(pdb, allowed > 0, generation, rfc3339(now)),
    };
    if (changed(pdb.status, status)) {
      pdb.status = status;
      this.store.put("poddisruptionbudgets", pdb);
    }
  }
}

/** pdbhelper.UpdateDisruptionAllowedCondition through meta.SetStatusCondition (transition time kept unless status flips). */
function disruptionAllowedCondition(
  pdb: PodDisruptionBudget,
  sufficient: boolean,
  generation: number,
  now: string,
): NonNullable<PodDisruptionBudget["status"]["conditions"]> {
  const status = sufficient ? "True" : "False";
  const before = pdb.status.conditions?.find((c) => c.type === "DisruptionAllowed");
  return [
    {
      type: "DisruptionAllowed",
      status,
      reason: sufficient ? "SufficientPods" : "InsufficientPods",
      message: "",
      observedGeneration: generation,
      lastTransitionTime: before && before.status === status ? before.lastTransitionTime : now,
    },
  ];
}
