/**
 * `systemctl status UNIT` in systemd 249's layout (src/systemctl/systemctl-show.c,
 * print_status_info): glyph and name, Loaded, Drop-In, Active, one Process line per finished
 * Exec step, Main PID, Tasks/Memory/CPU, the CGroup tree, then the unit's last 10 journal
 * lines. Output is not ellipsized, as when systemctl writes to a pipe.
 */
import { comm } from "../../node/comm";
import type { Systemd, UnitRuntime } from "../../node/systemd/manager";
import { timerTarget } from "../../node/systemd/timer";
import { unitList } from "../../node/systemd/unit-file";
import { systemdRelative, systemdTimespan, systemdTimestamp } from "../../util/time-format";
import type { World } from "../../world";
import { formatShort } from "../journalctl/format";

/** SPECIAL_GLYPH_* per active state (src/basic/unit-def.c unit_active_state_to_glyph). */
function glyph(rt: UnitRuntime): string {
  if (rt.activeState === "failed") return "×";
  if (rt.activeState === "inactive") return "○";
  return "●";
}

/** format_bytes(): 1024-based, one decimal, `68.4M`. */
function formatBytes(n: number): string {
  const units = ["B", "K", "M", "G", "T"];
  let v = n;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return i === 0 ? `${n}B` : `${v.toFixed(1)}${units[i]}`;
}

function activeLine(rt: UnitRuntime, now: number): string {
  const since = `since ${systemdTimestamp(rt.stateChangeAt)}; ${systemdRelative(now - rt.stateChangeAt)}`;
  switch (rt.activeState) {
    case "active":
      return `active (${rt.subState}) ${since}`;
    case "failed":
      return `failed (Result: ${rt.result}) ${since}`;
    case "activating":
      return `activating (${rt.subState})${rt.result !== "success" ? ` (Result: ${rt.result})` : ""} ${since}`;
    case "inactive":
      return rt.execMain || rt.controlExits.length ? `inactive (dead) ${since}` : "inactive (dead)";
    default:
      return `${rt.activeState} (${rt.subState}) ${since}`;
  }
}

function exitText(e: { code: string; status: number; signal?: string }, exitName: (n: number) => string): string {
  return e.code === "killed"
    ? `code=killed, signal=${e.signal}`
    : `code=exited, status=${e.status}/${exitName(e.status)}`;
}

