/**
 * kubectl set image (pkg/cmd/set/set_image.go) and kubectl scale (pkg/cmd/scale): each
 * writes the workload's spec through the API server; the controllers take it from there (a
 * changed template rolls out a new ReplicaSet, a changed replicas count scales).
 */
import { clone } from "../../cluster/pod-util";
import type { Deployment, ReplicaSet } from "../../cluster/types";
import type { World } from "../../world";
import { type ExecResult, fail, ok } from "../types";
import { parseFlags, str } from "./flags";
import { findWorkload } from "./workload-target";

/** set image TYPE/NAME CONTAINER=IMAGE...: `*` stands for every container. */
export function setImage(argv: string[], world: World): ExecResult {
  const [sub, ...rest] = argv;
  if (sub !== "image") {
    return fail(`error: unknown command "${sub ?? ""}" for "kubectl set"\nRun 'kubectl set --help' for usage.\n`);
  }
  const parsed = parseFlags("set image", rest, []);
  if ("error" in parsed) return fail(`${parsed.error}\n`);
  const namespace = str(parsed.flags.namespace) ?? "default";
  const pairs = parsed.args.filter((a) => a.includes("="));
  const targets = parsed.args.filter((a) => !a.includes("="));
  if (!pairs.length)
    return fail("error: at least one image update is required\nSee 'kubectl set image -h' for help and examples\n");
  const target = findWorkload(world, targets, namespace, "set image", ["deployments"]);
  if ("exitCode" in target) return target;
  const d = target.object as Deployment;
  const template = clone(d.spec.template);
  for (const pair of pairs) {
    const [name, image] = pair.split("=") as [string, string];
    const containers = [...template.spec.containers, ...(template.spec.initContainers ?? [])].filter(
      (c) => name === "*" || c.name === name,
    );
    if (!containers.length) return fail(`error: unable to find container named "${name}"\n`);
    for (const c of containers) c.image = image;
  }
  if (JSON.stringify(template) !== JSON.stringify(d.spec.template)) {
    d.spec.template = template;
    world.controlPlane.api.updateSpec("deployments", d);
    world.clock.settle();
  }
  return ok(`${target.type.qualified}/${d.metadata.name} image updated\n`);
}

/** scale TYPE/NAME --replicas=N. */
export function scale(argv: string[], world: World): ExecResult {
  const parsed = parseFlags("scale", argv, [{ long: ["replicas"], type: "int" }]);
  if ("error" in parsed) return fail(`${parsed.error}\n`);
  const replicas = str(parsed.flags.replicas);
  if (replicas === undefined) return fail('error: required flag(s) "replicas" not set\n');
  if (Number(replicas) < 0)
    return fail("error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n");
  const namespace = str(parsed.flags.namespace) ?? "default";
  const target = findWorkload(world, parsed.args, namespace, "scale", ["deployments", "replicasets"]);
  if ("exitCode" in target) return target;
  const o = target.object;
  o.spec.replicas = Number(replicas);
  if (o.kind === "Deployment") world.controlPlane.api.updateSpec("deployments", o as Deployment);
  else world.store.put("replicasets", o as ReplicaSet);
  world.clock.settle();
  return ok(`${target.type.qualified}/${o.metadata.name} scaled\n`);
}
