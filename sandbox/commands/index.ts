/** The node's own commands, by name: one lazy line each, like just-bash's registry. */
import type { World } from "../world";
import { date, hostname, kubelet, ls, uname, whoami } from "./basics";
import { crictl } from "./crictl";
import { journalctl } from "./journalctl";
import { kubectl } from "./kubectl";
import { sleep } from "./sleep";
import { systemctl } from "./systemctl";
import type { Command } from "./types";

export const NODE_COMMANDS: Record<string, Command> = {
  crictl,
  date,
  hostname,
  journalctl,
  kubectl,
  kubelet,
  ls,
  sleep,
  systemctl,
  uname,
  whoami,
};

export function bindCommands(world: World) {
  return Object.fromEntries(
    Object.entries(NODE_COMMANDS).map(([name, run]) => [
      name,
      (args: string[], io: Parameters<Command>[1]) => run(args, io, world),
    ]),
  );
}
