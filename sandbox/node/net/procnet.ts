/**
 * /proc/net as Linux 5.15 renders it for one network namespace: the main routing table
 * (net/ipv4/fib_trie.c fib_route_seq_show), the interfaces' counters (net/core/net-procfs.c
 * dev_seq_show), the TCP and UDP sockets (net/ipv4/tcp_ipv4.c get_tcp4_sock, tcp_ipv6.c
 * get_tcp6_sock, udp.c udp4_format_sock, datagram.c __ip6_dgram_sock_seq_show) and the
 * conntrack table (net/netfilter/nf_conntrack_standalone.c ct_seq_show). Addresses print as
 * the kernel's `%08X` of a __be32 read on a little-endian CPU: 127.0.0.1 is 0100007F.
 */
import { type ConntrackEntry, protoNumber, type Tuple } from "./conntrack";
import { linkCounters } from "./link-counters";
import type { Listener } from "./listeners";
import { ipv4ToNumber, type NetNamespace } from "./stack";

/** `%08X` of an IPv4 address in network order, read as a little-endian word. */
export function hexV4(ip: string): string {
  return ip
    .split(".")
    .reverse()
    .map((o) => Number(o).toString(16).padStart(2, "0"))
    .join("")
    .toUpperCase();
}

const hex = (n: number, width: number) => n.toString(16).toUpperCase().padStart(width, "0");

/** The kernel pads these lines to a fixed width before the newline (seq_setwidth + seq_pad). */
const padded = (width: number, line: string) => `${line.padEnd(width)}\n`;

/** A prefix's mask as a `__be32` (inet_make_mask), printed like an address. */
function maskHex(prefix: number): string {
  const bits = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  return hexV4([24, 16, 8, 0].map((s) => (bits >>> s) & 255).join("."));
}

/**
 * /proc/net/route: the main table's unicast routes in the trie's key order (by destination,
 * then the longer prefix first); RTF_UP, RTF_GATEWAY for a route via a gateway, RTF_HOST for /32.
 */
export function procRoute(ns: NetNamespace): string {
  const header = "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT";
  const rows = ns.routes.map((r) => {
    const [dst, len] = r.dst === "default" ? ["0.0.0.0", 0] : r.dst.includes("/") ? r.dst.split("/") : [r.dst, 32];
    return { r, dst: dst as string, prefix: Number(len) };
  });
  rows.sort((a, b) => ipv4ToNumber(a.dst) - ipv4ToNumber(b.dst) || b.prefix - a.prefix);
  let out = padded(127, header);
  for (const { r, dst, prefix } of rows) {
    const flags = 0x1 | (r.via ? 0x2 : 0) | (prefix === 32 ? 0x4 : 0);
    const fields = [
      ns.link(r.ifindex)?.name ?? "*",
      hexV4(dst),
      hexV4(r.via ?? "0.0.0.0"),
      hex(flags, 4),
      "0",
      "0",
      String(r.metric ?? 0),
      maskHex(prefix),
      "0",
      "0",
      "0",
    ];
    out += padded(127, fields.join("\t"));
  }
  return out;
}

/** /proc/net/dev: two header lines, then each interface by ifindex (the index hash's order). */
export function procDev(ns: NetNamespace, now: number): string {
  let out =
    "Inter-|   Receive                                                |  Transmit\n" +
    " face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed\n";
  for (const link of ns.links) {
    const c = linkCounters(link, now, ns.name === undefined);
    const n = (v: number, w: number) => String(v).padStart(w);
    out += `${link.name.padStart(6)}: ${n(c.rxBytes, 7)} ${n(c.rxPackets, 7)} ${n(0, 4)} ${n(0, 4)} ${n(0, 4)} ${n(0, 5)} ${n(0, 10)} ${n(c.multicast, 9)} ${n(c.txBytes, 8)} ${n(c.txPackets, 7)} ${n(0, 4)} ${n(0, 4)} ${n(0, 4)} ${n(0, 5)} ${n(0, 7)} ${n(0, 10)}\n`;
  }
  return out;
}

/** What the kernel keeps of a socket that /proc/net prints besides its address. */
export interface SocketFacts {
  /** Owner of the socket's inode: who called socket(2). */
  uid: number;
  /** Its inode number (`socket:[N]` in /proc/PID/fd). */
  inode: number;
  /** The struct sock's address as %pK prints it (zeros when kptr_restrict hides it). */
  pointer: string;
}

/** Go's wildcard is one dual-stack IPv6 socket; a C daemon's `family` says which one it is. */
export const isV6Socket = (l: Listener) => (l.family ? l.family === "v6" : l.host === "0.0.0.0" || l.host === "::");

