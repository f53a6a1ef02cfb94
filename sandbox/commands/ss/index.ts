/**
 * `ss` (iproute2 5.15, misc/ss.c) over the sockets the node's programs hold
 * (node/net/listeners.ts) in the namespace the command runs in. Output goes through ss's
 * column renderer as it runs when stdout is not a terminal (render_calc_width's compact
 * output: each column as wide as its longest field, left delimiter " " except before the
 * ports and the process), so `ss -tulpn` prints `Peer Address:PortProcess`; on a terminal
 * the real ss also spreads spare width over the columns. Netid shows only when more than one
 * protocol is listed and State only when more than one state can be (main(): -l alone for TCP
 * would be LISTEN only, but -l also selects UDP's UNCONN). UDP is dumped before TCP, IPv4
 * before IPv6; TCP in listening-hash order (by port, bucket of 32), UDP by its port hash slot
 * (udp_dump walks the table by slot: 53 before 323), as /proc/net/udp lists them; the
 * namespace's random hash mix is taken as 0.
 */
import type { Listener } from "../../node/net/listeners";
import type { World } from "../../world";
import { type Command, fail, ok } from "../types";

const USAGE_HINT = "Usage: ss [ OPTIONS ]\n       ss [ OPTIONS ] [ FILTER ]\n";

interface Flags {
  tcp: boolean;
  udp: boolean;
  listening: boolean;
  all: boolean;
  processes: boolean;
  header: boolean;
  family?: 4 | 6;
}

function parse(args: string[]): Flags | string {
  const f: Flags = { tcp: false, udp: false, listening: false, all: false, processes: false, header: true };
  const long: Record<string, string> = {
    "--tcp": "t",
    "--udp": "u",
    "--listening": "l",
    "--all": "a",
    "--numeric": "n",
    "--processes": "p",
    "--no-header": "H",
    "--ipv4": "4",
    "--ipv6": "6",
    "--resolve": "r",
    "--extended": "e",
  };
  for (const arg of args) {
    const letters = arg.startsWith("--") ? long[arg] : arg.startsWith("-") ? arg.slice(1) : undefined;
    if (letters === undefined) {
      if (arg.startsWith("--")) return `ss: unrecognized option '${arg}'\n${USAGE_HINT}`;
      return `ss: filters are not supported here: ${arg}\n`;
    }
    for (const c of letters) {
      if (c === "t") f.tcp = true;
      else if (c === "u") f.udp = true;
      else if (c === "l") f.listening = true;
      else if (c === "a") f.all = true;
      else if (c === "p") f.processes = true;
      else if (c === "H") f.header = false;
      else if (c === "4") f.family = 4;
      else if (c === "6") f.family = 6;
      else if (!"nre".includes(c)) return `ss: invalid option -- '${c}'\n${USAGE_HINT}`;
    }
  }
  if (!f.tcp && !f.udp) {
    f.tcp = true;
    f.udp = true;
  }
  return f;
}

interface Column {
  header: string;
  align: "left" | "right";
  ldelim: string;
  disabled?: boolean;
}

const COLUMNS: Column[] = [
  { header: "Netid", align: "left", ldelim: "" },
  { header: "State", align: "left", ldelim: " " },
  { header: "Recv-Q", align: "left", ldelim: " " },
  { header: "Send-Q", align: "left", ldelim: " " },
  { header: "Local Address:", align: "right", ldelim: " " },
  { header: "Port", align: "left", ldelim: "" },
  { header: "Peer Address:", align: "right", ldelim: " " },
  { header: "Port", align: "left", ldelim: "" },
  { header: "Process", align: "left", ldelim: "" },
  { header: "", align: "left", ldelim: "" },
];

/** ss's render(): compact widths, then each line's fields with delimiters and padding. */
function render(columns: Column[], lines: string[][]): string {
  const live = columns.map((c, i) => ({ ...c, i })).filter((c) => !c.disabled);
  let first = true;
  const widths = live.map((c) => {
    const max = Math.max(...lines.map((l) => (l[c.i] ?? "").length));
    const width = !first && max ? max + c.ldelim.length : max;
    if (width) first = false;
    return width;
  });
  return lines
    .map((line) => {
      let out = "";
      let started = false;
      live.forEach((c, k) => {
        const width = widths[k] ?? 0;
        const text = line[c.i] ?? "";
        let printed = 0;
        if (started) {
          out += c.ldelim;
          printed = c.ldelim.length;
        }
        started = true;
        if (width && c.align === "right") out += " ".repeat(Math.max(0, width - text.length - printed));
        out += text;
        printed += text.length;
        if (width && c.align === "left") out += " ".repeat(Math.max(0, width - printed));
      });
      return `${out}\n`;
    })
    .join("");
}

