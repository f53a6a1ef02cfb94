/**
 * `hostnamectl` (systemd 249, src/hostname/hostnamectl.c print_status_info): right-aligned
 * field names, the machine's identity from the node's state. An Azure VM: Hyper-V's DMI
 * strings (vendor Microsoft Corporation, product Virtual Machine), chassis vm, virtualization
 * microsoft (systemd-detect-virt). Changing the name is refused as on AKS, where the node's
 * name is the VMSS instance's and the kubelet registers under it.
 */
import { KERNEL, MACHINE, OS_IMAGE } from "../../scenarios/node/identity";
import { type Command, fail, ok } from "../types";

export const hostnamectl: Command = (args, _io, world) => {
  const verb = args.find((a) => !a.startsWith("-")) ?? "status";
  const option = args.find((a) => a.startsWith("-") && !["--static", "--transient", "--pretty"].includes(a));
  if (option) return fail(`hostnamectl: unrecognized option '${option}'\n`);
  if (verb === "hostname" && args.length <= 2) return ok(`${world.hostname}\n`);
  if (["set-hostname", "hostname", "icon-name", "chassis", "deployment", "location"].includes(verb))
    return fail(
      `Could not set ${verb === "set-hostname" ? "hostname" : verb}: the node's name is the scale set instance's on AKS (the kubelet registered under it)\n`,
    );
  if (verb !== "status") return fail(`Unknown command verb ${verb}.\n`);
  const rows: [string, string][] = [
    ["Static hostname", world.hostname],
    ["Icon name", "computer-vm"],
    ["Chassis", "vm"],
    ["Machine ID", MACHINE.machineID],
    ["Boot ID", MACHINE.bootID.replace(/-/g, "")],
    ["Virtualization", "microsoft"],
    ["Operating System", OS_IMAGE],
    ["Kernel", `Linux ${KERNEL}`],
    ["Architecture", "x86-64"],
    ["Hardware Vendor", "Microsoft Corporation"],
    ["Hardware Model", "Virtual Machine"],
  ];
  return ok(rows.map(([k, v]) => `${k.padStart(16)}: ${v}\n`).join(""));
};
