/**
 * The service manager (PID 1): loads units from disk, runs their Exec steps through the
 * program registry, tracks ActiveState/SubState, restarts per Restart=/RestartSec= on the
 * simulated clock, and journals what systemd 249 journals. Messages follow src/core/unit.c,
 * service.c and job.c of that release.
 */
import type { SimClock } from "../../clock";
import { systemdTimespan } from "../../util/time-format";
import type { NodeFs } from "../fs";
import type { Journal } from "../journal";
import type { ProcessTable } from "../processes";
import {
  exitStatusName,
  type ProgramContext,
  type ProgramRegistry,
  type RunningProgram,
  signalNumber,
} from "./programs";
import { nextTimerElapse, type TimerState, timerTarget } from "./timer";
import { parseSeconds } from "./timespan";
import {
  changedOnDisk,
  expandExecLine,
  isMasked,
  loadUnit,
  parseEnvironmentFile,
  setting,
  settingList,
  UNIT_DIRS,
  type UnitDefinition,
  unitList,
} from "./unit-file";

export type ActiveState = "active" | "inactive" | "activating" | "deactivating" | "failed";

/** How a start job ended: what `systemctl start` reports (job.c job_done results). */
export type JobResult = "done" | "failed" | "skipped";

/** How a finished process ended, as `Process:` and `Main PID:` lines print it. */
export interface ExitInfo {
  pid: number;
  /** The Exec line as written in the unit, e.g. `ExecStartPre=/bin/mkdir -p /var/lib/kubelet`. */
  line: string;
  code: "exited" | "killed";
  status: number;
  signal?: string;
}

export interface UnitRuntime {
  name: string;
  def?: UnitDefinition;
  activeState: ActiveState;
  subState: string;
  result: string;
  mainPid?: number;
  mainArgv?: string[];
  execMain?: ExitInfo;
  controlExits: ExitInfo[];
  stateChangeAt: number;
  activeEnterAt?: number;
  nRestarts: number;
  cpuMs: number;
  runningSince?: number;
  cpuShare: number;
  program?: RunningProgram;
  restartTimer?: number;
  /** When the unit last left `inactive` (a timer's OnUnitActiveSec= counts from it). */
  inactiveExitAt?: number;
  /** A timer unit's schedule. */
  timer?: TimerState;
}

/** `systemctl is-enabled`'s answer for a unit file (src/shared/install.c). */
export type Enablement = "enabled" | "disabled" | "static" | "masked";

/** Where a unit's binary is looked up when ExecStart= names no path (systemd.service(5)). */
const EXEC_SEARCH_PATH = ["/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"];

/**
 * A slice's cgroup: each dash opens a level (systemd.slice(5)), so aks-log-collector.slice
 * lives at /aks.slice/aks-log.slice/aks-log-collector.slice.
 */
export function sliceCgroup(slice: string): string {
  const parts = slice.replace(/\.slice$/, "").split("-");
  return parts.map((_, i) => `/${parts.slice(0, i + 1).join("-")}.slice`).join("");
}

const UNIT_SUFFIXES = [".service", ".socket", ".target", ".timer", ".mount", ".path", ".slice", ".scope"];

/** `kubelet` means `kubelet.service`, as systemctl assumes. */
export function canonicalUnitName(name: string): string {
  return UNIT_SUFFIXES.some((s) => name.endsWith(s)) ? name : `${name}.service`;
}

export class Systemd {
  private readonly units = new Map<string, UnitRuntime>();
  /** The manager starts with the machine: OnBootSec= counts from here. */
  private readonly bootTime: number;

  constructor(
    private readonly fs: NodeFs,
    private readonly clock: SimClock,
    private readonly journal: Journal,
    private readonly procs: ProcessTable,
    private readonly programs: ProgramRegistry,
  ) {
    this.bootTime = clock.now();
  }

  // ---- queries ----

  /** The unit's runtime state, loading its definition on first use; undefined if no file. */
  unit(name: string): UnitRuntime | undefined {
    const canonical = canonicalUnitName(name);
    let rt = this.units.get(canonical);
    if (!rt) {
      const def = loadUnit(this.fs, canonical);
      if (!def) return isMasked(this.fs, canonical) ? this.maskedUnit(canonical) : undefined;
      rt = this.freshRuntime(canonical, def);
    }
    return rt;
  }

