/**
 * kubectl describe (staging/src/k8s.io/kubectl/pkg/cmd/describe and pkg/describe/describe.go):
 * one describer per kind, each writing tab-separated text that goes through one Go tabwriter
 * (minwidth 0, padding 2), so consecutive tabbed lines align as blocks exactly as kubectl's
 * do. Kinds without a describer of their own (Lease, Event) get the generic one.
 */

import type {
  DaemonSet,
  Deployment,
  EndpointSlice,
  KubeObject,
  Node,
  Pod,
  PodDisruptionBudget,
  ReplicaSet,
  Service,
} from "../../cluster/types";
import type { World } from "../../world";
import { type ExecResult, fail } from "../types";
import { describeGeneric, describePdb } from "./describe-generic";
import { describeEndpointSlice, describeService } from "./describe-network";
import { describeNode } from "./describe-node";
import { describePod } from "./describe-pod";
import { describeDaemonSet, describeDeployment, describeReplicaSet } from "./describe-workloads";
import { parseFlags, str } from "./flags";
import { notFound, resourceType, unknownType } from "./resources";
import { goTabwrite } from "./tabwriter";

export { rfc1123z } from "./describe-format";

function describeObject(world: World, o: KubeObject): string {
  switch (o.kind) {
    case "Node":
      return describeNode(world, o as Node);
    case "Pod":
      return describePod(world, o as Pod);
    case "Deployment":
      return describeDeployment(world, o as Deployment);
    case "ReplicaSet":
      return describeReplicaSet(world, o as ReplicaSet);
    case "DaemonSet":
      return describeDaemonSet(world, o as DaemonSet);
    case "Service":
      return describeService(world, o as Service);
    case "EndpointSlice":
      return describeEndpointSlice(world, o as EndpointSlice);
    case "PodDisruptionBudget":
      return describePdb(world, o as PodDisruptionBudget);
    default:
      return describeGeneric(world, o);
  }
}

export function describeCommand(argv: string[], world: World): ExecResult {
  const parsed = parseFlags("describe", argv, [{ long: ["all-namespaces"], short: "A", type: "bool" }]);
  if ("error" in parsed) return fail(`${parsed.error}\n`);
  const { flags, args } = parsed;
  const namespace = str(flags.namespace) ?? "default";
  if (!args.length) {
    return fail(
      "You must specify the type of resource to describe. Use \"kubectl api-resources\" for a complete list of supported resources.\n\nerror: Required resource not specified.\nSee 'kubectl describe -h' for help and examples\n",
    );
  }
  let [typeName, ...names] = args as [string, ...string[]];
  if (typeName.includes("/")) {
    const [t, n] = typeName.split("/");
    typeName = t ?? "";
    names = [n ?? "", ...names];
  }
  const type = resourceType(typeName);
  if (!type) return fail(unknownType(typeName));
  const ns = type.namespaced ? namespace : undefined;
  const all = flags["all-namespaces"] === true;
  let objects = names.map((n) => world.store.get(type.resource, n, ns));
  let stderr = "";
  const [only] = names;
  if (names.length === 1 && only && !objects[0]) {
    // DescribeMatchingResources: one name that is not found is taken as a name prefix.
    objects = world.store.list(type.resource, ns).filter((o) => o.metadata.name.startsWith(only));
    if (!objects.length) return fail(notFound(type, only));
  } else if (!names.length) {
    objects = world.store.list(type.resource, all ? undefined : ns);
  } else {
    names.forEach((n, i) => {
      if (!objects[i]) stderr += notFound(type, n);
    });
  }
  const texts = objects.filter((o): o is KubeObject => Boolean(o)).map((o) => goTabwrite(describeObject(world, o)));
  if (!names.length && !texts.length) {
    return {
      stdout: "",
      stderr: ns && !all ? `No resources found in ${ns} namespace.\n` : "No resources found\n",
      exitCode: 0,
    };
  }
  return { stdout: texts.join("\n\n"), stderr, exitCode: stderr ? 1 : 0 };
}
