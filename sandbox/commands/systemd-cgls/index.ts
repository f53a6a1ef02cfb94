/**
 * `systemd-cgls` (systemd 249, src/cgls/cgls.c): the cgroup tree from the root (`Control group
 * /:`, `-.slice`, then user.slice, init.scope, system.slice and kubepods.slice in the kernel's
 * readdir order), a cgroup path's subtree (`systemd-cgls /system.slice/kubelet.service`), or a
 * unit's (`-u kubelet`: `Unit kubelet.service (/system.slice/kubelet.service):`). Members are
 * the processes /proc shows (PID 1, the units', containerd's shims and the pods' processes
 * under kubepods.slice) plus the learner's login session and this command itself. Command
 * lines are printed whole, as on a terminal where the pager makes systemd-cgls use --full.
 */

import { type CgroupMember, hasCgroup, showCgroup } from "../../node/systemd/cgroup-show";
import { canonicalUnitName, sliceCgroup } from "../../node/systemd/manager";
import { setting } from "../../node/systemd/unit-file";
import { procEntries } from "../../procfs";
import type { World } from "../../world";
import { LOGIN_CHAIN, SESSION_CGROUP, SHELL_PID } from "../ps/processes";
import { type Command, fail } from "../types";

function members(world: World, argv: string[]): CgroupMember[] {
  const table = procEntries(world).map((p) => ({ pid: p.pid, cmdline: p.argv.join(" "), cgroup: p.cgroup }));
  const session = LOGIN_CHAIN.map((p) => ({ pid: p.pid, cmdline: p.argv.join(" "), cgroup: SESSION_CGROUP }));
  // This command, a child of the shell; the table's counter may not have reached the shell's PID.
  const next = world.procs.allocatePid();
  const own = { pid: next > SHELL_PID ? next : SHELL_PID + next, cmdline: argv.join(" "), cgroup: SESSION_CGROUP };
  return [...table, ...session, own];
}

/** Delegate=yes in the unit (containerd.service), or a container's scope (runc delegates it). */
function delegation(world: World) {
  return (path: string) => {
    const name = path.split("/").pop() ?? "";
    if (/^cri-containerd-[0-9a-f]{64}\.scope$/.test(name)) return true;
    const def = name.endsWith(".service") ? world.systemd.unit(name)?.def : undefined;
    return def ? /^(yes|true|on|1)$/.test(setting(def, "Service.Delegate") ?? "") : false;
  };
}

export const systemdCgls: Command = (args, _io, world) => {
  const units: string[] = [];
  const paths: string[] = [];
  let unitMode = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (["--no-pager", "--full", "--all", "-l", "-a", "-k", "-la", "-al"].includes(arg)) continue;
    if (arg === "-u" || arg === "--unit") {
      unitMode = true;
      const next = args[i + 1];
      if (next !== undefined && !next.startsWith("-")) units.push(args[++i] as string);
    } else if (arg.startsWith("--unit=")) {
      unitMode = true;
      units.push(arg.slice(7));
    } else if (/^-u./.test(arg)) {
      unitMode = true;
      units.push(arg.slice(2));
    } else if (arg.startsWith("--")) {
      return fail(`systemd-cgls: unrecognized option '${arg}'\n`);
    } else if (arg.startsWith("-") && arg.length > 1) {
      const bad = [...arg.slice(1)].find((c) => !"lak".includes(c));
      return fail(`systemd-cgls: invalid option -- '${bad ?? arg[1]}'\n`);
    } else (unitMode ? units : paths).push(arg);
  }
  const all = members(world, ["systemd-cgls", ...args]);
  const delegated = delegation(world);
  const show = (path: string) =>
    showCgroup(all, path, delegated)
      .map((l) => `${l}\n`)
      .join("");
  if (!units.length && !paths.length) {
    return { stdout: `Control group /:\n-.slice\n${show("/")}`, stderr: "", exitCode: 0 };
  }
  let stdout = "";
  let stderr = "";
  for (const name of units) {
    const unit = canonicalUnitName(name);
    const rt = world.systemd.unit(unit);
    // An active unit's ControlGroup; scopes and slices systemd made at runtime are found by name.
    // The kubelet's QoS slices exist (as units) even with no pod in them.
    const qosSlice = /^kubepods(-burstable|-besteffort)?\.slice$/.test(unit) ? sliceCgroup(unit) : undefined;
    const cgroup =
      rt?.def && rt.activeState !== "inactive" && rt.activeState !== "failed"
        ? world.systemd.cgroupOf(rt)
        : (qosSlice ?? findGroup(all, unit));
    if (!cgroup) {
      stderr += `Unit ${unit} not found.\n`;
      continue;
    }
    stdout += `Unit ${unit} (${cgroup}):\n${show(cgroup)}`;
  }
  for (const raw of paths) {
    const path = `/${raw.split("/").filter(Boolean).join("/")}`;
    stdout += `Control group ${path}:\n`;
    if (path !== "/" && !hasCgroup(all, path)) {
      stderr += "Failed to list cgroup tree: No such file or directory\n";
      continue;
    }
    stdout += show(path);
  }
  if (stderr && units.length && !stderr.includes("Failed to list")) {
    stderr += "Failed to list cgroup tree: No such file or directory\n";
  }
  return { stdout, stderr, exitCode: stderr ? 1 : 0 };
};

/** The cgroup path whose last component is `unit` (a scope or slice), if any process is below it. */
function findGroup(all: CgroupMember[], unit: string): string | undefined {
  for (const m of all) {
    const parts = m.cgroup.split("/");
    const at = parts.indexOf(unit);
    if (at > 0) return parts.slice(0, at + 1).join("/");
  }
  return undefined;
}
