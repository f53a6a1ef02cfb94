/**
 * The API server's write path for the objects the node's world creates and deletes: object
 * defaults and admission on create (the pod defaults of pkg/apis/core/v1/defaults.go, the
 * Priority, ServiceAccount and DefaultTolerationSeconds admission plugins), ClusterIP
 * allocation for Services, and pod deletion with the graceful-deletion rules of
 * pkg/registry/core/pod/strategy.go (CheckGracefulDelete) and apiserver's rest.BeforeDelete.
 *
 * Deletion contract with the kubelet: deleting a pod bound to a node sets
 * metadata.deletionTimestamp (now + grace) and deletionGracePeriodSeconds; the kubelet stops
 * its containers and sandbox, then removes the object (`remove`). An unbound pod, a finished
 * pod, or a delete with grace 0 (kubectl --grace-period=0 --force) removes it at once.
 */
import type { SimClock } from "../clock";
import type { IdSource } from "../util/ids";
import { sha256Hex } from "../util/sha256";
import { rfc3339 } from "../util/time-format";
import { type EvictionResult, evictPod } from "./eviction";
import type { ObjectStore } from "./store";
import type { Deployment, KubeObject, Pod, PodDisruptionBudget, Resource, Service, Toleration } from "./types";

/** The two built-in PriorityClasses (pkg/apis/scheduling SystemPriorityClasses). */
export const PRIORITY_CLASSES: Record<string, number> = {
  "system-node-critical": 2_000_001_000,
  "system-cluster-critical": 2_000_000_000,
};

/** DefaultTolerationSeconds admission (plugin/pkg/admission/defaulttolerationseconds). */
const DEFAULT_TOLERATION_SECONDS = 300;

export type DeleteResult = "removed" | "terminating" | "notfound";

export class ApiServer {
  /** Service ClusterIPs handed out from the service CIDR 10.0.0.0/16 (AKS default). */
  private nextClusterIp = 0;

  constructor(
    private readonly store: ObjectStore,
    private readonly clock: SimClock,
    private readonly ids: IdSource,
  ) {}

  /** POST: fill in server-side fields and defaults, admit, store. */
  create<T extends KubeObject>(resource: Resource, object: T): T {
    const meta = object.metadata;
    if (!meta.name && meta.generateName) meta.name = `${meta.generateName}${this.ids.nameSuffix(meta.generateName)}`;
    meta.uid ||= this.ids.uuid(`${resource}:${meta.namespace ?? ""}/${meta.name}`);
    meta.creationTimestamp ||= rfc3339(this.clock.now());
    if (resource === "pods") this.admitPod(object as unknown as Pod);
    if (resource === "services") this.allocateClusterIp(object as unknown as Service);
    if (resource === "deployments") defaultDeployment(object as unknown as Deployment);
    if (resource === "deployments" || resource === "poddisruptionbudgets") meta.generation = 1;
    return this.store.put(resource, object);
  }

  /**
   * PUT of a changed spec: the registry strategies of Deployments and PDBs bump
   * metadata.generation whenever the spec differs, so controllers (and `kubectl rollout
   * status`) can tell an unobserved change from an observed one.
   */
  updateSpec<T extends Deployment | PodDisruptionBudget>(resource: Resource, object: T): T {
    if (resource === "deployments") defaultDeployment(object as Deployment);
    object.metadata.generation = (object.metadata.generation ?? 1) + 1;
    return this.store.put(resource, object);
  }

  /** POST pods/NAME/eviction (pkg/registry/core/pod/storage/eviction.go): see cluster/eviction.ts. */
  evict(name: string, namespace: string, gracePeriodSeconds?: number): EvictionResult {
    return evictPod({ store: this.store, clock: this.clock, api: this }, name, namespace, gracePeriodSeconds);
  }

