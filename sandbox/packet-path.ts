/**
 * Where a TCP connection from the node goes (what `curl` dials): the SYN walks the current
 * iptables rules (OUTPUT, then POSTROUTING; INPUT too when it stays on the node), so a
 * Service's ClusterIP is rewritten by kube-proxy's DNAT to a pod, chosen by the statistic
 * match with the node's seeded random source. Then it is delivered: to a program listening
 * on the node, to a pod on this node that holds the address and has something listening on
 * the port, or nowhere (a ClusterIP nothing rewrote is not routed anywhere: the SYN is
 * lost and connect() times out). Composed here because it joins the host's tables, its
 * listeners, containerd's pods and the API's pod specs.
 */

import type { SimClock } from "./clock";
import type { ObjectStore } from "./cluster/store";
import type { Pod } from "./cluster/types";
import { type Conntrack, TIMEOUT_S } from "./node/net/conntrack";
import type { Netfilter } from "./node/net/iptables";
import type { MatchEnv, Packet } from "./node/net/iptables-matches";
import { type RuleHit, seededRandom, traverseHook } from "./node/net/iptables-walk";
import { type Cidr, cidrContains, parseCidr } from "./node/net/ipv4";
import type { HttpRequest, HttpResponse, Listener, Listeners } from "./node/net/listeners";
import { lookup } from "./node/net/rtnetlink";
import type { NetworkStack } from "./node/net/stack";
import type { Sysctl } from "./node/sysctl";
import type { Containerd } from "./runtime/containerd";
import { AZURE_DNS, NODE_IP } from "./scenarios/node/identity";
import { sha256Hex } from "./util/sha256";

export interface PacketPathDeps {
  netfilter: Netfilter;
  listeners: Listeners;
  containerd: Containerd;
  store: ObjectStore;
  clock: SimClock;
  conntrack: Conntrack;
  /** The kernel's tunables: whether the host forwards what a pod sends (net.ipv4.ip_forward). */
  sysctl: Pick<Sysctl, "forwarding">;
  net: NetworkStack;
}

/** The AKS service CIDR (--service-cidr 10.0.0.0/16): no route leads there but kube-proxy's DNAT. */
const SERVICE_CIDR = parseCidr("10.0.0.0/16") as Cidr;
/** First ephemeral port (net.ipv4.ip_local_port_range 32768 60999). */
const EPHEMERAL = 32768;

export type ConnectOutcome =
  /** Accepted: the listener answers HTTP (a host program, or a pod's server). */
  | { kind: "accepted"; listener: Pick<Listener, "tls" | "handle" | "speaks">; address: string; port: number }
  /** Accepted by a server that does not speak HTTP: it closes on curl's request. */
  | { kind: "closed"; address: string; port: number }
  /** RST or ICMP port unreachable (REJECT). */
  | { kind: "refused" }
  /** An ICMP host/net unreachable or prohibited answer (REJECT --reject-with icmp-host-...). */
  | { kind: "unreachable" }
  /** No route to the destination in the node's table (eth0 down, a deleted route): ENETUNREACH at once. */
  | { kind: "netunreach" }
  /** The SYN is dropped or goes nowhere: connect() gives up after the SYN retries. */
  | { kind: "timeout" };

/** A datagram's fate (a DNS query): a server answered from address:port, or nothing came back. */
export type DatagramOutcome =
  | { kind: "answered"; address: string; port: number; local: boolean }
  | { kind: "refused" }
  | { kind: "netunreach" }
  | { kind: "timeout" };

/** REJECT's answer as connect() sees it: port unreachable and RST refuse, the rest is no route. */
const rejected = (type: string): ConnectOutcome =>
  type === "icmp-port-unreachable" || type === "tcp-reset" ? { kind: "refused" } : { kind: "unreachable" };

export interface PacketTrace {
  /** Where the connection was aimed and where it ended up after NAT. */
  from: { address: string; port: number };
  to: { address: string; port: number };
  /** The rules the SYN matched, in the order the kernel evaluated them. */
  rules: RuleHit[];
  outcome: ConnectOutcome["kind"];
}

