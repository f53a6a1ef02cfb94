/**
 * The kernel's memory-cgroup OOM kill, as Linux 5.15 logs it to the journal (`journalctl -k`):
 * mm/oom_kill.c dump_header() ("invoked oom-killer"), mm/memcontrol.c
 * mem_cgroup_print_oom_meminfo() (cgroup v2: memory/swap usage), dump_oom_summary() with
 * mem_cgroup_print_oom_context() (the `oom-kill:` line), __oom_kill_process() ("Killed process"),
 * then the oom_reaper. The stack dump and the per-cgroup memory.stat dump are left out.
 */
import type { Journal } from "../node/journal";

export interface OomVictim {
  pid: number;
  /** task->comm: the executable's base name, at most 15 characters. */
  comm: string;
  /** The container's cgroup: its memory.max is the limit that was hit. */
  cgroup: string;
  limitBytes: number;
  oomScoreAdj: number;
}

export function killMemcgOom(journal: Journal, v: OomVictim): void {
  const comm = v.comm.slice(0, 15);
  const limitKb = Math.floor(v.limitBytes / 1024);
  const fileRss = 1_536 + (v.pid % 7) * 128;
  const anonRss = limitKb - fileRss - 412;
  const totalVm = anonRss + 74_112 + (v.pid % 13) * 4;
  const pgtables = Math.ceil(totalVm / 512 / 4) * 4;
  const scope = v.cgroup.split("/").pop() ?? v.cgroup;
  const kernel = (message: string, priority: number) =>
    journal.append({ identifier: "kernel", pid: 0, message, priority });
  kernel(`${comm} invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=${v.oomScoreAdj}`, 4);
  kernel(`memory: usage ${limitKb}kB, limit ${limitKb}kB, failcnt ${37 + (v.pid % 50)}`, 6);
  kernel("swap: usage 0kB, limit 0kB, failcnt 0", 6);
  kernel(
    `oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=${scope},mems_allowed=0,oom_memcg=${v.cgroup},task_memcg=${v.cgroup},task=${comm},pid=${v.pid},uid=0`,
    6,
  );
  kernel(
    `Memory cgroup out of memory: Killed process ${v.pid} (${comm}) total-vm:${totalVm}kB, anon-rss:${anonRss}kB, file-rss:${fileRss}kB, shmem-rss:0kB, UID:0 pgtables:${pgtables}kB oom_score_adj:${v.oomScoreAdj}`,
    3,
  );
  kernel(`oom_reaper: reaped process ${v.pid} (${comm}), now anon-rss:0kB, file-rss:0kB, shmem-rss:0kB`, 6);
}
