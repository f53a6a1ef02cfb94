/**
 * kube-controller-manager's endpointslice controller (pkg/controller/endpointslice), for
 * Services with a selector: one EndpointSlice `<service>-<5 chars>` per Service listing every
 * selected pod that has an IP, with the ready/serving/terminating conditions kube-proxy reads
 * (ready = Ready and not terminating, serving = Ready, terminating = being deleted).
 */
import type { IdSource } from "../util/ids";
import type { ApiServer } from "./api-server";
import { matchesLabels } from "./labels";
import { changed, controllerRef, isPodReady, ownerReference } from "./pod-util";
import type { ObjectStore } from "./store";
import type { EndpointSlice, Pod, Service } from "./types";

export const MANAGED_BY = "endpointslice-controller.k8s.io";

export class EndpointSliceController {
  constructor(
    private readonly store: ObjectStore,
    private readonly api: ApiServer,
    private readonly ids: IdSource,
  ) {}

  sync(): void {
    // Each Service's slice by its controller's uid (the first in store order, as a scan
    // finds it), looked up once per pass: a scan per Service made a pass quadratic.
    const sliceOf = new Map<string, EndpointSlice>();
    for (const slice of this.store.list<EndpointSlice>("endpointslices")) {
      const uid = controllerRef(slice)?.uid;
      const key = `${slice.metadata.namespace ?? "default"}/${uid}`;
      if (uid !== undefined && !sliceOf.has(key)) sliceOf.set(key, slice);
    }
    for (const svc of this.store.list<Service>("services")) {
      const key = `${svc.metadata.namespace ?? "default"}/${svc.metadata.uid}`;
      if (svc.spec.selector) this.syncService(svc, svc.spec.selector, sliceOf.get(key));
    }
  }

  /**
   * Per Service, what its slice was last worked out from: the Service, its slice and every pod
   * as they were. The control plane syncs on every watch event; with a thousand Services, one
   * edited Service should not cost a thousand slice computations.
   */
  private readonly seen = new Map<string, string>();

  private syncService(svc: Service, selector: Record<string, string>, existing: EndpointSlice | undefined): void {
    const ns = svc.metadata.namespace ?? "default";
    const key = `${ns}/${svc.metadata.uid}`;
    const inputs = (slice: EndpointSlice | undefined) =>
      `${svc.metadata.resourceVersion}|${slice?.metadata.resourceVersion}|${this.store.collectionVersion("pods")}`;
    if (existing && this.seen.get(key) === inputs(existing)) return;
    const pods = this.store
      .list<Pod>("pods", ns)
      .filter(
        (p) =>
          matchesLabels(p.metadata.labels, selector) &&
          p.status.podIP &&
          p.status.phase !== "Succeeded" &&
          p.status.phase !== "Failed",
      );
    const endpoints = pods.map((p) => {
      const terminating = Boolean(p.metadata.deletionTimestamp);
      return {
        addresses: [p.status.podIP as string],
        conditions: { ready: isPodReady(p) && !terminating, serving: isPodReady(p), terminating },
        nodeName: p.spec.nodeName,
        targetRef: { kind: "Pod", name: p.metadata.name, namespace: ns, uid: p.metadata.uid },
      };
    });
    const ports = svc.spec.ports.map((sp) => ({
      name: sp.name ?? "",
      port: resolveTargetPort(sp.targetPort, pods[0]),
      protocol: sp.protocol,
    }));
    if (!existing) {
      this.api.create<EndpointSlice>("endpointslices", {
        apiVersion: "discovery.k8s.io/v1",
        kind: "EndpointSlice",
        metadata: {
          name: `${svc.metadata.name}-${this.ids.nameSuffix(`eps:${svc.metadata.name}`)}`,
          generateName: `${svc.metadata.name}-`,
          namespace: ns,
          uid: "",
          creationTimestamp: "",
          labels: {
            ...svc.metadata.labels,
            "endpointslice.kubernetes.io/managed-by": MANAGED_BY,
            "kubernetes.io/service-name": svc.metadata.name,
          },
          ownerReferences: [ownerReference(svc)],
        },
        addressType: "IPv4",
        endpoints,
        ports,
      });
      return;
    }
    if (changed(existing.endpoints, endpoints) || changed(existing.ports, ports)) {
      existing.endpoints = endpoints;
      existing.ports = ports;
      this.store.put("endpointslices", existing);
    }
    this.seen.set(key, inputs(existing));
  }
}

/** A named targetPort resolves through the pod's container ports (podutil.FindPort). */
function resolveTargetPort(target: number | string, pod: Pod | undefined): number {
  if (typeof target === "number") return target;
  for (const c of pod?.spec.containers ?? []) {
    const p = c.ports?.find((x) => x.name === target);
    if (p) return p.containerPort;
  }
  return 0;
}
