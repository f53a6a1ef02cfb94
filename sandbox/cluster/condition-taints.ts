/**
 * Taint nodes by condition (the node lifecycle controller's doNoScheduleTaintingPass,
 * pkg/controller/nodelifecycle): a node reporting MemoryPressure, DiskPressure or PIDPressure
 * gets the matching `node.kubernetes.io/<...>-pressure:NoSchedule` taint, and loses it when
 * the condition clears. Driven by node watch events, as the controller's informer is.
 */
import type { ObjectStore } from "./store";
import type { Node, Taint } from "./types";

const CONDITION_TAINTS: Record<string, string> = {
  MemoryPressure: "node.kubernetes.io/memory-pressure",
  DiskPressure: "node.kubernetes.io/disk-pressure",
  PIDPressure: "node.kubernetes.io/pid-pressure",
};
const KEYS = new Set(Object.values(CONDITION_TAINTS));

export class ConditionTaints {
  constructor(private readonly store: ObjectStore) {}

  start(): () => void {
    return this.store.watch((e) => {
      if (e.resource === "nodes" && e.type !== "DELETED") this.reconcile(e.object as Node);
    });
  }

  private reconcile(node: Node): void {
    const wanted = Object.entries(CONDITION_TAINTS)
      .filter(([type]) => node.status.conditions.find((c) => c.type === type)?.status === "True")
      .map(([, key]) => key);
    const taints = node.spec.taints ?? [];
    const have = taints.filter((t) => KEYS.has(t.key)).map((t) => t.key);
    if (wanted.length === have.length && wanted.every((k) => have.includes(k))) return;
    const kept = taints.filter((t) => !KEYS.has(t.key) || wanted.includes(t.key));
    const added: Taint[] = wanted.filter((k) => !have.includes(k)).map((key) => ({ key, effect: "NoSchedule" }));
    const next = [...kept, ...added];
    node.spec.taints = next.length ? next : undefined;
    this.store.put("nodes", node);
  }
}
