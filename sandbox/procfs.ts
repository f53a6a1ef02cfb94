/**
 * Wires the kernel's generated filesystems to the node's live state: /proc from the process
 * table, systemd's units, the memory and load models and the mount table. Read on demand,
 * so `cat /proc/<pid>/status` is always current; and /sys/fs/cgroup's cgroup v2 tree from the
 * same processes, with the limits the kubelet and containerd set from the pods' resources.
 */
import type { SimClock } from "./clock";
import { quantityOrZero } from "./cluster/quantity";
import type { ObjectStore } from "./cluster/store";
import type { Pod } from "./cluster/types";
import { type CgroupInfo, cgroupTree } from "./node/cgroupfs";
import type { NodeFs } from "./node/fs";
import { loadAverage } from "./node/loadavg";
import { hostProcess, type MemInfo, residentK } from "./node/memory";
import { type MountTable, procMounts } from "./node/mounts";
import { comm, type NetFiles, type ProcEntry, type ProcSnapshot, procTree } from "./node/proc";
import type { ProcessTable } from "./node/processes";
import type { Systemd } from "./node/systemd/manager";
import { uidOf } from "./node/users";
import { capabilityMask } from "./runtime/capabilities";
import { KERNEL_VERSION_STRING } from "./scenarios/node/identity";

/** What /proc reads: the World's parts (an interface, so world.ts can mount it without a cycle). */
export interface ProcHost {
  clock: SimClock;
  fs: NodeFs;
  procs: ProcessTable;
  systemd: Systemd;
  containerd: { containers: Map<string, { pid?: number; capabilities: string[] }>; generation: number };
  mounts: MountTable;
  bootTime: number;
  sessionStart: number;
  memory(): MemInfo;
}

/** The learner's login shell (bash-shell.ts runs it as 4121 under 4120, as `ps` shows). */
const SHELL_PID = 4121;
const SHELL_PPID = 4120;
const SESSION_CGROUP = "/user.slice/user-1000.slice/session-1.scope";

export function procEntries(world: ProcHost): ProcEntry[] {
  const units = new Map(
    world.systemd
      .loadedUnits()
      .filter((u) => u.mainPid !== undefined)
      .map((u) => [u.mainPid as number, u.program]),
  );
  const entry = (
    pid: number,
    ppid: number,
    argv: string[],
    user: string,
    cgroup: string,
    startedAt: number,
    rssK: number,
    threads: number,
    exe?: string,
  ): ProcEntry => {
    const host = hostProcess({ argv, cgroup, ...(exe ? { exe } : {}) });
    const jitter = (pid * 7919) % 1024;
    return {
      pid,
      ppid,
      argv,
      comm: comm(argv, exe),
      uid: uidOf(user),
      cgroup,
      rssK,
      // Host daemons: the size ps shows too; Go daemons' heaps otherwise.
      vszK: host
        ? host.vszK + (host.vszK > 100_000 ? jitter * 4 : 0)
        : threads > 1
          ? 1_240_000 + jitter * 4
          : rssK * 2 + 2_048,
      threads,
      contained: cgroup.startsWith("/kubepods"),
      startedAt,
    };
  };
  // A container's process runs with the capabilities of its securityContext.
  const caps = new Map<number, string>();
  for (const c of world.containerd.containers.values()) {
    if (c.pid !== undefined) caps.set(c.pid, capabilityMask(c.capabilities));
  }
  const table = world.procs.all().map((p) => {
    const program = units.get(p.pid);
    const threads =
      program?.tasks ??
      hostProcess(p)?.threads ??
      (p.argv[0] === "/pause" ? 1 : p.argv[0]?.startsWith("/usr/bin/containerd-shim") ? 12 : 9);
    const rss = residentK(p, program?.memoryBytes);
    const e = entry(p.pid, p.ppid, p.argv, p.user, p.cgroup, p.startedAt, rss, threads, p.exe);
    const mask = caps.get(p.pid);
    return mask ? { ...e, caps: mask } : e;
  });
  return [
    entry(1, 0, ["/sbin/init"], "root", "/init.scope", world.bootTime, 12_936, 1),
    ...table,
    entry(SHELL_PID, SHELL_PPID, ["-bash"], "root", SESSION_CGROUP, world.sessionStart, 5_236, 1),
  ];
}

export function procSnapshot(world: ProcHost): ProcSnapshot {
  const busy = world.systemd
    .loadedUnits()
    .filter((u) => u.mainPid !== undefined)
    .reduce((sum, u) => sum + (u.cpuShare ?? 0), 0);
  return {
    processes: procEntries(world),
    uptimeMs: world.clock.now() - world.bootTime,
    bootTime: world.bootTime,
    memory: world.memory(),
    load: loadAverage(world.clock.now(), world.bootTime, busy),
    mounts: procMounts(world.mounts.all()),
    version: KERNEL_VERSION_STRING,
    selfPid: SHELL_PID,
  };
}

/**
 * A snapshot function that renders once per state of the node: `find /proc` or a glob over
 * every process's status stats and reads hundreds of paths within one command, and each used
 * to rebuild the whole snapshot (mounts, memory, every process). The key moves with the clock
 * and with every process, file, runtime and API change, so a read never sees stale state.
 */
function perState<T>(world: ProcHost & { store?: { revision(): number } }, render: () => T): () => T {
  let cached: { key: string; value: T } | undefined;
  return () => {
    const key = `${world.clock.now()}|${world.procs.generation}|${world.fs.generation}|${world.containerd.generation}|${world.store?.revision() ?? 0}`;
    if (cached?.key !== key) cached = { key, value: render() };
    return cached.value;
  };
}

