/**
 * conntrack (conntrack-tools 1.4.6, Ubuntu 22.04) over the kernel's table (node/net/conntrack.ts):
 * `-L` lists entries on stdout and the count on stderr, `-p PROTO`, `-s/--src`, `-d/--dst`
 * filter; `-C` prints the count; `-F` empties the table. Texts from conntrack-tools
 * src/conntrack.c (the "%s v%s (conntrack-tools): ..." prefix of its messages).
 */
import { formatEntry } from "../../node/net/conntrack";
import { type Command, fail } from "../types";

const PREFIX = "conntrack v1.4.6 (conntrack-tools): ";
const TRY = "Try `conntrack -h' or 'conntrack --help' for more information.\n";

export const conntrack: Command = (args, _io, world) => {
  let command: "L" | "C" | "F" | undefined;
  let proto: string | undefined;
  let src: string | undefined;
  let dst: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    const takes = /^(-p|--proto|--protonum|-s|--src|--orig-src|-d|--dst|--orig-dst)$/.test(a);
    if (takes && args[i + 1] === undefined) return missing(a);
    const value = () => args[++i];
    if (a === "-L" || a === "--dump") command = "L";
    else if (a === "-C" || a === "--count") command = "C";
    else if (a === "-F" || a === "--flush") command = "F";
    else if (a === "-p" || a === "--proto" || a === "--protonum") proto = value();
    else if (a === "-s" || a === "--src" || a === "--orig-src") src = value();
    else if (a === "-d" || a === "--dst" || a === "--orig-dst") dst = value();
    else if (a.startsWith("--")) return fail(`conntrack: unrecognized option '${a}'\n${TRY}`, 2);
    else return fail(`conntrack: invalid option -- '${a.slice(1, 2)}'\n${TRY}`, 2);
  }
  if (!command) return fail(`${PREFIX}no command specified\n${TRY}`, 2);
  if (proto !== undefined && !["tcp", "udp", "icmp", "6", "17", "1"].includes(proto))
    return fail(`${PREFIX}\`${proto}' is not a valid protocol\n${TRY}`, 2);
  const now = world.clock.now();
  const wanted = world.conntrack
    .list()
    .filter(
      (e) =>
        (proto === undefined || e.proto === ({ "6": "tcp", "17": "udp", "1": "icmp" }[proto] ?? proto)) &&
        (src === undefined || e.orig.src === src) &&
        (dst === undefined || e.orig.dst === dst),
    );
  if (command === "F") {
    world.conntrack.flush();
    return { stdout: "", stderr: `${PREFIX}connection tracking table has been emptied.\n`, exitCode: 0 };
  }
  if (command === "C") return { stdout: `${wanted.length}\n`, stderr: "", exitCode: 0 };
  return {
    stdout: wanted.map((e) => `${formatEntry(e, now)}\n`).join(""),
    stderr: `${PREFIX}${wanted.length} flow entries have been shown.\n`,
    exitCode: 0,
  };
};

const missing = (opt: string) => fail(`conntrack: option '${opt}' requires an argument\n${TRY}`, 2);
