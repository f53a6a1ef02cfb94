/**
 * Identity commands answered from the node's state (uname from the running kernel, hostname
 * from the kernel's hostname, date from the simulated clock), as coreutils/hostname print them.
 */
import { KERNEL, KERNEL_BUILD } from "../../scenarios/node/identity";
import { type Command, fail, ok } from "../types";

export const hostname: Command = (args, _io, world) => {
  if (args.length === 0 || args[0] === "-s" || args[0] === "--short") return ok(`${world.hostname}\n`);
  if (args[0] === "-i" || args[0] === "--ip-address") return ok("10.224.0.4\n");
  if (args[0]?.startsWith("-"))
    return fail(
      `hostname: invalid option -- '${args[0].replace(/^-+/, "").slice(0, 1)}'\nTry 'hostname --help' for more information.\n`,
    );
  return fail(
    "hostname: you must be root to change the host name\n".replace(
      "you must be root to change the host name",
      "the hostname is managed by the cloud provider on this node",
    ),
  );
};

export const uname: Command = (args, _io, world) => {
  const fields = {
    s: "Linux",
    n: world.hostname,
    r: KERNEL,
    v: KERNEL_BUILD,
    m: "x86_64",
    p: "x86_64",
    i: "x86_64",
    o: "GNU/Linux",
  };
  const order = ["s", "n", "r", "v", "m", "p", "i", "o"] as const;
  const wanted = new Set<string>();
  for (const arg of args) {
    if (arg === "-a" || arg === "--all") for (const k of order) wanted.add(k);
    else if (/^-[snrvmpio]+$/.test(arg)) for (const c of arg.slice(1)) wanted.add(c);
    else
      return fail(
        `uname: invalid option -- '${arg.replace(/^-+/, "").slice(0, 1)}'\nTry 'uname --help' for more information.\n`,
      );
  }
  if (wanted.size === 0) wanted.add("s");
  return ok(
    `${order
      .filter((k) => wanted.has(k))
      .map((k) => fields[k])
      .join(" ")}\n`,
  );
};

export const whoami: Command = (args) =>
  args.length ? fail(`whoami: extra operand '${args[0]}'\nTry 'whoami --help' for more information.\n`) : ok("root\n");

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** `date` and `date +FORMAT` on the simulated clock, in UTC as AKS nodes run. */
export const date: Command = (args, _io, world) => {
  const d = new Date(world.clock.now());
  const p = (n: number, w = 2) => String(n).padStart(w, "0");
  const field = (c: string): string | undefined => {
    switch (c) {
      case "a":
        return DAYS[d.getUTCDay()];
      case "b":
        return MONTHS[d.getUTCMonth()];
      case "d":
        return p(d.getUTCDate());
      case "e":
        return String(d.getUTCDate()).padStart(2, " ");
      case "H":
        return p(d.getUTCHours());
      case "M":
        return p(d.getUTCMinutes());
      case "S":
        return p(d.getUTCSeconds());
      case "Y":
        return String(d.getUTCFullYear());
      case "m":
        return p(d.getUTCMonth() + 1);
      case "s":
        return String(Math.floor(d.getTime() / 1000));
      case "N":
        return p((d.getTime() % 1000) * 1_000_000, 9);
      case "Z":
        return "UTC";
      case "z":
        return "+0000";
      case "F":
        return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}`;
      case "T":
        return `${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
      case "%":
        return "%";
      default:
        return undefined;
    }
  };
  const format = args.find((a) => a.startsWith("+"));
  const other = args.find((a) => !a.startsWith("+") && a !== "-u" && a !== "--utc");
  if (other) return fail(`date: invalid date '${other}'\n`);
  const fmt = format ? format.slice(1) : "%a %b %e %H:%M:%S %Z %Y";
  return ok(`${fmt.replace(/%(.)/g, (m, c: string) => field(c) ?? m)}\n`);
};

/** `kubelet --version`; the running kubelet itself is a systemd service. */
export const kubelet: Command = (args) => {
  if (args[0] === "--version" || args[0] === "version") return ok("Kubernetes v1.32.7\n");
  return fail(
    'E1030 00:00:00.000000    4130 run.go:72] "command failed" err="failed to run Kubelet: the kubelet on this node runs as kubelet.service; use systemctl"\n',
  );
};
