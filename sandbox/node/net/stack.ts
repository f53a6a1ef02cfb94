/**
 * The kernel's network namespaces as `ip` reads them over rtnetlink: links, addresses, the
 * main routing table and the neighbour table of each namespace. The host namespace is built
 * at boot (node-facts §1/§6: eth0 10.224.0.4/16 on Ubuntu 22.04 with systemd-networkd's DHCP
 * routes); pod namespaces are made by containerd and filled by the CNI plugin.
 *
 * Kernel rules kept here because `ip` shows them: ifindexes count up per namespace and are not
 * reused (net/core/dev.c dev_new_index); a link moved to another namespace keeps its ifindex
 * when it is free there (dev_change_net_namespace); the peer namespace of a veth gets an nsid
 * in each direction, the lowest free one (net/core/net_namespace.c peernet2id_alloc); deleting
 * a namespace destroys its veths and their peers, and routes through a deleted link go too.
 */

export type LinkKind = "loopback" | "ether" | "veth";

export interface Link {
  ifindex: number;
  name: string;
  kind: LinkKind;
  mac: string;
  mtu: number;
  qdisc: string;
  /** tx_queue_len; veths have none (printed without `qlen`). */
  qlen?: number;
  /** Operational state as `ip` prints it (UNKNOWN for lo). */
  state: "UP" | "DOWN" | "UNKNOWN";
  /** Set down by `ip link set ... down` (IFF_UP cleared): the flags lose UP and LOWER_UP. */
  adminDown?: boolean;
  /** The other end of a veth pair, in whichever namespace it lives. */
  peer?: { ns: NetNamespace; link: Link };
  /** When the kernel registered it (simulated ms): /proc/net/dev's counters run from here. */
  createdAt?: number;
}

export interface Address {
  ifindex: number;
  family: 4 | 6;
  local: string;
  prefix: number;
  scope: "host" | "link" | "global";
  brd?: string;
  /** IFA_RT_PRIORITY: the prefix route's metric (systemd-networkd sets it from RouteMetric=). */
  metric?: number;
}

export interface Route {
  /** `default`, a host address (`10.224.0.5`) or a prefix (`10.224.0.0/16`). */
  dst: string;
  via?: string;
  ifindex: number;
  /** Shown unless `boot`, the protocol of routes added with no protocol (netlink's default). */
  proto?: "kernel" | "dhcp" | "boot";
  scope?: "link" | "host";
  src?: string;
  metric?: number;
}

export interface Neighbour {
  dst: string;
  ifindex: number;
  lladdr: string;
  /** When the entry was last confirmed: REACHABLE for base_reachable_time (30 s), then STALE. */
  confirmed: number;
  /** Traffic goes through it all the time (the default gateway): always REACHABLE. */
  busy?: boolean;
}

export class NetNamespace {
  readonly links: Link[] = [];
  readonly addresses: Address[] = [];
  readonly routes: Route[] = [];
  readonly neighbours: Neighbour[] = [];
  /** The ids this namespace gives its peer namespaces (what `link-netnsid` and `(id: N)` show). */
  readonly nsids = new Map<NetNamespace, number>();
  private lastIndex = 0;

  constructor(
    /** The name under /var/run/netns, or undefined for the host's (init_net). */
    readonly name: string | undefined,
    /** Creation order (0 for the host's): tmpfs lists /var/run/netns newest first. */
    readonly seq: number,
  ) {}

  newIndex(): number {
    do this.lastIndex++;
    while (this.link(this.lastIndex));
    return this.lastIndex;
  }

  link(ref: number | string): Link | undefined {
    return this.links.find((l) => (typeof ref === "number" ? l.ifindex === ref : l.name === ref));
  }

  addLink(link: Omit<Link, "ifindex"> & { ifindex?: number }): Link {
    const full: Link = { ...link, ifindex: link.ifindex ?? this.newIndex() };
    this.links.push(full);
    this.links.sort((a, b) => a.ifindex - b.ifindex);
    return full;
  }

