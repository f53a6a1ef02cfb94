/** The resource types this kubectl knows, as `kubectl api-resources` names them. */
import type { Resource } from "../../cluster/types";

export interface ResourceType {
  resource: Resource;
  /** `-o name` and `<kind>/<name>` output: `pod`, `deployment.apps`, ... */
  qualified: string;
  /** NotFound errors: `pods`, `deployments.apps`, ... */
  plural: string;
  namespaced: boolean;
}

const TYPES: [string[], ResourceType][] = [
  [["node", "nodes", "no"], { resource: "nodes", qualified: "node", plural: "nodes", namespaced: false }],
  [["pod", "pods", "po"], { resource: "pods", qualified: "pod", plural: "pods", namespaced: true }],
  [
    ["service", "services", "svc"],
    { resource: "services", qualified: "service", plural: "services", namespaced: true },
  ],
  [["endpoints", "ep"], { resource: "endpoints", qualified: "endpoints", plural: "endpoints", namespaced: true }],
  [
    ["endpointslice", "endpointslices"],
    {
      resource: "endpointslices",
      qualified: "endpointslice.discovery.k8s.io",
      plural: "endpointslices.discovery.k8s.io",
      namespaced: true,
    },
  ],
  [
    ["daemonset", "daemonsets", "ds"],
    { resource: "daemonsets", qualified: "daemonset.apps", plural: "daemonsets.apps", namespaced: true },
  ],
  [
    ["deployment", "deployments", "deploy"],
    { resource: "deployments", qualified: "deployment.apps", plural: "deployments.apps", namespaced: true },
  ],
  [
    ["replicaset", "replicasets", "rs"],
    { resource: "replicasets", qualified: "replicaset.apps", plural: "replicasets.apps", namespaced: true },
  ],
  [["event", "events", "ev"], { resource: "events", qualified: "event", plural: "events", namespaced: true }],
  [
    ["lease", "leases"],
    {
      resource: "leases",
      qualified: "lease.coordination.k8s.io",
      plural: "leases.coordination.k8s.io",
      namespaced: true,
    },
  ],
  [
    ["poddisruptionbudget", "poddisruptionbudgets", "pdb"],
    {
      resource: "poddisruptionbudgets",
      qualified: "poddisruptionbudget.policy",
      plural: "poddisruptionbudgets.policy",
      namespaced: true,
    },
  ],
];

const BY_NAME = new Map<string, ResourceType>();
for (const [names, type] of TYPES) {
  for (const n of names) BY_NAME.set(n, type);
  BY_NAME.set(type.qualified, type);
  BY_NAME.set(type.plural, type);
}

/** `kubectl api-resources -o name` for these types: the plural, with its group unless it is core. */
export const API_RESOURCE_NAMES: readonly string[] = TYPES.map(([, t]) => t.plural);

export function resourceType(name: string): ResourceType | undefined {
  return BY_NAME.get(name.toLowerCase());
}

export const notFound = (type: ResourceType, name: string) =>
  `Error from server (NotFound): ${type.plural} "${name}" not found\n`;

export const unknownType = (name: string) => `error: the server doesn't have a resource type "${name}"\n`;
