/**
 * The eviction subresource, POST pods/NAME/eviction (pkg/registry/core/pod/storage/eviction.go
 * in kubernetes 1.32): a pod that is finished, Pending or already terminating goes at once;
 * otherwise the one PodDisruptionBudget selecting it must allow a disruption, which the
 * handler takes (disruptionsAllowed - 1, the pod noted in status.disruptedPods) before the
 * graceful delete. A budget with nothing to spare answers 429 TooManyRequests, which kubectl
 * drain retries every 5 s.
 */
import type { SimClock } from "../clock";
import { rfc3339 } from "../util/time-format";
import { matchesSelector } from "./labels";
import { isPodReady } from "./pod-util";
import type { ObjectStore } from "./store";
import type { Pod, PodDisruptionBudget } from "./types";

export type EvictionResult =
  | { ok: true }
  | { ok: false; code: 404 | 429 | 500 | 403; reason: string; message: string; cause?: string };

/** The message every PDB refusal carries (and the only part kubectl prints). */
export const PDB_VIOLATION = "Cannot evict pod as it would violate the pod's disruption budget.";

interface EvictionDeps {
  store: ObjectStore;
  clock: SimClock;
  api: { deletePod(name: string, namespace: string, gracePeriodSeconds?: number): unknown };
}

/** The PDBs whose selector matches the pod (an empty selector matches nothing in policy/v1 eviction). */
export function budgetsFor(store: ObjectStore, pod: Pod): PodDisruptionBudget[] {
  return store
    .list<PodDisruptionBudget>("poddisruptionbudgets", pod.metadata.namespace)
    .filter(
      (pdb) =>
        Object.keys(pdb.spec.selector?.matchLabels ?? {}).length > 0 &&
        matchesSelector(pod.metadata.labels, pdb.spec.selector),
    );
}

export function evictPod(deps: EvictionDeps, name: string, namespace: string, grace?: number): EvictionResult {
  const { store, clock, api } = deps;
  const pod = store.get<Pod>("pods", name, namespace);
  if (!pod) return { ok: false, code: 404, reason: "NotFound", message: `pods "${name}" not found` };
  const evict = (): EvictionResult => {
    api.deletePod(name, namespace, grace);
    return { ok: true };
  };
  // canIgnorePDB: nothing to protect in a pod that is done, not started, or already going.
  const phase = pod.status.phase;
  if (phase === "Succeeded" || phase === "Failed" || phase === "Pending" || pod.metadata.deletionTimestamp) {
    return evict();
  }
  const pdbs = budgetsFor(store, pod);
  if (pdbs.length > 1) {
    return {
      ok: false,
      code: 500,
      reason: "InternalError",
      message: "This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.",
    };
  }
  const pdb = pdbs[0];
  if (!pdb) return evict();
  const status = pdb.status;
  // UnhealthyPodEvictionPolicy IfHealthyBudget (the default): an unready pod may go while the
  // budget is met, without spending a disruption.
  if (!isPodReady(pod) && status.currentHealthy >= status.desiredHealthy && status.desiredHealthy > 0) return evict();
  // checkAndDecrement
  if ((status.observedGeneration ?? 0) < (pdb.metadata.generation ?? 1)) {
    return tooMany(`The disruption budget ${pdb.metadata.name} is still being processed by the server.`);
  }
  if (status.disruptionsAllowed < 0) {
    return { ok: false, code: 403, reason: "Forbidden", message: "pdb disruptions allowed is negative" };
  }
  if (status.disruptionsAllowed === 0) {
    return tooMany(
      `The disruption budget ${pdb.metadata.name} needs ${status.desiredHealthy} healthy pods and has ${status.currentHealthy} currently`,
    );
  }
  status.disruptionsAllowed--;
  if (status.disruptionsAllowed === 0) {
    const stamp = rfc3339(clock.now());
    status.conditions = [
      {
        type: "DisruptionAllowed",
        status: "False",
        reason: "InsufficientPods",
        message: "",
        observedGeneration: status.observedGeneration,
        lastTransitionTime: stamp,
      },
    ];
  }
  status.disruptedPods = { ...status.disruptedPods, [name]: rfc3339(clock.now()) };
  store.put("poddisruptionbudgets", pdb);
  return evict();
}

const tooMany = (cause: string): EvictionResult => ({
  ok: false,
  code: 429,
  reason: "TooManyRequests",
  message: PDB_VIOLATION,
  cause,
});
