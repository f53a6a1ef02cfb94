/**
 * /sys/fs/cgroup as cgroup v2 shows it (kernel/cgroup, mm/memcontrol.c, kernel/sched):
 * a directory per cgroup that has processes or descendants with processes, each with
 * cgroup.procs, memory.current/max, cpu.max/weight, pids.current/max. The limits are what
 * the kubelet and containerd wrote (pod and container resources, node allocatable on
 * kubepods.slice); usage is the sum of the member processes' resident memory.
 */
import type { GeneratedTree } from "./fs";

export interface CgroupInfo {
  /** `/system.slice/kubelet.service`; "" is the root. */
  path: string;
  procs: number[];
  /** Bytes or "max". */
  memoryMax: number | "max";
  memoryCurrent: number;
  /** `max 100000` or `<quota> 100000`. */
  cpuMax: string;
  cpuWeight: number;
  pidsCurrent: number;
}

const CONTROLLERS = "cpuset cpu io memory hugetlb pids rdma misc";

export function cgroupTree(snapshot: () => Map<string, CgroupInfo>): GeneratedTree {
  const dirOf = (rel: string) => (rel === "" ? "" : `/${rel}`);
  const children = (all: Map<string, CgroupInfo>, path: string) => {
    const prefix = path === "" ? "/" : `${path}/`;
    return [...all.keys()]
      .filter((k) => k.startsWith(prefix) && k !== path && !k.slice(prefix.length).includes("/"))
      .map((k) => k.slice(prefix.length));
  };
  const filesOf = (path: string) =>
    path === ""
      ? ["cgroup.controllers", "cgroup.procs", "cgroup.subtree_control", "memory.stat"]
      : [
          "cgroup.controllers",
          "cgroup.events",
          "cgroup.procs",
          "cgroup.subtree_control",
          "cgroup.type",
          "cpu.max",
          "cpu.weight",
          "memory.current",
          "memory.high",
          "memory.max",
          "memory.min",
          "pids.current",
          "pids.max",
        ];
  return {
    list(rel) {
      const all = snapshot();
      const path = dirOf(rel);
      if (!all.has(path)) return undefined;
      return [...filesOf(path), ...children(all, path)];
    },
    read(rel) {
      const all = snapshot();
      const at = rel.lastIndexOf("/");
      const path = at < 0 ? "" : `/${rel.slice(0, at)}`;
      const file = rel.slice(at + 1);
      const cg = all.get(path);
      if (!cg || !filesOf(path).includes(file)) return undefined;
      const leaf = children(all, path).length === 0;
      switch (file) {
        case "cgroup.controllers":
          return `${CONTROLLERS}\n`;
        case "cgroup.subtree_control":
          return leaf ? "\n" : `${CONTROLLERS}\n`;
        case "cgroup.procs":
          return cg.procs.map((p) => `${p}\n`).join("");
        case "cgroup.events":
          return `populated ${cg.pidsCurrent > 0 ? 1 : 0}\nfrozen 0\n`;
        case "cgroup.type":
          return "domain\n";
        case "cpu.max":
          return `${cg.cpuMax}\n`;
        case "cpu.weight":
          return `${cg.cpuWeight}\n`;
        case "memory.current":
          return `${cg.memoryCurrent}\n`;
        case "memory.max":
          return `${cg.memoryMax}\n`;
        case "memory.high":
          return "max\n";
        case "memory.min":
          return "0\n";
        case "pids.current":
          return `${cg.pidsCurrent}\n`;
        case "pids.max":
          return "max\n";
        case "memory.stat":
          return `anon ${cg.memoryCurrent}\nfile 0\n`;
        default:
          return undefined;
      }
    },
  };
}
