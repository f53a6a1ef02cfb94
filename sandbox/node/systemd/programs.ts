/**
 * What systemd runs. A real node execs binaries; here each binary path the node's units name
 * maps to a Program from the component that owns it (the kubelet registers
 * /usr/local/bin/kubelet, containerd registers /usr/bin/containerd). systemd knows nothing
 * about them beyond this interface, as it knows nothing about real daemons beyond fork/exec.
 */
export interface ProgramContext {
  pid: number;
  argv: string[];
  /** Environment from Environment= and EnvironmentFile=. */
  env: Record<string, string>;
  unit: string;
  /** Write a line to the journal as this process (identifier = the binary's name). */
  log(message: string, priority?: number): void;
  /** The process exits on its own; systemd then applies Restart=. Signals are named, e.g. "ABRT". */
  exit(code: number, signal?: string): void;
  /** setproctitle(3): what `ps` shows for this process from now on (sshd's `[listener]` line). */
  setTitle(title: string[]): void;
  /** setuid(2) once started: the daemon drops root for its own user (rsyslogd becomes syslog). */
  setUser(user: string): void;
  /** fork+exec a helper in the unit's cgroup as this process's child; returns its PID. */
  spawnChild(argv: string[], user?: string): number;
  /** CPU time a process that exits at once used, for systemd's `Consumed ... CPU time.` */
  consumedCpu(ms: number): void;
}

export interface RunningProgram {
  /** SIGTERM from systemd: clean up (remove sockets, ...) and go. */
  stop(): void;
  /** Threads for `Tasks:` and resident memory for `Memory:`. */
  tasks?: number;
  memoryBytes?: number;
  /** Average CPU share of one core while running, for `CPU:` accounting. */
  cpuShare?: number;
  /** The daemon's sd_notify(STATUS=...) text, shown as `Status:` by systemctl status. */
  status?: string;
}

/** A main process returns its handle; a short-lived step (ExecStartPre) returns its exit code. */
export type Program = (ctx: ProgramContext) => RunningProgram | number;

export class ProgramRegistry {
  private readonly programs = new Map<string, Program>();

  register(path: string, program: Program): void {
    this.programs.set(path, program);
  }

  /**
   * `/bin/bash /opt/azure/containers/kubelet.sh` and `/usr/bin/python3 -u /usr/sbin/waagent
   * -daemon` resolve by the script the interpreter runs (its first operand).
   */
  lookup(argv: string[]): Program | undefined {
    const [bin] = argv;
    if (bin && INTERPRETERS.includes(bin)) {
      const script = argv.slice(1).find((a) => !a.startsWith("-"));
      if (script) return this.programs.get(script) ?? this.programs.get(bin);
    }
    return bin ? this.programs.get(bin) : undefined;
  }
}

const INTERPRETERS = ["/bin/bash", "/bin/sh", "/usr/bin/bash", "/usr/bin/python3"];

/** Exit status names systemd prints after the number (src/basic/exit-status.c). */
export function exitStatusName(code: number): string {
  const names: Record<number, string> = {
    0: "SUCCESS",
    1: "FAILURE",
    2: "INVALIDARGUMENT",
    3: "NOTIMPLEMENTED",
    4: "NOPERMISSION",
    5: "NOTINSTALLED",
    6: "NOTCONFIGURED",
    7: "NOTRUNNING",
    200: "CHDIR",
    203: "EXEC",
    226: "NAMESPACE",
  };
  return names[code] ?? "n/a";
}

const SIGNALS: Record<string, number> = { HUP: 1, INT: 2, KILL: 9, ABRT: 6, SEGV: 11, TERM: 15 };
export const signalNumber = (name: string) => SIGNALS[name] ?? 0;
