/**
 * `TYPE/NAME` or `TYPE NAME` for the commands that act on one workload (rollout, set image,
 * scale), resolved against the store with kubectl's errors.
 */
import type { Deployment, ReplicaSet } from "../../cluster/types";
import type { World } from "../../world";
import { type ExecResult, fail } from "../types";
import { notFound, type ResourceType, resourceType, unknownType } from "./resources";

export type Workload = { type: ResourceType; object: Deployment | ReplicaSet };

export function findWorkload(
  world: World,
  args: string[],
  namespace: string,
  verb: string,
  allowed: string[],
): Workload | ExecResult {
  const [first, second] = args;
  if (!first) {
    return fail(
      "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n",
    );
  }
  const [typeName, name] = first.includes("/") ? first.split("/") : [first, second];
  const type = resourceType(typeName ?? "");
  if (!type) return fail(unknownType(typeName ?? ""));
  if (!name) return fail("error: resource(s) were provided, but no name was specified\n");
  if (!allowed.includes(type.resource)) {
    return fail(`error: no ${verb.split(" ").at(-1)} has been implemented for ${type.plural}\n`);
  }
  const object = world.store.get<Deployment | ReplicaSet>(type.resource, name, namespace);
  return object ? { type, object } : fail(notFound(type, name));
}
