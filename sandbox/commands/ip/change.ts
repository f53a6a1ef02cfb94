/**
 * `ip` verbs that change the namespace (iproute2 5.15 ipaddress.c ipaddr_modify, iplink.c
 * do_set, iproute.c iproute_modify, ipneigh.c do_neigh_flush): the arguments are parsed as ip
 * parses them and the request goes to the kernel (node/net/rtnetlink.ts). Exit statuses as
 * ip.c returns them: a refused netlink request is 2 (`RTNETLINK answers: ...`), an unknown
 * device or bad argument 1, an unknown keyword 255 with the object's usage hint.
 */
import { parseCidr } from "../../node/net/ipv4";
import {
  addAddress,
  changeRoute,
  deleteAddress,
  flushNeighbours,
  type RtError,
  routeDst,
  setLinkUp,
} from "../../node/net/rtnetlink";
import type { NetNamespace } from "../../node/net/stack";
import { type ExecResult, fail, ok } from "../types";

const RTNETLINK: Record<RtError, string> = {
  EEXIST: "File exists",
  ESRCH: "No such process",
  EADDRNOTAVAIL: "Cannot assign requested address",
  ENETUNREACH: "Network is unreachable",
  EINVAL: "Invalid argument",
};

const answer = (e: RtError | undefined): ExecResult => (e ? fail(`RTNETLINK answers: ${RTNETLINK[e]}\n`, 2) : ok());
const noDevice = (name: string) => fail(`Cannot find device "${name}"\n`);
const prefixError = (arg: string) => fail(`Error: any valid prefix is expected rather than "${arg}".\n`);
const inet = (arg: string) => fail(`Error: inet prefix is expected rather than "${arg}".\n`);

/** `ip addr add|del ADDR[/LEN] dev IF` */
export function changeAddress(ns: NetNamespace, verb: "add" | "del", args: string[]): ExecResult {
  let local: string | undefined;
  let dev: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === "dev") dev = args[++i];
    else if (["local", "brd", "broadcast", "label", "scope", "metric", "valid_lft", "preferred_lft"].includes(a)) {
      if (a === "local") local = args[++i];
      else i++;
    } else if (local === undefined) local = a;
    else return fail(`Error: either "local" is duplicate, or "${a}" is a garbage.\n`);
  }
  if (local === undefined) return fail('Not enough information: "dev" argument is required.\n');
  const [host = "", len] = local.split("/");
  const cidr = parseCidr(local);
  if (!cidr || (len !== undefined && !/^\d+$/.test(len))) return prefixError(local);
  if (dev === undefined) return fail('Not enough information: "dev" argument is required.\n');
  const link = ns.link(dev);
  if (!link) return noDevice(dev);
  const prefix = len === undefined ? 32 : Number(len);
  return answer(
    verb === "add"
      ? addAddress(ns, link, host, prefix)
      : deleteAddress(ns, link, host, len === undefined ? undefined : prefix),
  );
}

/** `ip link set [dev] IF up|down` */
export function setLink(ns: NetNamespace, args: string[]): ExecResult {
  const rest = args[0] === "dev" ? args.slice(1) : args;
  const [name, ...opts] = rest;
  if (name === undefined) return fail('Not enough information: "dev" argument is required.\n');
  const link = ns.link(name);
  if (!link) return noDevice(name);
  for (const o of opts) {
    if (o === "up" || o === "down") setLinkUp(ns, link, o === "up");
    else return fail(`Error: argument "${o}" is wrong: unknown link set option\n`, 255);
  }
  return ok();
}

/** `ip route add|del|replace PREFIX [via GW] [dev IF] [metric N] [scope link]` */
export function changeRouteCmd(ns: NetNamespace, verb: "add" | "del" | "replace", args: string[]): ExecResult {
  let dst: string | undefined;
  let via: string | undefined;
  let dev: string | undefined;
  let metric: number | undefined;
  let scope: "link" | "host" | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    const v = () => args[++i] ?? "";
    if (a === "via") {
      via = v();
      if (!parseCidr(via) || via.includes("/")) return inet(via);
    } else if (a === "dev" || a === "oif") dev = v();
    else if (a === "metric" || a === "priority" || a === "preference") {
      const m = v();
      if (!/^\d+$/.test(m)) return fail(`Error: argument "${m}" is wrong: "metric" value is invalid\n\n`, 255);
      metric = Number(m);
    } else if (a === "scope") scope = v() === "host" ? "host" : "link";
    else if (a === "proto" || a === "src" || a === "table") v();
    else if (dst === undefined) dst = a;
    else return fail(`Error: either "to" is duplicate, or "${a}" is a garbage.\n`);
  }
  if (dst === undefined)
    return verb === "del" ? answer("ESRCH") : fail("Error: Invalid prefix for given prefix length.\n", 2);
  const cidr = dst === "default" ? parseCidr("0.0.0.0/0") : parseCidr(dst);
  if (!cidr || (dst.includes("/") && !/\/\d+$/.test(dst))) return prefixError(dst);
  const link = dev === undefined ? undefined : ns.link(dev);
  if (dev !== undefined && !link) return noDevice(dev);
  if (verb !== "del" && !via && !link) return fail("Error: Device for nexthop is not up.\n", 2);
  const key = routeDst(dst === "default" ? "0.0.0.0/0" : cidr.prefix === 32 ? `${dst.split("/")[0]}/32` : dst);
  const e = changeRoute(ns, { dst: key, via, link, metric, scope }, verb === "replace" ? "replace" : verb);
  if (e === "ENETUNREACH" && via) return fail("Error: Nexthop has invalid gateway.\n", 2);
  return answer(e);
}

/** `ip neigh flush [dev IF | all]` */
export function flushNeigh(ns: NetNamespace, args: string[]): ExecResult {
  if (args.length === 0) return fail("Flush requires arguments.\n", 255);
  const dev = args[0] === "dev" ? args[1] : args[0] === "all" ? undefined : args[0];
  const link = dev === undefined ? undefined : ns.link(dev);
  if (dev !== undefined && !link) return noDevice(dev);
  flushNeighbours(ns, link);
  return ok();
}
