/**
 * systemctl: a thin front over the service manager (node/systemd). Verbs, messages and exit
 * codes as systemd 249 prints them (src/systemctl/*.c): `status` exits 3 for an inactive
 * unit and 4 for an unknown one; `is-active` prints the state and exits 0 only when active;
 * a failed start job prints the "Job for ... failed" hint and exits 1.
 */
import { canonicalUnitName } from "../../node/systemd/manager";
import { exitStatusName, signalNumber } from "../../node/systemd/programs";
import { type Command, type ExecResult, fail, ok } from "../types";
import { renderListTimers } from "./list-timers";
import { renderListUnitFiles, renderListUnits } from "./list-units";
import { renderShow } from "./show";
import { renderOverview, renderStatus } from "./status";

const VERBS_NEEDING_UNITS = new Set([
  "start",
  "stop",
  "restart",
  "is-active",
  "is-enabled",
  "enable",
  "disable",
  "cat",
  "is-failed",
  "kill",
  "mask",
  "unmask",
]);

const SIGNALS = ["HUP", "INT", "QUIT", "KILL", "USR1", "USR2", "TERM", "CONT", "STOP"];

interface Flags {
  quiet: boolean;
  all: boolean;
  now: boolean;
  value: boolean;
  legend: boolean;
  props: string[];
  types: string[];
  states: string[];
  signal: string;
}

/** systemctl's getopt_long (src/systemctl/systemctl.c, systemctl_parse_argv), the options used here. */
function parseFlags(args: string[]): { flags: Flags; words: string[] } | string {
  const flags: Flags = {
    quiet: false,
    all: false,
    now: false,
    value: false,
    legend: true,
    props: [],
    types: [],
    states: [],
    signal: "TERM",
  };
  const words: string[] = [];
  const list = (v: string) => v.split(",").filter(Boolean);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (!arg.startsWith("-") || arg === "-") {
      words.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const name = arg.startsWith("--") && eq > 0 ? arg.slice(0, eq) : arg;
    const inline = arg.startsWith("--") && eq > 0 ? arg.slice(eq + 1) : undefined;
    const needs = (long: string, short?: string): string | undefined => {
      if (name !== long && !(short && arg.startsWith(short))) return undefined;
      if (inline !== undefined) return inline;
      if (short && arg.startsWith(short) && arg.length > short.length) return arg.slice(short.length);
      const next = args[i + 1];
      if (next === undefined) return "";
      i++;
      return next;
    };
    switch (name) {
      case "-q":
      case "--quiet":
        flags.quiet = true;
        continue;
      case "-a":
      case "--all":
        flags.all = true;
        continue;
      case "--now":
        flags.now = true;
        continue;
      case "--value":
        flags.value = true;
        continue;
      case "--no-legend":
        flags.legend = false;
        continue;
      case "--no-pager":
      case "-l":
      case "--full":
      case "--no-ask-password":
      case "--system":
        continue;
    }
    const prop = needs("--property", "-p");
    if (prop !== undefined) {
      if (prop === "") return "systemctl: option requires an argument -- 'p'";
      flags.props.push(...list(prop));
      continue;
    }
    const type = needs("--type", "-t");
    if (type !== undefined) {
      if (type === "") return "systemctl: option requires an argument -- 't'";
      flags.types.push(...list(type));
      continue;
    }
    const state = needs("--state");
    if (state !== undefined) {
      flags.states.push(...list(state));
      continue;
    }
    const signal = needs("--signal", "-s");
    if (signal !== undefined) {
      const sig = signal.toUpperCase().replace(/^SIG/, "");
      if (!SIGNALS.includes(sig) && !/^\d+$/.test(signal)) return `Failed to parse signal string ${signal}.`;
      flags.signal = /^\d+$/.test(signal) ? (SIGNALS.find((s) => signalNumber(s) === Number(signal)) ?? "TERM") : sig;
      continue;
    }
    return arg.startsWith("--")
      ? `systemctl: unrecognized option '${arg}'`
      : `systemctl: invalid option -- '${arg.slice(1, 2)}'`;
  }
  return { flags, words };
}

