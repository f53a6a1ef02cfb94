/**
 * crictl's container commands (cri-tools 1.32 cmd/crictl/container.go): ps, inspect, logs,
 * stop, rm, stats. Each resolves IDs through containerd (unique prefixes) and prints as
 * crictl does; errors return the FATA text's message.
 */
import { CriCallError } from "../../runtime/cri";
import type { ContainerRecord } from "../../runtime/types";
import { CRICTL_TABWRITER, tabwrite } from "../../util/table";
import { goUnitsHumanDuration } from "../../util/time-format";
import type { World } from "../../world";
import type { CommandIo, ExecResult } from "../types";
import { bool, type FlagSpec, type Parsed, str } from "./flags";
import { humanSize, truncatedId } from "./format";
import { indentJson, nanos, rfc3339NanoUnix, sortedKeys, toYaml } from "./json";
import { resolveId } from "./resolve";
import { containerInfo, containerMounts } from "./spec";

export class CrictlError extends Error {}

const STATE_NAME: Record<string, string> = {
  CONTAINER_CREATED: "Created",
  CONTAINER_RUNNING: "Running",
  CONTAINER_EXITED: "Exited",
  CONTAINER_UNKNOWN: "Unknown",
};

export const PS_FLAGS: FlagSpec[] = [
  { long: "all", short: "a" },
  { long: "quiet", short: "q" },
  { long: "no-trunc" },
  { long: "verbose", short: "v" },
  { long: "latest", short: "l" },
  { long: "output", short: "o", value: true },
  { long: "name", value: true },
  { long: "pod", short: "p", value: true },
  { long: "state", short: "s", value: true },
  { long: "id", value: true },
  { long: "image", value: true },
  { long: "label", value: true },
  { long: "last", short: "n", value: true, int: true },
  { long: "namespace", value: true },
];

function out(stdout: string): ExecResult {
  return { stdout, stderr: "", exitCode: 0 };
}

/** --label key=value (crictl's only label syntax); `key` alone matches an empty value. */
export function labelFilter(flag: string | undefined): [string, string] | undefined {
  if (flag === undefined) return undefined;
  const eq = flag.indexOf("=");
  return eq < 0 ? [flag, ""] : [flag.slice(0, eq), flag.slice(eq + 1)];
}

function regexOf(pattern: string | undefined): RegExp | undefined {
  if (pattern === undefined) return undefined;
  try {
    return new RegExp(pattern);
  } catch {
    throw new CrictlError(`listing containers: error parsing regexp: invalid pattern: \`${pattern}\``);
  }
}

