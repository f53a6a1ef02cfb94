/**
 * iproute2 5.15's text output (Ubuntu 22.04's `ip`), field by field as ip/ipaddress.c
 * (print_linkinfo, print_addrinfo), ip/iproute.c (print_route) and ip/ipneigh.c
 * (print_neigh) print them, trailing spaces included: each field is printed as "name value ",
 * so a line ends in a space unless its last field is the address label or a neighbour state.
 */
import {
  type Address,
  ipv4ToNumber,
  type Link,
  type NetNamespace,
  type NetworkStack,
  type Route,
} from "../../node/net/stack";

export interface ShowOptions {
  family?: 4 | 6;
  brief: boolean;
  /** `ip link` (adds `mode DEFAULT`) rather than `ip addr`. */
  linkOnly: boolean;
}

const FLAGS: Record<Link["kind"], string> = {
  loopback: "LOOPBACK,UP,LOWER_UP",
  ether: "BROADCAST,MULTICAST,UP,LOWER_UP",
  veth: "BROADCAST,MULTICAST,UP,LOWER_UP",
};

/** The link's flags: an administratively down link has neither UP nor LOWER_UP. */
const flags = (link: Link) => (link.adminDown ? FLAGS[link.kind].replace(/,UP,LOWER_UP$/, "") : FLAGS[link.kind]);

/** `eth0`, or `azv...@if7` for a veth whose peer lives in another namespace. */
function nameAndLink(ns: NetNamespace, link: Link): string {
  if (!link.peer) return link.name;
  return link.peer.ns === ns ? `${link.name}@${link.peer.link.name}` : `${link.name}@if${link.peer.link.ifindex}`;
}

/** ` link-netns cni-...` when the peer namespace has a name here, else ` link-netnsid N`. */
function linkNetns(ns: NetNamespace, link: Link): string {
  const peerNs = link.peer?.ns;
  if (!peerNs || peerNs === ns) return "";
  const id = ns.nsidOf(peerNs);
  return peerNs.name && ns.name === undefined ? ` link-netns ${peerNs.name}` : ` link-netnsid ${id}`;
}

function addressLine(a: Address, label: string): string {
  const family = a.family === 4 ? "inet" : "inet6";
  let line = `    ${family} ${a.local}/${a.prefix} `;
  if (a.metric !== undefined) line += `metric ${a.metric} `;
  if (a.brd) line += `brd ${a.brd} `;
  line += `scope ${a.scope} `;
  // The kernel labels IPv4 addresses with the device's name; IPv6 ones carry no label.
  if (a.family === 4) line += label;
  return `${line}\n       valid_lft forever preferred_lft forever\n`;
}

export function showLinks(ns: NetNamespace, links: Link[], opts: ShowOptions): string {
  let out = "";
  for (const link of links) {
    const addrs = ns.addresses.filter((a) => a.ifindex === link.ifindex && (!opts.family || a.family === opts.family));
    // With a family filter `ip addr` leaves out links that have no address of it.
    if (!opts.linkOnly && opts.family && addrs.length === 0) continue;
    if (opts.brief) {
      const name = nameAndLink(ns, link).padEnd(16);
      const state = link.state.padEnd(14);
      out += opts.linkOnly
        ? `${name} ${state} ${link.mac} <${flags(link)}> \n`
        : `${name} ${state} ${[...addrs]
            .sort((x, y) => x.family - y.family)
            .map((a) => `${a.local}/${a.prefix} `)
            .join("")}\n`;
      continue;
    }
    const mode = opts.linkOnly ? "mode DEFAULT " : "";
    const qlen = link.qlen ? `qlen ${link.qlen}` : "";
    out += `${link.ifindex}: ${nameAndLink(ns, link)}: <${flags(link)}> mtu ${link.mtu} qdisc ${link.qdisc} state ${link.state} ${mode}group default ${qlen}\n`;
    const type = link.kind === "loopback" ? "loopback" : "ether";
    const brd = link.kind === "loopback" ? "00:00:00:00:00:00" : "ff:ff:ff:ff:ff:ff";
    out += `    link/${type} ${link.mac} brd ${brd}${linkNetns(ns, link)}\n`;
    if (opts.linkOnly) continue;
    for (const a of [...addrs].sort((x, y) => x.family - y.family)) out += addressLine(a, link.name);
  }
  return out;
}

/** The kernel dumps the main table in key order: by destination address. */
const routeKey = (r: Route) => (r.dst === "default" ? -1 : ipv4ToNumber(r.dst.split("/")[0] as string));

export function showRoutes(ns: NetNamespace): string {
  return [...ns.routes]
    .sort((a, b) => routeKey(a) - routeKey(b))
    .map((r) => {
      let line = `${r.dst} `;
      if (r.via) line += `via ${r.via} `;
      line += `dev ${ns.link(r.ifindex)?.name ?? "?"} `;
      if (r.proto && r.proto !== "boot") line += `proto ${r.proto} `;
      if (r.scope) line += `scope ${r.scope} `;
      if (r.src) line += `src ${r.src} `;
      if (r.metric !== undefined) line += `metric ${r.metric} `;
      return `${line}\n`;
    })
    .join("");
}

/** Neighbour entries: REACHABLE for base_reachable_time (30 s) after a confirmation, then STALE. */
export function showNeighbours(ns: NetNamespace, now: number): string {
  return ns.neighbours
    .map((n) => {
      const state = n.busy || now - n.confirmed < 30_000 ? "REACHABLE" : "STALE";
      return `${n.dst} dev ${ns.link(n.ifindex)?.name ?? "?"} lladdr ${n.lladdr} ${state}\n`;
    })
    .join("");
}

/**
 * `ip netns list`: the entries of /var/run/netns in readdir order (tmpfs lists the newest
 * first), each with the id the current namespace knows it by, if any.
 */
export function listNetns(stack: NetworkStack, current: NetNamespace, entries: string[]): string {
  const seq = (name: string) => stack.namespace(name)?.seq ?? 0;
  return [...entries]
    .sort((a, b) => seq(b) - seq(a))
    .map((name) => {
      const ns = stack.namespace(name);
      const id = ns && ns !== current ? current.nsids.get(ns) : undefined;
      return id === undefined ? `${name}\n` : `${name} (id: ${id})\n`;
    })
    .join("");
}
