/**
 * /proc as the kernel (5.15) generates it, rendered from a snapshot of live state on every
 * read: per process cmdline (NUL-separated), comm, status, cgroup and stat; and the node-wide
 * uptime, loadavg, meminfo, mounts, cpuinfo. Formats follow fs/proc/*.c (array.c
 * proc_pid_status, meminfo.c, loadavg.c, uptime.c).
 */
import type { GeneratedTree } from "./fs";
import type { LoadAverage } from "./loadavg";
import type { MemInfo } from "./memory";

export interface ProcEntry {
  pid: number;
  ppid: number;
  argv: string[];
  comm: string;
  uid: number;
  cgroup: string;
  rssK: number;
  vszK: number;
  threads: number;
  /** In a container: containerd's default capability set and the RuntimeDefault seccomp profile. */
  contained: boolean;
  /** The capability mask (16 hex digits) when the owner knows it, e.g. a container's securityContext. */
  caps?: string;
  startedAt: number;
}

export interface ProcSnapshot {
  processes: ProcEntry[];
  uptimeMs: number;
  bootTime: number;
  memory: MemInfo;
  load: LoadAverage;
  mounts: string;
  /** /proc/version's line (the running kernel's build string). */
  version: string;
  /** Whose /proc/self: the reading process, the learner's shell here. */
  selfPid: number;
}

const ALL_CAPS = "000001ffffffffff";
/** containerd's default set (oci/spec.go defaultUnixCaps): CHOWN ... AUDIT_WRITE, SETFCAP. */
const CONTAINER_CAPS = "00000000a80425fb";

export { comm } from "./comm";

const kb = (n: number) => `${String(n).padStart(8)} kB`;

function status(p: ProcEntry): string {
  const caps = p.caps ?? (p.contained ? CONTAINER_CAPS : ALL_CAPS);
  const ids = `${p.uid}\t${p.uid}\t${p.uid}\t${p.uid}`;
  const lines: [string, string][] = [
    ["Name", p.comm],
    ["Umask", "0022"],
    ["State", "S (sleeping)"],
    ["Tgid", String(p.pid)],
    ["Ngid", "0"],
    ["Pid", String(p.pid)],
    ["PPid", String(p.ppid)],
    ["TracerPid", "0"],
    ["Uid", ids],
    ["Gid", ids],
    ["FDSize", p.threads > 1 ? "256" : "64"],
    ["Groups", p.uid === 0 ? " " : ""],
    ["NStgid", String(p.pid)],
    ["NSpid", String(p.pid)],
    ["NSpgid", String(p.pid)],
    ["NSsid", String(p.pid)],
    ["VmPeak", kb(p.vszK + 4_096)],
    ["VmSize", kb(p.vszK)],
    ["VmLck", kb(0)],
    ["VmPin", kb(0)],
    ["VmHWM", kb(p.rssK + Math.floor(p.rssK / 16))],
    ["VmRSS", kb(p.rssK)],
    ["RssAnon", kb(Math.floor(p.rssK * 0.62))],
    ["RssFile", kb(p.rssK - Math.floor(p.rssK * 0.62))],
    ["RssShmem", kb(0)],
    ["VmData", kb(Math.floor(p.vszK / 6))],
    ["VmStk", kb(132)],
    ["VmExe", kb(Math.min(p.vszK, 38_412))],
    ["VmLib", kb(p.threads > 1 ? 4 : 1_984)],
    ["VmPTE", kb(Math.max(44, Math.floor(p.rssK / 180)))],
    ["VmSwap", kb(0)],
    ["HugetlbPages", kb(0)],
    ["CoreDumping", "0"],
    ["THP_enabled", "1"],
    ["Threads", String(p.threads)],
    ["SigQ", "0/31615"],
    ["SigPnd", "0000000000000000"],
    ["ShdPnd", "0000000000000000"],
    ["SigBlk", "0000000000000000"],
    ["SigIgn", "0000000000000000"],
    ["SigCgt", p.threads > 1 ? "fffffffd7fc1feff" : "0000000000014002"],
    ["CapInh", "0000000000000000"],
    ["CapPrm", p.uid === 0 ? caps : "0000000000000000"],
    ["CapEff", p.uid === 0 ? caps : "0000000000000000"],
    ["CapBnd", caps],
    ["CapAmb", "0000000000000000"],
    ["NoNewPrivs", "0"],
    ["Seccomp", p.contained ? "2" : "0"],
    ["Seccomp_filters", p.contained ? "1" : "0"],
    ["Speculation_Store_Bypass", "thread vulnerable"],
    ["SpeculationIndirectBranch", "conditional enabled"],
    ["Cpus_allowed", "3"],
    ["Cpus_allowed_list", "0-1"],
    ["Mems_allowed", `${"00000000,".repeat(31)}00000001`],
    ["Mems_allowed_list", "0"],
    ["voluntary_ctxt_switches", String(1_000 + ((p.pid * 7919) % 90_000))],
    ["nonvoluntary_ctxt_switches", String((p.pid * 131) % 900)],
  ];
  return lines.map(([k, v]) => `${k}:\t${v}\n`).join("");
}