export function ps(p: Parsed, world: World): ExecResult {
  const { containerd } = world;
  const output = str(p, "output") ?? "table";
  if (!["table", "json", "yaml"].includes(output)) throw new CrictlError(`unsupported output format "${output}"`);
  const stateFlag = str(p, "state")?.toLowerCase();
  const stateMap: Record<string, string> = {
    created: "CONTAINER_CREATED",
    running: "CONTAINER_RUNNING",
    exited: "CONTAINER_EXITED",
    unknown: "CONTAINER_UNKNOWN",
  };
  if (stateFlag !== undefined && !stateMap[stateFlag]) {
    throw new CrictlError("--state should be one of created, running, exited or unknown");
  }
  const name = regexOf(str(p, "name"));
  const ns = regexOf(str(p, "namespace"));
  const podPrefix = str(p, "pod");
  let podId: string | undefined;
  if (podPrefix) {
    try {
      podId = resolveId(containerd.sandboxes.keys(), podPrefix, "sandbox");
    } catch {
      podId = podPrefix; // containerd filters by the literal ID then: nothing matches
    }
  }
  const label = labelFilter(str(p, "label"));
  const imageFlag = str(p, "image");
  const image = imageFlag === undefined ? undefined : (containerd.imageStatus(imageFlag)?.ref ?? imageFlag);
  const all = bool(p, "all") || stateFlag !== undefined || bool(p, "latest") || str(p, "last") !== undefined;
  let list = containerd.listContainers().filter((c) => {
    const sb = containerd.sandboxes.get(c.sandboxId);
    if (stateFlag ? c.state !== stateMap[stateFlag] : !all && c.state !== "CONTAINER_RUNNING") return false;
    if (name && !name.test(c.name)) return false;
    if (ns && !ns.test(sb?.namespace ?? "")) return false;
    if (podId && c.sandboxId !== podId) return false;
    if (str(p, "id") && !c.id.startsWith(str(p, "id") as string)) return false;
    if (label && c.labels[label[0]] !== label[1]) return false;
    if (image && !(c.image === image || c.imageId.startsWith(image.replace(/^sha256:/, "")))) return false;
    return true;
  });
  const last = bool(p, "latest") ? 1 : Number(str(p, "last") ?? 0);
  if (last > 0) list = list.slice(0, last);
  if (output === "json" || output === "yaml") {
    const doc = { containers: list.map(listEntry) };
    return out(output === "json" ? `${indentJson(doc)}\n` : toYaml(doc));
  }
  if (bool(p, "quiet")) return out(list.map((c) => `${c.id}\n`).join(""));
  const now = world.clock.now();
  const id = (s: string) => (bool(p, "no-trunc") ? s : truncatedId(s));
  const rows = list.map((c) => {
    const sb = containerd.sandboxes.get(c.sandboxId);
    return [
      id(c.id),
      bool(p, "no-trunc") ? `sha256:${c.imageId}` : id(c.imageId),
      `${goUnitsHumanDuration(now - c.createdAt)} ago`,
      STATE_NAME[c.state] ?? "Unknown",
      c.name,
      String(c.attempt),
      id(c.sandboxId),
      sb?.name ?? "",
      sb?.namespace ?? "",
    ];
  });
  return out(
    tabwrite(
      [["CONTAINER", "IMAGE", "CREATED", "STATE", "NAME", "ATTEMPT", "POD ID", "POD", "NAMESPACE"], ...rows],
      CRICTL_TABWRITER,
    ),
  );
}

/** One container as ListContainers returns it (runtime/v1 Container, protojson). */
function listEntry(c: ContainerRecord) {
  return {
    id: c.id,
    podSandboxId: c.sandboxId,
    metadata: { name: c.name, attempt: c.attempt },
    image: { image: `sha256:${c.imageId}`, annotations: {}, userSpecifiedImage: "", runtimeHandler: "" },
    imageRef: `sha256:${c.imageId}`,
    state: c.state,
    createdAt: nanos(c.createdAt),
    labels: c.labels,
    annotations: c.annotations,
    imageId: "",
  };
}

function findContainer(world: World, prefix: string): ContainerRecord {
  const id = resolveId(world.containerd.containers.keys(), prefix, "container");
  return world.containerd.containers.get(id) as ContainerRecord;
}

/** crictl inspect: status (sorted keys, times as RFC 3339) then containerd's verbose info. */
export function inspect(p: Parsed, world: World): ExecResult {
  if (p.args.length === 0) throw new CrictlError("ID cannot be empty");
  const docs: unknown[] = [];
  for (const arg of p.args) {
    let c: ContainerRecord;
    try {
      c = findContainer(world, arg);
    } catch (e) {
      throw new CrictlError(`getting the status of the container "${arg}": ${(e as Error).message}`);
    }
    const image = world.containerd.images.get(c.image);
    const status = sortedKeys({
      id: c.id,
      metadata: { attempt: c.attempt, name: c.name },
      state: c.state,
      createdAt: rfc3339NanoUnix(c.createdAt),
      startedAt: rfc3339NanoUnix(c.startedAt),
      finishedAt: rfc3339NanoUnix(c.finishedAt),
      exitCode: c.exitCode ?? 0,
      image: { annotations: {}, image: c.image, runtimeHandler: "", userSpecifiedImage: "" },
      imageRef: image?.digest ?? `sha256:${c.imageId}`,
      reason: c.reason ?? "",
      message: "",
      labels: c.labels,
      annotations: c.annotations,
      mounts: containerMounts(world, c),
      logPath: c.logPath,
      resources: {
        linux: {
          cpuPeriod: "100000",
          cpuQuota: "0",
          cpuShares: "2",
          cpusetCpus: "",
          cpusetMems: "",
          hugepageLimits: [],
          memoryLimitInBytes: String(c.memoryLimitBytes),
          memorySwapLimitInBytes: String(c.memoryLimitBytes),
          oomScoreAdj: String(c.oomScoreAdj),
          unified: {},
        },
        windows: null,
      },
      imageId: "",
      user: { linux: { gid: "0", supplementalGroups: ["0"], uid: "0" } },
    });
    docs.push({ status, info: containerInfo(world, c) });
  }
  const output = str(p, "output") ?? "json";
  if (output === "yaml") return out(docs.map((d) => toYaml(d)).join("---\n"));
  return out(docs.map((d) => `${indentJson(d)}\n`).join(""));
}

