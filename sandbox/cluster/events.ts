/**
 * Events as client-go's recorder writes them: one object per (object, reason, message),
 * counted up when repeated, named `<object>.<16 hex>`.
 */
import type { SimClock } from "../clock";
import { sha256Hex } from "../util/sha256";
import { rfc3339 } from "../util/time-format";
import type { ObjectStore } from "./store";
import type { KubeEvent } from "./types";

/** The store's order for `ns/name` keys (store.ts). */
const byStoreKey = new Intl.Collator().compare;

/** What makes two events the same one (the recorder's aggregation key, as far as this node needs it). */
const sameEventKey = (namespace: string | undefined, kind: string, name: string, reason: string, message: string) =>
  `${namespace}\u0000${kind}\u0000${name}\u0000${reason}\u0000${message}`;

const eventKey = (e: KubeEvent) =>
  sameEventKey(e.metadata.namespace, e.involvedObject.kind, e.involvedObject.name, e.reason, e.message);

export class EventRecorder {
  private seq = 0;
  /**
   * Event names (`ns/name`) by aggregation key, kept from the store's watch: finding the
   * event to count up by scanning (and sorting) every event on each record grew with the
   * square of the events a boot makes.
   */
  private readonly byKey = new Map<string, Set<string>>();
  private readonly keyOfEvent = new Map<string, string>();

  constructor(
    private readonly store: ObjectStore,
    private readonly clock: SimClock,
  ) {
    for (const e of store.list<KubeEvent>("events")) this.index(e, false);
    store.watch((w) => {
      if (w.resource === "events") this.index(w.object as KubeEvent, w.type === "DELETED");
    });
  }

  private index(e: KubeEvent, deleted: boolean): void {
    const id = `${e.metadata.namespace}/${e.metadata.name}`;
    const old = this.keyOfEvent.get(id);
    if (old !== undefined) {
      this.byKey.get(old)?.delete(id);
      this.keyOfEvent.delete(id);
    }
    if (deleted) return;
    const key = eventKey(e);
    this.keyOfEvent.set(id, key);
    let names = this.byKey.get(key);
    if (!names) {
      names = new Set();
      this.byKey.set(key, names);
    }
    names.add(id);
  }

  /** The stored event with this key, the first in the store's order if several (as a scan finds it). */
  private find(key: string): KubeEvent | undefined {
    const names = this.byKey.get(key);
    if (!names?.size) return undefined;
    const id = names.size === 1 ? (names.values().next().value as string) : [...names].sort(byStoreKey)[0];
    const at = (id as string).indexOf("/");
    return this.store.get<KubeEvent>("events", (id as string).slice(at + 1), (id as string).slice(0, at));
  }

  record(
    involved: { kind: string; name: string; namespace?: string; uid?: string },
    type: "Normal" | "Warning",
    reason: string,
    message: string,
    component: string,
    host?: string,
  ): void {
    const namespace = involved.namespace ?? "default";
    const stamp = rfc3339(this.clock.now());
    const existing = this.find(sameEventKey(namespace, involved.kind, involved.name, reason, message));
    if (existing) {
      existing.count++;
      existing.lastTimestamp = stamp;
      this.store.put("events", existing);
      return;
    }
    const suffix = sha256Hex(`${involved.name}:${reason}:${this.clock.now()}:${this.seq++}`).slice(0, 16);
    this.store.put<KubeEvent>("events", {
      apiVersion: "v1",
      kind: "Event",
      metadata: { name: `${involved.name}.${suffix}`, namespace, uid: suffix, creationTimestamp: stamp },
      involvedObject: { ...involved, namespace: involved.namespace },
      reason,
      message,
      type,
      source: { component, host },
      firstTimestamp: stamp,
      lastTimestamp: stamp,
      count: 1,
    });
  }
}