  /** Remove a link with its addresses, routes and neighbours (the kernel's unregister_netdevice). */
  removeLink(link: Link): void {
    const at = this.links.indexOf(link);
    if (at >= 0) this.links.splice(at, 1);
    const keep = <T extends { ifindex: number }>(list: T[]) => {
      const kept = list.filter((x) => x.ifindex !== link.ifindex);
      list.splice(0, list.length, ...kept);
    };
    keep(this.addresses);
    keep(this.routes);
    keep(this.neighbours);
  }

  /** The id this namespace knows `peer` by, allocated (lowest free) on first use. */
  nsidOf(peer: NetNamespace): number {
    const known = this.nsids.get(peer);
    if (known !== undefined) return known;
    const used = new Set(this.nsids.values());
    let id = 0;
    while (used.has(id)) id++;
    this.nsids.set(peer, id);
    return id;
  }

  addRoute(route: Route): void {
    this.routes.push(route);
  }

  deleteRoute(dst: string, ifindex: number): void {
    const at = this.routes.findIndex((r) => r.dst === dst && r.ifindex === ifindex);
    if (at >= 0) this.routes.splice(at, 1);
  }
}

/** `a.b.c.d` -> 32-bit number, for the kernel's route dump order. */
export function ipv4ToNumber(ip: string): number {
  return ip.split(".").reduce((n, octet) => n * 256 + Number(octet), 0);
}

/** An IPv6 link-local address from a MAC (EUI-64, RFC 4291 appendix A), as the kernel assigns it. */
export function linkLocalFromMac(mac: string): string {
  const b = mac.split(":").map((x) => Number.parseInt(x, 16));
  const eui = [(b[0] ?? 0) ^ 0x02, b[1], b[2], 0xff, 0xfe, b[3], b[4], b[5]].map((x) => x ?? 0);
  const groups = [0, 2, 4, 6].map((i) => (((eui[i] ?? 0) << 8) | (eui[i + 1] ?? 0)).toString(16));
  return `fe80::${groups.join(":")}`;
}

export interface HostInterface {
  ip: string;
  prefix: number;
  gateway: string;
  mac: string;
}

/** The whole machine's namespaces: the host's and the named ones under /var/run/netns. */
export class NetworkStack {
  readonly host: NetNamespace;
  private readonly named = new Map<string, NetNamespace>();
  private created = 0;

  constructor(
    private readonly now: () => number,
    eth0: HostInterface,
  ) {
    this.host = new NetNamespace(undefined, 0);
    addLoopback(this.host, now());
    buildHostEth0(this.host, eth0, now());
  }

  /** A namespace by its /var/run/netns name; undefined means the host's. */
  namespace(name?: string): NetNamespace | undefined {
    return name === undefined ? this.host : this.named.get(name);
  }

  namedNamespaces(): NetNamespace[] {
    return [...this.named.values()];
  }

  /** unshare(CLONE_NEWNET) + bind-mount under /var/run/netns (containerd pkg/netns). */
  createNamespace(name: string): NetNamespace {
    const ns = new NetNamespace(name, ++this.created);
    addLoopback(ns, this.now());
    this.named.set(name, ns);
    return ns;
  }

  /** The last reference goes: its veths are destroyed, and with them their peers elsewhere. */
  deleteNamespace(name: string): void {
    const ns = this.named.get(name);
    if (!ns) return;
    for (const link of ns.links) if (link.peer) link.peer.ns.removeLink(link.peer.link);
    for (const other of [this.host, ...this.named.values()]) other.nsids.delete(ns);
    this.named.delete(name);
  }

