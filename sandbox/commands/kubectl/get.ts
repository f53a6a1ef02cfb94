/**
 * kubectl get (staging/src/k8s.io/kubectl/pkg/cmd/get): one or more resource types, names as
 * `TYPE NAME...` or `TYPE/NAME`, -n/-A, -l, --show-labels, -o wide|json|yaml|name. Tables are
 * the server's columns (pkg/printers/internalversion/printers.go) through kubectl's tabwriter.
 */
import { stringify } from "yaml";
import type { SelectorRequirement } from "../../cluster/labels";
import { formatLabels, parseSelector, selectorMatches } from "../../cluster/labels";
import type {
  DaemonSet,
  Deployment,
  EndpointSlice,
  Endpoints,
  KubeEvent,
  KubeObject,
  Lease,
  Node,
  Pod,
  PodDisruptionBudget,
  ReplicaSet,
  Service,
} from "../../cluster/types";
import { KUBECTL_TABWRITER, tabwrite } from "../../util/table";
import type { World } from "../../world";
import { type CommandIo, type ExecResult, fail } from "../types";
import { parseFlags, str } from "./flags";
import { JsonPathError, jsonpath, jsonpathValues } from "./jsonpath";
import {
  daemonSetRows,
  deploymentRows,
  endpointSliceRows,
  endpointsRows,
  eventRows,
  leaseRows,
  nodeRows,
  pdbRows,
  podRows,
  replicaSetRows,
  serviceRows,
} from "./printers";
import { notFound, type ResourceType, resourceType, unknownType } from "./resources";
import { labelColumnHeader, relaxedJsonPath, sortObjects } from "./sort-by";

const OUTPUTS = ["wide", "json", "yaml", "name"];
/** `-o jsonpath=...`, `-o jsonpath-as-json=...` and `-o custom-columns=...` carry their template. */
const TEMPLATED = /^(jsonpath|jsonpath-as-json|custom-columns)=(.*)$/s;

/** kubectl prints objects decoded into maps, so every object's keys come out sorted. */
export function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === "object") {
    return Object.fromEntries(
      Object.entries(v as Record<string, unknown>)
        .filter(([, x]) => x !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, x]) => [k, sortKeys(x)]),
    );
  }
  return v;
}

/** What kubectl prints from: the object itself, or a v1 List of them. */
function listBody(objects: KubeObject[], single: boolean): unknown {
  return sortKeys(
    single ? objects[0] : { apiVersion: "v1", items: objects, kind: "List", metadata: { resourceVersion: "" } },
  );
}

export function printObjects(objects: KubeObject[], output: "json" | "yaml", single: boolean): string {
  const sorted = listBody(objects, single);
  // sigs.k8s.io/yaml (go-yaml v2): sequences not indented, YAML 1.1 look-alikes ("yes", timestamps) quoted.
  return output === "json"
    ? `${JSON.stringify(sorted, null, 4)}\n`
    : stringify(sorted, { version: "1.1", indentSeq: false });
}