export class PacketPath {
  /** The last connection the node made, for the page to show rule by rule. */
  lastTrace?: PacketTrace;
  private draws = 0;
  private connections = 0;

  constructor(
    private readonly world: PacketPathDeps,
    private readonly seed: number,
  ) {}

  private env(): MatchEnv {
    const { listeners } = this.world;
    return {
      isLocal: (a) => listeners.isLocal(a),
      random: seededRandom(() => sha256Hex(`${this.seed}:statistic:${this.draws++}`)),
    };
  }

  /**
   * A packet from the node through OUTPUT and POSTROUTING (and INPUT when it stays local):
   * the rewritten packet, or the verdict a rule gave it (it never left: conntrack does not
   * confirm an entry for a dropped packet).
   */
  private send(proto: Packet["proto"], address: string, port: number, rules: RuleHit[]) {
    const { netfilter, listeners } = this.world;
    const env = this.env();
    const local = listeners.isLocal(address);
    const src = address.startsWith("127.") ? "127.0.0.1" : NODE_IP;
    const p: Packet = {
      src,
      dst: address,
      proto,
      sport: proto === "icmp" ? 0 : EPHEMERAL + (this.connections++ % 28232),
      dport: port,
      in: "",
      out: local ? "lo" : "eth0",
      mark: 0,
      ctstate: "NEW",
      dnatted: false,
    };
    // ip_route_output: a destination the main table has no route for fails before any rule.
    const routed = (ip: string) => listeners.isLocal(ip) || lookup(this.world.net.host, ip) !== undefined;
    if (!routed(address)) return { p, blocked: { kind: "netunreach" } as ConnectOutcome };
    for (const hook of ["OUTPUT", "POSTROUTING"] as const) {
      const v = traverseHook(netfilter, hook, p, env, rules);
      if (v.verdict === "DROP") return { p, blocked: { kind: "timeout" } as ConnectOutcome };
      if (v.verdict === "REJECT") return { p, blocked: rejected(v.with) };
      // After DNAT the kernel routes the packet again, to where it now goes.
      if (hook === "OUTPUT" && !routed(p.dst)) return { p, blocked: { kind: "netunreach" } as ConnectOutcome };
    }
    if (listeners.isLocal(p.dst)) {
      p.in = "lo";
      const v = traverseHook(netfilter, "INPUT", p, env, rules);
      if (v.verdict === "DROP") return { p, blocked: { kind: "timeout" } as ConnectOutcome };
      if (v.verdict === "REJECT") return { p, blocked: rejected(v.with) };
    }
    return { p, blocked: undefined };
  }

  /**
   * A packet from a pod (its network namespace `netns`) as the host receives it on the pod's
   * veth: PREROUTING (kube-proxy's DNAT), then INPUT when it is for the node, or, forwarded to
   * another interface, FORWARD and POSTROUTING, only while the veth forwards (net.ipv4.ip_forward:
   * with it off the kernel finds no route for the packet and drops it, ip_error sends nothing).
   */
  private sendFromPod(netns: string, proto: Packet["proto"], address: string, port: number, rules: RuleHit[]) {
    const { netfilter, listeners, containerd, sysctl, net } = this.world;
    const env = this.env();
    const sandbox = [...containerd.sandboxes.values()].find((s) => s.netns === netns);
    const veth = net.namespace()?.links.find((l) => l.peer?.ns.name === netns)?.name ?? "";
    const p: Packet = {
      src: sandbox?.ip ?? "",
      dst: address,
      proto,
      sport: proto === "icmp" ? 0 : EPHEMERAL + (this.connections++ % 28232),
      dport: port,
      in: veth,
      out: "",
      mark: 0,
      ctstate: "NEW",
      dnatted: false,
    };
    const verdict = (hook: "PREROUTING" | "INPUT" | "FORWARD" | "POSTROUTING"): ConnectOutcome | undefined => {
      const v = traverseHook(netfilter, hook, p, env, rules);
      if (v.verdict === "DROP") return { kind: "timeout" };
      if (v.verdict === "REJECT") return rejected(v.with);
      return undefined;
    };
    // A namespace that is not a running pod's has no address and no route out.
    if (!sandbox?.ip || !veth) return { p, blocked: { kind: "unreachable" } as ConnectOutcome, local: true };
    // To itself: the pod's own loopback and address never leave its namespace.
    if (address === sandbox.ip || address.startsWith("127.")) {
      p.dst = sandbox.ip;
      return { p, blocked: undefined, local: true };
    }
    const pre = verdict("PREROUTING");
    if (pre) return { p, blocked: pre, local: false };
    if (listeners.isLocal(p.dst)) return { p, blocked: verdict("INPUT"), local: false };
    if (!sysctl.forwarding(veth)) return { p, blocked: { kind: "timeout" } as ConnectOutcome, local: false };
    const target = this.podSandbox(p.dst);
    p.out = target ? (net.namespace()?.links.find((l) => l.peer?.ns.name === target.netns)?.name ?? "") : "eth0";
    return { p, blocked: verdict("FORWARD") ?? verdict("POSTROUTING"), local: false };
  }

