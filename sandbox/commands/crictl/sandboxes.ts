/** crictl's pod sandbox commands (cri-tools 1.32 cmd/crictl/sandbox.go): pods, inspectp, stopp, rmp. */
import { CriCallError } from "../../runtime/cri";
import type { PodSandbox } from "../../runtime/types";
import { CRICTL_TABWRITER, tabwrite } from "../../util/table";
import { goUnitsHumanDuration } from "../../util/time-format";
import type { World } from "../../world";
import type { ExecResult } from "../types";
import { CrictlError, labelFilter } from "./containers";
import { bool, type FlagSpec, type Parsed, str } from "./flags";
import { truncatedId } from "./format";
import { indentJson, nanos, rfc3339NanoUnix, sortedKeys, toYaml } from "./json";
import { resolveId } from "./resolve";
import { sandboxInfo } from "./spec";

export const PODS_FLAGS: FlagSpec[] = [
  { long: "quiet", short: "q" },
  { long: "no-trunc" },
  { long: "verbose", short: "v" },
  { long: "latest", short: "l" },
  { long: "output", short: "o", value: true },
  { long: "name", value: true },
  { long: "namespace", value: true },
  { long: "state", short: "s", value: true },
  { long: "id", value: true },
  { long: "label", value: true },
  { long: "last", short: "n", value: true, int: true },
];

const out = (stdout: string): ExecResult => ({ stdout, stderr: "", exitCode: 0 });

function regexOf(pattern: string | undefined): RegExp | undefined {
  if (pattern === undefined) return undefined;
  try {
    return new RegExp(pattern);
  } catch {
    throw new CrictlError(`listing pod sandboxes: error parsing regexp: invalid pattern: \`${pattern}\``);
  }
}

export function pods(p: Parsed, world: World): ExecResult {
  const output = str(p, "output") ?? "table";
  if (!["table", "json", "yaml"].includes(output)) throw new CrictlError(`unsupported output format "${output}"`);
  const name = regexOf(str(p, "name"));
  const ns = regexOf(str(p, "namespace"));
  const state = str(p, "state")?.toLowerCase();
  if (state !== undefined && state !== "ready" && state !== "notready") {
    throw new CrictlError("--state should be ready or notready");
  }
  const label = labelFilter(str(p, "label"));
  let list = world.containerd.listPodSandboxes().filter((s) => {
    if (name && !name.test(s.name)) return false;
    if (ns && !ns.test(s.namespace)) return false;
    if (state && (s.state === "SANDBOX_READY") !== (state === "ready")) return false;
    if (str(p, "id") && !s.id.startsWith(str(p, "id") as string)) return false;
    if (label && s.labels[label[0]] !== label[1]) return false;
    return true;
  });
  const last = bool(p, "latest") ? 1 : Number(str(p, "last") ?? 0);
  if (last > 0) list = list.slice(0, last);
  if (output !== "table") {
    const doc = {
      items: list.map((s) => ({
        id: s.id,
        metadata: { name: s.name, uid: s.uid, namespace: s.namespace, attempt: s.attempt },
        state: s.state,
        createdAt: nanos(s.createdAt),
        labels: s.labels,
        annotations: {},
        runtimeHandler: "",
      })),
    };
    return out(output === "json" ? `${indentJson(doc)}\n` : toYaml(doc));
  }
  if (bool(p, "quiet")) return out(list.map((s) => `${s.id}\n`).join(""));
  const now = world.clock.now();
  const id = (s: string) => (bool(p, "no-trunc") ? s : truncatedId(s));
  return out(
    tabwrite(
      [
        ["POD ID", "CREATED", "STATE", "NAME", "NAMESPACE", "ATTEMPT", "RUNTIME"],
        ...list.map((s) => [
          id(s.id),
          `${goUnitsHumanDuration(now - s.createdAt)} ago`,
          s.state === "SANDBOX_READY" ? "Ready" : "NotReady",
          s.name,
          s.namespace,
          String(s.attempt),
          "(default)",
        ]),
      ],
      CRICTL_TABWRITER,
    ),
  );
}

function findSandbox(world: World, prefix: string): PodSandbox {
  const id = resolveId(world.containerd.sandboxes.keys(), prefix, "sandbox");
  return world.containerd.sandboxes.get(id) as PodSandbox;
}

export function inspectp(p: Parsed, world: World): ExecResult {
  if (p.args.length === 0) throw new CrictlError("ID cannot be empty");
  const docs = p.args.map((arg) => {
    let s: PodSandbox;
    try {
      s = findSandbox(world, arg);
    } catch (e) {
      throw new CrictlError(`getting the pod sandbox status for "${arg}": ${(e as Error).message}`);
    }
    const status = sortedKeys({
      id: s.id,
      metadata: { attempt: s.attempt, name: s.name, namespace: s.namespace, uid: s.uid },
      state: s.state,
      createdAt: rfc3339NanoUnix(s.createdAt),
      network: { additionalIps: [], ip: s.hostNetwork ? "" : (s.ip ?? "") },
      linux: {
        namespaces: {
          options: {
            ipc: "POD",
            network: s.hostNetwork ? "NODE" : "POD",
            pid: "CONTAINER",
            targetId: "",
            userNsOptions: null,
          },
        },
      },
      labels: s.labels,
      annotations: {},
      runtimeHandler: "",
      containersStatuses: [],
    });
    return { status, info: sandboxInfo(world, s) };
  });
  if ((str(p, "output") ?? "json") === "yaml") return out(docs.map((d) => toYaml(d)).join("---\n"));
  return out(docs.map((d) => `${indentJson(d)}\n`).join(""));
}

export function stopp(p: Parsed, world: World): ExecResult {
  if (p.args.length === 0) throw new CrictlError("ID cannot be empty");
  let stdout = "";
  for (const arg of p.args) {
    try {
      world.containerd.stopPodSandbox(findSandbox(world, arg).id);
    } catch (e) {
      if (!(e instanceof CriCallError)) throw e;
      throw new CrictlError(`stopping the pod sandbox "${arg}": ${e.message}`);
    }
    stdout += `Stopped sandbox ${arg}\n`;
  }
  return out(stdout);
}

export function rmp(p: Parsed, world: World): ExecResult {
  const ids = bool(p, "all") ? world.containerd.listPodSandboxes().map((s) => s.id) : p.args;
  if (ids.length === 0) throw new CrictlError("ID cannot be empty");
  let stdout = "";
  for (const arg of ids) {
    let s: PodSandbox;
    try {
      s = findSandbox(world, arg);
    } catch (e) {
      throw new CrictlError(`removing the pod sandbox "${arg}": ${(e as Error).message}`);
    }
    if (s.state === "SANDBOX_READY" && !bool(p, "force")) {
      throw new CrictlError(
        `pod sandbox "${arg}" is running, please stop it first or use -f/--force to stop and remove it`,
      );
    }
    world.containerd.removePodSandbox(s.id);
    stdout += `Removed sandbox ${arg}\n`;
  }
  return out(stdout);
}
