/**
 * Pods a user creates in `default` (what `kubectl run` / `kubectl apply` would send): the
 * object as the API server stores it after defaulting, bound to this node. Fault scenarios
 * create them at a moment of the node's history, "created by the API" then.
 */
import type { Container, Pod } from "../cluster/types";
import { rfc3339 } from "../util/time-format";
import type { World } from "../world";
import { HOSTNAME } from "./node/identity";

export interface UserPod {
  name: string;
  containers: Container[];
  labels?: Record<string, string>;
}

export function userPod(world: World, p: UserPod): Pod {
  const now = world.clock.now();
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name: p.name,
      namespace: "default",
      uid: world.ids.uuid(`pod:default/${p.name}`),
      creationTimestamp: rfc3339(now),
      labels: p.labels ?? { run: p.name },
    },
    spec: {
      nodeName: HOSTNAME,
      containers: p.containers,
      restartPolicy: "Always",
      serviceAccountName: "default",
    } as Pod["spec"],
    status: {
      phase: "Pending",
      conditions: [{ type: "PodScheduled", status: "True", lastProbeTime: null, lastTransitionTime: rfc3339(now) }],
    },
  };
}

/** Create the pod at `atMs` on the scenario's clock (ms after boot). */
export function createPodAt(world: World, atMs: number, p: UserPod): void {
  world.clock.setTimeout(() => world.store.put<Pod>("pods", userPod(world, p)), atMs);
}