  /** connect() to address:port over TCP, from the node or from a pod's network namespace. */
  connect(address: string, port: number, netns?: string): ConnectOutcome {
    const { listeners } = this.world;
    const rules: RuleHit[] = [];
    const { p, blocked } = netns
      ? this.sendFromPod(netns, "tcp", address, port, rules)
      : this.send("tcp", address, port, rules);
    const finish = (outcome: ConnectOutcome): ConnectOutcome => {
      this.lastTrace = {
        from: { address, port },
        to: { address: p.dst, port: p.dport },
        rules,
        outcome: outcome.kind,
      };
      if (!blocked) this.recordTcp(p, address, port, outcome);
      return outcome;
    };
    if (blocked) return finish(blocked);
    if (listeners.isLocal(p.dst)) {
      const listener = listeners.connect(p.dst, p.dport);
      return finish(listener ? { kind: "accepted", listener, address: p.dst, port: p.dport } : { kind: "refused" });
    }
    return finish(
      this.deliverToPod(p.dst, p.dport) ??
        (cidrContains(SERVICE_CIDR, p.dst) ? { kind: "timeout" } : { kind: "refused" }),
    );
  }

  /**
   * What conntrack keeps of a TCP connection the node made: curl closes first, so a finished
   * exchange sits in TIME_WAIT; a RST leaves CLOSE; an unanswered SYN stays SYN_SENT
   * [UNREPLIED], refreshed by each retransmission (the last at 63 s).
   */
  private recordTcp(p: Packet, address: string, port: number, outcome: ConnectOutcome): void {
    const orig = { src: p.src, dst: address, sport: p.sport, dport: port };
    const reply = { src: p.dst, dst: p.src, sport: p.dport, dport: p.sport };
    const ct = this.world.conntrack;
    if (outcome.kind === "accepted" || outcome.kind === "closed")
      ct.add({ proto: "tcp", orig, reply, state: "TIME_WAIT", replied: true, assured: true }, TIMEOUT_S.TIME_WAIT);
    else if (outcome.kind === "refused")
      ct.add({ proto: "tcp", orig, reply, state: "CLOSE", replied: true, assured: false }, TIMEOUT_S.CLOSE);
    else if (outcome.kind === "timeout")
      ct.add(
        { proto: "tcp", orig, reply, state: "SYN_SENT", replied: false, assured: false },
        TIMEOUT_S.SYN_SENT,
        this.world.clock.now() + 63_000,
      );
  }

