/**
 * v1 Endpoints beside each Service, as kube-controller-manager's endpoints controller
 * (pkg/controller/endpoint) and, for `default/kubernetes`, the API server's own reconciler keep
 * them. Derived here from the Service's EndpointSlices (which hold the same pods with the same
 * readiness): one subset with the ready addresses, the not-ready ones under
 * notReadyAddresses, terminating ones left out, and the ports. Addresses sorted by IP as
 * endpoints.RepackSubsets sorts them. A Service with no slice gets no Endpoints object; one
 * whose slices list nobody gets an object without subsets (`<none>` in kubectl).
 */
import { sha256Hex } from "../util/sha256";
import type { ApiServer } from "./api-server";
import { changed } from "./pod-util";
import type { ObjectStore } from "./store";
import type { EndpointAddress, EndpointSlice, Endpoints, Service } from "./types";

const SERVICE_NAME = "kubernetes.io/service-name";

export class EndpointsController {
  constructor(
    private readonly store: ObjectStore,
    private readonly api: ApiServer,
  ) {}

  sync(): void {
    const services = this.store.list<Service>("services");
    // Slices by `ns/service` in store order, built once per pass (a scan per Service was quadratic).
    const slicesOf = new Map<string, EndpointSlice[]>();
    for (const slice of this.store.list<EndpointSlice>("endpointslices")) {
      const name = slice.metadata.labels?.[SERVICE_NAME];
      if (name === undefined) continue;
      const key = `${slice.metadata.namespace}/${name}`;
      const list = slicesOf.get(key);
      if (list) list.push(slice);
      else slicesOf.set(key, [slice]);
    }
    for (const svc of services)
      this.syncService(svc, slicesOf.get(`${svc.metadata.namespace ?? "default"}/${svc.metadata.name}`) ?? []);
    // The Service is gone: so is its Endpoints object.
    const names = new Set(services.map((s) => `${s.metadata.namespace}/${s.metadata.name}`));
    for (const ep of this.store.list<Endpoints>("endpoints")) {
      if (!names.has(`${ep.metadata.namespace}/${ep.metadata.name}`))
        this.api.delete("endpoints", ep.metadata.name, ep.metadata.namespace);
    }
  }

  /** Per Service, the slices and Endpoints object its Endpoints were last worked out from. */
  private readonly seen = new Map<string, string>();

  private syncService(svc: Service, slices: EndpointSlice[]): void {
    const ns = svc.metadata.namespace ?? "default";
    if (!slices.length) return;
    const key = `${ns}/${svc.metadata.name}`;
    const inputs = () =>
      `${svc.metadata.uid}|${slices.map((s) => s.metadata.resourceVersion).join(",")}|${this.store.get<Endpoints>("endpoints", svc.metadata.name, ns)?.metadata.resourceVersion}`;
    if (this.seen.get(key) === inputs()) return;
    const subsets = subsetsOf(slices);
    const existing = this.store.get<Endpoints>("endpoints", svc.metadata.name, ns);
    if (!existing) {
      this.api.create<Endpoints>("endpoints", {
        apiVersion: "v1",
        kind: "Endpoints",
        metadata: {
          name: svc.metadata.name,
          namespace: ns,
          // Derived, not drawn from the seeded ID counter, so no other generated name moves.
          uid: uuidOf(`endpoints:${ns}/${svc.metadata.name}:${svc.metadata.uid}`),
          creationTimestamp: "",
          ...(svc.metadata.labels ? { labels: { ...svc.metadata.labels } } : {}),
        },
        ...(subsets.length ? { subsets } : {}),
      });
      return;
    }
    if (changed(existing.subsets ?? [], subsets)) {
      if (subsets.length) existing.subsets = subsets;
      else delete existing.subsets;
      this.store.put("endpoints", existing);
    }
    this.seen.set(key, inputs());
  }
}

function subsetsOf(slices: EndpointSlice[]): NonNullable<Endpoints["subsets"]> {
  const ready: EndpointAddress[] = [];
  const notReady: EndpointAddress[] = [];
  for (const slice of slices) {
    for (const e of slice.endpoints) {
      if (e.conditions.terminating) continue;
      for (const ip of e.addresses) {
        const address: EndpointAddress = {
          ip,
          ...(e.nodeName ? { nodeName: e.nodeName } : {}),
          ...(e.targetRef ? { targetRef: e.targetRef } : {}),
        };
        (e.conditions.ready ? ready : notReady).push(address);
      }
    }
  }
  if (!ready.length && !notReady.length) return [];
  const byIp = (a: EndpointAddress, b: EndpointAddress) => (a.ip < b.ip ? -1 : a.ip > b.ip ? 1 : 0);
  const ports = (slices[0]?.ports ?? []).map((p) => ({
    ...(p.name ? { name: p.name } : {}),
    port: p.port,
    protocol: p.protocol,
  }));
  return [
    {
      ...(ready.length ? { addresses: ready.sort(byIp) } : {}),
      ...(notReady.length ? { notReadyAddresses: notReady.sort(byIp) } : {}),
      ...(ports.length ? { ports } : {}),
    },
  ];
}

function uuidOf(label: string): string {
  const h = sha256Hex(label);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