/** The status text, and the "changed on disk" warning systemctl logs to stderr. */
export function renderStatus(
  world: World,
  systemd: Systemd,
  rt: UnitRuntime,
  exitName: (n: number) => string,
): { stdout: string; warning: string } {
  const now = world.clock.now();
  const def = rt.def;
  const lines: string[] = [];
  lines.push(`${glyph(rt)} ${rt.name} - ${systemd.description(rt)}`);
  if (systemd.masked(rt.name)) {
    lines.push(`     Loaded: masked (Reason: Unit ${rt.name} is masked.)`);
  } else if (!def) {
    lines.push(`     Loaded: not-found (Reason: Unit ${rt.name} not found.)`);
  } else {
    // Ubuntu presets every unit enabled; a static unit has no preset to show.
    const state = systemd.enablement(rt.name);
    const preset = state === "static" ? "" : "; vendor preset: enabled";
    lines.push(`     Loaded: loaded (${def.fragmentPath}; ${state}${preset})`);
    def.dropIns.forEach((d, i) => {
      lines.push(`${i === 0 ? "    Drop-In: " : "             "}${d.dir}`);
      lines.push(`             └─${d.files.join(", ")}`);
    });
  }
  lines.push(`     Active: ${activeLine(rt, now)}`);
  const triggeredBy = systemd.triggeredBy(rt.name);
  if (triggeredBy.length)
    lines.push(`TriggeredBy: ${triggeredBy.map((t) => `${glyph(t)} ${t.name}`).join("\n             ")}`);
  if (rt.timer && def) {
    const next = rt.activeState === "active" ? rt.timer.nextElapseAt : undefined;
    lines.push(
      `    Trigger: ${next === undefined ? "n/a" : `${systemdTimestamp(next)}; ${systemdRelative(now - next)}`}`,
    );
    const target = systemd.unit(timerTarget(def));
    if (target) lines.push(`   Triggers: ${glyph(target)} ${target.name}`);
  }
  for (const e of rt.controlExits) lines.push(`    Process: ${e.pid} ${e.line} (${exitText(e, exitName)})`);
  const docs = def ? unitList(def, "Unit.Documentation") : [];
  for (const [i, d] of docs.entries()) lines.push(`${i === 0 ? "       Docs: " : "             "}${d}`);
  if (rt.mainPid !== undefined) {
    const main = world.procs.get(rt.mainPid);
    lines.push(`   Main PID: ${rt.mainPid} (${comm(main?.argv ?? rt.mainArgv ?? [], main?.exe)})`);
    // What the daemon last told systemd with sd_notify(STATUS=...).
    if (rt.program?.status) lines.push(`     Status: "${rt.program.status}"`);
  } else if (rt.execMain) {
    lines.push(`    Process: ${rt.execMain.pid} ${rt.execMain.line} (${exitText(rt.execMain, exitName)})`);
    lines.push(`   Main PID: ${rt.execMain.pid} (${exitText(rt.execMain, exitName)})`);
  }
  const cgroup = systemd.cgroupOf(rt);
  const procs = world.procs.inCgroup(cgroup);
  if (rt.program || procs.length) {
    const tasks = (rt.program?.tasks ?? 0) + procs.filter((p) => p.pid !== rt.mainPid).length * 10;
    const limited = def?.settings.get("Service.TasksMax")?.at(-1) !== "infinity";
    lines.push(`      Tasks: ${tasks}${limited ? " (limit: 9389)" : ""}`);
    const memory = (rt.program?.memoryBytes ?? 0) + procs.filter((p) => p.pid !== rt.mainPid).length * 6_291_456;
    lines.push(`     Memory: ${formatBytes(memory)}`);
  }
  if (rt.execMain || rt.program) lines.push(`        CPU: ${systemdTimespan(systemd.cpuMs(rt))}`);
  if (procs.length) {
    lines.push(`     CGroup: ${cgroup}`);
    const width = Math.max(...procs.map((p) => String(p.pid).length));
    procs.forEach((p, i) => {
      const branch = i === procs.length - 1 ? "└─" : "├─";
      lines.push(`             ${branch}${String(p.pid).padStart(width)} ${p.argv.join(" ")}`);
    });
  }
  const journal = world.journal.query({ unit: rt.name }).slice(-10);
  if (journal.length) {
    lines.push("");
    for (const entry of journal) lines.push(formatShort(entry, world.hostname));
  }
  const warning =
    def && systemd.needsDaemonReload(rt.name)
      ? `Warning: The unit file, source configuration file or drop-ins of ${rt.name} changed on disk. Run 'systemctl daemon-reload' to reload units.\n`
      : "";
  return { stdout: `${lines.join("\n")}\n`, warning };
}

/**
 * `systemctl status` with no unit: the manager's overview as systemd 249 prints it
 * (systemctl-show.c, show_system_status): host, State (running, or degraded with failed
 * units), Jobs, Failed, Since (boot), then the whole cgroup tree from `/` (cgroup-show.c:
 * a group's processes first, PIDs right-aligned, then its child groups in name order).
 */
export function renderOverview(world: World, systemd: Systemd): string {
  const failed = systemd.loadedUnits().filter((u) => u.activeState === "failed").length;
  const now = world.clock.now();
  const lines = [
    `● ${world.hostname}`,
    `    State: ${failed ? "degraded" : "running"}`,
    "     Jobs: 0 queued",
    `   Failed: ${failed} units`,
    `    Since: ${systemdTimestamp(world.bootTime)}; ${systemdRelative(now - world.bootTime)}`,
    "   CGroup: /",
  ];
  interface Group {
    pids: { pid: number; cmd: string }[];
    children: Map<string, Group>;
  }
  const root: Group = { pids: [], children: new Map() };
  for (const p of world.procs.all()) {
    let g = root;
    for (const part of p.cgroup.split("/").filter(Boolean)) {
      let next = g.children.get(part);
      if (!next) {
        next = { pids: [], children: new Map() };
        g.children.set(part, next);
      }
      g = next;
    }
    g.pids.push({ pid: p.pid, cmd: p.argv.join(" ") });
  }
  const walk = (g: Group, prefix: string) => {
    const children = [...g.children.keys()].sort();
    const width = Math.max(0, ...g.pids.map((p) => String(p.pid).length));
    g.pids.forEach((p, i) => {
      const last = i === g.pids.length - 1 && children.length === 0;
      lines.push(`${prefix}${last ? "└─" : "├─"}${String(p.pid).padStart(width)} ${p.cmd}`);
    });
    children.forEach((name, i) => {
      const last = i === children.length - 1;
      lines.push(`${prefix}${last ? "└─" : "├─"}${name}`);
      walk(g.children.get(name) as Group, `${prefix}${last ? "  " : "│ "}`);
    });
  };
  walk(root, "           ");
  return `${lines.join("\n")}\n`;
}
