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

/**
 * Put only when something changed: controllers that rewrite identical status would wake every
 * watcher. "Changed" is "serialises differently" (key order included, undefined members
 * left out), decided by walking both values instead of building both strings: the
 * controllers compare every Service's endpoints on every pass.
 */
export function changed(before: unknown, after: unknown): boolean {
  return !sameJson(before, after);
}

/** JSON.stringify(a) === JSON.stringify(b), for plain data (objects, arrays, strings, numbers, booleans, null). */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) {
    return JSON.stringify(a) === JSON.stringify(b);
  }
  if ("toJSON" in a || "toJSON" in b) return JSON.stringify(a) === JSON.stringify(b);
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    // Inside arrays, undefined and functions serialise as null.
    const item = (v: unknown) => (v === undefined || typeof v === "function" ? null : v);
    for (let i = 0; i < a.length; i++) if (!sameJson(item(a[i]), item(b[i]))) return false;
    return true;
  }
  const ka = serialisedKeys(a as Record<string, unknown>);
  const kb = serialisedKeys(b as Record<string, unknown>);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    const k = ka[i] as string;
    if (k !== kb[i]) return false;
    if (!sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  }
  return true;
}

/** The keys JSON.stringify writes, in its order (members that are undefined, functions or symbols are left out). */
function serialisedKeys(o: Record<string, unknown>): string[] {
  return Object.keys(o).filter((k) => {
    const v = o[k];
    return v !== undefined && typeof v !== "function" && typeof v !== "symbol";
  });
}
