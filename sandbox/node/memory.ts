/**
 * The node's memory as the kernel accounts it (/proc/meminfo), modelled: what processes hold
 * (the units' own figures, typical sizes for shims, pause and container processes) plus the
 * kernel's share and a page cache that grows with the files on disk. `free`, `top`,
 * /proc/meminfo and the kubelet's memory.available all come from here, so they agree.
 */
import type { ProcessInfo } from "./processes";

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
  return 6_000 + jitter;
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