  /**
   * `ip link add <name> type veth peer name <peerName>` in `ns`: veth_newlink registers the
   * peer first, so the peer gets the lower ifindex.
   */
  addVethPair(ns: NetNamespace, name: string, peerName: string, mac: string, peerMac: string, mtu: number) {
    const base = { kind: "veth" as const, mtu, qdisc: "noqueue", state: "UP" as const, createdAt: this.now() };
    const peer = ns.addLink({ ...base, name: peerName, mac: peerMac });
    const link = ns.addLink({ ...base, name, mac });
    link.peer = { ns, link: peer };
    peer.peer = { ns, link };
    return { link, peer };
  }

  /** `ip link set <link> netns <to>`: keeps its ifindex if free there; both sides learn an nsid. */
  moveLink(link: Link, from: NetNamespace, to: NetNamespace): void {
    from.removeLink(link);
    to.addLink({ ...link, ifindex: to.link(link.ifindex) ? undefined : link.ifindex });
    const moved = to.link(link.name) as Link;
    moved.peer = link.peer;
    if (link.peer) {
      link.peer.link.peer = { ns: to, link: moved };
      from.nsidOf(to);
      to.nsidOf(from);
    }
  }
}

function addLoopback(ns: NetNamespace, now: number): void {
  ns.addLink({
    createdAt: now,
    name: "lo",
    kind: "loopback",
    mac: "00:00:00:00:00:00",
    mtu: 65536,
    qdisc: "noqueue",
    qlen: 1000,
    state: "UNKNOWN",
  });
  ns.addresses.push(
    { ifindex: 1, family: 4, local: "127.0.0.1", prefix: 8, scope: "host" },
    { ifindex: 1, family: 6, local: "::1", prefix: 128, scope: "host" },
  );
}

/**
 * eth0 as systemd-networkd configures it on Ubuntu 22.04 from Azure's DHCP (netplan's
 * dhcp4-overrides route-metric 100): the address carries the metric, the gateway gets its own
 * on-link route, and Azure's classless static routes (DHCP option 121) add the wireserver
 * (168.63.129.16) and IMDS (169.254.169.254) via the gateway.
 */
function buildHostEth0(ns: NetNamespace, eth0: HostInterface, now: number): void {
  const link = ns.addLink({
    createdAt: now,
    name: "eth0",
    kind: "ether",
    mac: eth0.mac,
    mtu: 1500,
    qdisc: "mq",
    qlen: 1000,
    state: "UP",
  });
  const i = link.ifindex;
  const hostBits = 32 - eth0.prefix;
  const mask = hostBits === 32 ? 0 : (0xffffffff << hostBits) >>> 0;
  const ipNum = ipv4ToNumber(eth0.ip);
  const toIp = (n: number) => [24, 16, 8, 0].map((s) => (n >>> s) & 255).join(".");
  const network = toIp((ipNum & mask) >>> 0);
  const broadcast = toIp((ipNum | ~mask) >>> 0);
  ns.addresses.push(
    { ifindex: i, family: 4, local: eth0.ip, prefix: eth0.prefix, scope: "global", brd: broadcast, metric: 100 },
    { ifindex: i, family: 6, local: linkLocalFromMac(eth0.mac), prefix: 64, scope: "link" },
  );
  const dhcp = { ifindex: i, proto: "dhcp" as const, src: eth0.ip, metric: 100 };
  ns.routes.push(
    { ...dhcp, dst: "default", via: eth0.gateway },
    { ifindex: i, dst: `${network}/${eth0.prefix}`, proto: "kernel", scope: "link", src: eth0.ip, metric: 100 },
    { ...dhcp, dst: eth0.gateway, scope: "link" },
    { ...dhcp, dst: "168.63.129.16", via: eth0.gateway },
    { ...dhcp, dst: "169.254.169.254", via: eth0.gateway },
  );
  // Azure's virtual gateway answers ARP with this MAC for every address it routes
  // (azure-container-networking calls it azureMac).
  ns.neighbours.push({ dst: eth0.gateway, ifindex: i, lladdr: "12:34:56:78:9a:bc", confirmed: now, busy: true });
}