/** /proc/meminfo (fs/proc/meminfo.c): names padded to 16, values to 8, in kB. */
function meminfo(m: MemInfo): string {
  const active = Math.floor(m.anonK * 0.2) + Math.floor(m.cachedK * 0.55);
  const rows: [string, number | string][] = [
    ["MemTotal", m.totalK],
    ["MemFree", m.freeK],
    ["MemAvailable", m.availableK],
    ["Buffers", m.buffersK],
    ["Cached", m.cachedK],
    ["SwapCached", 0],
    ["Active", active],
    ["Inactive", m.anonK + m.cachedK + m.buffersK - active],
    ["Active(anon)", Math.floor(m.anonK * 0.2)],
    ["Inactive(anon)", m.anonK - Math.floor(m.anonK * 0.2)],
    ["Active(file)", Math.floor(m.cachedK * 0.55)],
    ["Inactive(file)", m.cachedK + m.buffersK - Math.floor(m.cachedK * 0.55)],
    ["Unevictable", 28_856],
    ["Mlocked", 27_588],
    ["SwapTotal", m.swapTotalK],
    ["SwapFree", m.swapFreeK],
    ["Dirty", 412],
    ["Writeback", 0],
    ["AnonPages", m.anonK],
    ["Mapped", Math.floor(m.cachedK / 3)],
    ["Shmem", m.shmemK],
    ["KReclaimable", m.sReclaimableK],
    ["Slab", m.sReclaimableK + m.sUnreclaimK],
    ["SReclaimable", m.sReclaimableK],
    ["SUnreclaim", m.sUnreclaimK],
    ["KernelStack", m.kernelStackK],
    ["PageTables", m.pageTablesK],
    ["NFS_Unstable", 0],
    ["Bounce", 0],
    ["WritebackTmp", 0],
    ["CommitLimit", Math.floor(m.totalK / 2)],
    ["Committed_AS", m.anonK * 3],
    ["VmallocTotal", 34_359_738_367],
    ["VmallocUsed", 29_428],
    ["VmallocChunk", 0],
    ["Percpu", 2_368],
    ["HardwareCorrupted", 0],
    ["AnonHugePages", 0],
    ["ShmemHugePages", 0],
    ["ShmemPmdMapped", 0],
    ["FileHugePages", 0],
    ["FilePmdMapped", 0],
    ["HugePages_Total", "0"],
    ["HugePages_Free", "0"],
    ["HugePages_Rsvd", "0"],
    ["HugePages_Surp", "0"],
    ["Hugepagesize", 2_048],
    ["Hugetlb", 0],
    ["DirectMap4k", 180_160],
    ["DirectMap2M", 8_208_384],
    ["DirectMap1G", 2_097_152],
  ];
  return rows
    .map(([k, v]) => `${`${k}:`.padEnd(16)}${typeof v === "string" ? v.padStart(8) : `${String(v).padStart(8)} kB`}\n`)
    .join("");
}

const CPUINFO_PROCESSOR = (n: number) =>
  [
    `processor\t: ${n}`,
    "vendor_id\t: AuthenticAMD",
    "cpu family\t: 25",
    "model\t\t: 1",
    "model name\t: AMD EPYC 7763 64-Core Processor",
    "stepping\t: 1",
    "microcode\t: 0xffffffff",
    "cpu MHz\t\t: 2445.437",
    "cache size\t: 512 KB",
    "physical id\t: 0",
    "siblings\t: 2",
    `core id\t\t: ${n}`,
    "cpu cores\t: 2",
    `apicid\t\t: ${n}`,
    `initial apicid\t: ${n}`,
    "fpu\t\t: yes",
    "fpu_exception\t: yes",
    "cpuid level\t: 13",
    "wp\t\t: yes",
    "bogomips\t: 4890.87",
    "TLB size\t: 2560 4K pages",
    "clflush size\t: 64",
    "cache_alignment\t: 64",
    "address sizes\t: 48 bits physical, 48 bits virtual",
    "power management:",
    "",
    "",
  ].join("\n");

