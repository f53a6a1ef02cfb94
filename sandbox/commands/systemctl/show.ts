/**
 * `systemctl show [-p PROP[,PROP]] [--value] UNIT`: the unit's D-Bus properties as
 * `Name=value` lines (src/systemctl/systemctl-show.c, print_property). Only the properties
 * this node models are known; they print in the order systemd lists them, -p or not. A unit
 * with no file still answers (LoadState=not-found, ActiveState=inactive), as systemd does.
 */
import { canonicalUnitName, type Systemd } from "../../node/systemd/manager";
import { setting } from "../../node/systemd/unit-file";
import { systemdTimespan, systemdTimestamp } from "../../util/time-format";

/** CLD_EXITED / CLD_KILLED, as ExecMainCode reports them. */
const CLD = { exited: 1, killed: 2 } as const;

function usec(text: string | undefined, fallback: string): string {
  const value = text ?? fallback;
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|sec|min|m|h)?$/.exec(value.trim());
  if (!m) return value;
  const ms = Number(m[1]) * ({ ms: 1, s: 1000, sec: 1000, min: 60_000, m: 60_000, h: 3_600_000 }[m[2] ?? "s"] ?? 1000);
  return systemdTimespan(ms);
}

export function unitProperties(systemd: Systemd, name: string, cpuNs: number): [string, string][] {
  const unitName = canonicalUnitName(name);
  const rt = systemd.unit(unitName);
  const def = rt?.def;
  const timestamp = (ms: number | undefined) => (ms === undefined ? "" : systemdTimestamp(ms));
  const main = rt?.execMain;
  const running = rt?.mainPid !== undefined;
  return [
    ["Type", (def && setting(def, "Service.Type")) ?? "simple"],
    ["Restart", (def && setting(def, "Service.Restart")) ?? "no"],
    ["RestartUSec", usec(def && setting(def, "Service.RestartSec"), "100ms")],
    ["WatchdogUSec", usec(def && setting(def, "Service.WatchdogSec"), "0")],
    ["MainPID", String(rt?.mainPid ?? 0)],
    ["Result", rt?.result ?? "success"],
    ["NRestarts", String(rt?.nRestarts ?? 0)],
    ["ExecMainPID", String(rt?.mainPid ?? main?.pid ?? 0)],
    ["ExecMainCode", running || !main ? "0" : String(CLD[main.code])],
    ["ExecMainStatus", running || !main ? "0" : String(main.status)],
    ["ControlGroup", running && rt ? systemd.cgroupOf(rt) : ""],
    ["CPUUsageNSec", rt?.program || main ? String(cpuNs) : "[not set]"],
    ["Id", unitName],
    ["Names", unitName],
    ["Description", rt ? systemd.description(rt) : unitName],
    ["LoadState", systemd.masked(unitName) ? "masked" : def ? "loaded" : "not-found"],
    ["ActiveState", rt?.activeState ?? "inactive"],
    ["SubState", rt?.subState ?? "dead"],
    ["FragmentPath", def?.fragmentPath ?? ""],
    ["DropInPaths", def ? def.dropIns.flatMap((d) => d.files.map((f) => `${d.dir}/${f}`)).join(" ") : ""],
    ["UnitFileState", def || systemd.masked(unitName) ? systemd.enablement(unitName) : ""],
    ["UnitFilePreset", def ? "enabled" : ""],
    ["StateChangeTimestamp", timestamp(rt?.stateChangeAt)],
    ["ActiveEnterTimestamp", timestamp(rt?.activeEnterAt)],
    ["StartLimitIntervalUSec", "10s"],
    ["StartLimitBurst", "5"],
  ];
}

export function renderShow(
  systemd: Systemd,
  units: string[],
  props: string[],
  valueOnly: boolean,
  cpuNs: (unit: string) => number,
): string {
  const blocks = units.map((unit) => {
    const all = unitProperties(systemd, unit, cpuNs(unit));
    // In the order the bus returns them (the Service interface, then the Unit's), whatever -p's order.
    const chosen = props.length ? all.filter(([k]) => props.includes(k)) : all;
    return chosen.map(([k, v]) => (valueOnly ? `${v}\n` : `${k}=${v}\n`)).join("");
  });
  // Several units are separated by an empty line.
  return blocks.join("\n");
}
