/** The node's own commands, by name: one lazy line each, like just-bash's registry. */
import type { World } from "../world";
import { date, hostname, kubelet, uname, whoami } from "./basics";
import { conntrack } from "./conntrack";
import { lscpu, nproc } from "./cpu";
import { crictl } from "./crictl";
import { ctr } from "./ctr";
import { curl } from "./curl";
import { df } from "./df";
import { dig } from "./dig";
import { dmesg } from "./dmesg";
import { editorCommand } from "./editor";
import { findmnt } from "./findmnt";
import { free } from "./free";
import { git } from "./git";
import { grep } from "./grep";
import { hostnamectl } from "./hostnamectl";
import { ip } from "./ip";
import { iptables, iptablesRestore, iptablesSave } from "./iptables";
import { journalctl } from "./journalctl";
import { kill } from "./kill";
import { kubectl } from "./kubectl";
import { ln } from "./ln";
import { id, w, who } from "./login";
import { ls } from "./ls";
import { lsblk } from "./lsblk";
import { mount } from "./mount";
import { nsenter } from "./nsenter";
import { nslookup } from "./nslookup";
import { ping } from "./ping";
import { ps } from "./ps";
import { pstree } from "./pstree";
import { rm } from "./rm";
import { sleep } from "./sleep";
import { ss } from "./ss";
import { sysctl } from "./sysctl";
import { systemctl } from "./systemctl";
import { systemdCgls } from "./systemd-cgls";
import { timedatectl } from "./timedatectl";
import { top } from "./top";
import { touch } from "./touch";
import type { Command } from "./types";
import { uptime } from "./uptime";
import { yes } from "./yes";

export const NODE_COMMANDS: Record<string, Command> = {
  code: editorCommand("code"),
  conntrack,
  crictl,
  ctr,
  dig,
  curl,
  date,
  df,
  dmesg,
  edit: editorCommand("edit"),
  egrep: grep("egrep"),
  fgrep: grep("fgrep"),
  findmnt,
  free,
  git,
  grep: grep("grep"),
  hostname,
  hostnamectl,
  id,
  ip,
  iptables,
  "iptables-nft": iptables,
  "iptables-nft-restore": iptablesRestore,
  "iptables-nft-save": iptablesSave,
  "iptables-restore": iptablesRestore,
  "iptables-save": iptablesSave,
  journalctl,
  kill,
  kubectl,
  kubelet,
  ln,
  ls,
  lsblk,
  lscpu,
  mount,
  nsenter,
  nslookup,
  nano: editorCommand("nano"),
  nproc,
  ping,
  ps,
  pstree,
  rm,
  sleep,
  ss,
  sysctl,
  systemctl,
  "systemd-cgls": systemdCgls,
  timedatectl,
  top,
  touch,
  uname,
  uptime,
  vi: editorCommand("vi"),
  vim: editorCommand("vim"),
  w,
  who,
  whoami,
  yes,
};

export function bindCommands(world: World) {
  return Object.fromEntries(
    Object.entries(NODE_COMMANDS).map(([name, run]) => [
      name,
      (args: string[], io: Parameters<Command>[1]) => run(args, io, world),
    ]),
  );
}
