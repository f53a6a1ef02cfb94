/**
 * Events as client-go's recorder writes them: one object per (object, reason, message),
 * counted up when repeated, named `<object>.<16 hex>`.
 */
import type { SimClock } from "../clock";
import { sha256Hex } from "../util/sha256";
import { rfc3339 } from "../util/time-format";
import type { ObjectStore } from "./store";
import type { KubeEvent } from "./types";

export class EventRecorder {
  private seq = 0;
  constructor(
    private readonly store: ObjectStore,
    private readonly clock: SimClock,
  ) {}

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
    const existing = this.store
      .list<KubeEvent>("events", namespace)
      .find(
        (e) =>
          e.involvedObject.name === involved.name &&
          e.involvedObject.kind === involved.kind &&
          e.reason === reason &&
          e.message === message,
      );
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