  private admitPod(pod: Pod): void {
    const spec = pod.spec;
    spec.restartPolicy ??= "Always";
    spec.dnsPolicy ??= "ClusterFirst";
    spec.schedulerName ??= "default-scheduler";
    spec.terminationGracePeriodSeconds ??= 30;
    spec.serviceAccountName ??= "default";
    const everyContainer = [...(spec.initContainers ?? []), ...spec.containers];
    for (const c of everyContainer) {
      c.imagePullPolicy ??= /:latest$|^[^:]+$/.test(c.image.replace(/^[^/]+:\d+\//, "")) ? "Always" : "IfNotPresent";
    }
    if (spec.priorityClassName) spec.priority = PRIORITY_CLASSES[spec.priorityClassName] ?? 0;
    else spec.priority ??= 0;
    // ServiceAccount admission: the projected token volume, mounted into every container.
    if (!spec.volumes?.some((v) => v.name.startsWith("kube-api-access-"))) {
      const name = `kube-api-access-${this.ids.nameSuffix(`sa:${pod.metadata.name}`)}`;
      spec.volumes = [
        ...(spec.volumes ?? []),
        {
          name,
          projected: {
            defaultMode: 420,
            sources: [
              { serviceAccountToken: { expirationSeconds: 3607, path: "token" } },
              { configMap: { name: "kube-root-ca.crt", items: [{ key: "ca.crt", path: "ca.crt" }] } },
              {
                downwardAPI: {
                  items: [{ path: "namespace", fieldRef: { apiVersion: "v1", fieldPath: "metadata.namespace" } }],
                },
              },
            ],
          },
        },
      ];
      for (const c of everyContainer) {
        c.volumeMounts = [
          ...(c.volumeMounts ?? []),
          { name, mountPath: "/var/run/secrets/kubernetes.io/serviceaccount", readOnly: true },
        ];
      }
    }
    // DefaultTolerationSeconds: unless the pod already tolerates them, not-ready and
    // unreachable NoExecute taints are tolerated for 300 s.
    const tolerations: Toleration[] = spec.tolerations ?? [];
    for (const key of ["node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable"]) {
      const covered = tolerations.some(
        (t) => (t.key === key || (!t.key && t.operator === "Exists")) && (!t.effect || t.effect === "NoExecute"),
      );
      if (!covered)
        tolerations.push({
          key,
          operator: "Exists",
          effect: "NoExecute",
          tolerationSeconds: DEFAULT_TOLERATION_SECONDS,
        });
    }
    spec.tolerations = tolerations;
    pod.status ??= { phase: "Pending" };
    pod.status.phase ??= "Pending";
    pod.status.qosClass ??= qosClass(pod);
  }

  private allocateClusterIp(svc: Service): void {
    this.allocateNodePorts(svc);
    if (svc.spec.clusterIP) {
      svc.spec.clusterIPs = [svc.spec.clusterIP];
      return;
    }
    // The allocator picks at random in the range; the seed picks the same address each run.
    const h = Number.parseInt(this.ids.hex64(`clusterip:${svc.metadata.name}:${this.nextClusterIp++}`).slice(0, 8), 16);
    const ip = `10.0.${(h >>> 8) % 256}.${(h % 253) + 2}`;
    svc.spec.clusterIP = ip;
    svc.spec.clusterIPs = [ip];
  }

  /**
   * NodePort and LoadBalancer services get a node port per service port from
   * --service-node-port-range (30000-32767) unless one was asked for. Picked from a hash of
   * the port, not the seeded IdSource, so no other generated name moves.
   */
  private allocateNodePorts(svc: Service): void {
    if (svc.spec.type !== "NodePort" && svc.spec.type !== "LoadBalancer") return;
    for (const p of svc.spec.ports) {
      if (p.nodePort) continue;
      const h = sha256Hex(`nodeport:${svc.metadata.namespace}/${svc.metadata.name}:${p.port}/${p.protocol}`);
      p.nodePort = 30000 + (Number.parseInt(h.slice(0, 8), 16) % 2768);
    }
  }

  /**
   * DELETE for pods. `gracePeriodSeconds` undefined means the pod's
   * terminationGracePeriodSeconds. Returns what happened to the object.
   */
  deletePod(name: string, namespace: string, gracePeriodSeconds?: number): DeleteResult {
    const pod = this.store.get<Pod>("pods", name, namespace);
    if (!pod) return "notfound";
    let grace = gracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30;
    // CheckGracefulDelete: unscheduled and finished pods go at once.
    if (!pod.spec.nodeName || pod.status.phase === "Succeeded" || pod.status.phase === "Failed") grace = 0;
    if (grace === 0) {
      this.store.delete("pods", name, namespace);
      return "removed";
    }
    const meta = pod.metadata;
    // A second delete may only shorten a pending graceful deletion.
    if (meta.deletionGracePeriodSeconds !== undefined && grace >= meta.deletionGracePeriodSeconds) return "terminating";
    meta.deletionGracePeriodSeconds = grace;
    meta.deletionTimestamp = rfc3339(this.clock.now() + grace * 1000);
    this.store.put("pods", pod);
    return "terminating";
  }

  /** The kubelet's final delete (grace 0) once a terminating pod's containers have stopped. */
  remove(name: string, namespace: string): boolean {
    return this.store.delete("pods", name, namespace);
  }

  /** DELETE for objects without graceful deletion (everything but pods here). */
  delete(resource: Resource, name: string, namespace?: string): boolean {
    return this.store.delete(resource, name, namespace);
  }
}

/** v1qos.GetPodQOS, reduced to cpu and memory: set by the API server on create. */
export function qosClass(pod: Pod): "Guaranteed" | "Burstable" | "BestEffort" {
  const containers = pod.spec.containers;
  const any = containers.some(
    (c) => Object.keys(c.resources?.requests ?? {}).length || Object.keys(c.resources?.limits ?? {}).length,
  );
  if (!any) return "BestEffort";
  const guaranteed = containers.every((c) =>
    ["cpu", "memory"].every(
      (r) => c.resources?.limits?.[r] && (c.resources.requests?.[r] ?? c.resources.limits[r]) === c.resources.limits[r],
    ),
  );
  return guaranteed ? "Guaranteed" : "Burstable";
}

/**
 * SetDefaults_Deployment (pkg/apis/apps/v1/defaults.go): RollingUpdate with 25%/25%, ten old
 * ReplicaSets kept, a 600 s progress deadline.
 */
function defaultDeployment(d: Deployment): void {
  const spec = d.spec;
  spec.strategy = { ...spec.strategy, type: spec.strategy?.type ?? "RollingUpdate" };
  if (spec.strategy.type === "RollingUpdate") {
    spec.strategy.rollingUpdate = { maxUnavailable: "25%", maxSurge: "25%", ...spec.strategy.rollingUpdate };
  }
  spec.revisionHistoryLimit ??= 10;
  spec.progressDeadlineSeconds ??= 600;
}
