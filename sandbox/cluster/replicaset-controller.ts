/**
 * kube-controller-manager's deployment and replicaset controllers
 * (pkg/controller/deployment, pkg/controller/replicaset), reduced to what a node sees:
 * a Deployment owns one ReplicaSet named `<deployment>-<pod-template-hash>`; a ReplicaSet
 * keeps `replicas` active pods, creating `<rs>-<5 chars>` pods from its template (a pod
 * being deleted no longer counts, so its replacement is created at once) and deleting
 * surplus ones; both write the status `kubectl get` prints.
 */
import type { IdSource } from "../util/ids";
import type { ApiServer } from "./api-server";
import type { EventRecorder } from "./events";
import { matchesSelector } from "./labels";
import { changed, clone, isPodActive, isPodReady, ownedBy, ownerReference } from "./pod-util";
import type { ObjectStore } from "./store";
import type { Deployment, Pod, PodTemplate, ReplicaSet } from "./types";

/**
 * controller.ComputeHash: FNV-32a over the template, written with rand.SafeEncodeString, whose
 * alphabet maps each decimal digit to one of "bcdf456789" (hence hashes like 789465848c).
 * Upstream hashes a spew dump of the Go struct; this hashes the JSON, so the values differ
 * from a real cluster's but change exactly when the template does.
 */
export function podTemplateHash(template: PodTemplate): string {
  // Templates are replaced, not edited in place, when a workload changes: hash each once.
  let hash = hashes.get(template);
  if (hash === undefined) {
    hash = computeHash(template);
    hashes.set(template, hash);
  }
  return hash;
}

const hashes = new WeakMap<PodTemplate, string>();

