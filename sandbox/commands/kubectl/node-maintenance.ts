/**
 * kubectl cordon, uncordon and drain (staging/src/k8s.io/kubectl/pkg/cmd/drain and
 * pkg/drain): cordon sets spec.unschedulable (the node lifecycle controller then adds the
 * unschedulable taint); drain cordons, sorts the node's pods through drain's filters
 * (DaemonSet-managed, local storage, no controller), evicts the rest through the eviction
 * API (evict.ts: PodDisruptionBudgets, retries, --timeout) and waits for each to be gone.
 */
import type { Node, Pod } from "../../cluster/types";
import { parseGoDuration } from "../../util/time-format";
import type { World } from "../../world";
import { type CommandIo, type ExecResult, fail, ok } from "../types";
import { evictOrDelete } from "./evict";
import { type FlagValues, parseFlags, str } from "./flags";

function findNode(world: World, args: string[], verb: string): Node | ExecResult {
  const name = args[0]?.replace(/^(nodes?|no)\//, "");
  if (!name) return fail(`error: USAGE: ${verb} NODE [flags]\nSee 'kubectl ${verb} -h' for help and examples\n`);
  const node = world.store.get<Node>("nodes", name);
  return node ?? fail(`Error from server (NotFound): nodes "${name}" not found\n`);
}

/** RunCordonOrUncordon: `node/x cordoned`, or `already cordoned` when nothing changes. */
function setUnschedulable(world: World, node: Node, desired: boolean): string {
  const verb = desired ? "cordoned" : "uncordoned";
  if (Boolean(node.spec.unschedulable) === desired) return `node/${node.metadata.name} already ${verb}\n`;
  if (desired) node.spec.unschedulable = true;
  else delete node.spec.unschedulable;
  world.store.put("nodes", node);
  world.clock.settle();
  return `node/${node.metadata.name} ${verb}\n`;
}

export function cordon(argv: string[], world: World, desired: boolean): ExecResult {
  const verb = desired ? "cordon" : "uncordon";
  const parsed = parseFlags(verb, argv, [{ long: ["dry-run"], type: "string" }]);
  if ("error" in parsed) return fail(`${parsed.error}\n`);
  const node = findNode(world, parsed.args, verb);
  if ("exitCode" in node) return node;
  return ok(setUnschedulable(world, node, desired));
}

const DAEMONSET_FATAL = "DaemonSet-managed Pods (use --ignore-daemonsets to ignore)";
const DAEMONSET_WARNING = "ignoring DaemonSet-managed Pods";
const LOCAL_STORAGE_FATAL = "Pods with local storage (use --delete-emptydir-data to override)";
const LOCAL_STORAGE_WARNING = "deleting Pods with local storage";
const UNMANAGED_FATAL = "Pods declare no controller (use --force to override)";
const UNMANAGED_WARNING = "deleting Pods that declare no controller";

export async function drain(argv: string[], io: CommandIo, world: World): Promise<ExecResult> {
  const parsed = parseFlags("drain", argv, [
    { long: ["ignore-daemonsets"], type: "bool" },
    { long: ["delete-emptydir-data", "delete-local-data"], type: "bool" },
    { long: ["force"], type: "bool" },
    { long: ["grace-period"], type: "int" },
    { long: ["timeout"], type: "string" },
    { long: ["disable-eviction"], type: "bool" },
  ]);
  if ("error" in parsed) return fail(`${parsed.error}\n`);
  const { flags, args } = parsed;
  const timeoutText = str(flags.timeout) ?? "0s";
  const timeout = parseGoDuration(timeoutText);
  if (timeout === undefined) {
    return fail(
      `error: invalid argument "${timeoutText}" for "--timeout" flag: time: invalid duration "${timeoutText}"\nSee 'kubectl drain --help' for usage.\n`,
    );
  }
  const node = findNode(world, args, "drain");
  if ("exitCode" in node) return node;
  let stdout = setUnschedulable(world, node, true);
  let stderr = "";

  const { errors, warnings, evict } = podsForDeletion(world, node, flags);
  if (errors.size) {
    const messages = [...errors].map(([msg, pods]) => `cannot delete ${msg}: ${pods.join(", ")}`);
    const joined = messages.length === 1 ? messages[0] : `[${messages.join(", ")}]`;
    stderr += `error: unable to drain node "${node.metadata.name}" due to error: ${joined}, continuing command...\n`;
    stderr += `There are pending nodes to be drained:\n ${node.metadata.name}\n`;
    stderr += messages.map((m) => `${m}\n`).join("");
    return { stdout, stderr, exitCode: 1 };
  }
  if (warnings.size) {
    stderr += `Warning: ${[...warnings].map(([msg, pods]) => `${msg}: ${pods.join(", ")}`).join("; ")}\n`;
  }
  const grace = flags["grace-period"] === undefined ? undefined : Number(flags["grace-period"]);
  const result = await evictOrDelete(world, io, evict, {
    grace: grace !== undefined && grace >= 0 ? grace : undefined,
    timeoutMs: timeout,
    useEviction: !flags["disable-eviction"],
  });
  stdout += result.stdout;
  stderr += result.stderr;
  if (result.interrupted) return { stdout, stderr, exitCode: 130 };
  if (result.error) {
    // deleteOrEvictPodsSimple, then RunDrain's report, then cobra's CheckErr.
    const pending = podsForDeletion(world, node, flags).evict;
    const name = node.metadata.name;
    if (pending.length) {
      stderr += `There are pending pods in node "${name}" when an error occurred: ${result.error}\n`;
      stderr += pending.map((p) => `pod/${p.metadata.name}\n`).join("");
    }
    stderr += `error: unable to drain node "${name}" due to error: ${result.error}, continuing command...\n`;
    stderr += `There are pending nodes to be drained:\n ${name}\n`;
    stderr += `error: ${result.error}\n`;
    return { stdout, stderr, exitCode: 1 };
  }
  return { stdout: `${stdout}node/${node.metadata.name} drained\n`, stderr, exitCode: 0 };
}

/** GetPodsForDeletion: every pod bound to the node that has not finished, through drain's filters. */
function podsForDeletion(
  world: World,
  node: Node,
  flags: FlagValues,
): { errors: Map<string, string[]>; warnings: Map<string, string[]>; evict: Pod[] } {
  const errors = new Map<string, string[]>();
  const warnings = new Map<string, string[]>();
  const evict: Pod[] = [];
  for (const pod of world.store.list<Pod>("pods")) {
    if (pod.spec.nodeName !== node.metadata.name) continue;
    if (pod.status.phase === "Succeeded" || pod.status.phase === "Failed") continue;
    const ref = `${pod.metadata.namespace}/${pod.metadata.name}`;
    const controller = pod.metadata.ownerReferences?.find((o) => o.controller);
    const note = (map: Map<string, string[]>, msg: string) => map.set(msg, [...(map.get(msg) ?? []), ref]);
    if (controller?.kind === "DaemonSet") {
      note(
        flags["ignore-daemonsets"] ? warnings : errors,
        flags["ignore-daemonsets"] ? DAEMONSET_WARNING : DAEMONSET_FATAL,
      );
      continue;
    }
    let fatal = false;
    if (pod.spec.volumes?.some((v) => v.emptyDir) && !pod.metadata.deletionTimestamp) {
      if (flags["delete-emptydir-data"]) note(warnings, LOCAL_STORAGE_WARNING);
      else {
        note(errors, LOCAL_STORAGE_FATAL);
        fatal = true;
      }
    }
    if (!controller && !fatal) {
      if (flags.force) note(warnings, UNMANAGED_WARNING);
      else {
        note(errors, UNMANAGED_FATAL);
        fatal = true;
      }
    }
    if (!fatal) evict.push(pod);
  }
  return { errors, warnings, evict };
}
