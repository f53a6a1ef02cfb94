/**
 * Changes to a namespace as the kernel makes them for rtnetlink requests (what `ip addr add`,
 * `ip link set`, `ip route add` and `ip neigh flush` send), with the kernel's refusals as
 * errno names the caller prints (`RTNETLINK answers: File exists`):
 *
 * - an address brings its prefix route (`proto kernel scope link src`) while its link is up
 *   (net/ipv4/fib_frontend.c fib_add_ifaddr); deleting it takes that route away;
 * - a link set down loses the routes through it and stops carrying traffic
 *   (fib_disable_ip); set up again, only the prefix routes of its addresses come back:
 *   DHCP's routes are systemd-networkd's to restore, and it is not told here;
 * - a route needs its gateway to be reachable on a link that is up (fib_check_nh:
 *   "Nexthop has invalid gateway"), and an existing destination+metric refuses `add`.
 * Lookups are longest-prefix-first over the main table, the lowest metric breaking ties.
 */
import { cidrContains, formatIpv4, parseCidr } from "./ipv4";
import type { Address, Link, NetNamespace, Route } from "./stack";

export type RtError = "EEXIST" | "ESRCH" | "EADDRNOTAVAIL" | "ENETUNREACH" | "EINVAL";

const network = (local: string, prefix: number) => {
  const c = parseCidr(`${local}/${prefix}`);
  return c ? `${formatIpv4(c.addr)}/${prefix}` : local;
};

/** The route key `ip` prints: a host address without `/32`. */
export const routeDst = (dst: string) =>
  dst.endsWith("/32") ? dst.slice(0, -3) : dst === "0.0.0.0/0" ? "default" : dst;

const prefixRoute = (a: Address): Route => ({
  dst: network(a.local, a.prefix),
  ifindex: a.ifindex,
  proto: "kernel",
  scope: "link",
  src: a.local,
  ...(a.metric !== undefined ? { metric: a.metric } : {}),
});

export function addAddress(ns: NetNamespace, link: Link, local: string, prefix: number): RtError | undefined {
  if (ns.addresses.some((a) => a.family === 4 && a.local === local && a.ifindex === link.ifindex)) return "EEXIST";
  const address: Address = {
    ifindex: link.ifindex,
    family: 4,
    local,
    prefix,
    scope: local.startsWith("127.") ? "host" : "global",
  };
  if (prefix < 31 && link.kind !== "loopback") {
    const c = parseCidr(`${local}/${prefix}`);
    if (c) address.brd = formatIpv4((c.addr | (0xffffffff >>> prefix)) >>> 0);
  }
  ns.addresses.push(address);
  if (link.state !== "DOWN" && prefix < 32) ns.addRoute(prefixRoute(address));
  return undefined;
}

export function deleteAddress(ns: NetNamespace, link: Link, local: string, prefix?: number): RtError | undefined {
  const at = ns.addresses.findIndex(
    (a) =>
      a.family === 4 &&
      a.local === local &&
      a.ifindex === link.ifindex &&
      (prefix === undefined || a.prefix === prefix),
  );
  if (at < 0) return "EADDRNOTAVAIL";
  const [gone] = ns.addresses.splice(at, 1) as [Address];
  const route = prefixRoute(gone);
  removeWhere(ns.routes, (r) => r.dst === route.dst && r.ifindex === link.ifindex && r.proto === "kernel");
  return undefined;
}

export function setLinkUp(ns: NetNamespace, link: Link, up: boolean): void {
  if (link.kind === "loopback") link.state = up ? "UNKNOWN" : "DOWN";
  else link.state = up ? "UP" : "DOWN";
  link.adminDown = !up;
  if (!up) {
    removeWhere(ns.routes, (r) => r.ifindex === link.ifindex);
    return;
  }
  for (const a of ns.addresses.filter((x) => x.ifindex === link.ifindex && x.family === 4 && x.prefix < 32)) {
    const route = prefixRoute(a);
    if (!ns.routes.some((r) => r.dst === route.dst && r.ifindex === link.ifindex)) ns.addRoute(route);
  }
}

export interface RouteRequest {
  dst: string;
  via?: string;
  link?: Link;
  metric?: number;
  scope?: Route["scope"];
}

export function changeRoute(ns: NetNamespace, req: RouteRequest, mode: "add" | "replace" | "del"): RtError | undefined {
  // A route's key is its destination and priority (metric); `del` without a metric takes any.
  const same = (r: Route) =>
    r.dst === req.dst &&
    (mode === "del"
      ? (req.metric === undefined || (r.metric ?? 0) === req.metric) &&
        (!req.link || r.ifindex === req.link.ifindex) &&
        (!req.via || r.via === req.via)
      : (r.metric ?? 0) === (req.metric ?? 0));
  const existing = ns.routes.find(same);
  if (mode === "del") {
    if (!existing) return "ESRCH";
    ns.routes.splice(ns.routes.indexOf(existing), 1);
    return undefined;
  }
  if (existing && mode === "add") return "EEXIST";
  let ifindex = req.link?.ifindex;
  if (req.via) {
    const hop = lookup(ns, req.via);
    if (!hop || hop.via) return "ENETUNREACH";
    if (req.link && hop.ifindex !== req.link.ifindex && req.scope !== "link") return "ENETUNREACH";
    ifindex ??= hop.ifindex;
  }
  if (ifindex === undefined) return "ENETUNREACH";
  const link = ns.link(ifindex);
  if (!link || link.state === "DOWN") return "ENETUNREACH";
  if (existing) ns.routes.splice(ns.routes.indexOf(existing), 1);
  ns.addRoute({
    dst: req.dst,
    ifindex,
    proto: "boot",
    ...(req.via ? { via: req.via } : { scope: req.scope ?? "link" }),
    ...(req.metric !== undefined ? { metric: req.metric } : {}),
  });
  return undefined;
}

/** The route the kernel picks for a destination (fib_lookup in the main table), or none. */
export function lookup(ns: NetNamespace, ip: string): Route | undefined {
  const candidates = ns.routes
    .map((r) => ({ r, c: parseCidr(r.dst === "default" ? "0.0.0.0/0" : r.dst) }))
    .filter((x) => x.c && cidrContains(x.c, ip) && ns.link(x.r.ifindex)?.state !== "DOWN");
  candidates.sort((a, b) => (b.c?.prefix ?? 0) - (a.c?.prefix ?? 0) || (a.r.metric ?? 0) - (b.r.metric ?? 0));
  return candidates[0]?.r;
}

export function flushNeighbours(ns: NetNamespace, link?: Link): void {
  removeWhere(ns.neighbours, (n) => !link || n.ifindex === link.ifindex);
}

function removeWhere<T>(list: T[], pred: (x: T) => boolean): void {
  const kept = list.filter((x) => !pred(x));
  list.splice(0, list.length, ...kept);
}