/**
 * crictl logs: reads the CRI log file (kubelet format `<time> <stream> <tag> <text>`),
 * stdout lines to stdout and stderr lines to stderr; --timestamps keeps the time, --tail N
 * the last N lines, --previous reads the attempt before.
 */
export function logs(p: Parsed, world: World, io?: CommandIo): ExecResult | Promise<ExecResult> {
  const [arg] = p.args;
  if (!arg) throw new CrictlError("ID cannot be empty");
  let c: ContainerRecord;
  try {
    c = findContainer(world, arg);
  } catch (e) {
    throw new CrictlError(`rpc error: ${(e as CriCallError).message.replace(/^rpc error: /, "")}`);
  }
  let path = c.logPath;
  if (bool(p, "previous")) path = path.replace(/\/(\d+)\.log$/, (_m, n) => `/${Number(n) - 1}.log`);
  const text = world.fs.tryReadFileSync(path);
  if (text === undefined) {
    throw new CrictlError(
      `failed to try resolving symlinks in path "${path}": lstat ${path}: no such file or directory`,
    );
  }
  let lines = text.split("\n").filter(Boolean);
  // --since: a Go duration back from now (`5m`, `1h30m`) or an RFC 3339 time.
  const since = str(p, "since");
  if (since !== undefined) {
    const from = sinceTime(since, world.clock.now());
    if (from === undefined) throw new CrictlError(`failed to parse time "${since}"`);
    lines = lines.filter((l) => Date.parse(l.slice(0, l.indexOf(" "))) >= from);
  }
  const stream = str(p, "stream");
  if (stream !== undefined && stream !== "stdout" && stream !== "stderr") {
    throw new CrictlError(`invalid stream "${stream}", must be one of stdout or stderr`);
  }
  if (stream) lines = lines.filter((l) => l.split(" ")[1] === stream);
  const tail = str(p, "tail");
  if (tail !== undefined && Number(tail) >= 0) lines = Number(tail) === 0 ? [] : lines.slice(-Number(tail));
  const render = (line: string) => {
    const m = /^(\S+) (stdout|stderr) (F|P) (.*)$/.exec(line);
    if (!m) return undefined;
    return { stream: m[2], body: `${bool(p, "timestamps") ? `${m[1]} ` : ""}${m[4]}${m[3] === "F" ? "\n" : ""}` };
  };
  let stdout = "";
  let stderr = "";
  for (const line of lines) {
    const r = render(line);
    if (r?.stream === "stdout") stdout += r.body;
    else if (r) stderr += r.body;
  }
  const limit = Number(str(p, "limit-bytes") ?? 0);
  if (limit > 0) {
    stdout = stdout.slice(0, limit);
    stderr = stderr.slice(0, Math.max(0, limit - stdout.length));
  }
  const id = c.id;
  if (!bool(p, "follow") || !io || c.state !== "CONTAINER_RUNNING" || bool(p, "previous")) {
    return { stdout, stderr, exitCode: 0 };
  }
  // Follow (the kubelet's ReadLogs with follow): new lines as containerd writes them, until
  // the container exits or the learner presses Ctrl-C. Both streams reach the terminal as
  // they come (io.write is the terminal's one stream).
  const signal = io.signal;
  io.write(stdout + stderr);
  if (!signal || signal.aborted) return { stdout: "", stderr: "", exitCode: 130 };
  io.follow();
  return new Promise<ExecResult>((resolve) => {
    const stopLogs = world.containerd.onContainerLog((rec, line) => {
      if (rec.id !== id) return;
      const r = render(line);
      if (r) io.write(r.body);
    });
    const finish = (code: number) => {
      stopLogs();
      stopExit();
      resolve({ stdout: "", stderr: "", exitCode: code });
    };
    const stopExit = world.containerd.onContainerExit((rec) => {
      if (rec.id === id) finish(0);
    });
    signal.addEventListener("abort", () => finish(130), { once: true });
  });
}