/**
 * A wildcard listener in Go is one dual-stack IPv6 socket (`*`); a C daemon's are one per
 * family (`0.0.0.0` and `[::]`); anything else is IPv4.
 */
const isV6 = (l: Listener) => (l.family ? l.family === "v6" : l.host === "0.0.0.0" || l.host === "::");
const wildcard = (l: Listener) => (l.family === "v4" ? "0.0.0.0:" : l.family === "v6" ? "[::]:" : "*:");

export const ss: Command = (args, io, world) => {
  const flags = parse(args);
  if (typeof flags === "string") return fail(flags, 255);
  if (!world.net.namespace(io.netns)) return fail("ss: cannot open network namespace\n");
  // -l selects LISTEN and UNCONN, -a every state, TCP's default all connected states; only
  // plain `ss -u` (UDP's ESTAB alone) leaves a single state and so no State column.
  const manyStates = flags.all || flags.listening || flags.tcp;
  const columns = COLUMNS.map((c, i) => ({
    ...c,
    disabled: (i === 0 && !(flags.tcp && flags.udp)) || (i === 1 && !manyStates),
  }));
  // Sockets belong to the host's namespace; a pod's namespace has none of the node's.
  const sockets = io.netns === undefined ? world.listeners.all() : [];
  const wanted = sockets.filter((l) => {
    const proto = l.protocol ?? "tcp";
    if (proto === "tcp" ? !flags.tcp : !flags.udp) return false;
    if (flags.family && (isV6(l) ? 6 : 4) !== flags.family) return false;
    // Without -l or -a only established (TCP) sockets show; these are all listening/bound.
    return flags.listening || flags.all;
  });
  // TCP walks the listening hash (32 buckets), UDP the port hash (one slot per port here).
  const bucket = (l: Listener) => (l.protocol === "udp" ? l.port & 4095 : l.port % 32);
  const key = (l: Listener) => [l.protocol === "udp" ? 0 : 1, isV6(l) ? 1 : 0, bucket(l), -sockets.indexOf(l)];
  const order = (a: Listener, b: Listener) => {
    const [ka, kb] = [key(a), key(b)];
    const at = ka.findIndex((v, i) => v !== kb[i]);
    return at < 0 ? 0 : (ka[at] as number) - (kb[at] as number);
  };
  const lines: string[][] = flags.header ? [COLUMNS.map((c) => c.header)] : [];
  if (flags.header) (lines[0] as string[])[9] = "";
  for (const l of [...wanted].sort(order)) {
    const udp = l.protocol === "udp";
    const any = l.host === "0.0.0.0" || l.host === "::";
    const local = any ? wildcard(l) : `${l.host}:`;
    const peer = any ? wildcard(l) : "0.0.0.0:";
    lines.push([
      udp ? "udp" : "tcp",
      udp ? "UNCONN" : "LISTEN",
      "0".padEnd(6),
      (udp ? "0" : String(l.backlog ?? 4096)).padEnd(6),
      local,
      String(l.port),
      peer,
      "*",
      flags.processes ? users(world, l) : "",
      "",
    ]);
  }
  return ok(render(columns, lines));
};

/** ` users:(("kubelet",pid=824,fd=12))`: the owner's comm, pid and the socket's fd. */
function users(world: World, l: Listener): string {
  const proc =
    (l.pid !== undefined ? world.procs.get(l.pid) : undefined) ??
    world.procs.all().find((p) => (p.argv[0] ?? "").split("/").pop() === l.owner);
  if (!proc) return "";
  const fd =
    l.fd ??
    10 +
      world.listeners
        .all()
        .filter((o) => o.owner === l.owner)
        .indexOf(l);
  return ` users:(("${l.owner}",pid=${proc.pid},fd=${fd}))`;
}
