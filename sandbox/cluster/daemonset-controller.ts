/**
 * kube-controller-manager's daemonset controller (pkg/controller/daemon): one pod per node
 * the DaemonSet should run on (its nodeSelector matches and the node's NoSchedule/NoExecute
 * taints are tolerated), created with a node affinity for that node
 * (util.ReplaceDaemonSetPodNodeNameNodeAffinity) and the tolerations every daemon pod gets
 * (util.AddOrUpdateDaemonPodTolerations), so the scheduler binds it there. While the node's
 * daemon pod is terminating the controller waits; once it is gone, it creates a new one.
 */
import type { IdSource } from "../util/ids";
import type { ApiServer } from "./api-server";
import type { EventRecorder } from "./events";
import { matchesLabels, matchesSelector, toleratesTaint } from "./labels";
import { changed, clone, isPodReady, ownedBy, ownerReference } from "./pod-util";
import type { ObjectStore } from "./store";
import { podTemplateHash } from "./template-hash";
import type { DaemonSet, Node, Pod, Toleration } from "./types";

/** pkg/controller/daemon/util/daemonset_util.go AddOrUpdateDaemonPodTolerations. */
export function daemonPodTolerations(hostNetwork: boolean): Toleration[] {
  const t = (key: string, effect: "NoExecute" | "NoSchedule"): Toleration => ({ key, operator: "Exists", effect });
  return [
    t("node.kubernetes.io/not-ready", "NoExecute"),
    t("node.kubernetes.io/unreachable", "NoExecute"),
    t("node.kubernetes.io/disk-pressure", "NoSchedule"),
    t("node.kubernetes.io/memory-pressure", "NoSchedule"),
    t("node.kubernetes.io/pid-pressure", "NoSchedule"),
    t("node.kubernetes.io/unschedulable", "NoSchedule"),
    ...(hostNetwork ? [t("node.kubernetes.io/network-unavailable", "NoSchedule")] : []),
  ];
}

function addTolerations(existing: Toleration[] | undefined, extra: Toleration[]): Toleration[] {
  const out = [...(existing ?? [])];
  for (const t of extra) if (!out.some((o) => o.key === t.key && o.effect === t.effect)) out.push(t);
  return out;
}

export class DaemonSetController {
  constructor(
    private readonly store: ObjectStore,
    private readonly api: ApiServer,
    private readonly ids: IdSource,
    private readonly events: EventRecorder,
  ) {}

  sync(): void {
    const nodes = this.store.list<Node>("nodes");
    for (const ds of this.store.list<DaemonSet>("daemonsets")) this.syncDaemonSet(ds, nodes);
  }

  /** NodeShouldRunDaemonPod: nodeSelector, then taints the daemon pod would not tolerate. */
  private shouldRun(ds: DaemonSet, node: Node): boolean {
    const spec = ds.spec.template.spec;
    if (!matchesLabels(node.metadata.labels, spec.nodeSelector ?? {})) return false;
    const tolerations = addTolerations(spec.tolerations, daemonPodTolerations(spec.hostNetwork === true));
    return (node.spec.taints ?? [])
      .filter((t) => t.effect !== "PreferNoSchedule")
      .every((t) => toleratesTaint(tolerations, t));
  }

  private syncDaemonSet(ds: DaemonSet, nodes: Node[]): void {
    const pods = this.store
      .list<Pod>("pods", ds.metadata.namespace)
      .filter((p) => ownedBy(p, ds) && matchesSelector(p.metadata.labels, ds.spec.selector));
    const onNode = (n: Node) => pods.filter((p) => targetNode(p) === n.metadata.name);
    let desired = 0;
    let current = 0;
    let ready = 0;
    for (const node of nodes) {
      const mine = onNode(node);
      const should = this.shouldRun(ds, node);
      if (should) desired++;
      if (mine.length) current++;
      if (mine.some((p) => !p.metadata.deletionTimestamp && isPodReady(p))) ready++;
      // shouldRun && !exists: a terminating daemon pod still "exists"; wait for it to go.
      if (should && mine.length === 0) this.createPod(ds, node);
    }
    const status = {
      currentNumberScheduled: current,
      desiredNumberScheduled: desired,
      numberAvailable: ready,
      numberMisscheduled: 0,
      numberReady: ready,
      updatedNumberScheduled: current,
      observedGeneration: 1,
    };
    if (changed(ds.status, status)) {
      ds.status = status;
      this.store.put("daemonsets", ds);
    }
  }

  private createPod(ds: DaemonSet, node: Node): void {
    const template = ds.spec.template;
    const spec = clone(template.spec);
    spec.tolerations = addTolerations(spec.tolerations, daemonPodTolerations(spec.hostNetwork === true));
    spec.affinity = {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [
            { matchFields: [{ key: "metadata.name", operator: "In", values: [node.metadata.name] }] },
          ],
        },
      },
    };
    const name = `${ds.metadata.name}-${this.ids.nameSuffix(`${ds.metadata.name}/${node.metadata.name}`)}`;
    this.api.create<Pod>("pods", {
      apiVersion: "v1",
      kind: "Pod",
      metadata: {
        name,
        generateName: `${ds.metadata.name}-`,
        namespace: ds.metadata.namespace,
        uid: "",
        creationTimestamp: "",
        labels: {
          ...template.metadata.labels,
          "controller-revision-hash": podTemplateHash(template),
          "pod-template-generation": "1",
        },
        ...(template.metadata.annotations ? { annotations: { ...template.metadata.annotations } } : {}),
        ownerReferences: [ownerReference(ds)],
      },
      spec,
      status: { phase: "Pending" },
    });
    this.events.record(
      { kind: "DaemonSet", name: ds.metadata.name, namespace: ds.metadata.namespace, uid: ds.metadata.uid },
      "Normal",
      "SuccessfulCreate",
      `Created pod: ${name}`,
      "daemonset-controller",
    );
  }
}

/** The node a daemon pod is for: its binding, or the node its affinity names. */
export function targetNode(pod: Pod): string | undefined {
  if (pod.spec.nodeName) return pod.spec.nodeName;
  const terms = pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  return terms?.[0]?.matchFields?.find((f) => f.key === "metadata.name")?.values?.[0];
}
