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
  /**
   * The file the kernel executed, when argv[0] does not name it: `@dbus-daemon` (systemd's
   * `@` prefix sets argv[0]) or a daemon that rewrote its title (sshd's `sshd: ... [listener]`).
   * /proc/PID/comm comes from it.
   */
  exe?: string;
}

export class ProcessTable {
  private readonly procs = new Map<number, ProcessInfo>();
  private readonly handlers = new Map<number, SignalHandler>();
  /** Bumped when a process starts or exits: what /proc and the memory model cache on. */
  generation = 0;
  constructor(
    private nextPid: number,
    private readonly now: () => number,
  ) {}

  spawn(
    argv: string[],
    cgroup: string,
    opts: { ppid?: number; user?: string; exe?: string; onSignal?: SignalHandler } = {},
  ): ProcessInfo {
    const info: ProcessInfo = {
      pid: this.nextPid++,
      ppid: opts.ppid ?? 1,
      argv,
      cgroup,
      startedAt: this.now(),
      user: opts.user ?? "root",
      ...(opts.exe ? { exe: opts.exe } : {}),
    };
    this.procs.set(info.pid, info);
    this.generation++;
    if (opts.onSignal) this.handlers.set(info.pid, opts.onSignal);
    return info;
  }

  /**
   * Where the next PID comes from. Only a scenario's boot uses it: it replays the real boot
   * order, in which kernel threads and short-lived helpers (udev workers, generators) took the
   * PIDs between the early daemons, which the model does not hold.
   */
  continueAt(pid: number): void {
    this.nextPid = pid;
  }

  /** setuid(2): the process now runs as this user. */
  setUser(pid: number, user: string): void {
    const p = this.procs.get(pid);
    if (p) p.user = user;
  }

  /** setproctitle(3): the daemon rewrites the argv `ps` shows (sshd's `[listener]` line). */
  setTitle(pid: number, title: string[]): void {
    const p = this.procs.get(pid);
    if (!p) return;
    p.exe ??= p.argv[0];
    p.argv = title;
  }

  /** Take a PID for a short-lived process (an ExecStartPre step) without keeping it. */
  allocatePid(): number {
    return this.nextPid++;
  }

  /** The process has exited: it leaves the table (its owner calls this). */
  exit(pid: number): void {
    if (this.procs.has(pid)) this.generation++;
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
    this.generation++;
    this.procs.clear();
    this.handlers.clear();
    for (const p of data.procs) this.procs.set(p.pid, { ...p, argv: [...p.argv] });
  }
}
