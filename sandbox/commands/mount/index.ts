/**
 * `mount` with no arguments (util-linux 2.37.2): every mount as `SOURCE on TARGET type FSTYPE
 * (OPTIONS)`, in mount order; `-t TYPE` filters, `-l` is accepted (no labels here). Mounting
 * anything is the kubelet's and containerd's business on this node, so it is refused.
 */
import { type Command, fail, ok } from "../types";

export const mount: Command = (args, _io, world) => {
  let types: string[] | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === "-l" || arg === "--show-labels") continue;
    if (arg === "-t" || arg === "--types") {
      const v = args[++i];
      if (v === undefined)
        return fail("mount: option requires an argument -- 't'\nTry 'mount --help' for more information.\n");
      types = v.split(",");
    } else if (arg.startsWith("-")) {
      return fail(
        `mount: invalid option -- '${arg.replace(/^-+/, "")[0]}'\nTry 'mount --help' for more information.\n`,
      );
    } else {
      return fail(`mount: ${arg}: can't find in /etc/fstab.\n`, 1);
    }
  }
  const lines = world.mounts
    .all()
    .filter((m) => !types || types.includes(m.fstype))
    .map((m) => `${m.source} on ${m.target} type ${m.fstype} (${m.options})\n`);
  return ok(lines.join(""));
};
