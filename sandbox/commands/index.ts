/** The node's own commands, by name: one lazy line each, like just-bash's registry. */
import type { World } from "../world";
import { date, hostname, kubelet, uname, whoami } from "./basics";
import { crictl } from "./crictl";
import { ctr } from "./ctr";
import { curl } from "./curl";
import { df } from "./df";
import { dmesg } from "./dmesg";
import { editorCommand } from "./editor";
import { free } from "./free";
import { git } from "./git";
import { journalctl } from "./journalctl";
import { kill } from "./kill";
import { kubectl } from "./kubectl";
import { ls } from "./ls";
import { lsblk } from "./lsblk";
import { mount } from "./mount";
import { ps } from "./ps";
import { pstree } from "./pstree";
import { sleep } from "./sleep";
import { systemctl } from "./systemctl";
import { top } from "./top";
import { touch } from "./touch";
import type { Command } from "./types";
import { uptime } from "./uptime";

export const NODE_COMMANDS: Record<string, Command> = {
  code: editorCommand("code"),
  crictl,
  ctr,
  curl,
  date,
  df,
  dmesg,
  edit: editorCommand("edit"),
  free,
  git,
  hostname,
  journalctl,
  kill,
  kubectl,
  kubelet,
  ls,
  lsblk,
  mount,
  nano: editorCommand("nano"),
  ps,
  pstree,
  sleep,
  systemctl,
  top,
  touch,
  uname,
  uptime,
  vi: editorCommand("vi"),
  vim: editorCommand("vim"),
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
