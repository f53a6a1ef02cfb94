/**
 * What the kubelet does next about a pod's init containers (kuberuntime_manager.go
 * computePodActions with computeInitContainerActions, reduced): they run one at a time, in
 * order, each to a successful exit before the next starts; a failed one is restarted (with
 * the container back-off) unless the pod's restartPolicy is Never, which fails the pod.
 * A sidecar (an init container with restartPolicy: Always) counts as done once it runs, keeps
 * running beside the app containers and is restarted whenever it exits. App containers start
 * only when every init container is done.
 */
import type { Container } from "../cluster/types";
import type { ContainerRecord } from "../runtime/types";

export const isSidecar = (c: Container) => c.restartPolicy === "Always";

export type InitAction =
  /** Start (or restart) this init container now, subject to image pulls and back-off. */
  | { kind: "start"; container: Container }
  /** An init container is running: wait for it. */
  | { kind: "wait" }
  /** A regular init container failed and the pod's restartPolicy is Never: the pod fails. */
  | { kind: "failed"; container: Container }
  /** Every init container is done: sync the app containers (and keep the sidecars up). */
  | { kind: "done" };

/** `latest(name)`: the newest attempt of a container in the pod's current sandbox. */
export function nextInitAction(
  initContainers: Container[],
  latest: (name: string) => ContainerRecord | undefined,
  restartPolicy: string,
): InitAction {
  for (const c of initContainers) {
    const last = latest(c.name);
    if (isSidecar(c)) {
      // Started sidecars are synced with the app containers; one that never ran starts now.
      if (!last) return { kind: "start", container: c };
      continue;
    }
    if (!last) return { kind: "start", container: c };
    if (last.state === "CONTAINER_RUNNING" || last.state === "CONTAINER_CREATED") return { kind: "wait" };
    if (last.exitCode === 0) continue;
    if (restartPolicy === "Never") return { kind: "failed", container: c };
    return { kind: "start", container: c };
  }
  return { kind: "done" };
}

/** Init containers not yet done, for the Initialized condition's message (status/generate.go). */
export function incompleteInitContainers(
  initContainers: Container[],
  latest: (name: string) => ContainerRecord | undefined,
): string[] {
  return initContainers
    .filter((c) => {
      const last = latest(c.name);
      if (isSidecar(c)) return last?.state !== "CONTAINER_RUNNING" && last?.startedAt === undefined;
      return !(last?.state === "CONTAINER_EXITED" && last.exitCode === 0);
    })
    .map((c) => c.name);
}
