/**
 * kubectl delete TYPE NAME... (staging/src/k8s.io/kubectl/pkg/cmd/delete): --grace-period
 * (0 becomes 1 unless --force, as kubectl does), --force (grace 0 and the immediate-deletion
 * warning), --now (grace 1), --wait (default true: block until the objects are gone).
 */
import { parseSelector, selectorMatches } from "../../cluster/labels";
import type { World } from "../../world";
import { type CommandIo, type ExecResult, fail } from "../types";
import { parseFlags, str } from "./flags";
import { notFound, type ResourceType, resourceType, unknownType } from "./resources";
import { waitFor } from "./wait";

export async function del(argv: string[], io: CommandIo, world: World): Promise<ExecResult> {
  const parsed = parseFlags("delete", argv, [
    { long: ["grace-period"], type: "int" },
    { long: ["force"], type: "bool" },
    { long: ["now"], type: "bool" },
    { long: ["wait"], type: "bool" },
    { long: ["ignore-not-found"], type: "bool" },
    { long: ["selector"], short: "l", type: "string" },
    { long: ["all-namespaces"], short: "A", type: "bool" },
  ]);
  if ("error" in parsed) return fail(`${parsed.error}\n`);
  const { flags, args } = parsed;
  const namespace = str(flags.namespace) ?? "default";
  const force = flags.force === true;
  let grace = flags["grace-period"] === undefined ? -1 : Number(flags["grace-period"]);
  if (flags.now) {
    if (grace !== -1) return fail("error: --now and --grace-period cannot be specified together\n");
    grace = 1;
  }
  if (grace === 0 && !force) grace = 1;
  if (force && grace < 0) grace = 0;

  const targets: { type: ResourceType; name: string; ns?: string }[] = [];
  const selector = str(flags.selector);
  if (selector !== undefined) {
    // delete TYPE -l SELECTOR: every object of the type the selector matches, in the namespace
    // (or all of them with -A); kubectl prints "No resources found" when there is none.
    const reqs = parseSelector(selector);
    if (!reqs) return fail(`error: unable to parse requirement: found '${selector}', expected: identifier\n`);
    if (args.length !== 1 || args[0]?.includes("/"))
      return fail("error: name cannot be provided when a selector is specified\n");
    const type = resourceType(args[0] as string);
    if (!type) return fail(unknownType(args[0] as string));
    const ns = type.namespaced && !flags["all-namespaces"] ? namespace : undefined;
    for (const o of world.store.list(type.resource, ns).filter((x) => selectorMatches(reqs, x.metadata.labels)))
      targets.push({ type, name: o.metadata.name, ns: o.metadata.namespace });
    if (!targets.length) return { stdout: "No resources found\n", stderr: "", exitCode: 0 };
  } else if (args.length === 0) {
    return fail(
      "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n",
    );
  } else if (args[0]?.includes("/")) {
    for (const a of args) {
      const [t, n] = a.split("/");
      const type = resourceType(t ?? "");
      if (!type) return fail(unknownType(t ?? ""));
      targets.push({ type, name: n ?? "" });
    }
  } else {
    const type = resourceType(args[0] as string);
    if (!type) return fail(unknownType(args[0] as string));
    if (args.length === 1) return fail(`error: resource(s) were provided, but no name was specified\n`);
    for (const name of args.slice(1)) targets.push({ type, name });
  }

  let stdout = "";
  let stderr = "";
  if (grace === 0 && force) {
    stderr +=
      "Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n";
  }
  const api = world.controlPlane.api;
  const pending: { type: ResourceType; name: string; ns?: string; uid: string }[] = [];
  for (const { type, name, ns: objectNs } of targets) {
    const ns = type.namespaced ? (objectNs ?? namespace) : undefined;
    const object = world.store.get(type.resource, name, ns);
    if (!object) {
      if (!flags["ignore-not-found"]) stderr += notFound(type, name);
      continue;
    }
    if (type.resource === "pods") api.deletePod(name, ns as string, grace < 0 ? undefined : grace);
    else api.delete(type.resource, name, ns);
    stdout += `${type.qualified} "${name}" ${grace === 0 && force ? "force deleted" : "deleted"}\n`;
    pending.push({ type, name, ns, uid: object.metadata.uid });
  }
  // The controllers and the kubelet react at once (their watch handlers run now).
  world.clock.settle();
  const exitCode = stderr.includes("Error from server") ? 1 : 0;
  if (flags.wait !== false && pending.length) {
    const gone = () => pending.every((p) => world.store.get(p.type.resource, p.name, p.ns)?.metadata.uid !== p.uid);
    // kubectl prints the deletion lines, then waits; they reach the terminal when the wait ends
    // (streaming them first waits for the shell's follow-mode output to land).
    const finished = await waitFor(world, io, gone);
    return { stdout, stderr, exitCode: finished ? exitCode : 130 };
  }
  return { stdout, stderr, exitCode };
}