function computeHash(template: PodTemplate): string {
  let h = 0x811c9dc5;
  for (const ch of JSON.stringify(template)) {
    h ^= ch.charCodeAt(0) & 0xff;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  const alphabet = "bcdfghjklmnpqrstvwxz2456789";
  return [...String(h)].map((d) => alphabet[d.charCodeAt(0) % alphabet.length]).join("");
}

export class ReplicaSetController {
  constructor(
    private readonly store: ObjectStore,
    private readonly api: ApiServer,
    private readonly ids: IdSource,
    private readonly events: EventRecorder,
  ) {}

  sync(): void {
    for (const d of this.store.list<Deployment>("deployments")) this.syncDeployment(d);
    for (const rs of this.store.list<ReplicaSet>("replicasets")) this.syncReplicaSet(rs);
    for (const d of this.store.list<Deployment>("deployments")) this.deploymentStatus(d);
  }

  private syncDeployment(d: Deployment): void {
    const ns = d.metadata.namespace ?? "default";
    const hash = podTemplateHash(d.spec.template);
    const name = `${d.metadata.name}-${hash}`;
    // A changed template means a new ReplicaSet; the old ones are scaled to zero (the
    // rollout is done at once here, not in maxSurge/maxUnavailable steps).
    const owned = this.store.list<ReplicaSet>("replicasets", ns).filter((r) => ownedBy(r, d));
    for (const old of owned) {
      if (old.metadata.name === name || old.spec.replicas === 0) continue;
      const from = old.spec.replicas;
      old.spec.replicas = 0;
      this.store.put("replicasets", old);
      this.scalingEvent(d, old.metadata.name, from, 0);
    }
    const revision =
      1 + Math.max(0, ...owned.map((r) => Number(r.metadata.annotations?.["deployment.kubernetes.io/revision"] ?? 0)));
    const rs = this.store.get<ReplicaSet>("replicasets", name, ns);
    if (rs) {
      if (rs.spec.replicas !== d.spec.replicas) {
        const from = rs.spec.replicas;
        rs.spec.replicas = d.spec.replicas;
        this.store.put("replicasets", rs);
        this.scalingEvent(d, name, from, d.spec.replicas);
      }
      return;
    }
    const template = clone(d.spec.template);
    template.metadata.labels = { ...template.metadata.labels, "pod-template-hash": hash };
    this.api.create<ReplicaSet>("replicasets", {
      apiVersion: "apps/v1",
      kind: "ReplicaSet",
      metadata: {
        name,
        namespace: ns,
        uid: "",
        creationTimestamp: "",
        labels: template.metadata.labels,
        annotations: {
          "deployment.kubernetes.io/desired-replicas": String(d.spec.replicas),
          "deployment.kubernetes.io/max-replicas": String(d.spec.replicas + Math.ceil(d.spec.replicas / 4)),
          "deployment.kubernetes.io/revision": String(revision),
        },
        ownerReferences: [ownerReference(d)],
      },
      spec: {
        replicas: d.spec.replicas,
        selector: { matchLabels: { ...d.spec.selector.matchLabels, "pod-template-hash": hash } },
        template,
      },
      status: { replicas: 0 },
    });
    this.scalingEvent(d, name, 0, d.spec.replicas);
  }

  private scalingEvent(d: Deployment, rs: string, from: number, to: number): void {
    this.events.record(
      { kind: "Deployment", name: d.metadata.name, namespace: d.metadata.namespace, uid: d.metadata.uid },
      "Normal",
      "ScalingReplicaSet",
      `Scaled ${to >= from ? "up" : "down"} replica set ${rs} from ${from} to ${to}`,
      "deployment-controller",
    );
  }

  private podsOf(rs: ReplicaSet): Pod[] {
    return this.store
      .list<Pod>("pods", rs.metadata.namespace)
      .filter((p) => ownedBy(p, rs) && matchesSelector(p.metadata.labels, rs.spec.selector));
  }

  private syncReplicaSet(rs: ReplicaSet): void {
    const ref = { kind: "ReplicaSet", name: rs.metadata.name, namespace: rs.metadata.namespace, uid: rs.metadata.uid };
    const active = this.podsOf(rs).filter(isPodActive);
    const diff = rs.spec.replicas - active.length;
    for (let i = 0; i < diff; i++) {
      const pod = this.api.create<Pod>("pods", {
        apiVersion: "v1",
        kind: "Pod",
        metadata: {
          name: `${rs.metadata.name}-${this.ids.nameSuffix(`${rs.metadata.name}/${i}`)}`,
          generateName: `${rs.metadata.name}-`,
          namespace: rs.metadata.namespace,
          uid: "",
          creationTimestamp: "",
          labels: { ...rs.spec.template.metadata.labels },
          ...(rs.spec.template.metadata.annotations
            ? { annotations: { ...rs.spec.template.metadata.annotations } }
            : {}),
          ownerReferences: [ownerReference(rs)],
        },
        spec: clone(rs.spec.template.spec),
        status: { phase: "Pending" },
      });
      this.events.record(
        ref,
        "Normal",
        "SuccessfulCreate",
        `Created pod: ${pod.metadata.name}`,
        "replicaset-controller",
      );
    }
    // Surplus: the newest, least-ready pods go first (controller.ActivePods ordering, reduced).
    if (diff < 0) {
      const victims = [...active]
        .sort(
          (a, b) =>
            Number(isPodReady(a)) - Number(isPodReady(b)) ||
            b.metadata.creationTimestamp.localeCompare(a.metadata.creationTimestamp),
        )
        .slice(0, -diff);
      for (const p of victims) {
        this.api.deletePod(p.metadata.name, p.metadata.namespace ?? "default");
        this.events.record(
          ref,
          "Normal",
          "SuccessfulDelete",
          `Deleted pod: ${p.metadata.name}`,
          "replicaset-controller",
        );
      }
    }
    const current = this.podsOf(rs).filter(isPodActive);
    const ready = current.filter(isPodReady).length;
    const status = {
      replicas: current.length,
      fullyLabeledReplicas: current.length,
      readyReplicas: ready,
      availableReplicas: ready,
      observedGeneration: 1,
    };
    if (changed(rs.status, status)) {
      rs.status = status;
      this.store.put("replicasets", rs);
    }
  }

  private deploymentStatus(d: Deployment): void {
    const rss = this.store.list<ReplicaSet>("replicasets", d.metadata.namespace).filter((rs) => ownedBy(rs, d));
    const sum = (f: (rs: ReplicaSet) => number | undefined) => rss.reduce((n, rs) => n + (f(rs) ?? 0), 0);
    const current = rss.find((rs) => rs.metadata.name === `${d.metadata.name}-${podTemplateHash(d.spec.template)}`);
    const status = {
      observedGeneration: 1,
      replicas: sum((rs) => rs.status.replicas),
      updatedReplicas: current?.status.replicas ?? 0,
      readyReplicas: sum((rs) => rs.status.readyReplicas),
      availableReplicas: sum((rs) => rs.status.availableReplicas),
    };
    if (changed(d.status, status)) {
      d.status = status;
      this.store.put("deployments", d);
    }
  }
}
