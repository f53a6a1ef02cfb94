/**
 * kube-proxy's view of the API: one entry per service port (pkg/proxy serviceport.go,
 * servicechangetracker.go) and the endpoints each has, from the EndpointSlices
 * (endpointslicecache.go), sorted as kube-proxy sorts them, by `ip:port`.
 */
import type { EndpointSlice, Service } from "../cluster/types";
import { servicePortName } from "./chain-names";

export interface ServicePortInfo {
  /** ServicePortName.String(): `ns/svc` or `ns/svc:port`. */
  name: string;
  protocol: string;
  clusterIP: string;
  port: number;
  nodePort?: number;
  /** externalTrafficPolicy / internalTrafficPolicy Local (neither is set on this node's services). */
  externalLocal: boolean;
  internalLocal: boolean;
}

export interface EndpointInfo {
  ip: string;
  port: number;
  ready: boolean;
  serving: boolean;
  terminating: boolean;
}

/** The map key: a port name and its protocol (ServicePortName's fields). */
export const portKey = (name: string, protocol: string) => `${name}/${protocol.toLowerCase()}`;
export const endpointString = (e: EndpointInfo) => `${e.ip}:${e.port}`;

/** Services with a ClusterIP, port by port; headless (`None`) and unallocated ones are skipped. */
export function serviceMap(services: Service[]): Map<string, ServicePortInfo> {
  const out = new Map<string, ServicePortInfo>();
  for (const svc of services) {
    const ip = svc.spec.clusterIP;
    if (!ip || ip === "None") continue;
    const ns = svc.metadata.namespace ?? "default";
    const external = svc.spec.type === "NodePort" || svc.spec.type === "LoadBalancer";
    for (const p of svc.spec.ports) {
      const info: ServicePortInfo = {
        name: servicePortName(ns, svc.metadata.name, p.name ?? ""),
        protocol: p.protocol.toLowerCase(),
        clusterIP: ip,
        port: p.port,
        ...(external && p.nodePort ? { nodePort: p.nodePort } : {}),
        externalLocal: false,
        internalLocal: svc.spec.internalTrafficPolicy === "Local",
      };
      out.set(portKey(info.name, info.protocol), info);
    }
  }
  return out;
}

/** Endpoints per service port from every EndpointSlice naming its service. */
export function endpointsMap(slices: EndpointSlice[]): Map<string, EndpointInfo[]> {
  const out = new Map<string, EndpointInfo[]>();
  for (const slice of slices) {
    const svc = slice.metadata.labels?.["kubernetes.io/service-name"];
    if (!svc) continue;
    const ns = slice.metadata.namespace ?? "default";
    for (const port of slice.ports) {
      if (!port.port) continue;
      const key = portKey(servicePortName(ns, svc, port.name), port.protocol);
      const list = out.get(key) ?? [];
      for (const ep of slice.endpoints) {
        const ip = ep.addresses[0];
        if (!ip) continue;
        list.push({ ip, port: port.port, ...ep.conditions });
      }
      out.set(key, list);
    }
  }
  for (const list of out.values()) list.sort((a, b) => endpointString(a).localeCompare(endpointString(b)));
  return out;
}

/**
 * CategorizeEndpoints for Cluster traffic policy: the ready endpoints, or, when none is
 * ready, the serving ones that are terminating (ProxyTerminatingEndpoints).
 */
export function clusterEndpoints(all: EndpointInfo[]): EndpointInfo[] {
  const ready = all.filter((e) => e.ready);
  return ready.length > 0 ? ready : all.filter((e) => e.serving && e.terminating);
}
