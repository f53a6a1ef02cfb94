/**
 * A v1 Service as the API server stores it once defaulted (pkg/apis/core/v1/defaults.go):
 * sessionAffinity None, single-stack IPv4, internalTrafficPolicy Cluster. The ClusterIP and
 * node ports are allocated by ApiServer.create. Shared by every client that creates one
 * (kubectl apply, create service, expose).
 */
import type { ObjectMeta, Service, ServicePort } from "./types";

export function defaultedService(
  metadata: ObjectMeta,
  spec: { type?: Service["spec"]["type"]; clusterIP?: string; ports: ServicePort[]; selector?: Record<string, string> },
): Service {
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata,
    spec: {
      type: spec.type ?? "ClusterIP",
      clusterIP: spec.clusterIP ?? "",
      clusterIPs: [],
      ports: spec.ports,
      ...(spec.selector ? { selector: spec.selector } : {}),
      sessionAffinity: "None",
      ipFamilies: ["IPv4"],
      ipFamilyPolicy: "SingleStack",
      internalTrafficPolicy: "Cluster",
    },
    status: { loadBalancer: {} },
  };
}
