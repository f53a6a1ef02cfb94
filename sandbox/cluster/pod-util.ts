/** Small pod predicates the controllers share (pkg/api/v1/pod/util.go, pkg/controller/controller_utils.go). */
import type { KubeObject, OwnerReference, Pod } from "./types";

export function isPodReady(pod: Pod): boolean {
  return pod.status.conditions?.some((c) => c.type === "Ready" && c.status === "True") ?? false;
}

/** controller.IsPodActive: not finished and not being deleted. */
export function isPodActive(pod: Pod): boolean {
  return pod.status.phase !== "Succeeded" && pod.status.phase !== "Failed" && !pod.metadata.deletionTimestamp;
}

export function controllerRef(o: KubeObject): OwnerReference | undefined {
  return o.metadata.ownerReferences?.find((r) => r.controller);
}

export function ownedBy(o: KubeObject, owner: KubeObject): boolean {
  return controllerRef(o)?.uid === owner.metadata.uid;
}

export function ownerReference(owner: KubeObject): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name,
    uid: owner.metadata.uid,
    controller: true,
    blockOwnerDeletion: true,
  };
}

/** Deep copy, so objects made from a template never share arrays with it. */
export const clone = <T>(o: T): T => JSON.parse(JSON.stringify(o)) as T;

/** Put only when something changed: controllers that rewrite identical status would wake every watcher. */
export function changed(before: unknown, after: unknown): boolean {
  return JSON.stringify(before) !== JSON.stringify(after);
}
