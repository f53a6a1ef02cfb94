/**
 * kubectl (v1.32.7 on the node, talking to the cluster's API server through
 * /root/.kube/config): `get` for nodes, pods, leases and events with -n/-A/-o wide|json|yaml|name.
 * Errors as kubectl prints them; without a kubeconfig it falls back to localhost:8080 and
 * fails like the real client.
 */
import { stringify } from "yaml";
import type { KubeEvent, KubeObject, Lease, Node, Pod, Resource } from "../../cluster/types";
import { KUBECTL_TABWRITER, tabwrite } from "../../util/table";
import { kubectlAge } from "../../util/time-format";
import type { World } from "../../world";
import { type Command, type ExecResult, fail, ok } from "../types";
import { eventRows, nodeRows, podRows } from "./printers";

const RESOURCES: Record<string, { resource: Resource; singular: string; namespaced: boolean }> = {};
for (const [names, resource, singular, namespaced] of [
  [["node", "nodes", "no"], "nodes", "node", false],
  [["pod", "pods", "po"], "pods", "pod", true],
  [["lease", "leases"], "leases", "lease", true],
  [["event", "events", "ev"], "events", "event", true],
] as [string[], Resource, string, boolean][]) {
  for (const n of names) RESOURCES[n] = { resource, singular, namespaced };
}

function noKubeconfig(world: World): ExecResult {
  const stamp = new Date(world.clock.now()).toISOString();
  const klog = `E${stamp.slice(5, 7)}${stamp.slice(8, 10)} ${stamp.slice(11, 23)}000   4123 memcache.go:265] "Unhandled Error" err="couldn't get current server API group list: Get \\"http://localhost:8080/api?timeout=32s\\": dial tcp 127.0.0.1:8080: connect: connection refused"\n`;
  return fail(
    `${klog.repeat(5)}The connection to the server localhost:8080 was refused - did you specify the right host or port?\n`,
  );
}

interface GetOptions {
  namespace: string;
  allNamespaces: boolean;
  output?: string;
  names: string[];
  kind: string;
}

function parseGet(args: string[]): GetOptions | string {
  const opts: GetOptions = { namespace: "default", allNamespaces: false, names: [], kind: "" };
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === "-n" || a === "--namespace") {
      const v = args[++i];
      if (!v)
        return `error: flag needs an argument: '${a === "-n" ? "n" : "namespace"}' in -${a === "-n" ? "n" : "-namespace"}`;
      opts.namespace = v;
    } else if (a.startsWith("--namespace=")) opts.namespace = a.slice(12);
    else if (a.startsWith("-n") && a.length > 2) opts.namespace = a.slice(2);
    else if (a === "-A" || a === "--all-namespaces") opts.allNamespaces = true;
    else if (a === "-o" || a === "--output") {
      const v = args[++i];
      if (!v) return `error: flag needs an argument: 'o' in -o`;
      opts.output = v;
    } else if (a.startsWith("-o") && a.length > 2) opts.output = a.slice(2).replace(/^=/, "");
    else if (a.startsWith("--output=")) opts.output = a.slice(9);
    else if (a.startsWith("-")) return `error: unknown shorthand flag: '${a.replace(/^-+/, "").slice(0, 1)}' in ${a}`;
    else positional.push(a);
  }
  const [kindArg, ...names] = positional;
  if (!kindArg) {
    return 'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl get -h\' for help and examples';
  }
  if (kindArg.includes("/")) {
    const [k, n] = kindArg.split("/");
    opts.kind = k ?? "";
    opts.names = [n ?? "", ...names];
  } else {
    opts.kind = kindArg;
    opts.names = names;
  }
  if (opts.output && !["wide", "json", "yaml", "name"].includes(opts.output)) {
    return `error: unable to match a printer suitable for the output format "${opts.output}", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml`;
  }
  return opts;
}

function get(args: string[], world: World): ExecResult {
  const parsed = parseGet(args);
  if (typeof parsed === "string") return fail(`${parsed}\n`);
  const type = RESOURCES[parsed.kind];
  if (!type) return fail(`error: the server doesn't have a resource type "${parsed.kind}"\n`);
  const { store, clock } = world;
  const ns = type.namespaced && !parsed.allNamespaces ? parsed.namespace : undefined;
  let objects: KubeObject[] = store.list(type.resource, ns);
  if (parsed.names.length) {
    const found: KubeObject[] = [];
    let stderr = "";
    for (const name of parsed.names) {
      const o = store.get(type.resource, name, type.namespaced ? parsed.namespace : undefined);
      if (o) found.push(o);
      else stderr += `Error from server (NotFound): ${type.resource} "${name}" not found\n`;
    }
    if (found.length === 0) return fail(stderr);
    objects = found;
    if (stderr) return { ...render(objects, type, parsed, world), stderr, exitCode: 1 };
  } else if (objects.length === 0 && !parsed.output?.match(/json|yaml/)) {
    return fail(ns ? `No resources found in ${ns} namespace.\n` : "No resources found\n", 0);
  }
  void clock;
  return render(objects, type, parsed, world);
}

function render(
  objects: KubeObject[],
  type: { resource: Resource; singular: string; namespaced: boolean },
  opts: GetOptions,
  world: World,
): ExecResult {
  const now = world.clock.now();
  const single = opts.names.length === 1;
  if (opts.output === "json" || opts.output === "yaml") {
    const body = single
      ? objects[0]
      : { apiVersion: "v1", items: objects, kind: "List", metadata: { resourceVersion: "" } };
    return ok(opts.output === "json" ? `${JSON.stringify(body, null, 4)}\n` : stringify(body));
  }
  if (opts.output === "name") return ok(objects.map((o) => `${type.singular}/${o.metadata.name}\n`).join(""));
  const wide = opts.output === "wide";
  const withNs = type.namespaced && opts.allNamespaces;
  let rows: string[][];
  switch (type.resource) {
    case "nodes":
      rows = nodeRows(objects as Node[], now, wide);
      break;
    case "pods":
      rows = podRows(objects as Pod[], now, wide, withNs);
      break;
    case "events":
      rows = eventRows(objects as KubeEvent[], now, withNs);
      break;
    default:
      rows = [
        [...(withNs ? ["NAMESPACE"] : []), "NAME", "HOLDER", "AGE"],
        ...(objects as Lease[]).map((l) => [
          ...(withNs ? [l.metadata.namespace ?? ""] : []),
          l.metadata.name,
          l.spec.holderIdentity,
          kubectlAge(now - Date.parse(l.metadata.creationTimestamp)),
        ]),
      ];
  }
  return ok(tabwrite(rows, KUBECTL_TABWRITER));
}

export const kubectl: Command = (args, io, world) => {
  const [verb, ...rest] = args;
  if (verb === "version" && rest.includes("--client")) {
    return ok("Client Version: v1.32.7\nKustomize Version: v5.5.0\n");
  }
  const kubeconfig = io.env.KUBECONFIG || "/root/.kube/config";
  if (!world.fs.existsSync(kubeconfig)) return noKubeconfig(world);
  switch (verb) {
    case "get":
      return get(rest, world);
    case undefined:
      return ok(
        "kubectl controls the Kubernetes cluster manager.\n\n Find more information at: https://kubernetes.io/docs/reference/kubectl/\n\nBasic Commands (Beginner):\n  get             Display one or many resources\n\nUsage:\n  kubectl [flags] [options]\n",
      );
    default:
      return fail(`error: unknown command "${verb}" for "kubectl"\n\nDid you mean this?\n\tget\n`);
  }
};
