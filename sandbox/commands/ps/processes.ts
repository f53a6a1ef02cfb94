/**
 * What `ps` reads from /proc, rebuilt from the node's state: PID 1, the process table
 * (systemd's units, containerd's shims, pause and container processes), and the learner's
 * own session (bash and this ps). Memory and CPU figures are stable per process: the units'
 * from what their programs report to systemd (the same numbers `systemctl status` uses),
 * the rest from a table of typical sizes on a Standard_D2as_v4 node (plausible, unconfirmed).
 */

import { comm as commOf } from "../../node/comm";
import { hostProcess } from "../../node/memory";
import { uidOf } from "../../node/users";
import { MACHINE } from "../../scenarios/node/identity";
import type { World } from "../../world";

/** bash-shell.ts runs the learner's shell as PID 4121 under 4120 (`echo $$ $PPID` agrees). */
export const SHELL_PID = 4121;
const SHELL_PPID = 4120;
export const SESSION_TTY = "pts/0";
export const MEM_TOTAL_KB = MACHINE.memoryKi;
/** azureuser's SSH session, in which the learner became root (sudo -i). */
export const SESSION_CGROUP = "/user.slice/user-1000.slice/session-1.scope";
/**
 * The login chain between ssh.service's listener (688) and the learner's shell, which the
 * process table does not hold: sshd's privileged and user halves, azureuser's bash, sudo.
 */
export const LOGIN_CHAIN: { pid: number; comm: string; argv: string[] }[] = [
  { pid: 4102, comm: "sshd", argv: ["sshd: azureuser [priv]"] },
  { pid: 4116, comm: "sshd", argv: ["sshd: azureuser@pts/0"] },
  { pid: 4117, comm: "bash", argv: ["-bash"] },
  { pid: 4120, comm: "sudo", argv: ["sudo", "-i"] },
];

export interface PsProcess {
  pid: number;
  ppid: number;
  /** Login name, or the bare number when /etc/passwd has no entry (the pause processes' 65535). */
  user: string;
  uid: number;
  argv: string[];
  /** The kernel's 15-character command name. */
  comm: string;
  tty: string;
  stat: string;
  startedAt: number;
  cgroup: string;
  vszKb: number;
  rssKb: number;
  /** CPU time so far, in clock ticks (USER_HZ = 100). */
  ticks: number;
}

interface Usage {
  vszKb: number;
  rssKb: number;
  /** Average share of one core. */
  cpu: number;
  stat: string;
}

/** Typical sizes by command name; Go daemons are multithreaded session leaders (Ssl). */
const USAGE: Record<string, Usage> = {
  systemd: { vszKb: 167_548, rssKb: 12_936, cpu: 0.0004, stat: "Ss" },
  // The two units' RSS and CPU come from their programs (see nodeProcesses).
  containerd: { vszKb: 1_873_412, rssKb: 47_168, cpu: 0.012, stat: "Ssl" },
  kubelet: { vszKb: 2_016_804, rssKb: 70_117, cpu: 0.021, stat: "Ssl" },
  "containerd-shim": { vszKb: 1_238_364, rssKb: 11_872, cpu: 0.0003, stat: "Sl" },
  pause: { vszKb: 972, rssKb: 4, cpu: 0, stat: "Ss" },
  "kube-proxy": { vszKb: 1_290_112, rssKb: 38_420, cpu: 0.003, stat: "Ssl" },
  coredns: { vszKb: 1_285_504, rssKb: 42_108, cpu: 0.004, stat: "Ssl" },
  "ip-masq-agent": { vszKb: 1_240_700, rssKb: 21_344, cpu: 0.0005, stat: "Ssl" },
  "cloud-node-mana": { vszKb: 1_301_244, rssKb: 35_016, cpu: 0.002, stat: "Ssl" },
  livenessprobe: { vszKb: 1_235_068, rssKb: 14_560, cpu: 0.0003, stat: "Ssl" },
  "csi-node-driver": { vszKb: 1_236_112, rssKb: 15_204, cpu: 0.0002, stat: "Ssl" },
  azurediskplugin: { vszKb: 1_350_428, rssKb: 42_572, cpu: 0.002, stat: "Ssl" },
  azurefileplugin: { vszKb: 1_361_020, rssKb: 40_116, cpu: 0.002, stat: "Ssl" },
  "main.sh": { vszKb: 4_512, rssKb: 3_328, cpu: 0.0001, stat: "Ss" },
  "addon-token-ada": { vszKb: 1_250_356, rssKb: 18_040, cpu: 0.0005, stat: "Ssl" },
  "cluster-proport": { vszKb: 1_240_188, rssKb: 17_112, cpu: 0.0003, stat: "Ssl" },
  "proxy-agent": { vszKb: 1_260_804, rssKb: 23_460, cpu: 0.002, stat: "Ssl" },
  pod_nanny: { vszKb: 1_238_020, rssKb: 16_024, cpu: 0.0002, stat: "Ssl" },
  "metrics-server": { vszKb: 1_290_652, rssKb: 36_208, cpu: 0.005, stat: "Ssl" },
  bash: { vszKb: 8_204, rssKb: 5_236, cpu: 0, stat: "Ss" },
  ps: { vszKb: 10_072, rssKb: 3_440, cpu: 0, stat: "R+" },
};
const GO_DAEMON: Usage = { vszKb: 1_240_000, rssKb: 20_000, cpu: 0.001, stat: "Ssl" };