/** `--since`: `1h2m3s`-style durations before now, or an RFC 3339 timestamp. */
function sinceTime(value: string, now: number): number | undefined {
  const units: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1_000, ms: 1 };
  const parts = [...value.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)];
  if (parts.length && parts.map((m) => m[0]).join("") === value) {
    return now - parts.reduce((sum, m) => sum + Number(m[1]) * (units[m[2] as string] ?? 0), 0);
  }
  const t = Date.parse(value);
  return Number.isNaN(t) || !/^\d{4}-\d\d-\d\dT/.test(value) ? undefined : t;
}

export function stop(p: Parsed, world: World): ExecResult {
  if (p.args.length === 0) throw new CrictlError("ID cannot be empty");
  const timeout = Number(str(p, "timeout") ?? 0);
  let stdout = "";
  for (const arg of p.args) {
    try {
      const c = findContainer(world, arg);
      world.containerd.stopContainer(c.id, timeout);
    } catch (e) {
      if (!(e instanceof CriCallError)) throw e;
      throw new CrictlError(`stopping the container "${arg}": ${e.message}`);
    }
    stdout += `${arg}\n`;
  }
  return out(stdout);
}

/** crictl rm: each failure logged with ERRO, then one FATA (cmd/crictl/container.go). */
export function rm(p: Parsed, world: World): ExecResult {
  const ids = bool(p, "all") ? world.containerd.listContainers().map((c) => c.id) : p.args;
  if (ids.length === 0) throw new CrictlError("ID cannot be empty");
  let stdout = "";
  let stderr = "";
  for (const arg of ids) {
    try {
      const c = findContainer(world, arg);
      if (bool(p, "force") && c.state === "CONTAINER_RUNNING") world.containerd.stopContainer(c.id, 0);
      world.containerd.removeContainer(c.id);
      stdout += `${arg}\n`;
    } catch (e) {
      if (!(e instanceof CriCallError)) throw e;
      stderr += `ERRO[0000] removing container "${arg}": ${e.message}\n`;
    }
  }
  if (stderr) return { stdout, stderr: `${stderr}FATA[0000] unable to remove container(s)\n`, exitCode: 1 };
  return out(stdout);
}

/**
 * crictl stats: CPU %, memory working set, writable layer size and inodes per running container.
 * The NAME column is from recent cri-tools (unconfirmed for 1.32 whether SWAP follows INODES).
 */
export function stats(p: Parsed, world: World): ExecResult {
  const list = world.containerd
    .listContainers()
    .filter((c) => (bool(p, "all") ? true : c.state === "CONTAINER_RUNNING"))
    .filter((c) => (p.args[0] ? c.id.startsWith(p.args[0]) : true))
    .filter((c) => (str(p, "id") ? c.id.startsWith(str(p, "id") as string) : true))
    .filter((c) => (str(p, "pod") ? c.sandboxId.startsWith(str(p, "pod") as string) : true));
  const rows = list.map((c) => {
    const seed = Number.parseInt(c.id.slice(0, 6), 16);
    const mem = c.state === "CONTAINER_RUNNING" ? 6_000_000 + (seed % 90_000_000) : 0;
    const cpu = c.state === "CONTAINER_RUNNING" ? ((seed % 300) / 100).toFixed(2) : "0.00";
    return [
      truncatedId(c.id),
      c.name,
      cpu,
      humanSize(mem),
      humanSize(8_192 + (seed % 40) * 4096),
      String(8 + (seed % 20)),
    ];
  });
  return out(tabwrite([["CONTAINER", "NAME", "CPU %", "MEM", "DISK", "INODES"], ...rows], CRICTL_TABWRITER));
}
