/**
 * Pods a user creates in `default` (what `kubectl run` / `kubectl apply` would send). Fault
 * scenarios create them at a moment of the node's history, through the API server as a
 * client would.
 */
import type { Container, Pod } from "../cluster/types";
import type { World } from "../world";

export interface UserPod {
  name: string;
  containers: Container[];
  labels?: Record<string, string>;
}

export function userPod(p: UserPod): Pod {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name: p.name,
      namespace: "default",
      uid: "",
      creationTimestamp: "",
      labels: p.labels ?? { run: p.name },
    },
    spec: { containers: p.containers },
    status: { phase: "Pending" },
  };
}

/**
 * POST the pod to the API server (defaults, service-account volume, tolerations); the
 * scheduler binds it to this node and the kubelet takes it from there.
 */
export function createPod(world: World, p: UserPod): Pod {
  return world.controlPlane.api.create("pods", userPod(p));
}

/** Create the pod at `atMs` on the scenario's clock (ms after boot). */
export function createPodAt(world: World, atMs: number, p: UserPod): void {
  world.clock.setTimeout(() => createPod(world, p), atMs);
}