/** An address in a v6 table: four words, each a little-endian read of 4 network-order bytes. */
function hexV6(l: Listener): string {
  if (l.host === "0.0.0.0" || l.host === "::") return "0".repeat(32);
  // A specific IPv4 address on a v6 socket is v4-mapped (::ffff:a.b.c.d).
  return `0000000000000000FFFF0000${hexV4(l.host)}`;
}

/**
 * The order both the proc files and ss walk: the listening hash (port mod 32 here, the
 * namespace's hash mix taken as 0, as ss does) for TCP, the port's slot for UDP; within a
 * bucket the newest socket first.
 */
function inHashOrder(sockets: Listener[], bucket: (l: Listener) => number): Listener[] {
  const indexed = sockets.map((l, i) => ({ l, i }));
  indexed.sort((a, b) => bucket(a.l) - bucket(b.l) || b.i - a.i);
  return indexed.map((x) => x.l);
}

/** /proc/net/tcp or tcp6: listening sockets (state 0A) with the kernel's fixed columns. */
export function procTcp(sockets: Listener[], v6: boolean, facts: (l: Listener) => SocketFacts): string {
  const mine = inHashOrder(
    sockets.filter((l) => (l.protocol ?? "tcp") === "tcp" && isV6Socket(l) === v6),
    (l) => l.port % 32,
  );
  const rows = mine.map((l, sl) => {
    const f = facts(l);
    const local = v6 ? `${hexV6(l)}:${hex(l.port, 4)}` : `${hexV4(l.host)}:${hex(l.port, 4)}`;
    const remote = v6 ? `${"0".repeat(32)}:0000` : "00000000:0000";
    // tx/rx queue 0, no timer, no retransmits; rto 1 s (100 clock ticks), ato 0, cwnd 10,
    // and for a listener the fast-open queue's length (0: nothing sets TCP_FASTOPEN).
    return `${String(sl).padStart(4)}: ${local} ${remote} 0A 00000000:00000000 00:00000000 00000000 ${String(f.uid).padStart(5)} ${"0".padStart(8)} ${f.inode} 1 ${f.pointer} 100 0 0 10 0`;
  });
  if (v6) {
    const header =
      "  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode";
    return [header, ...rows].map((r) => `${r}\n`).join("");
  }
  const header = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode";
  return [header, ...rows].map((r) => padded(149, r)).join("");
}

/** /proc/net/udp or udp6: bound sockets (state 07, TCP_CLOSE) by hash slot (%5d: the slot number). */
export function procUdp(sockets: Listener[], v6: boolean, facts: (l: Listener) => SocketFacts): string {
  // 4096 slots: the UDP hash is sized by memory (alloc_large_system_hash, 8 GiB -> 4096).
  const slot = (l: Listener) => l.port & 4095;
  const mine = inHashOrder(
    sockets.filter((l) => l.protocol === "udp" && isV6Socket(l) === v6),
    slot,
  );
  const rows = mine.map((l) => {
    const f = facts(l);
    const local = v6 ? `${hexV6(l)}:${hex(l.port, 4)}` : `${hexV4(l.host)}:${hex(l.port, 4)}`;
    const remote = v6 ? `${"0".repeat(32)}:0000` : "00000000:0000";
    return `${String(slot(l)).padStart(5)}: ${local} ${remote} 07 00000000:00000000 00:00000000 00000000 ${String(f.uid).padStart(5)} ${"0".padStart(8)} ${f.inode} 2 ${f.pointer} 0`;
  });
  if (v6) {
    const header =
      "  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops";
    return [header, ...rows].map((r) => `${r}\n`).join("");
  }
  const header =
    "   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops";
  return [header, ...rows].map((r) => padded(127, r)).join("");
}

/**
 * /proc/net/nf_conntrack: `ipv4     2 tcp      6 ` then what `conntrack -L` prints, with the
 * zone and the reference count at the end (no accounting: nf_conntrack_acct is 0).
 */
export function procConntrack(entries: ConntrackEntry[], now: number): string {
  const tuple = (e: ConntrackEntry, t: Tuple, reply: boolean) =>
    e.proto === "icmp"
      ? `src=${t.src} dst=${t.dst} type=${reply ? 0 : 8} code=0 id=${t.sport} `
      : `src=${t.src} dst=${t.dst} sport=${t.sport} dport=${t.dport} `;
  return entries
    .map((e) => {
      let line = `${"ipv4".padEnd(8)} 2 ${e.proto.padEnd(8)} ${protoNumber(e.proto)} `;
      line += `${Math.max(0, Math.floor((e.expires - now) / 1000))} `;
      if (e.state) line += `${e.state} `;
      line += tuple(e, e.orig, false);
      if (!e.replied) line += "[UNREPLIED] ";
      line += tuple(e, e.reply, true);
      if (e.assured) line += "[ASSURED] ";
      return `${line}mark=0 zone=0 use=2\n`;
    })
    .join("");
}
