/**
 * `top -bn1` as procps-ng 3.3.17 prints a batch frame (top/top.c): the uptime line, Tasks,
 * %Cpu(s), `MiB Mem :`/`MiB Swap:` summary, then the task table (PID USER PR NI VIRT RES SHR
 * S %CPU %MEM TIME+ COMMAND) sorted by %CPU. One frame only: the terminal cannot run top's
 * full-screen mode, so `top` alone prints the same frame. Figures come from the node's
 * process, memory and load models (/proc reads the same).
 */
import { userOf } from "../../node/users";
import { procEntries } from "../../procfs";
import { type Command, fail, ok } from "../types";
import { busyShare, uptimeLine } from "../uptime";

const f1 = (n: number, w: number) => n.toFixed(1).padStart(w);

/** TIME+: minutes:seconds.hundredths of CPU time. */
function timePlus(cs: number): string {
  const min = Math.floor(cs / 6000);
  const sec = Math.floor((cs % 6000) / 100);
  return `${min}:${String(sec).padStart(2, "0")}.${String(Math.floor(cs % 100)).padStart(2, "0")}`;
}

export const top: Command = (args, _io, world) => {
  for (const arg of args) {
    if (!/^-[bn0-9]+$/.test(arg) && !/^\d+$/.test(arg)) {
      const c = arg.replace(/^-+/, "").slice(0, 1);
      return fail(
        `top: unknown option '${c}'\nUsage:\n  top -hv | -bcEeHiOSs1 -d secs -n max -u|U user -p pid(s) -o field -w [cols]\n`,
      );
    }
  }
  const now = world.clock.now();
  const units = new Map(
    world.systemd
      .loadedUnits()
      .filter((u) => u.mainPid !== undefined)
      .map((u) => [u.mainPid as number, u.cpuShare]),
  );
  const ownPid = world.procs.allocatePid();
  const entries = procEntries(world);
  const mem = world.memory();
  const rows = [
    ...entries.map((p) => {
      const share = units.get(p.pid) ?? (p.contained ? (p.threads > 1 ? 0.002 : 0) : p.threads > 1 ? 0.0005 : 0);
      return { p, cpu: share * 100, cs: Math.floor(((now - p.startedAt) * share) / 10), state: "S" };
    }),
    {
      p: {
        ...(entries[entries.length - 1] as (typeof entries)[number]),
        pid: ownPid,
        ppid: 4121,
        comm: "top",
        rssK: 4_212,
        vszK: 10_580,
        threads: 1,
      },
      cpu: 0,
      cs: 0,
      state: "R",
    },
  ].sort((a, b) => b.cpu - a.cpu || a.p.pid - b.p.pid);
  const cache = mem.cachedK + mem.sReclaimableK;
  const used = mem.totalK - mem.freeK - mem.buffersK - cache;
  const busy = busyShare(world);
  const us = Math.round(busy * 50 * 10) / 10;
  const sy = Math.round(busy * 30 * 10) / 10;
  const mib = (k: number) => k / 1024;
  const lines = [
    `top -${uptimeLine(world).slice(0)}`,
    `Tasks: ${String(rows.length).padStart(3)} total,   1 running, ${String(rows.length - 1).padStart(3)} sleeping,   0 stopped,   0 zombie`,
    `%Cpu(s): ${f1(us, 4)} us, ${f1(sy, 4)} sy, ${f1(0, 4)} ni, ${f1(100 - us - sy, 4)} id, ${f1(0, 4)} wa, ${f1(0, 4)} hi, ${f1(0, 4)} si, ${f1(0, 4)} st`,
    `MiB Mem : ${f1(mib(mem.totalK), 8)} total, ${f1(mib(mem.freeK), 8)} free, ${f1(mib(used), 8)} used, ${f1(mib(mem.buffersK + cache), 8)} buff/cache`,
    `MiB Swap: ${f1(0, 8)} total, ${f1(0, 8)} free, ${f1(0, 8)} used. ${f1(mib(mem.availableK), 8)} avail Mem `,
    "",
    "    PID USER      PR  NI    VIRT    RES    SHR S  %CPU  %MEM     TIME+ COMMAND",
    ...rows.map(({ p, cpu, cs, state }) => {
      const name = userOf(p.uid);
      const user = name.length > 8 ? `${name.slice(0, 7)}+` : name;
      const shr = Math.floor(p.rssK * 0.58);
      return `${String(p.pid).padStart(7)} ${user.padEnd(8).slice(0, 8)}  20   0 ${String(p.vszK).padStart(7)} ${String(p.rssK).padStart(6)} ${String(shr).padStart(6)} ${state} ${f1(cpu, 5)} ${f1((p.rssK * 100) / mem.totalK, 5)} ${timePlus(cs).padStart(9)} ${p.comm}`;
    }),
  ];
  return ok(`${lines.join("\n")}\n\n`);
};