export function get(argv: string[], world: World, io?: CommandIo): ExecResult | Promise<ExecResult> {
  const parsed = parseFlags("get", argv, [
    { long: ["all-namespaces"], short: "A", type: "bool" },
    { long: ["no-headers"], type: "bool" },
    { long: ["output"], short: "o", type: "string" },
    { long: ["selector"], short: "l", type: "string" },
    { long: ["show-labels"], type: "bool" },
    { long: ["watch"], short: "w", type: "bool" },
    { long: ["label-columns"], short: "L", type: "strings" },
    { long: ["sort-by"], type: "string" },
  ]);
  if ("error" in parsed) return fail(`${parsed.error}\n`);
  const { flags, args } = parsed;
  const rawOutput = str(flags.output);
  const templated = rawOutput === undefined ? null : TEMPLATED.exec(rawOutput);
  const output = templated ? (templated[1] as string) : rawOutput;
  const template = templated?.[2] ?? "";
  if (output !== undefined && !templated && !OUTPUTS.includes(output)) {
    return fail(
      `error: unable to match a printer suitable for the output format "${output}", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml\n`,
    );
  }
  if (args.length === 0) {
    return fail(
      'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl get -h\' for help and examples\n',
    );
  }
  const namespace = str(flags.namespace) ?? "default";
  const all = flags["all-namespaces"] === true;
  const selector = str(flags.selector);
  const reqs = selector === undefined ? [] : parseSelector(selector);
  if (!reqs) return fail(`error: unable to parse requirement: found '${selector}', expected: identifier\n`);

  // TYPE NAME... or TYPE/NAME TYPE/NAME...
  const requests: { type: ResourceType; names: string[] }[] = [];
  if (args[0]?.includes("/")) {
    for (const a of args) {
      const [t, n] = a.split("/");
      const type = resourceType(t ?? "");
      if (!type) return fail(unknownType(t ?? ""));
      if (!n) return fail(`error: arguments in resource/name form must have a single resource and name\n`);
      requests.push({ type, names: [n] });
    }
  } else {
    const types = (args[0] as string).split(",");
    for (const t of types) {
      const type = resourceType(t);
      if (!type) return fail(unknownType(t));
      requests.push({ type, names: args.slice(1) });
    }
  }
  if (flags.watch) {
    if (requests.length !== 1 || !io) return fail("error: you may only specify a single resource type\n");
    if (output && output !== "wide")
      return fail(`error: --watch is only available with the table output here, not -o ${output}\n`);
    return watch(requests[0] as { type: ResourceType; names: string[] }, {
      world,
      io,
      namespace,
      all,
      reqs,
      wide: output === "wide",
    });
  }
  if (selector !== undefined && requests.some((r) => r.names.length))
    return fail("error: name cannot be provided when a selector is specified\n");

  let stdout = "";
  let stderr = "";
  const multiple = requests.length > 1;
  const singleObject = requests.length === 1 && requests[0]?.names.length === 1;
  const collected: KubeObject[] = [];
  let anyFound = false;
  for (const { type, names } of requests) {
    const ns = type.namespaced && !all ? namespace : undefined;
    let objects: KubeObject[];
    if (names.length) {
      objects = [];
      for (const name of names) {
        const o = world.store.get(type.resource, name, type.namespaced ? namespace : undefined);
        if (o) objects.push(o);
        else stderr += notFound(type, name);
      }
    } else {
      objects = world.store.list(type.resource, ns).filter((o) => selectorMatches(reqs, o.metadata.labels));
    }
    if (!objects.length) continue;
    anyFound = true;
    const sortBy = str(flags["sort-by"]);
    if (sortBy !== undefined) {
      try {
        const sorted = sortObjects(objects, sortBy, sortKeys);
        if ("error" in sorted) return fail(sorted.error);
        objects = sorted;
      } catch (e) {
        if (!(e instanceof JsonPathError)) throw e;
        return fail(`error: error parsing jsonpath ${relaxedJsonPath(sortBy)}, ${e.message}\n`);
      }
    }
    if (output === "json" || output === "yaml" || templated) {
      collected.push(...objects);
      continue;
    }
    if (output === "name") {
      stdout += objects.map((o) => `${type.qualified}/${o.metadata.name}\n`).join("");
      continue;
    }
    const rows = tableRows(type, objects, world.clock.now(), output === "wide", type.namespaced && all);
    // -L KEY: one column per key, before --show-labels' LABELS (tableprinter decorateTable).
    const labelKeys = (str(flags["label-columns"]) ?? "").split(",").filter(Boolean);
    for (const key of labelKeys) {
      rows[0]?.push(labelColumnHeader(key));
      rows.slice(1).forEach((r, i) => {
        r.push(objects[i]?.metadata.labels?.[key] ?? "");
      });
    }
    if (flags["show-labels"]) {
      rows[0]?.push("LABELS");
      rows.slice(1).forEach((r, i) => {
        r.push(formatLabels(objects[i]?.metadata.labels));
      });
    }
    // Several types: each table's names carry their type, and a blank line separates tables.
    if (multiple) {
      const col = type.namespaced && all ? 1 : 0;
      for (const r of rows.slice(1)) r[col] = `${type.qualified}/${r[col]}`;
    }
    if (flags["no-headers"]) rows.shift();
    stdout += (stdout ? "\n" : "") + tabwrite(rows, KUBECTL_TABWRITER);
  }
  if (templated && (collected.length || !stderr)) {
    const printed = printTemplated(
      output as string,
      template,
      collected,
      singleObject && collected.length === 1,
      flags["no-headers"] === true,
    );
    if ("error" in printed) return fail(printed.error);
    stdout = printed.text;
  } else if (output === "json" || output === "yaml") {
    if (collected.length || !stderr) stdout = printObjects(collected, output, singleObject && collected.length === 1);
  } else if (!anyFound && !stderr) {
    const ns = requests.some((r) => r.type.namespaced) && !all ? namespace : undefined;
    return {
      stdout: "",
      stderr: ns ? `No resources found in ${ns} namespace.\n` : "No resources found\n",
      exitCode: 0,
    };
  }
  return { stdout, stderr, exitCode: stderr ? 1 : 0 };
}

/**
 * jsonpath (k8s.io/client-go/util/jsonpath over the object or List) and custom-columns
 * (`NAME:.path,...`: each path is a jsonpath without braces, `<none>` when it finds nothing).
 */