export function mountProcfs(world: ProcHost, netFiles?: NetFiles): void {
  world.fs.mountGenerated(
    "/proc",
    procTree(
      perState(world, () => procSnapshot(world)),
      netFiles,
    ),
  );
}

/** What /sys/fs/cgroup needs beyond /proc's inputs: the containers and their pods' resources. */
export interface CgroupHost extends ProcHost {
  containerd: {
    containers: Map<string, { labels: Record<string, string>; pid?: number; capabilities: string[] }>;
    generation: number;
  };
  store: ObjectStore;
}

/** `100m` -> 100, `1` -> 1000; `128Mi` -> bytes (cluster/quantity.ts reads them). */
const milli = (q?: string) => quantityOrZero("cpu", q);
const bytes = (q?: string) => quantityOrZero("memory", q);
/** cgroup v1 shares to v2 weight, as runc converts them (ConvertCPUSharesToCgroupV2Value). */
const weight = (shares: number) => (shares === 0 ? 100 : 1 + Math.floor(((shares - 2) * 9999) / 262142));
const sharesOf = (m: number) => Math.max(2, Math.floor((m * 1024) / 1000));

export function cgroupSnapshot(
  world: CgroupHost,
  memTotalK: number,
  kubeReservedK: number,
  allocatableCpuMilli: number,
) {
  const entries = procEntries(world);
  const all = new Map<string, CgroupInfo>();
  const ensure = (path: string): CgroupInfo => {
    let cg = all.get(path);
    if (!cg) {
      cg = {
        path,
        procs: [],
        memoryMax: "max",
        memoryCurrent: 0,
        cpuMax: "max 100000",
        cpuWeight: 100,
        pidsCurrent: 0,
      };
      all.set(path, cg);
    }
    return cg;
  };
  ensure("");
  for (const fixed of [
    "/init.scope",
    "/system.slice",
    "/user.slice",
    "/kubepods.slice",
    "/kubepods.slice/kubepods-burstable.slice",
    "/kubepods.slice/kubepods-besteffort.slice",
  ])
    ensure(fixed);
  for (const p of entries) {
    const parts = p.cgroup.split("/").filter(Boolean);
    for (let i = 1; i <= parts.length; i++) {
      const cg = ensure(`/${parts.slice(0, i).join("/")}`);
      cg.memoryCurrent += p.rssK * 1024;
      cg.pidsCurrent += p.threads;
    }
    ensure(p.cgroup).procs.push(p.pid);
    const root = all.get("") as CgroupInfo;
    root.memoryCurrent += p.rssK * 1024;
  }
  // Limits the kubelet (pod and QoS cgroups) and containerd (container scopes) write.
  const kubepods = all.get("/kubepods.slice") as CgroupInfo;
  kubepods.memoryMax = (memTotalK - kubeReservedK) * 1024;
  kubepods.cpuWeight = weight(sharesOf(allocatableCpuMilli));
  (all.get("/kubepods.slice/kubepods-besteffort.slice") as CgroupInfo).cpuWeight = 1;
  const pods = new Map(world.store.list<Pod>("pods").map((p) => [p.metadata.uid.replace(/-/g, "_"), p]));
  let burstableShares = 0;
  for (const cg of all.values()) {
    const pod = /-pod([0-9a-f_]{36})\.slice$/.exec(cg.path);
    const spec = pod ? pods.get(pod[1] as string) : undefined;
    if (pod && spec) {
      const cs = spec.spec.containers;
      const req = cs.reduce((n, c) => n + milli(c.resources?.requests?.cpu), 0);
      cg.cpuWeight = weight(sharesOf(req));
      if (cg.path.includes("kubepods-burstable-")) burstableShares += sharesOf(req);
      if (cs.every((c) => c.resources?.limits?.memory))
        cg.memoryMax = cs.reduce((n, c) => n + bytes(c.resources?.limits?.memory), 0);
      if (cs.every((c) => c.resources?.limits?.cpu))
        cg.cpuMax = `${cs.reduce((n, c) => n + milli(c.resources?.limits?.cpu) * 100, 0)} 100000`;
    }
    const scope = /\/cri-containerd-([0-9a-f]{64})\.scope$/.exec(cg.path);
    const record = scope ? world.containerd.containers.get(scope[1] as string) : undefined;
    if (scope && record) {
      const podSpec = pods.get((record.labels["io.kubernetes.pod.uid"] ?? "").replace(/-/g, "_"));
      const c = podSpec?.spec.containers.find((x) => x.name === record.labels["io.kubernetes.container.name"]);
      const limits = c?.resources?.limits;
      cg.cpuWeight = weight(sharesOf(milli(c?.resources?.requests?.cpu)));
      if (limits?.memory) cg.memoryMax = bytes(limits.memory);
      if (limits?.cpu) cg.cpuMax = `${milli(limits.cpu) * 100} 100000`;
    } else if (scope) {
      cg.cpuWeight = 1; // the pause container: shares 2
    }
  }
  (all.get("/kubepods.slice/kubepods-burstable.slice") as CgroupInfo).cpuWeight = weight(Math.max(2, burstableShares));
  return all;
}

export function mountCgroupfs(
  world: CgroupHost,
  memTotalK: number,
  kubeReservedK: number,
  allocatableCpuMilli: number,
): void {
  world.fs.mountGenerated(
    "/sys/fs/cgroup",
    cgroupTree(perState(world, () => cgroupSnapshot(world, memTotalK, kubeReservedK, allocatableCpuMilli))),
  );
}
