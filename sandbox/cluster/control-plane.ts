/**
 * The managed control plane's controllers for this node's world: the API server's write
 * path, kube-controller-manager's deployment, replicaset, daemonset, taint-eviction,
 * endpointslice and disruption controllers, and kube-scheduler. Like informers, they wake on watch events
 * for the objects they care about (batched into one pass on the simulated clock), and on a
 * timer for evictions that fall due later; nothing polls.
 */
import type { SimClock, TimerId } from "../clock";
import type { IdSource } from "../util/ids";
import { rfc3339 } from "../util/time-format";
import { ApiServer } from "./api-server";
import { DaemonSetController } from "./daemonset-controller";
import { DeploymentController } from "./deployment-controller";
import { DisruptionController } from "./disruption-controller";
import { EndpointsController } from "./endpoints-controller";
import { EndpointSliceController } from "./endpointslice-controller";
import type { EventRecorder } from "./events";
import { ReplicaSetController } from "./replicaset-controller";
import { Scheduler } from "./scheduler";
import type { ObjectStore } from "./store";
import { TaintEvictionController } from "./taint-eviction";
import type { KubeEvent, Node, Resource } from "./types";

const SECOND_PRECISION = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

/** kube-apiserver --event-ttl default. */
export const EVENT_TTL_MS = 60 * 60_000;
const EVENT_SWEEP_MS = 60_000;

const WATCHED: Resource[] = [
  "pods",
  "nodes",
  "daemonsets",
  "deployments",
  "replicasets",
  "services",
  "endpointslices",
  "endpoints",
  "poddisruptionbudgets",
];

export class ControlPlane {
  readonly api: ApiServer;
  private readonly deployments: DeploymentController;
  private readonly replicaSets: ReplicaSetController;
  private readonly daemonSets: DaemonSetController;
  private readonly scheduler: Scheduler;
  private readonly taintEviction: TaintEvictionController;
  private readonly endpointSlices: EndpointSliceController;
  private readonly endpoints: EndpointsController;
  private readonly disruption: DisruptionController;
  private pending: TimerId | undefined;
  private wake: TimerId | undefined;
  private started = false;
  private readonly nodeSignatures = new Map<string, string>();

  constructor(
    private readonly store: ObjectStore,
    private readonly clock: SimClock,
    ids: IdSource,
    events: EventRecorder,
  ) {
    this.api = new ApiServer(store, clock, ids);
    this.deployments = new DeploymentController(store, this.api, clock, events);
    this.replicaSets = new ReplicaSetController(store, this.api, ids, events, clock);
    this.daemonSets = new DaemonSetController(store, this.api, ids, events);
    this.scheduler = new Scheduler(store, clock, events);
    this.taintEviction = new TaintEvictionController(store, this.api, clock, events);
    this.endpointSlices = new EndpointSliceController(store, this.api, ids);
    this.endpoints = new EndpointsController(store, this.api);
    this.disruption = new DisruptionController(store, clock, events);
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    this.store.watch((e) => {
      if (!WATCHED.includes(e.resource)) return;
      // The kubelet posts node status every 10 s; only a change the controllers act on
      // (labels, spec, allocatable, condition statuses) wakes them, as informers' update
      // handlers filter on what changed.
      if (e.resource === "nodes" && e.type === "MODIFIED") {
        const node = e.object as Node;
        const signature = nodeSignature(node);
        if (this.nodeSignatures.get(node.metadata.name) === signature) return;
        this.nodeSignatures.set(node.metadata.name, signature);
      }
      this.requestSync();
    });
    this.requestSync();
    this.clock.setInterval(() => this.expireEvents(), EVENT_SWEEP_MS);
  }

  /**
   * kube-apiserver stores events with an etcd lease of --event-ttl (1h): an event not updated
   * for an hour is gone. Leases are shared within a minute, so a sweep a minute is as exact.
   */
  private expireEvents(): void {
    const cutoff = this.clock.now() - EVENT_TTL_MS;
    // metav1.Time text (`2025-10-30T14:02:11Z`) sorts as the time it names: compared as text,
    // with Date.parse only for a timestamp written some other way.
    const cutoffText = rfc3339(Math.floor(cutoff / 1000) * 1000);
    for (const e of this.store.list<KubeEvent>("events")) {
      const at = e.lastTimestamp;
      const expired = SECOND_PRECISION.test(at) ? at <= cutoffText : Date.parse(at) <= cutoff;
      if (expired) this.store.delete("events", e.metadata.name, e.metadata.namespace);
    }
  }

  private requestSync(): void {
    this.pending ??= this.clock.setTimeout(() => {
      this.pending = undefined;
      this.syncAll();
    }, 0);
  }

  /**
   * The garbage collector's background cascade (pkg/controller/garbagecollector): an object
   * whose controlling owner is gone is deleted (pods gracefully), so deleting a Deployment
   * takes its ReplicaSet and then its pods with it.
   */
  private collectGarbage(): void {
    for (const resource of ["replicasets", "pods", "endpointslices"] as Resource[]) {
      for (const o of this.store.list(resource)) {
        const ref = o.metadata.ownerReferences?.find((r) => r.controller);
        const ownerResource = ref && OWNER_RESOURCE[ref.kind];
        if (!ref || !ownerResource) continue;
        const owner = this.store.get(ownerResource, ref.name, o.metadata.namespace);
        if (owner?.metadata.uid === ref.uid) continue;
        if (resource === "pods") {
          if (!o.metadata.deletionTimestamp) this.api.deletePod(o.metadata.name, o.metadata.namespace ?? "default");
        } else this.api.delete(resource, o.metadata.name, o.metadata.namespace);
      }
    }
  }

  /** One pass of every controller, in the order their effects feed each other. */
  syncAll(): void {
    this.deployments.sync();
    this.replicaSets.sync();
    this.deployments.syncStatuses();
    this.daemonSets.sync();
    this.scheduler.sync();
    this.taintEviction.sync();
    this.endpointSlices.sync();
    this.endpoints.sync();
    this.disruption.sync();
    this.collectGarbage();
    const dues = [this.taintEviction.nextDue, this.disruption.nextDue, this.replicaSets.nextDue].filter(
      (t) => t !== undefined,
    );
    const due = dues.length ? Math.min(...dues) : undefined;
    this.clock.clearTimer(this.wake);
    this.wake = due === undefined ? undefined : this.clock.setTimeout(() => this.requestSync(), due - this.clock.now());
  }
}

const OWNER_RESOURCE: Record<string, Resource> = {
  Deployment: "deployments",
  ReplicaSet: "replicasets",
  DaemonSet: "daemonsets",
  Service: "services",
};

/**
 * What the controllers read of a node, as one string: labels, spec, allocatable and the
 * conditions' statuses. Built by hand because it runs on every status heartbeat (a third
 * of the cost of JSON.stringify over the same fields).
 */
function nodeSignature(node: Node): string {
  let s = "";
  const labels = node.metadata.labels;
  if (labels) for (const k in labels) s += `${k}=${labels[k]}\n`;
  s += `\u0000${JSON.stringify(node.spec)}\u0000`;
  const allocatable = node.status.allocatable;
  if (allocatable) for (const k in allocatable) s += `${k}=${allocatable[k]}\n`;
  for (const c of node.status.conditions) s += `${c.type}=${c.status}\n`;
  return s;
}
