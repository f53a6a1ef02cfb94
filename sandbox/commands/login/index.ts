/**
 * Who is on the node: `id` (coreutils 8.32), `who` (coreutils 8.32, from utmp) and `w`
 * (procps-ng 3.3.17). The one login is the learner's: azureuser over SSH from the jump box
 * on pts/0 when the session started (world.sessionStart), then `sudo -i`, so the shell is
 * root's. azureuser's groups are cloud-init's default_user groups on Ubuntu 22.04.
 */
import type { World } from "../../world";
import { SESSION_TTY } from "../ps/processes";
import { type Command, fail, ok } from "../types";
import { uptimeLine } from "../uptime";

/** Where the SSH session came from: a jump box in another subnet of the cluster's VNet. */
export const SSH_FROM = "10.225.0.4";

interface Account {
  uid: number;
  gid: number;
  groups: [number, string][];
}

const ACCOUNTS: Record<string, Account> = {
  root: { uid: 0, gid: 0, groups: [[0, "root"]] },
  azureuser: {
    uid: 1000,
    gid: 1000,
    groups: [
      [1000, "azureuser"],
      [4, "adm"],
      [20, "dialout"],
      [24, "cdrom"],
      [25, "floppy"],
      [27, "sudo"],
      [29, "audio"],
      [30, "dip"],
      [44, "video"],
      [46, "plugdev"],
      [119, "netdev"],
      [120, "lxd"],
    ],
  },
};

const pad2 = (n: number) => String(n).padStart(2, "0");

export const id: Command = (args) => {
  const flags = new Set<string>();
  const names: string[] = [];
  for (const a of args) {
    if (a.startsWith("--")) {
      const long: Record<string, string> = { "--user": "u", "--group": "g", "--groups": "G", "--name": "n" };
      const c = long[a];
      if (!c) return fail(`id: unrecognized option '${a}'\nTry 'id --help' for more information.\n`);
      flags.add(c);
    } else if (a.startsWith("-") && a.length > 1) {
      for (const c of a.slice(1)) {
        if (!"ugGnr".includes(c)) return fail(`id: invalid option -- '${c}'\nTry 'id --help' for more information.\n`);
        flags.add(c);
      }
    } else names.push(a);
  }
  if (names.length > 1) return fail(`id: extra operand '${names[1]}'\nTry 'id --help' for more information.\n`);
  const name = names[0] ?? "root";
  const acct = ACCOUNTS[name];
  if (!acct) return fail(`id: '${name}': no such user\n`);
  const which = ["u", "g", "G"].filter((c) => flags.has(c));
  if (which.length > 1) return fail('id: cannot print "only" of more than one choice\n');
  if (which.length === 0 && flags.has("n")) return fail("id: cannot print only names or real IDs in default format\n");
  const own = acct.groups[0] as [number, string];
  const by = flags.has("n");
  if (which[0] === "u") return ok(`${by ? name : acct.uid}\n`);
  if (which[0] === "g") return ok(`${by ? own[1] : acct.gid}\n`);
  if (which[0] === "G") return ok(`${acct.groups.map(([n, g]) => (by ? g : n)).join(" ")}\n`);
  const groups = acct.groups.map(([n, g]) => `${n}(${g})`).join(",");
  return ok(`uid=${acct.uid}(${name}) gid=${acct.gid}(${own[1]}) groups=${groups}\n`);
};

function loginTime(world: World): string {
  const d = new Date(world.sessionStart);
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}`;
}

/** who.c print_line: name (%-8s), line (%-12s), time, then the host in parentheses. */
export const who: Command = (args, _io, world) => {
  const header = args.includes("-H") || args.includes("--heading");
  const bad = args.find((a) => !["-H", "--heading", "-u", "--users"].includes(a));
  if (bad !== undefined) {
    if (!bad.startsWith("-")) return fail(`who: cannot open '${bad}': No such file or directory\n`);
    const what = bad.startsWith("--") ? `unrecognized option '${bad}'` : `invalid option -- '${bad.slice(1, 2)}'`;
    return fail(`who: ${what}\nTry 'who --help' for more information.\n`);
  }
  const withIdle = args.includes("-u") || args.includes("--users");
  // -u adds IDLE (`.`: active in the last minute) and the session's PID, the shell's parent
  // (who.c print_line's " %-6s" and " %10s"; *unconfirmed* spacing).
  const extra = withIdle ? ` ${".".padEnd(6)} ${"4120".padStart(10)}` : "";
  let out = header
    ? `${"NAME".padEnd(8)} ${"LINE".padEnd(12)} ${"TIME".padEnd(16)}${withIdle ? " IDLE          PID" : ""} COMMENT\n`
    : "";
  out += `${"azureuser".padEnd(8)} ${SESSION_TTY.padEnd(12)} ${loginTime(world)}${extra} (${SSH_FROM})\n`;
  return ok(out);
};

/** w.c: the uptime line, the header, then one row per session (USER 8, TTY 8, FROM 16). */
export const w: Command = (args, _io, world) => {
  const noHeader = args.includes("-h") || args.includes("--no-header");
  const bad = args.find((a) => !["-h", "--no-header", "azureuser"].includes(a));
  if (bad !== undefined) {
    if (!bad.startsWith("-"))
      return ok(
        noHeader ? "" : `${uptimeLine(world)}\nUSER     TTY      FROM             LOGIN@   IDLE   JCPU   PCPU WHAT\n`,
      );
    return fail(
      `w: invalid option -- '${bad.replace(/^-+/, "").slice(0, 1)}'\n\nUsage:\n w [options] [user]\n\nFor more details see w(1).\n`,
    );
  }
  const d = new Date(world.sessionStart);
  const login = `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}`;
  let out = noHeader
    ? ""
    : `${uptimeLine(world)}\nUSER     TTY      FROM             LOGIN@   IDLE   JCPU   PCPU WHAT\n`;
  // The session's foreground process is this `w` (find_best_proc: the tty's process group leader).
  out += `${"azureuser".slice(0, 8)} ${SESSION_TTY.padEnd(8)} ${SSH_FROM.padEnd(16)} ${login.padStart(5)}    0.00s  0.04s  0.00s w\n`;
  return ok(out);
};
