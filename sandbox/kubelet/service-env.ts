/**
 * What the kubelet adds to a container's environment and its sandbox's DNS (pkg/kubelet
 * envvars/envvars.go FromServices, kubelet_pods.go getServiceEnvVarMap, network/dns/dns.go):
 * for the `kubernetes` service and, with enableServiceLinks (the default), every service of
 * the pod's namespace: `<NAME>_SERVICE_HOST`, `_SERVICE_PORT`, `_SERVICE_PORT_<PORTNAME>` and
 * the Docker-link style `<NAME>_PORT...` variables; ClusterFirst pods resolve through the
 * cluster DNS with the `<ns>.svc.cluster.local` search path and ndots:5.
 */
import type { ObjectStore } from "../cluster/store";
import type { Pod, Service } from "../cluster/types";
import type { DnsConfig } from "../runtime/types";

const envName = (name: string) => name.toUpperCase().replace(/-/g, "_");

function serviceVars(svc: Service): string[] {
  const ip = svc.spec.clusterIP;
  if (!ip || ip === "None") return [];
  const name = envName(svc.metadata.name);
  const [first] = svc.spec.ports;
  if (!first) return [];
  const out = [`${name}_SERVICE_HOST=${ip}`, `${name}_SERVICE_PORT=${first.port}`];
  for (const p of svc.spec.ports) if (p.name) out.push(`${name}_SERVICE_PORT_${envName(p.name)}=${p.port}`);
  const proto = (p: (typeof svc.spec.ports)[number]) => (p.protocol ?? "TCP").toLowerCase();
  out.push(`${name}_PORT=${proto(first)}://${ip}:${first.port}`);
  for (const p of svc.spec.ports) {
    const prefix = `${name}_PORT_${p.port}_${proto(p).toUpperCase()}`;
    out.push(
      `${prefix}=${proto(p)}://${ip}:${p.port}`,
      `${prefix}_PROTO=${proto(p)}`,
      `${prefix}_PORT=${p.port}`,
      `${prefix}_ADDR=${ip}`,
    );
  }
  return out;
}

/** The service variables for a pod, by service name (the kubelet's map has no order; sorted here). */
export function serviceEnv(store: ObjectStore, pod: Pod): string[] {
  const ns = pod.metadata.namespace ?? "default";
  const links = (pod.spec as { enableServiceLinks?: boolean }).enableServiceLinks !== false;
  const services = store
    .list<Service>("services")
    .filter(
      (s) =>
        (s.metadata.namespace === "default" && s.metadata.name === "kubernetes") ||
        (links && s.metadata.namespace === ns),
    )
    .sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
  return services.flatMap(serviceVars);
}

/**
 * dns.go GetPodDNS: ClusterFirst (the default) points at the cluster DNS unless the pod is on
 * the host network, where it falls back to the node's resolv.conf (Default) unless
 * ClusterFirstWithHostNet. Undefined means "the host's resolv.conf".
 */
export function podDnsConfig(pod: Pod, clusterDns: string, hostSearches: string[]): DnsConfig | undefined {
  const policy = pod.spec.dnsPolicy ?? "ClusterFirst";
  const clusterFirst =
    policy === "ClusterFirstWithHostNet" || (policy === "ClusterFirst" && pod.spec.hostNetwork !== true);
  if (!clusterFirst) return undefined;
  const ns = pod.metadata.namespace ?? "default";
  return {
    servers: [clusterDns],
    searches: [`${ns}.svc.cluster.local`, "svc.cluster.local", "cluster.local", ...hostSearches],
    options: ["ndots:5"],
  };
}
