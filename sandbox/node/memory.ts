/**
 * The node's memory as the kernel accounts it (/proc/meminfo), modelled: what processes hold
 * (the units' own figures, typical sizes for shims, pause and container processes) plus the
 * kernel's share and a page cache that grows with the files on disk. `free`, `top`,
 * /proc/meminfo and the kubelet's memory.available all come from here, so they agree.
 */
import { comm } from "./comm";
import type { ProcessInfo } from "./processes";

/** Typical size and shape of a host daemon on this node, by /proc/PID/comm. */
export interface HostProcess {
  rssK: number;
  vszK: number;
  threads: number;
  /** ps STAT: `Ss` session leader, `l` multithreaded, `L` pages locked (multipathd mlockall()s). */
  stat: string;
  /** Average share of one core. */
  cpu: number;
}

/**
 * The Ubuntu daemons of a Standard_D2as_v4 AKS node (plausible figures for these versions,
 * unconfirmed). `python3` is walinuxagent's extension handler; the agent's daemon and
 * networkd-dispatcher report their own size as unit main processes.
 */
export const HOST_PROCESSES: Record<string, HostProcess> = {
  "systemd-journal": { rssK: 31_488, vszK: 56_684, threads: 1, stat: "Ss", cpu: 0.0009 },
  multipathd: { rssK: 27_136, vszK: 280_140, threads: 7, stat: "SLsl", cpu: 0.0004 },
  "systemd-udevd": { rssK: 6_524, vszK: 24_332, threads: 1, stat: "Ss", cpu: 0.0002 },
  "systemd-network": { rssK: 8_344, vszK: 16_244, threads: 1, stat: "Ss", cpu: 0.0003 },
  "systemd-resolve": { rssK: 13_012, vszK: 25_388, threads: 1, stat: "Ss", cpu: 0.0002 },
  cron: { rssK: 2_860, vszK: 7_372, threads: 1, stat: "Ss", cpu: 0.00002 },
  "dbus-daemon": { rssK: 4_720, vszK: 8_700, threads: 1, stat: "Ss", cpu: 0.00005 },
  irqbalance: { rssK: 3_904, vszK: 82_772, threads: 2, stat: "Ssl", cpu: 0.0001 },
  "networkd-dispat": { rssK: 20_544, vszK: 32_740, threads: 1, stat: "Ss", cpu: 0.00002 },
  polkitd: { rssK: 7_604, vszK: 234_484, threads: 3, stat: "Ssl", cpu: 0.00002 },
  rsyslogd: { rssK: 5_204, vszK: 222_404, threads: 4, stat: "Ssl", cpu: 0.0001 },
  "systemd-logind": { rssK: 7_444, vszK: 15_364, threads: 1, stat: "Ss", cpu: 0.00005 },
  chronyd: { rssK: 3_480, vszK: 10_452, threads: 1, stat: "S", cpu: 0.00005 },
  sshd: { rssK: 7_980, vszK: 15_432, threads: 1, stat: "Ss", cpu: 0.00002 },
  python3: { rssK: 42_304, vszK: 315_872, threads: 9, stat: "Sl", cpu: 0.002 },
};

/** A host daemon's entry, for a process of the node (not a container's). */
export function hostProcess(p: { argv: string[]; exe?: string; cgroup: string }): HostProcess | undefined {
  return p.cgroup.startsWith("/kubepods") ? undefined : HOST_PROCESSES[comm(p.argv, p.exe)];
}

export interface MemInfo {
  totalK: number;
  freeK: number;
  availableK: number;
  buffersK: number;
  cachedK: number;
  sReclaimableK: number;
  sUnreclaimK: number;
  shmemK: number;
  anonK: number;
  kernelStackK: number;
  pageTablesK: number;
  swapTotalK: number;
  swapFreeK: number;
}

/** Resident size of one process by where it runs (plausible figures for these daemons; unconfirmed). */
export function residentK(p: ProcessInfo, unitMemoryBytes?: number): number {
  if (unitMemoryBytes !== undefined) return Math.round(unitMemoryBytes / 1024);
  const jitter = (p.pid * 7919) % 1024;
  if (p.argv[0] === "/pause") return 4;
  if (p.argv[0]?.startsWith("/usr/bin/containerd-shim")) return 11_872 + jitter;
  if (p.cgroup.startsWith("/kubepods")) return 24_000 + jitter * 8;
  const host = hostProcess(p);
  return host ? host.rssK + jitter : 6_000 + jitter;
}

/** `anonK`: what processes hold; `fileBytes`: bytes in files on disk (some of which stay cached). */
export function memInfo(totalK: number, anonK: number, fileBytes: number): MemInfo {
  const buffersK = 61_232;
  const cachedK = 1_318_724 + Math.min(Math.floor(fileBytes / 1024 / 8), 2_000_000);
  const sReclaimableK = 118_452;
  const sUnreclaimK = 41_096;
  const kernelStackK = 6_912;
  const pageTablesK = 9_640;
  const shmemK = 3_184;
  const used = anonK + buffersK + cachedK + sReclaimableK + sUnreclaimK + kernelStackK + pageTablesK + 96_000;
  const freeK = Math.max(0, totalK - used);
  // MemAvailable (si_mem_available): free minus the low watermarks, plus reclaimable cache and slab.
  const availableK = Math.max(
    0,
    freeK - 67_584 + Math.floor((cachedK + buffersK) * 0.92) + Math.floor(sReclaimableK / 2),
  );
  return {
    totalK,
    freeK,
    availableK,
    buffersK,
    cachedK,
    sReclaimableK,
    sUnreclaimK,
    shmemK,
    anonK,
    kernelStackK,
    pageTablesK,
    swapTotalK: 0,
    swapFreeK: 0,
  };
}
