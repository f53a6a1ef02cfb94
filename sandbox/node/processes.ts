/**
 * The node's process table: PIDs handed out in increasing order as on Linux, each process
 * with its command line and the cgroup (unit or container scope) it lives in. `ps` and
 * `systemctl status` read it.
 */
/** What a process does with a signal: its owner (systemd, containerd) decides; default: it dies. */
export type SignalHandler = (signal: string) => void;

export interface ProcessInfo {
  pid: number;
  ppid: number;
  argv: string[];
  /** cgroup path under /sys/fs/cgroup, e.g. `/system.slice/kubelet.service`. */
  cgroup: string;
  startedAt: number;
  user: string;
}

export class ProcessTable {
  private readonly procs = new Map<number, ProcessInfo>();
  private readonly handlers = new Map<number, SignalHandler>();
  constructor(
    private nextPid: number,
    private readonly now: () => number,
  ) {}

  spawn(
    argv: string[],
    cgroup: string,
    opts: { ppid?: number; user?: string; onSignal?: SignalHandler } = {},
  ): ProcessInfo {
    const info: ProcessInfo = {
      pid: this.nextPid++,
      ppid: opts.ppid ?? 1,
      argv,
      cgroup,
      startedAt: this.now(),
      user: opts.user ?? "root",
    };
    this.procs.set(info.pid, info);
    if (opts.onSignal) this.handlers.set(info.pid, opts.onSignal);
    return info;
  }

  /** Take a PID for a short-lived process (an ExecStartPre step) without keeping it. */
  allocatePid(): number {
    return this.nextPid++;
  }

  /** The process has exited: it leaves the table (its owner calls this). */
  exit(pid: number): void {
    this.procs.delete(pid);
    this.handlers.delete(pid);
  }

  /**
   * Deliver a signal, as kill(2) would. The process's owner reacts (systemd applies
   * Restart=, containerd records the container's exit status); an unowned process dies.
   * Returns false when there is no such process (`kill: (pid) - No such process`).
   */
  signal(pid: number, signal: string): boolean {
    if (!this.procs.has(pid)) return false;
    const handler = this.handlers.get(pid);
    if (handler) handler(signal);
    else this.exit(pid);
    return true;
  }

  get(pid: number): ProcessInfo | undefined {
    return this.procs.get(pid);
  }

  inCgroup(cgroup: string): ProcessInfo[] {
    return [...this.procs.values()].filter((p) => p.cgroup === cgroup || p.cgroup.startsWith(`${cgroup}/`));
  }

  all(): ProcessInfo[] {
    return [...this.procs.values()].sort((a, b) => a.pid - b.pid);
  }

  export(): { nextPid: number; procs: ProcessInfo[] } {
    return { nextPid: this.nextPid, procs: this.all().map((p) => ({ ...p, argv: [...p.argv] })) };
  }

  import(data: { nextPid: number; procs: ProcessInfo[] }): void {
    this.nextPid = data.nextPid;
    this.procs.clear();
    this.handlers.clear();
    for (const p of data.procs) this.procs.set(p.pid, { ...p, argv: [...p.argv] });
  }
}
