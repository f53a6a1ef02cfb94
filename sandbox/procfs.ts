/**
 * Wires the kernel's generated filesystems to the node's live state: /proc from the process
 * table, systemd's units, the memory and load models and the mount table. Read on demand,
 * so `cat /proc/<pid>/status` is always current. (/sys/fs/cgroup: see cgroupfs.ts.)
 */
import type { SimClock } from "./clock";
import type { NodeFs } from "./node/fs";
import { loadAverage } from "./node/loadavg";
import { type MemInfo, residentK } from "./node/memory";
import { type MountTable, procMounts } from "./node/mounts";
import { comm, type ProcEntry, type ProcSnapshot, procTree } from "./node/proc";
import type { ProcessTable } from "./node/processes";
import type { Systemd } from "./node/systemd/manager";
import { KERNEL_VERSION_STRING } from "./scenarios/node/identity";

/** What /proc reads: the World's parts (an interface, so world.ts can mount it without a cycle). */
export interface ProcHost {
  clock: SimClock;
  fs: NodeFs;
  procs: ProcessTable;
  systemd: Systemd;
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
  ): ProcEntry => ({
    pid,
    ppid,
    argv,
    comm: comm(argv),
    uid: user === "root" ? 0 : Number(user),
    cgroup,
    rssK,
    vszK: threads > 1 ? 1_240_000 + ((pid * 7919) % 1024) * 4 : rssK * 2 + 2_048,
    threads,
    contained: cgroup.startsWith("/kubepods"),
    startedAt,
  });
  const table = world.procs.all().map((p) => {
    const program = units.get(p.pid);
    const threads =
      program?.tasks ?? (p.argv[0] === "/pause" ? 1 : p.argv[0]?.startsWith("/usr/bin/containerd-shim") ? 12 : 9);
    return entry(p.pid, p.ppid, p.argv, p.user, p.cgroup, p.startedAt, residentK(p, program?.memoryBytes), threads);
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

export function mountProcfs(world: ProcHost): void {
  world.fs.mountGenerated(
    "/proc",
    procTree(() => procSnapshot(world)),
  );
}