export const systemctl: Command = (args, _io, world) => {
  const { systemd } = world;
  const parsed = parseFlags(args);
  if (typeof parsed === "string") return fail(`${parsed}\n`);
  const { flags, words } = parsed;
  const quiet = flags.quiet;
  const verb = words[0] ?? "list-units";
  const units = words.slice(1).map(canonicalUnitName);
  if (VERBS_NEEDING_UNITS.has(verb) && units.length === 0) {
    return fail(`Too few arguments.\n`);
  }

  const eachUnit = (fn: (unit: string) => ExecResult): ExecResult => {
    let stdout = "";
    let stderr = "";
    let exitCode = 0;
    for (const unit of units) {
      const r = fn(unit);
      stdout += r.stdout;
      stderr += r.stderr;
      if (r.exitCode !== 0 && exitCode === 0) exitCode = r.exitCode;
    }
    return { stdout, stderr, exitCode };
  };

  const jobFailed = (unit: string, result: string) =>
    `Job for ${unit} failed because ${result === "resources" ? "of unavailable resources or another system error" : "the control process exited with error code"}.\nSee "systemctl status ${unit}" and "journalctl -xeu ${unit}" for details.\n`;

  switch (verb) {
    case "list-units":
      return ok(renderListUnits(systemd, flags));
    case "list-unit-files":
      return ok(renderListUnitFiles(systemd, flags));
    case "list-timers":
      return ok(renderListTimers(systemd, world.clock.now(), flags));
    case "show":
      return ok(
        renderShow(systemd, units.length ? units : [], flags.props, flags.value, (u) => {
          const rt = systemd.unit(u);
          return rt ? systemd.cpuMs(rt) * 1_000_000 : 0;
        }),
      );
    case "kill":
      return eachUnit((unit) => {
        if (!systemd.unit(unit)) return fail(`Failed to kill unit ${unit}: Unit ${unit} not loaded.\n`);
        systemd.kill(unit, flags.signal);
        return ok();
      });
    case "status": {
      if (units.length === 0) return ok(renderOverview(world, systemd));
      let exitCode = 0;
      const parts: string[] = [];
      let stderr = "";
      for (const unit of units) {
        const rt = systemd.unit(unit);
        if (!rt) {
          stderr += `Unit ${unit} could not be found.\n`;
          exitCode = exitCode || 4;
          continue;
        }
        const { stdout, warning } = renderStatus(world, systemd, rt, exitStatusName);
        parts.push(stdout);
        stderr += warning;
        if (rt.activeState !== "active" && rt.activeState !== "activating" && rt.activeState !== "deactivating")
          exitCode = exitCode || 3;
      }
      return { stdout: parts.join("\n"), stderr, exitCode };
    }
    case "start":
    case "restart":
      return eachUnit((unit) => {
        if (!systemd.unit(unit)) return fail(`Failed to ${verb} ${unit}: Unit ${unit} not found.\n`, 5);
        if (systemd.masked(unit)) return fail(`Failed to ${verb} ${unit}: Unit ${unit} is masked.\n`);
        const result = verb === "start" ? systemd.start(unit) : systemd.restart(unit);
        const rt = systemd.unit(unit);
        return result === "failed" ? fail(jobFailed(unit, rt?.result ?? "exit-code")) : ok();
      });
    case "stop":
      return eachUnit((unit) => {
        if (!systemd.unit(unit)) return fail(`Failed to stop ${unit}: Unit ${unit} not loaded.\n`, 5);
        systemd.stop(unit);
        return ok();
      });
    case "is-active":
    case "is-failed":
      return eachUnit((unit) => {
        const state = systemd.unit(unit)?.activeState ?? "inactive";
        const good = verb === "is-active" ? state === "active" : state === "failed";
        return { stdout: quiet ? "" : `${state}\n`, stderr: "", exitCode: good ? 0 : verb === "is-active" ? 3 : 1 };
      });
    case "mask":
    case "unmask":
      return eachUnit((unit) => {
        // Like enable/disable, a changed link is followed by a daemon-reload (systemctl-enable.c).
        if (verb === "unmask") {
          const message = systemd.unmask(unit);
          if (message) systemd.daemonReload();
          return { stdout: "", stderr: message ? `${message}\n` : "", exitCode: 0 };
        }
        const { ok: done, message } = systemd.mask(unit);
        if (done && message) systemd.daemonReload();
        return { stdout: "", stderr: message ? `${message}\n` : "", exitCode: done ? 0 : 1 };
      });
    case "is-enabled":
      return eachUnit((unit) => {
        if (systemd.masked(unit)) return { stdout: quiet ? "" : "masked\n", stderr: "", exitCode: 1 };
        if (!systemd.unit(unit)) return fail(`Failed to get unit file state for ${unit}: No such file or directory\n`);
        // is-enabled exits 0 for enabled and static units alike (systemctl-is-enabled.c).
        const state = systemd.enablement(unit);
        return { stdout: quiet ? "" : `${state}\n`, stderr: "", exitCode: state === "disabled" ? 1 : 0 };
      });
    case "enable":
    case "disable":
      return eachUnit((unit) => {
        const rt = systemd.unit(unit);
        if (!rt?.def) return fail(`Failed to ${verb} unit: Unit file ${unit} does not exist.\n`);
        const link = `/etc/systemd/system/multi-user.target.wants/${unit}`;
        let stderr = "";
        if (verb === "enable" && !systemd.isEnabled(unit)) {
          world.fs.symlinkSync(rt.def.fragmentPath, link);
          stderr = `Created symlink ${link} → ${rt.def.fragmentPath}.\n`;
        } else if (verb === "disable" && systemd.isEnabled(unit)) {
          world.fs.rmSync(link, { force: true });
          stderr = `Removed ${link}.\n`;
        }
        if (flags.now) verb === "enable" ? systemd.start(unit) : systemd.stop(unit);
        return { stdout: "", stderr, exitCode: 0 };
      });
    case "daemon-reload":
      systemd.daemonReload();
      return ok();
    case "reset-failed":
      if (units.length === 0) {
        systemd.resetFailed();
        return ok();
      }
      return eachUnit((unit) => {
        if (!systemd.unit(unit))
          return fail(`Failed to reset failed state of unit ${unit}: Unit ${unit} not loaded.\n`);
        systemd.resetFailed(unit);
        return ok();
      });
    case "cat":
      return eachUnit((unit) => {
        const def = systemd.unit(unit)?.def;
        if (!def) return fail(`No files found for ${unit}.\n`);
        const out = [...def.sources].map(([path, text]) => `# ${path}\n${text}`).join("\n");
        return ok(out);
      });
    default:
      return fail(`Unknown command verb ${verb}.\n`);
  }
};
