/**
 * iptables, iptables-save and iptables-restore (iptables 1.8.7, the nf_tables variant
 * Ubuntu 22.04 selects through update-alternatives; the -nft names are the same binary).
 * Thin: the command line and the tables live in node/net/iptables*.ts.
 */
import { runIptables } from "../../node/net/iptables-cli";
import { saveTables } from "../../node/net/iptables-list";
import { restoreTables } from "../../node/net/iptables-restore";
import { type Command, fail, ok } from "../types";

export const iptables: Command = (args, _io, world) => runIptables(world.netfilter, args);

const unrecognized = (prog: string, arg: string) =>
  fail(
    `${prog}: ${arg.startsWith("--") ? `unrecognized option '${arg}'` : `invalid option -- '${arg.slice(1, 2)}'`}\nLook at manual page \`${prog}.8' for more information.\n`,
  );

/** `iptables-save [-t TABLE] [-c]` (xtables-save.c). */
export const iptablesSave: Command = (args, _io, world) => {
  let table: string | undefined;
  let counters = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === "-c" || a === "--counters") counters = true;
    else if (a === "-t" || a === "--table") table = args[++i];
    else if (a.startsWith("--table=")) table = a.slice(8);
    else if (/^-t./.test(a)) table = a.slice(2);
    else if (a === "-M" || a === "--modprobe") i++;
    else return unrecognized("iptables-save", a);
  }
  if (table !== undefined) {
    if (!["filter", "nat", "mangle", "raw", "security"].includes(table)) {
      return fail(`iptables-save v1.8.7 (nf_tables): table '${table}' does not exist\n`, 1);
    }
    // A table nothing has written to yet does not exist in nf_tables: nothing to print.
    if (!world.netfilter.table(table).exists) return ok();
  }
  return ok(saveTables(world.netfilter, world.clock.now(), { table, counters }));
};

/** `iptables-restore [-n|--noflush] [-c] [FILE]`, reading stdin without FILE (xtables-restore.c). */
export const iptablesRestore: Command = (args, io, world) => {
  let noflush = false;
  let counters = false;
  let file: string | undefined;
  for (const a of args) {
    if (a === "-n" || a === "--noflush") noflush = true;
    else if (a === "-c" || a === "--counters") counters = true;
    else if (a === "-w" || a === "--wait" || a === "-v" || a === "--verbose") continue;
    else if (a.startsWith("-") && a !== "-") return unrecognized("iptables-restore", a);
    else file = a;
  }
  let input = io.stdin;
  if (file !== undefined && file !== "-") {
    const path = file.startsWith("/") ? file : `${io.cwd}/${file}`;
    const text = world.fs.tryReadFileSync(path);
    if (text === undefined) {
      return fail(`iptables-restore v1.8.7 (nf_tables): Can't open ${file}: No such file or directory\n`, 1);
    }
    input = text;
  }
  return restoreTables(world.netfilter, input, { noflush, counters });
};