  /** A masked unit has no definition: it is loaded only to say so. */
  private maskedUnit(name: string): UnitRuntime {
    return this.freshRuntime(name, undefined);
  }

  /** A unit systemd has just loaded: inactive (dead), never run. */
  private freshRuntime(name: string, def: UnitDefinition | undefined): UnitRuntime {
    const rt: UnitRuntime = {
      name,
      ...(def ? { def } : {}),
      activeState: "inactive",
      subState: "dead",
      result: "success",
      controlExits: [],
      stateChangeAt: this.clock.now(),
      nRestarts: 0,
      cpuMs: 0,
      cpuShare: 0,
    };
    this.units.set(name, rt);
    return rt;
  }

  masked(name: string): boolean {
    return isMasked(this.fs, canonicalUnitName(name));
  }

  /**
   * `systemctl mask`: link /etc/systemd/system/NAME to /dev/null. Returns systemctl's message
   * (install.c): the link it made, nothing if already masked, or the error for a unit file
   * that already sits there (a unit written to /etc/systemd/system cannot be masked).
   */
  mask(name: string): { ok: boolean; message: string } {
    const canonical = canonicalUnitName(name);
    const path = `/etc/systemd/system/${canonical}`;
    if (isMasked(this.fs, canonical)) return { ok: true, message: "" };
    if (this.fs.existsSync(path)) return { ok: false, message: `Failed to mask unit: File ${path} already exists.` };
    this.fs.symlinkSync("/dev/null", path);
    return { ok: true, message: `Created symlink ${path} → /dev/null.` };
  }

  unmask(name: string): string {
    const canonical = canonicalUnitName(name);
    const path = `/etc/systemd/system/${canonical}`;
    if (!isMasked(this.fs, canonical)) return "";
    this.fs.rmSync(path, { force: true });
    return `Removed ${path}.`;
  }

  isEnabled(name: string): boolean {
    const canonical = canonicalUnitName(name);
    const def = this.unit(canonical)?.def;
    const targets = def ? unitList(def, "Install.WantedBy") : ["multi-user.target"];
    return targets.some((t) => this.fs.existsSync(`/etc/systemd/system/${t}.wants/${canonical}`));
  }

  /** enabled/disabled by the wants links; a unit file without [Install] is static. */
  enablement(name: string): Enablement {
    if (this.masked(name)) return "masked";
    if (this.isEnabled(name)) return "enabled";
    const def = this.unit(name)?.def;
    const installs = def && [...def.settings.keys()].some((k) => k.startsWith("Install."));
    return def && !installs ? "static" : "disabled";
  }

  /** The unit's cgroup: its Slice= (system.slice by default) and its own name. */
  cgroupOf(rt: UnitRuntime): string {
    return `${sliceCgroup((rt.def && setting(rt.def, "Service.Slice")) ?? "system.slice")}/${rt.name}`;
  }

  /** The timers whose Unit= is this unit (`TriggeredBy:` in systemctl status). */
  triggeredBy(name: string): UnitRuntime[] {
    return this.loadedUnits().filter((u) => u.def && u.name.endsWith(".timer") && timerTarget(u.def) === name);
  }

  needsDaemonReload(name: string): boolean {
    const def = this.unit(name)?.def;
    return def ? changedOnDisk(this.fs, def) : false;
  }

  cpuMs(rt: UnitRuntime): number {
    const running = rt.runningSince === undefined ? 0 : (this.clock.now() - rt.runningSince) * rt.cpuShare;
    return Math.round(rt.cpuMs + running);
  }

  description(rt: UnitRuntime): string {
    return (rt.def && setting(rt.def, "Unit.Description")) ?? rt.name;
  }