/** Every process on the node, by PID, as of now; `ps` itself gets a fresh PID. */
export function nodeProcesses(world: World, psArgv: string[]): PsProcess[] {
  const now = world.clock.now();
  const units = new Map(
    world.systemd
      .loadedUnits()
      .filter((rt) => rt.mainPid !== undefined)
      .map((rt) => [rt.mainPid as number, rt]),
  );
  const build = (
    pid: number,
    ppid: number,
    argv: string[],
    user: string,
    startedAt: number,
    cgroup: string,
    tty = "?",
    exe?: string,
  ): PsProcess => {
    const comm = commOf(argv, exe);
    // Host daemons share their sizes with the memory model (node/memory.ts HOST_PROCESSES).
    const host = hostProcess({ argv, cgroup, ...(exe ? { exe } : {}) });
    const base = host
      ? { vszKb: host.vszK, rssKb: host.rssK, cpu: host.cpu, stat: host.stat }
      : (USAGE[comm.startsWith("containerd-shim") ? "containerd-shim" : comm] ?? GO_DAEMON);
    const unit = units.get(pid);
    // Small per-process differences, stable for a given PID, so the shims do not all match.
    const jitter = (pid * 7919) % 1024;
    const rssKb = unit?.program?.memoryBytes
      ? Math.round(unit.program.memoryBytes / 1024)
      : base.rssKb + (base.rssKb > 1000 ? jitter : 0);
    const cpu = unit ? unit.cpuShare : base.cpu;
    return {
      pid,
      ppid,
      user,
      uid: uidOf(user),
      argv,
      comm,
      tty,
      stat: unit && !host ? "Ssl" : base.stat,
      startedAt,
      cgroup,
      vszKb: base.vszKb + (base.vszKb > 100_000 ? jitter * 4 : 0),
      rssKb,
      ticks: Math.floor(((now - startedAt) * cpu) / 10),
    };
  };

  const ownPid = world.procs.allocatePid();
  return [
    build(1, 0, ["/sbin/init"], "root", world.bootTime, "/init.scope"),
    ...world.procs.all().map((p) => build(p.pid, p.ppid, p.argv, p.user, p.startedAt, p.cgroup, "?", p.exe)),
    build(SHELL_PID, SHELL_PPID, ["-bash"], "root", world.sessionStart, SESSION_CGROUP, SESSION_TTY),
    // The process table's counter has not reached the shell's PID yet; the shell's children
    // must still come after it, so ps's PID is counted on from there.
    build(
      ownPid > SHELL_PID ? ownPid : SHELL_PID + ownPid,
      SHELL_PID,
      ["ps", ...psArgv],
      "root",
      now,
      SESSION_CGROUP,
      SESSION_TTY,
    ),
  ];
}