  /**
   * A UDP datagram (a DNS query) from the node: through the same rules (kube-dns's UDP port
   * is DNATed to a CoreDNS pod), to a local server or a pod whose running container declares
   * the UDP port, or Azure DNS beyond the node (168.63.129.16:53, which every VNet reaches). The
   * conntrack entry lives 30 s after the datagram either way.
   */
  datagram(address: string, port: number, speaks: string): DatagramOutcome {
    const { listeners } = this.world;
    const rules: RuleHit[] = [];
    const { p, blocked } = this.send("udp", address, port, rules);
    const outcome: DatagramOutcome = blocked
      ? blocked.kind === "timeout" || blocked.kind === "netunreach"
        ? { kind: blocked.kind }
        : { kind: "refused" }
      : listeners.isLocal(p.dst)
        ? listeners.connect(p.dst, p.dport)?.speaks === speaks
          ? { kind: "answered", address: p.dst, port: p.dport, local: true }
          : { kind: "refused" }
        : this.podServes(p.dst, p.dport, "UDP") || (p.dst === AZURE_DNS && p.dport === 53)
          ? { kind: "answered", address: p.dst, port: p.dport, local: false }
          : { kind: "timeout" };
    this.lastTrace = {
      from: { address, port },
      to: { address: p.dst, port: p.dport },
      rules,
      outcome: outcome.kind === "answered" ? "accepted" : outcome.kind,
    };
    if (!blocked) {
      const orig = { src: p.src, dst: address, sport: p.sport, dport: port };
      const reply = { src: p.dst, dst: p.src, sport: p.dport, dport: p.sport };
      this.world.conntrack.add(
        { proto: "udp", orig, reply, replied: outcome.kind === "answered", assured: false },
        TIMEOUT_S.udp,
      );
    }
    return outcome;
  }

  /**
   * An ICMP echo request from the node: the host and its pods answer; a ClusterIP does not
   * (kube-proxy's rules match tcp/udp/sctp only, so nothing rewrites it and the service CIDR
   * is routed nowhere); anything else beyond the node is not answered either (Azure's
   * outbound path carries no ICMP to the internet, and nothing holds other subnet addresses).
   */
  echo(address: string, id: number): boolean {
    const { listeners } = this.world;
    const rules: RuleHit[] = [];
    const { p, blocked } = this.send("icmp", address, 0, rules);
    const answered = !blocked && (listeners.isLocal(p.dst) || this.podSandbox(p.dst) !== undefined);
    if (!blocked) {
      const entry = {
        proto: "icmp" as const,
        orig: { src: p.src, dst: address, sport: id, dport: 0 },
        reply: { src: p.dst, dst: p.src, sport: id, dport: 0 },
        replied: answered,
        assured: false,
      };
      const ct = this.world.conntrack;
      const same = ct.list().find((e) => e.proto === "icmp" && e.orig.dst === address && e.orig.sport === id);
      if (same) ct.remove(same);
      ct.add(entry, TIMEOUT_S.icmp);
    }
    return answered;
  }

  private podSandbox(ip: string) {
    return [...this.world.containerd.sandboxes.values()].find((s) => s.ip === ip && s.state === "SANDBOX_READY");
  }

  /** A running container of the pod at ip declares the port for the protocol. */
  private podServes(ip: string, port: number, protocol: "TCP" | "UDP"): boolean {
    const { containerd, store } = this.world;
    const sandbox = this.podSandbox(ip);
    if (!sandbox) return false;
    const running = [...containerd.containers.values()].filter(
      (c) => c.sandboxId === sandbox.id && c.state === "CONTAINER_RUNNING",
    );
    const pod = store.list<Pod>("pods").find((x) => x.metadata.uid === sandbox.uid);
    return (
      pod?.spec.containers.some(
        (c) =>
          running.some((r) => r.name === c.name) &&
          c.ports?.some((cp) => cp.containerPort === port && (cp.protocol ?? "TCP") === protocol),
      ) ?? false
    );
  }

  /** A pod on this node holding the address: its server on the port, or a RST from its netns. */
  private deliverToPod(ip: string, port: number): ConnectOutcome | undefined {
    const { containerd } = this.world;
    const sandbox = this.podSandbox(ip);
    if (!sandbox) return undefined;
    const running = [...containerd.containers.values()].filter(
      (c) => c.sandboxId === sandbox.id && c.state === "CONTAINER_RUNNING",
    );
    for (const c of running) {
      const server = containerd.behaviours.get(c.image)?.serves?.find((s) => s.port === port);
      if (server) {
        const now = () => this.world.clock.now();
        const handle = (req: HttpRequest): HttpResponse => server.http(req, now());
        return { kind: "accepted", listener: { tls: server.tls ?? false, handle }, address: ip, port };
      }
    }
    // A port the pod spec declares, served by something that is not HTTP (CoreDNS on 53).
    const declared = this.podServes(ip, port, "TCP");
    return declared ? { kind: "closed", address: ip, port } : { kind: "refused" };
  }
}
