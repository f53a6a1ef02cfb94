/**
 * `kubectl` completion as its cobra `__complete` answers (kubectl 1.32,
 * staging/src/k8s.io/kubectl/pkg/util/completion/completion.go): the commands; for get,
 * describe, delete, ... a resource type (`api-resources -o name`), then the names of live
 * objects of that type in the namespace `-n` names (`default` otherwise), or `type/name`;
 * pods for logs/exec, nodes for cordon/drain, namespaces after `-n`. It reads the API
 * server's store as `kubectl get` would; without a kubeconfig it offers nothing, as the
 * real calls fail quietly.
 */
import type { KubeObject, Pod, Resource } from "../../cluster/types";
import { API_RESOURCE_NAMES, resourceType } from "../../commands/kubectl/resources";
import type { World } from "../../world";
import { type CommandCompletion, wordsReply } from "./types";

const COMMANDS = `annotate api-resources api-versions apply attach auth autoscale certificate cluster-info completion
  config cordon cp create debug delete describe diff drain edit events exec explain expose get help kustomize label
  logs options patch plugin port-forward proxy replace rollout run scale set taint top uncordon version wait`
  .split(/\s+/)
  .filter(Boolean);

/** Commands whose arguments are `TYPE [NAME...]` or `TYPE/NAME...` (ResourceTypeAndNameCompletionFunc). */
const TYPE_AND_NAME = new Set(["get", "describe", "delete", "edit", "label", "annotate", "patch", "wait", "explain"]);
/** Commands taking a pod (PodResourceNameCompletionFunc and friends). */
const POD_COMMANDS = new Set(["logs", "exec", "attach", "port-forward", "cp"]);
const NODE_COMMANDS = new Set(["cordon", "uncordon", "drain", "taint"]);
const ROLLOUT = ["history", "pause", "restart", "resume", "status", "undo"];
const OUTPUTS =
  "json yaml name go-template go-template-file template templatefile jsonpath jsonpath-as-json jsonpath-file custom-columns custom-columns-file wide";

/** Namespaces every cluster has, plus those of objects in the store (this store keeps no Namespace objects). */
function namespaces(world: World): string[] {
  const found = new Set(["default", "kube-node-lease", "kube-public", "kube-system"]);
  for (const r of world.store.resources())
    for (const o of world.store.list(r)) if (o.metadata.namespace) found.add(o.metadata.namespace);
  return [...found];
}

function names(world: World, typeName: string, namespace: string): string[] {
  const type = resourceType(typeName);
  if (!type) return [];
  const objects: KubeObject[] = world.store.list(type.resource as Resource, type.namespaced ? namespace : undefined);
  return objects.map((o) => o.metadata.name);
}

/** The namespace the line names (`-n x`, `--namespace x`, `--namespace=x`). */
function namespaceOf(words: string[]): string {
  let ns = "default";
  words.forEach((w, i) => {
    if ((w === "-n" || w === "--namespace") && i + 1 < words.length - 1) ns = words[i + 1] as string;
    else if (w.startsWith("--namespace=")) ns = w.slice("--namespace=".length);
    else if (w.startsWith("-n=")) ns = w.slice(3);
  });
  return ns;
}

/** The positional words before the one being completed (the command first), flags and their values left out. */
function positionals(words: string[]): string[] {
  const out: string[] = [];
  for (let i = 1; i < words.length - 1; i++) {
    const w = words[i] as string;
    if (w.startsWith("-")) {
      if (/^-(n|o|l|c)$|^--(namespace|output|selector|container)$/.test(w)) i++;
      continue;
    }
    out.push(w);
  }
  return out;
}

function typeAndName(world: World, args: string[], cur: string, ns: string, allowed?: string[]): string[] {
  const first = args[0];
  if (first !== undefined && !first.includes("/")) return names(world, first, ns).filter((n) => !args.includes(n));
  const slash = cur.indexOf("/");
  if (slash >= 0) {
    const type = cur.slice(0, slash);
    return names(world, type, ns).map((n) => `${type}/${n}`);
  }
  if (first !== undefined) return [];
  return allowed ?? [...API_RESOURCE_NAMES];
}

export const completeKubectl: CommandCompletion = ({ world, words, cur, prev, env }) => {
  if (!world.fs.existsSync(env.KUBECONFIG || "/root/.kube/config")) return wordsReply([]);
  if (prev === "-n" || prev === "--namespace") return wordsReply(namespaces(world));
  if (prev === "-o" || prev === "--output") return wordsReply(OUTPUTS.split(" "));
  if (cur.startsWith("--namespace=")) return wordsReply(namespaces(world).map((n) => `--namespace=${n}`));
  if (cur.startsWith("-")) return wordsReply([]);
  const [command, ...args] = positionals(words);
  if (command === undefined) return wordsReply(COMMANDS);
  const ns = namespaceOf(words);
  if (TYPE_AND_NAME.has(command)) return wordsReply(typeAndName(world, args, cur, ns));
  if (POD_COMMANDS.has(command)) {
    if (args.length === 0)
      return wordsReply(cur.includes("/") ? typeAndName(world, [], cur, ns) : names(world, "pods", ns));
    if (command === "logs" && args.length === 1) {
      const pod = world.store.get<Pod>("pods", args[0] as string, ns);
      return wordsReply([...(pod?.spec.initContainers ?? []), ...(pod?.spec.containers ?? [])].map((c) => c.name));
    }
    return wordsReply([]);
  }
  if (NODE_COMMANDS.has(command)) return wordsReply(args.length === 0 ? names(world, "nodes", ns) : []);
  if (command === "top") return wordsReply(args.length === 0 ? ["node", "pod"] : []);
  if (command === "rollout") {
    if (args.length === 0) return wordsReply(ROLLOUT);
    return wordsReply(typeAndName(world, args.slice(1), cur, ns, ["daemonset", "deployment", "statefulset"]));
  }
  if (command === "scale")
    return wordsReply(
      typeAndName(world, args, cur, ns, ["deployment", "replicaset", "replicationcontroller", "statefulset"]),
    );
  return wordsReply([]);
};