  /** Units with runtime state, for `systemctl list-units`; every unit file on disk is loaded. */
  loadedUnits(): UnitRuntime[] {
    for (const name of this.unitFileNames()) this.unit(name);
    return [...this.units.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  /** Unit files in the search path (UNIT_DIRS), by name, as `systemctl list-unit-files` sees them. */
  unitFileNames(): string[] {
    // Asked on every eviction pass (world.memory loads every unit); the search path rarely changes.
    const key = UNIT_DIRS.map((dir) => this.fs.directoryVersion(dir)).join("|");
    if (this.unitFiles?.key !== key) this.unitFiles = { key, names: this.scanUnitFiles() };
    return [...this.unitFiles.names];
  }

  private unitFiles?: { key: string; names: string[] };

  private scanUnitFiles(): string[] {
    const names = new Set<string>();
    for (const dir of UNIT_DIRS) {
      if (!this.fs.isDirectorySync(dir)) continue;
      for (const entry of this.fs.readdirSync(dir)) {
        if (UNIT_SUFFIXES.some((x) => entry.endsWith(x)) && !this.fs.isDirectorySync(`${dir}/${entry}`))
          names.add(entry);
      }
    }
    return [...names].sort();
  }

  /**
   * `systemctl kill`: send the signal to every process in the unit's cgroup (--kill-who=all,
   * the default); each process's owner decides what it does (a Go daemon dies of SIGTERM,
   * systemd then applies Restart=). Returns how many processes were signalled.
   */
  kill(name: string, signal: string): number {
    const rt = this.unit(name);
    if (!rt) return 0;
    const pids = this.procs.inCgroup(this.cgroupOf(rt)).map((p) => p.pid);
    for (const pid of pids) this.procs.signal(pid, signal);
    return pids.length;
  }

  // ---- jobs ----

  start(name: string): JobResult {
    const rt = this.unit(name);
    if (!rt) throw new Error(`Unit ${canonicalUnitName(name)} not found.`);
    if (isMasked(this.fs, rt.name)) throw new Error(`Unit ${rt.name} is masked.`);
    if (rt.activeState === "active" || (rt.activeState === "activating" && rt.subState !== "auto-restart"))
      return "done";
    // Wants=/Requires= pull their units into the start job; After= orders them first.
    for (const dep of [
      ...unitList(rt.def as UnitDefinition, "Unit.Wants"),
      ...unitList(rt.def as UnitDefinition, "Unit.Requires"),
    ]) {
      const d = this.unit(dep);
      if (d && d.activeState !== "active") this.start(dep);
    }
    this.clock.clearTimer(rt.restartTimer);
    rt.restartTimer = undefined;
    if (rt.name.endsWith(".timer")) return this.startTimer(rt);
    return this.activate(rt);
  }

  stop(name: string): void {
    const rt = this.unit(name);
    if (!rt) throw new Error(`Unit ${canonicalUnitName(name)} not loaded.`);
    if (rt.subState === "auto-restart") {
      this.clock.clearTimer(rt.restartTimer);
      rt.restartTimer = undefined;
      this.setState(rt, "inactive", "dead");
      this.sys(rt, `Stopped ${this.description(rt)}.`);
      return;
    }
    if (rt.activeState !== "active" && rt.activeState !== "activating") {
      if (rt.activeState === "failed") this.setState(rt, "inactive", "dead");
      return;
    }
    if (rt.timer) {
      this.stopTimer(rt);
      return;
    }
    const desc = this.description(rt);
    this.sys(rt, `Stopping ${desc}...`);
    this.setState(rt, "deactivating", "stop-sigterm");
    const program = rt.program;
    rt.program = undefined;
    program?.stop();
    this.mainExited(rt, { code: "killed", status: signalNumber("TERM"), signal: "TERM" }, true);
    this.killRemaining(rt);
    this.sys(rt, `${rt.name}: Deactivated successfully.`);
    this.setState(rt, "inactive", "dead");
    rt.result = "success";
    this.sys(rt, `Stopped ${desc}.`);
    this.sys(rt, `${rt.name}: Consumed ${systemdTimespan(this.cpuMs(rt))} CPU time.`);
  }

  restart(name: string): JobResult {
    const rt = this.unit(name);
    if (!rt) throw new Error(`Unit ${canonicalUnitName(name)} not found.`);
    this.stop(name);
    return this.start(name);
  }

  /** `systemctl daemon-reload`: re-read every unit file; running processes keep running. */
  daemonReload(): void {
    this.sys(undefined, "Reloading.");
    for (const rt of this.units.values()) {
      const def = loadUnit(this.fs, rt.name);
      if (def) rt.def = def;
    }
  }

  /** `systemctl reset-failed [UNIT]`: failed units go inactive, their restart counters to 0. */
  resetFailed(name?: string): void {
    const targets = name === undefined ? [...this.units.values()] : [this.unit(name)];
    for (const rt of targets) {
      if (!rt) continue;
      rt.nRestarts = 0;
      if (rt.activeState === "failed") {
        this.setState(rt, "inactive", "dead");
        rt.result = "success";
      }
    }
  }

  // ---- internals ----

  private activate(rt: UnitRuntime): JobResult {
    const def = loadUnit(this.fs, rt.name) ?? (rt.def as UnitDefinition);
    rt.def = def;
    const desc = this.description(rt);
    rt.controlExits = [];
    rt.execMain = undefined;
    rt.cpuMs = 0;

    for (const cond of settingList(def, "Unit.ConditionPathExists")) {
      const negate = cond.startsWith("!");
      const path = negate ? cond.slice(1) : cond;
      if (this.fs.existsSync(path) === negate) {
        this.sys(rt, `Condition check resulted in ${desc} being skipped.`);
        this.setState(rt, "inactive", "dead");
        return "skipped";
      }
    }

    // simple: started once forked; notify, dbus, forking: once the daemon says so; oneshot:
    // once it has exited (service.c service_enter_start).
    const type = setting(def, "Service.Type") ?? "simple";
    const pre = settingList(def, "Service.ExecStartPre");
    if (pre.length || type !== "simple") this.sys(rt, `Starting ${desc}...`);
    if (rt.activeState === "inactive" || rt.activeState === "failed") rt.inactiveExitAt = this.clock.now();
    this.setState(rt, "activating", pre.length ? "start-pre" : "start");
    this.notifyTimers(rt.name);

    const env = this.loadEnvironment(rt, def);
    if (!env) return "failed";

    for (const line of pre) {
      const exit = this.runStep(rt, "ExecStartPre", line, env);
      if (exit.status !== 0 && !line.startsWith("-")) {
        this.sys(
          rt,
          `${rt.name}: Control process exited, code=exited, status=${exit.status}/${exitStatusName(exit.status)}`,
        );
        this.fail(rt, "exit-code");
        return "failed";
      }
    }

    // A oneshot may list several ExecStart= lines: all but the last run one after another.
    const execLines = settingList(def, "Service.ExecStart");
    for (const line of type === "oneshot" ? execLines.slice(0, -1) : []) {
      const exit = this.runStep(rt, "ExecStart", line, env);
      if (exit.status !== 0 && !line.startsWith("-")) {
        this.sys(
          rt,
          `${rt.name}: Main process exited, code=exited, status=${exit.status}/${exitStatusName(exit.status)}`,
          4,
        );
        this.fail(rt, "exit-code");
        return "failed";
      }
    }
    const execStart = execLines.at(-1);
    if (!execStart) {
      this.sys(rt, `${rt.name}: Service has no ExecStart=, ExecStop=, or SuccessAction=. Refusing.`, 3);
      this.fail(rt, "resources");
      return "failed";
    }
    const { bin, argv } = this.execCommand(execStart, env);
    // A signal from outside (`kill <pid>`) ends the program as the signal would: Go daemons
    // have no SIGTERM handler, so they die of it, and Restart= takes over. SIGHUP is ignored.
    const proc = this.procs.spawn(argv, this.cgroupOf(rt), {
      user: setting(def, "Service.User") ?? "root",
      ...(bin !== argv[0] ? { exe: bin } : {}),
      onSignal: (signal) => {
        if (signal === "HUP" || rt.mainPid !== proc.pid) return;
        const program = rt.program;
        rt.program = undefined;
        program?.stop();
        this.onMainExit(rt, 128 + signalNumber(signal), signal);
      },
    });
    rt.mainPid = proc.pid;
    rt.mainArgv = argv;
    if (!this.fs.existsSync(bin)) {
      this.procs.exit(proc.pid);
      for (const step of ["Failed to execute", "Failed at step EXEC spawning"]) {
        this.journal.append({
          unit: rt.name,
          identifier: `(${basename(bin).slice(0, 13)})`,
          pid: proc.pid,
          message: `${rt.name}: ${step} ${bin}: No such file or directory`,
          priority: 3,
        });
      }
      if (type === "simple") this.sys(rt, `Started ${desc}.`);
      this.mainExited(rt, { code: "exited", status: 203 });
      return type === "simple" ? "done" : "failed";
    }

    if (type === "simple") {
      this.setState(rt, "active", "running");
      this.sys(rt, `Started ${desc}.`);
    }
    let exitedEarly: { code: number; signal?: string } | undefined;
    let started = false;
    let consumed = 0;
    const program = this.programs.lookup(argv[0] === bin ? argv : [bin, ...argv.slice(1)]);
    const handle = program?.({
      ...this.processContext(rt, proc.pid, argv, env, basename(bin)),
      consumedCpu: (ms) => {
        consumed += ms;
      },
      exit: (code, signal) => {
        if (!started) exitedEarly = { code, signal };
        else if (rt.mainPid === proc.pid) this.onMainExit(rt, code, signal);
      },
    });
    started = true;
    // A oneshot without a program of its own does its work and exits 0.
    const exitCode = typeof handle === "number" ? handle : type === "oneshot" && !handle ? 0 : undefined;
    if (exitCode !== undefined || exitedEarly) {
      const code = exitCode ?? exitedEarly?.code ?? 1;
      rt.cpuMs = consumed;
      if (type !== "simple" && type !== "oneshot") this.sys(rt, `${rt.name}: Main process exited before READY=1`, 4);
      this.onMainExit(rt, code, exitedEarly?.signal);
      // A simple service's start job is done once forked; a notify one fails without READY=1.
      return type === "simple" || (type === "oneshot" && code === 0) ? "done" : "failed";
    }
    const running: RunningProgram = typeof handle === "object" ? handle : { stop() {} };
    rt.program = running;
    rt.cpuShare = running.cpuShare ?? 0.001;
    rt.runningSince = this.clock.now();
    for (const line of settingList(def, "Service.ExecStartPost")) this.runStep(rt, "ExecStartPost", line, env);
    if (type !== "simple") {
      this.setState(rt, "active", "running");
      this.sys(rt, `Started ${desc}.`);
    }
    rt.activeEnterAt = this.clock.now();
    return "done";
  }

  /**
   * An Exec line's binary and argv: `$VAR` expanded, the `-@+!:` prefixes stripped, `@` taking
   * the second word as argv[0] (dbus's `@dbus-daemon`), a bare name found in the search path.
   */
  private execCommand(line: string, env: Record<string, string>): { bin: string; argv: string[] } {
    const prefix = /^[-@+!:]*/.exec(line)?.[0] ?? "";
    const words = expandExecLine(line.slice(prefix.length), env);
    const named = words[0] ?? "";
    const bin = named.startsWith("/")
      ? named
      : (EXEC_SEARCH_PATH.map((d) => `${d}/${named}`).find((p) => this.fs.existsSync(p)) ?? named);
    return { bin, argv: prefix.includes("@") ? words.slice(1) : words };
  }

  /** What a process of this unit can do besides exit: journal, retitle, drop root, fork. */
  private processContext(
    rt: UnitRuntime,
    pid: number,
    argv: string[],
    env: Record<string, string>,
    identifier: string,
  ): Omit<ProgramContext, "exit" | "consumedCpu"> {
    return {
      pid,
      argv,
      env,
      unit: rt.name,
      log: (message, priority) => this.journal.append({ unit: rt.name, identifier, pid, message, priority }),
      setTitle: (title) => this.procs.setTitle(pid, title),
      setUser: (user) => this.procs.setUser(pid, user),
      spawnChild: (childArgv, user) =>
        this.procs.spawn(childArgv, this.cgroupOf(rt), { ppid: pid, user: user ?? this.procs.get(pid)?.user }).pid,
    };
  }

  private loadEnvironment(rt: UnitRuntime, def: UnitDefinition): Record<string, string> | undefined {
    const env: Record<string, string> = {};
    for (const line of settingList(def, "Service.Environment")) {
      for (const m of line.matchAll(/"([^"=]+)=([^"]*)"|(\S+?)=(\S*)/g))
        env[(m[1] ?? m[3]) as string] = m[2] ?? m[4] ?? "";
    }
    for (const entry of settingList(def, "Service.EnvironmentFile")) {
      const optional = entry.startsWith("-");
      const path = optional ? entry.slice(1) : entry;
      const text = this.fs.tryReadFileSync(path);
      if (text === undefined) {
        if (optional) continue;
        this.sys(rt, `${rt.name}: Failed to load environment files: No such file or directory`, 3);
        this.sys(rt, `${rt.name}: Failed to run 'start-pre' task: No such file or directory`, 3);
        this.fail(rt, "resources");
        return undefined;
      }
      Object.assign(env, parseEnvironmentFile(text));
    }
    return env;
  }

  private runStep(rt: UnitRuntime, kind: string, line: string, env: Record<string, string>): ExitInfo {
    const { bin, argv } = this.execCommand(line, env);
    const pid = this.procs.allocatePid();
    let status = 0;
    if (!this.fs.existsSync(bin)) {
      this.journal.append({
        unit: rt.name,
        identifier: `(${basename(bin).slice(0, 13)})`,
        pid,
        message: `${rt.name}: Failed at step EXEC spawning ${bin}: No such file or directory`,
        priority: 3,
      });
      status = 203;
    } else {
      const program = this.programs.lookup(argv);
      const identifier = basename(argv[1] && bin.endsWith("bash") ? argv[1] : bin);
      const result = program?.({
        ...this.processContext(rt, pid, argv, env, identifier),
        consumedCpu: () => {},
        exit: () => {},
      });
      status = typeof result === "number" ? result : 0;
    }
    const exit: ExitInfo = { pid, line: `${kind}=${argv.join(" ")}`, code: "exited", status };
    rt.controlExits.push(exit);
    return exit;
  }

  private onMainExit(rt: UnitRuntime, code: number, signal?: string): void {
    rt.program = undefined;
    this.mainExited(
      rt,
      signal ? { code: "killed", status: signalNumber(signal), signal } : { code: "exited", status: code },
    );
  }

  /** Main process is gone: record it; unless systemd itself stopped it, apply Restart=. */
  private mainExited(rt: UnitRuntime, how: Omit<ExitInfo, "pid" | "line">, byStop = false): void {
    if (rt.mainPid !== undefined) this.procs.exit(rt.mainPid);
    if (rt.runningSince !== undefined) rt.cpuMs += (this.clock.now() - rt.runningSince) * rt.cpuShare;
    rt.runningSince = undefined;
    rt.execMain = { pid: rt.mainPid ?? 0, line: `ExecStart=${(rt.mainArgv ?? []).join(" ")}`, ...how };
    rt.mainPid = undefined;
    if (byStop) return;

    const success = how.code === "exited" && how.status === 0;
    // A clean exit is logged at debug level (service.c service_sigchld_event), so not shown.
    if (how.code === "exited" && !success) {
      this.sys(
        rt,
        `${rt.name}: Main process exited, code=exited, status=${how.status}/${exitStatusName(how.status)}`,
        4,
      );
    } else if (!success) {
      this.sys(rt, `${rt.name}: Main process exited, code=killed, status=${how.status}/${how.signal}`, 4);
    }
    this.killRemaining(rt);
    const result = success ? "success" : how.code === "exited" ? "exit-code" : "signal";
    const restart = (rt.def && setting(rt.def, "Service.Restart")) ?? "no";
    const shouldRestart = restart === "always" || (restart === "on-failure" && !success);
    if (success) this.sys(rt, `${rt.name}: Deactivated successfully.`);
    else this.sys(rt, `${rt.name}: Failed with result '${result}'.`, 4);
    if (shouldRestart) {
      rt.result = result;
      this.scheduleRestart(rt);
    } else if (success) {
      this.setState(rt, "inactive", "dead");
      rt.result = "success";
      if (rt.def && setting(rt.def, "Service.Type") === "oneshot") {
        // A oneshot's start job ends here (service.c service_finished_job: "Finished %s.").
        this.sys(rt, `Finished ${this.description(rt)}.`);
        if (rt.cpuMs > 0) this.sys(rt, `${rt.name}: Consumed ${systemdTimespan(rt.cpuMs)} CPU time.`);
      }
    } else {
      this.fail(rt, result);
    }
  }

  /** KillMode=control-group (the default) ends whatever the main process left in the cgroup. */
  private killRemaining(rt: UnitRuntime): void {
    if (rt.def && setting(rt.def, "Service.KillMode") === "process") return;
    for (const p of this.procs.inCgroup(this.cgroupOf(rt))) this.procs.exit(p.pid);
  }

  // ---- timers ----

  /** Start a timer unit: `Started <desc>.`, then wait for its next elapse. */
  private startTimer(rt: UnitRuntime): JobResult {
    rt.def = loadUnit(this.fs, rt.name) ?? rt.def;
    rt.timer = { ...rt.timer, activatedAt: this.clock.now() };
    this.setState(rt, "active", "waiting");
    rt.activeEnterAt = this.clock.now();
    this.sys(rt, `Started ${this.description(rt)}.`);
    this.scheduleTimer(rt);
    return "done";
  }

  private stopTimer(rt: UnitRuntime): void {
    this.clock.clearTimer(rt.timer?.handle);
    if (rt.timer) rt.timer = { ...rt.timer, handle: undefined, nextElapseAt: undefined };
    this.setState(rt, "inactive", "dead");
    this.sys(rt, `Stopped ${this.description(rt)}.`);
  }

  private scheduleTimer(rt: UnitRuntime): void {
    const state = rt.timer;
    if (!state || !rt.def || rt.activeState !== "active") return;
    this.clock.clearTimer(state.handle);
    const target = this.units.get(timerTarget(rt.def));
    const next = nextTimerElapse(rt.def, state, {
      now: this.clock.now(),
      bootTime: this.bootTime,
      ...(target?.inactiveExitAt !== undefined ? { targetActivatedAt: target.inactiveExitAt } : {}),
    });
    state.nextElapseAt = next;
    state.handle = undefined;
    this.setState(rt, "active", next === undefined ? "elapsed" : "waiting");
    if (next === undefined) return;
    state.handle = this.clock.setTimeout(() => this.elapse(rt), next - this.clock.now());
  }

  /** The timer elapses: it starts its unit (a start job, as `systemctl start` queues one). */
  private elapse(rt: UnitRuntime): void {
    if (!rt.timer || !rt.def) return;
    rt.timer.handle = undefined;
    rt.timer.lastTriggerAt = this.clock.now();
    const target = timerTarget(rt.def);
    if (this.unit(target) && !this.masked(target)) this.start(target);
    this.scheduleTimer(rt);
  }

  /** A unit left `inactive`: the timers counting OnUnitActiveSec= from it count anew. */
  private notifyTimers(name: string): void {
    for (const rt of this.units.values()) {
      if (rt.timer && rt.def && timerTarget(rt.def) === name && rt.timer.handle !== undefined) this.scheduleTimer(rt);
    }
  }

  private fail(rt: UnitRuntime, result: string): void {
    rt.result = result;
    const restart = (rt.def && setting(rt.def, "Service.Restart")) ?? "no";
    if (result !== "exit-code" && result !== "signal") this.sys(rt, `${rt.name}: Failed with result '${result}'.`, 4);
    if (restart === "always" || restart === "on-failure") {
      // Start-pre failures restart too (Restart=always covers every unclean result).
      this.scheduleRestart(rt);
      return;
    }
    this.setState(rt, "failed", "failed");
    this.sys(rt, `Failed to start ${this.description(rt)}.`, 3);
  }

  /** `activating (auto-restart)` for RestartSec=, then a fresh start (service.c). */
  private scheduleRestart(rt: UnitRuntime): void {
    this.setState(rt, "activating", "auto-restart");
    const restartSec = parseSeconds((rt.def && setting(rt.def, "Service.RestartSec")) ?? "100ms");
    rt.restartTimer = this.clock.setTimeout(() => {
      rt.restartTimer = undefined;
      if (isMasked(this.fs, rt.name)) {
        // service.c service_enter_restart: the restart job cannot be queued for a masked unit.
        this.sys(rt, `${rt.name}: Failed to schedule restart job: Unit ${rt.name} is masked.`, 4);
        this.sys(rt, `${rt.name}: Failed with result 'resources'.`, 4);
        rt.result = "resources";
        this.setState(rt, "failed", "failed");
        return;
      }
      rt.nRestarts++;
      this.sys(rt, `${rt.name}: Scheduled restart job, restart counter is at ${rt.nRestarts}.`);
      this.sys(rt, `Stopped ${this.description(rt)}.`);
      this.activate(rt);
    }, restartSec);
  }

  private setState(rt: UnitRuntime, active: ActiveState, sub: string): void {
    if (rt.activeState !== active) rt.stateChangeAt = this.clock.now();
    rt.activeState = active;
    rt.subState = sub;
  }

  /** A message from systemd (PID 1) about a unit; journalctl -u shows it with the unit's lines. */
  private sys(rt: UnitRuntime | undefined, message: string, priority = 6): void {
    this.journal.append({ unit: rt?.name, identifier: "systemd", pid: 1, message, priority });
  }
}

function basename(path: string): string {
  return path.split("/").pop() ?? path;
}

export { parseSeconds } from "./timespan";
