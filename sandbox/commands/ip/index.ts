/**
 * `ip` (iproute2 5.15): show the links, addresses, routes and neighbours of the namespace the
 * command runs in (the host's, or a pod's under `ip netns exec` / `nsenter -n` / `ip -n`),
 * and list and enter the named network namespaces. Objects and verbs are matched by prefix in
 * ip.c's table order (`a` is address, `r` route, `n` neighbour, `l` link); errors and exit
 * codes follow ip.c do_cmd, which negates an object's -1 into status 1. Changing the network
 * goes to the kernel's rules in change.ts: `addr add|del`, `link set IF up|down`,
 * `route add|del|replace`, `neigh flush`.
 */

import type { World } from "../../world";
import { type Command, type CommandIo, type ExecResult, fail, ok } from "../types";
import { changeAddress, changeRouteCmd, flushNeigh, setLink } from "./change";
import { ipNetns } from "./netns";
import { showLinks, showNeighbours, showRoutes } from "./print";

/** ip.c's objects in table order: the first whose name starts with the word wins. */
const OBJECTS = [
  "address",
  "addrlabel",
  "maddress",
  "route",
  "rule",
  "neighbor",
  "neighbour",
  "ntable",
  "link",
  "l2tp",
  "fou",
  "ila",
  "macsec",
  "tunnel",
  "tunl",
  "tuntap",
  "tap",
  "token",
  "tcpmetrics",
  "tcp_metrics",
  "monitor",
  "xfrm",
  "mroute",
  "mrule",
  "netns",
  "netconf",
  "vrf",
  "sr",
  "nexthop",
  "mptcp",
  "ioam",
  "help",
];

const USAGE = `Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }
       ip [ -force ] -batch filename
where  OBJECT := { address | addrlabel | fou | help | ila | ioam | l2tp | link |
                   macsec | maddress | monitor | mptcp | mroute | mrule |
                   neighbor | neighbour | netconf | netns | nexthop | ntable |
                   ntbl | route | rule | sr | tap | tcpmetrics |
                   token | tunnel | tuntap | vrf | xfrm }
       OPTIONS := { -V[ersion] | -s[tatistics] | -d[etails] | -r[esolve] |
                    -h[uman-readable] | -iec | -j[son] | -p[retty] |
                    -f[amily] { inet | inet6 | mpls | bridge | link } |
                    -4 | -6 | -I | -D | -M | -B | -0 |
                    -l[oops] { maximum-addr-flush-attempts } | -br[ief] |
                    -o[neline] | -t[imestamp] | -ts[hort] | -b[atch] [filename] |
                    -rc[vbuf] [size] | -n[etns] name | -N[umeric] | -a[ll] |
                    -c[olor]}
`;

const matches = (word: string, full: string) => word.length > 0 && full.startsWith(word);
const isShow = (w: string | undefined) =>
  w === undefined || ["show", "list", "lst"].some((v) => matches(w, v)) || w === "sh" || w === "ls";

export const ip: Command = (args, io, world) => {
  let family: 4 | 6 | undefined;
  let brief = false;
  let netns = io.netns;
  let i = 0;
  for (; i < args.length && (args[i] as string).startsWith("-"); i++) {
    const opt = (args[i] as string).replace(/^--?/, "-");
    if (opt === "-4") family = 4;
    else if (opt === "-6") family = 6;
    else if (matches(opt.slice(1), "brief") && opt.length >= 3) brief = true;
    else if (opt === "-V" || matches(opt.slice(1), "Version")) return ok("ip utility, iproute2-5.15.0, libbpf 0.5.0\n");
    else if (matches(opt.slice(1), "netns")) {
      netns = args[++i];
      if (netns === undefined) return fail("No netns name specified\n");
    } else if (["-d", "-s", "-c", "-N", "-r", "-details", "-statistics", "-color", "-numeric"].includes(opt)) continue;
    else return fail(`Option "${args[i]}" is unknown, try "ip -help".\n`, 255);
  }
  const word = args[i];
  if (word === undefined) return fail(USAGE, 255);
  const object = OBJECTS.find((o) => matches(word, o));
  if (!object) return fail(`Object "${word}" is unknown, try "ip help".\n`);
  if (object === "help") return fail(USAGE, 255);
  const rest = args.slice(i + 1);
  if (object === "netns") return ipNetns(rest, io, world, netns);
  const ns = world.net.namespace(netns);
  if (!ns) return fail(`Cannot open network namespace "${netns}": No such file or directory\n`);
  return showObject(object, rest, { world, io, ns, family, brief });
};

interface ShowContext {
  world: World;
  io: CommandIo;
  ns: NonNullable<ReturnType<World["net"]["namespace"]>>;
  family?: 4 | 6;
  brief: boolean;
}

function showObject(object: string, rest: string[], ctx: ShowContext): ExecResult {
  const { ns, world } = ctx;
  const verb = rest[0];
  const help = object === "neighbor" || object === "neighbour" ? "neighbour" : object;
  const args = rest.slice(1);
  if (object === "address" && verb && ["add", "del", "delete"].includes(verb))
    return changeAddress(ns, verb === "add" ? "add" : "del", args);
  if (object === "link" && verb === "set") return setLink(ns, args);
  if (object === "route" && verb && ["add", "del", "delete", "replace", "change"].includes(verb))
    return changeRouteCmd(ns, verb === "add" ? "add" : verb.startsWith("del") ? "del" : "replace", args);
  if (help === "neighbour" && verb === "flush") return flushNeigh(ns, args);
  if (!isShow(verb)) return fail(`Command "${verb}" is unknown, try "ip ${help} help".\n`, 255);
  const filters = isShow(verb) && verb !== undefined ? rest.slice(1) : rest;
  if (object === "address" || object === "link") {
    const dev = filters[0] === "dev" ? filters[1] : filters[0];
    const links = dev === undefined ? ns.links : ns.links.filter((l) => l.name === dev);
    if (dev !== undefined && links.length === 0) return fail(`Device "${dev}" does not exist.\n`);
    return ok(showLinks(ns, links, { family: ctx.family, brief: ctx.brief, linkOnly: object === "link" }));
  }
  if (object === "route") return ok(ctx.family === 6 ? "" : showRoutes(ns));
  if (object === "neighbor" || object === "neighbour") return ok(showNeighbours(ns, world.clock.now()));
  if (object === "rule") {
    return ok("0:\tfrom all lookup local\n32766:\tfrom all lookup main\n32767:\tfrom all lookup default\n");
  }
  return ok("");
}
