/**
 * systemctl: a thin front over the service manager (node/systemd). Verbs, messages and exit
 * codes as systemd 249 prints them (src/systemctl/*.c): `status` exits 3 for an inactive
 * unit and 4 for an unknown one; `is-active` prints the state and exits 0 only when active;
 * a failed start job prints the "Job for ... failed" hint and exits 1.
 */
import { canonicalUnitName } from "../../node/systemd/manager";
import { exitStatusName } from "../../node/systemd/programs";
import { type Command, type ExecResult, fail, ok } from "../types";
import { renderListUnits } from "./list-units";
import { renderStatus } from "./status";

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
  "reset-failed",
]);

export const systemctl: Command = (args, _io, world) => {
  const { systemd } = world;
  const flags = args.filter((a) => a.startsWith("-"));
  const words = args.filter((a) => !a.startsWith("-"));
  const quiet = flags.includes("-q") || flags.includes("--quiet");
  for (const flag of flags) {
    if (
      ![
        "-q",
        "--quiet",
        "--no-pager",
        "-l",
        "--full",
        "--all",
        "-a",
        "--now",
        "--type=service",
        "--no-legend",
      ].includes(flag)
    ) {
      return fail(`systemctl: unrecognized option '${flag}'\n`);
    }
  }
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
      return ok(renderListUnits(systemd));
    case "status": {
      if (units.length === 0)
        return fail(
          "systemctl status without a unit is not available on this emulated node; name a unit, e.g. `systemctl status kubelet`.\n",
        );
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
    case "is-enabled":
      return eachUnit((unit) => {
        if (!systemd.unit(unit)) return fail(`Failed to get unit file state for ${unit}: No such file or directory\n`);
        const enabled = systemd.isEnabled(unit);
        return { stdout: quiet ? "" : `${enabled ? "enabled" : "disabled"}\n`, stderr: "", exitCode: enabled ? 0 : 1 };
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
        if (flags.includes("--now")) verb === "enable" ? systemd.start(unit) : systemd.stop(unit);
        return { stdout: "", stderr, exitCode: 0 };
      });
    case "daemon-reload":
      systemd.daemonReload();
      return ok();
    case "reset-failed":
      return eachUnit((unit) => {
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