/**
 * A process's /proc/PID/net: the files of its network namespace by name, rendered on read.
 * Kept out of the snapshot, which is cached per process/file state: routes and sockets change
 * without either moving.
 */
export type NetFiles = (pid: number) => Record<string, () => string>;

/** The generated /proc, asking `snapshot` for live state on every read. */
export function procTree(snapshot: () => ProcSnapshot, netFiles?: NetFiles): GeneratedTree {
  const find = (pid: string) => snapshot().processes.find((p) => String(p.pid) === pid);
  const perPid = ["cgroup", "cmdline", "comm", ...(netFiles ? ["net"] : []), "stat", "status"];
  const files = ["cmdline", "cpuinfo", "loadavg", "meminfo", "mounts", ...(netFiles ? ["net"] : [])];
  files.push("self", "uptime", "version");
  // /proc/net is a link to self/net; /proc/self is the reading process (the learner's shell).
  const withPid = (path: string) => {
    const selfPid = snapshot().selfPid;
    return path.replace(/^self(\/|$)/, `${selfPid}$1`).replace(/^net(\/|$)/, `${selfPid}/net$1`);
  };
  return {
    list(path) {
      if (path === "") return [...snapshot().processes.map((p) => String(p.pid)), ...files];
      const rel = withPid(path);
      if (/^\d+$/.test(rel) && find(rel)) return perPid;
      const net = /^(\d+)\/net$/.exec(rel);
      if (net && netFiles && find(net[1] as string)) return Object.keys(netFiles(Number(net[1]))).sort();
      return undefined;
    },
    read(path) {
      const s = snapshot();
      const rel = withPid(path);
      const net = /^(\d+)\/net\/([a-z_0-9]+)$/.exec(rel);
      if (net) {
        if (!netFiles || !find(net[1] as string)) return undefined;
        return netFiles(Number(net[1]))[net[2] as string]?.();
      }
      const m = /^(\d+)\/([a-z]+)$/.exec(rel);
      if (m) {
        const p = s.processes.find((x) => String(x.pid) === m[1]);
        if (!p) return undefined;
        switch (m[2]) {
          case "cmdline":
            return p.argv.map((a) => `${a}\0`).join("");
          case "comm":
            return `${p.comm}\n`;
          case "cgroup":
            return `0::${p.cgroup}\n`;
          case "status":
            return status(p);
          case "stat": {
            const ticks = Math.floor((p.startedAt - s.bootTime) / 10);
            return `${p.pid} (${p.comm}) S ${p.ppid} ${p.pid} ${p.pid} 0 -1 4194560 1024 0 0 0 12 7 0 0 20 0 ${p.threads} 0 ${ticks} ${p.vszK * 1024} ${Math.floor(p.rssK / 4)} 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 0 0 0 0 0 0 0 0 0 0 0 0 0 0\n`;
          }
          default:
            return undefined;
        }
      }
      switch (rel) {
        case "uptime": {
          const up = s.uptimeMs / 1000;
          return `${up.toFixed(2)} ${(up * 1.94).toFixed(2)}\n`;
        }
        case "loadavg": {
          const last = Math.max(...s.processes.map((p) => p.pid));
          const threads = s.processes.reduce((n, p) => n + p.threads, 0);
          return `${s.load.one.toFixed(2)} ${s.load.five.toFixed(2)} ${s.load.fifteen.toFixed(2)} 1/${threads} ${last}\n`;
        }
        case "meminfo":
          return meminfo(s.memory);
        case "mounts":
          return s.mounts;
        case "cmdline":
          return "BOOT_IMAGE=/boot/vmlinuz-5.15.0-1096-azure root=PARTUUID=4b0e9e4d-0b0a-4c2e-9d5e-1f3a7c2b8e61 ro console=tty1 console=ttyS0 earlyprintk=ttyS0 panic=-1\n";
        case "version":
          return `${s.version}\n`;
        case "cpuinfo":
          return CPUINFO_PROCESSOR(0) + CPUINFO_PROCESSOR(1);
        default:
          return undefined;
      }
    },
  };
}