function printTemplated(
  kind: string,
  template: string,
  objects: KubeObject[],
  single: boolean,
  noHeaders: boolean,
): { text: string } | { error: string } {
  try {
    if (kind === "jsonpath") return { text: jsonpath(template, listBody(objects, single)) };
    if (kind === "jsonpath-as-json") {
      const values = jsonpathValues(template, listBody(objects, single));
      return { text: `${JSON.stringify(values, null, 4)}\n` };
    }
    const columns = template.split(",").map((c) => {
      const at = c.indexOf(":");
      if (at < 0) throw new JsonPathError(`expected <header>:<json-path-expr> in column specification: ${c}`);
      return { header: c.slice(0, at), path: c.slice(at + 1) };
    });
    const rows = objects.map((o) =>
      columns.map(({ path }) => {
        const values = jsonpathValues(
          `{${path.startsWith(".") || path.startsWith("[") ? path : `.${path}`}}`,
          sortKeys(o),
        );
        return values.length ? values.map((v) => (typeof v === "string" ? v : JSON.stringify(v))).join(",") : "<none>";
      }),
    );
    return { text: tabwrite(noHeaders ? rows : [columns.map((c) => c.header), ...rows], KUBECTL_TABWRITER) };
  } catch (e) {
    if (!(e instanceof JsonPathError)) throw e;
    return kind === "custom-columns"
      ? { error: `error: ${e.message}\n` }
      : { error: `error: error parsing jsonpath ${template}, ${e.message}\n` };
  }
}

function tableRows(type: ResourceType, objects: KubeObject[], now: number, wide: boolean, withNs: boolean): string[][] {
  switch (type.resource) {
    case "nodes":
      return nodeRows(objects as Node[], now, wide);
    case "pods":
      return podRows(objects as Pod[], now, wide, withNs);
    case "events":
      return eventRows(objects as KubeEvent[], now, withNs);
    case "services":
      return serviceRows(objects as Service[], now, wide, withNs);
    case "endpoints":
      return endpointsRows(objects as Endpoints[], now, withNs);
    case "endpointslices":
      return endpointSliceRows(objects as EndpointSlice[], now, withNs);
    case "daemonsets":
      return daemonSetRows(objects as DaemonSet[], now, wide, withNs);
    case "deployments":
      return deploymentRows(objects as Deployment[], now, wide, withNs);
    case "replicasets":
      return replicaSetRows(objects as ReplicaSet[], now, wide, withNs);
    case "leases":
      return leaseRows(objects as Lease[], now, withNs);
    case "poddisruptionbudgets":
      return pdbRows(objects as PodDisruptionBudget[], now, withNs);
  }
}

/** The widths kubectl's tabwriter gave the first table, so watch rows line up under it. */
function padRow(row: string[], widths: number[]): string {
  return `${row.map((c, i) => (i < row.length - 1 ? c.padEnd(Math.max(widths[i] ?? 0, c.length + 3)) : c)).join("")}\n`;
}

/**
 * get -w: the table as it is, then one row per change the watch delivers (ADDED, MODIFIED,
 * DELETED alike, as kubectl prints them), until Ctrl-C. Time moves while it runs (the page and
 * `npm run shell` tick the clock), so the rows appear as the node changes.
 */
async function watch(
  request: { type: ResourceType; names: string[] },
  o: { world: World; io: CommandIo; namespace: string; all: boolean; reqs: SelectorRequirement[]; wide: boolean },
): Promise<ExecResult> {
  const { world, io, all, reqs, wide } = o;
  const { type, names } = request;
  const ns = type.namespaced && !all ? o.namespace : undefined;
  const wanted = (obj: KubeObject) =>
    (ns === undefined || obj.metadata.namespace === ns) &&
    (names.length === 0 || names.includes(obj.metadata.name)) &&
    selectorMatches(reqs, obj.metadata.labels);
  const withNs = type.namespaced && all;
  const initial = world.store.list(type.resource, ns).filter(wanted);
  const table = tableRows(type, initial, world.clock.now(), wide, withNs);
  const widths: number[] = [];
  const widen = (row: string[]) => {
    row.forEach((c, i) => {
      widths[i] = Math.max(widths[i] ?? 0, c.length + 3);
    });
  };
  for (const row of table) widen(row);
  if (initial.length) io.write(tabwrite(table, KUBECTL_TABWRITER));
  let headerDone = initial.length > 0;
  const signal = io.signal;
  if (!signal || signal.aborted) return { stdout: "", stderr: "", exitCode: 130 };
  io.follow();
  const stop = world.store.watch((e) => {
    if (e.resource !== type.resource || !wanted(e.object)) return;
    const rows = tableRows(type, [e.object], world.clock.now(), wide, withNs);
    if (!headerDone) {
      widen(rows[0] as string[]);
      io.write(padRow(rows[0] as string[], widths));
      headerDone = true;
    }
    io.write(padRow(rows[1] as string[], widths));
  });
  await new Promise<void>((resolve) => signal.addEventListener("abort", () => resolve(), { once: true }));
  stop();
  return { stdout: "", stderr: "", exitCode: 130 };
}
