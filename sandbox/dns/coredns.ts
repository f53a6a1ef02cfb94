/**
 * CoreDNS as AKS runs it in the coredns pods (kube-system/coredns ConfigMap, the AKS default
 * Corefile):
 *
 *   .:53 {
 *       errors
 *       ready
 *       health { lameduck 5s }
 *       kubernetes cluster.local in-addr.arpa ip6.arpa {
 *         pods insecure
 *         fallthrough in-addr.arpa ip6.arpa
 *         ttl 30
 *       }
 *       prometheus :9153
 *       forward . /etc/resolv.conf
 *       cache 30
 *       loop
 *       reload
 *       loadbalance
 *       import custom/*.override
 *   }
 *
 * No `log` plugin, so queries leave no trace in the pods' logs. The kubernetes plugin answers
 * from the API's Services and EndpointSlices (coredns plugin/kubernetes): `<svc>.<ns>.svc.
 * cluster.local` is the ClusterIP, or the ready endpoints' addresses for a headless Service;
 * `a-b-c-d.<ns>.pod.cluster.local` is a.b.c.d (`pods insecure` does not check a pod has it);
 * the reverse name of a ClusterIP is its Service. A name in the zone that does not exist is
 * NXDOMAIN, a name without records of the type NODATA, both with the zone's SOA
 * (plugin/backend_lookup.go: `ns.dns.<zone> hostmaster.<zone>`, serial = the last time the
 * plugin saw a Service or endpoint change, 7200 1800 86400, minimum = ttl). The answers carry
 * aa and no ra. Everything else is forwarded to the pod's resolv.conf: coredns runs with
 * dnsPolicy Default, so that is the node's uplink, Azure DNS. The cache is not modelled:
 * every answer carries the full TTL.
 */
import type { ObjectStore } from "../cluster/store";
import type { EndpointSlice, Service } from "../cluster/types";
import { isIPv4, type Question, type ResourceRecord, type Response, reverseName } from "./message";

export const CLUSTER_DOMAIN = "cluster.local.";
const TTL = 30;

export class CoreDns {
  /** Unix seconds of the last Service/EndpointSlice event (dnsController.Modified, the SOA serial). */
  private modified: number;

  constructor(
    private readonly store: ObjectStore,
    now: () => number,
    /** Where `forward . /etc/resolv.conf` sends what the kubernetes plugin does not answer. */
    private readonly forward: (q: Question) => Response,
  ) {
    this.modified = Math.floor(now() / 1000);
    store.watch((e) => {
      if (e.resource === "services" || e.resource === "endpointslices") this.modified = Math.floor(now() / 1000);
    });
  }

  answer(q: Question): Response {
    if (q.name === CLUSTER_DOMAIN || q.name.endsWith(`.${CLUSTER_DOMAIN}`)) return this.clusterZone(q);
    if (q.name.endsWith(".in-addr.arpa.")) {
      const service = this.services().find((s) => reverseName(s.spec.clusterIP) === q.name);
      // fallthrough in-addr.arpa: reverse names of anything but a Service go on to forward.
      if (service && (q.type === "PTR" || q.type === "ANY")) {
        return this.authoritative("NOERROR", [this.record(q.name, "PTR", serviceName(service))]);
      }
      if (!service) return this.forward(q);
      return this.authoritative("NOERROR", [], [this.soa("in-addr.arpa.")]);
    }
    return this.forward(q);
  }

  private clusterZone(q: Question): Response {
    const labels = q.name
      .slice(0, -CLUSTER_DOMAIN.length - 1)
      .split(".")
      .filter(Boolean);
    const soa = [this.soa(CLUSTER_DOMAIN)];
    const addresses = this.addresses(labels);
    if (addresses === undefined) return this.authoritative("NXDOMAIN", [], soa);
    const wanted = q.type === "A" || q.type === "ANY" ? addresses : [];
    if (wanted.length === 0) return this.authoritative("NOERROR", [], soa);
    return this.authoritative(
      "NOERROR",
      wanted.map((ip) => this.record(q.name, "A", ip)),
    );
  }

  /** The A records a name in cluster.local has, [] for a name that exists without any, undefined if none. */
  private addresses(labels: string[]): string[] | undefined {
    const [first, ns, kind] = labels;
    if (labels.length === 3 && kind === "svc") {
      const svc = this.services().find((s) => s.metadata.name === first && s.metadata.namespace === ns);
      if (!svc) return undefined;
      if (svc.spec.clusterIP !== "None") return [svc.spec.clusterIP];
      return this.readyEndpoints(svc);
    }
    if (labels.length === 3 && kind === "pod") {
      const ip = (first ?? "").replaceAll("-", ".");
      return isIPv4(ip) ? [ip] : undefined;
    }
    // `svc.cluster.local`, `<ns>.svc.cluster.local`: empty non-terminals of existing names.
    if (labels.length === 1 && (labels[0] === "svc" || labels[0] === "pod")) return [];
    if (labels.length === 2 && labels[1] === "svc" && this.services().some((s) => s.metadata.namespace === labels[0]))
      return [];
    return labels.length === 0 ? [] : undefined;
  }

  private readyEndpoints(svc: Service): string[] {
    return this.store
      .list<EndpointSlice>("endpointslices")
      .filter(
        (s) =>
          s.metadata.namespace === svc.metadata.namespace &&
          s.metadata.labels?.["kubernetes.io/service-name"] === svc.metadata.name,
      )
      .flatMap((s) => s.endpoints.filter((e) => e.conditions.ready).flatMap((e) => e.addresses));
  }

  private services(): Service[] {
    return this.store.list<Service>("services");
  }

  private record(name: string, type: ResourceRecord["type"], data: string): ResourceRecord {
    return { name, ttl: TTL, type, data };
  }

  private soa(zone: string): ResourceRecord {
    const data = `ns.dns.${zone} hostmaster.${zone} ${this.modified} 7200 1800 86400 ${TTL}`;
    return this.record(zone, "SOA", data);
  }

  private authoritative(rcode: Response["rcode"], answer: ResourceRecord[], authority: ResourceRecord[] = []) {
    return { rcode, aa: true, ra: false, answer, authority, compress: false };
  }
}

const serviceName = (s: Service) => `${s.metadata.name}.${s.metadata.namespace}.svc.${CLUSTER_DOMAIN}`;
