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
import type { Netfilter } from "./node/net/iptables";
import type { MatchEnv, Packet } from "./node/net/iptables-matches";
import { type RuleHit, seededRandom, traverseHook } from "./node/net/iptables-walk";
import { type Cidr, cidrContains, parseCidr } from "./node/net/ipv4";
import type { HttpRequest, HttpResponse, Listener, Listeners } from "./node/net/listeners";
import type { Containerd } from "./runtime/containerd";
import { NODE_IP } from "./scenarios/node/identity";
import { sha256Hex } from "./util/sha256";

export interface PacketPathDeps {
  netfilter: Netfilter;
  listeners: Listeners;
  containerd: Containerd;
  store: ObjectStore;
  clock: SimClock;
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
  /** The SYN is dropped or goes nowhere: connect() gives up after the SYN retries. */
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

  /** connect() from the node to address:port over TCP. */
  connect(address: string, port: number): ConnectOutcome {
    const { netfilter, listeners } = this.world;
    const env = this.env();
    const local = listeners.isLocal(address);
    const src = address.startsWith("127.") ? "127.0.0.1" : NODE_IP;
    const p: Packet = {
      src,
      dst: address,
      proto: "tcp",
      sport: EPHEMERAL + (this.connections++ % 28232),
      dport: port,
      in: "",
      out: local ? "lo" : "eth0",
      mark: 0,
      ctstate: "NEW",
      dnatted: false,
    };
    const rules: RuleHit[] = [];
    const finish = (outcome: ConnectOutcome): ConnectOutcome => {
      this.lastTrace = {
        from: { address, port },
        to: { address: p.dst, port: p.dport },
        rules,
        outcome: outcome.kind,
      };
      return outcome;
    };
    for (const hook of ["OUTPUT", "POSTROUTING"] as const) {
      const v = traverseHook(netfilter, hook, p, env, rules);
      if (v.verdict === "DROP") return finish({ kind: "timeout" });
      if (v.verdict === "REJECT") return finish(rejected(v.with));
    }
    if (listeners.isLocal(p.dst)) {
      p.in = "lo";
      const v = traverseHook(netfilter, "INPUT", p, env, rules);
      if (v.verdict === "DROP") return finish({ kind: "timeout" });
      if (v.verdict === "REJECT") return finish(rejected(v.with));
      const listener = listeners.connect(p.dst, p.dport);
      return finish(listener ? { kind: "accepted", listener, address: p.dst, port: p.dport } : { kind: "refused" });
    }
    return finish(
      this.deliverToPod(p.dst, p.dport) ??
        (cidrContains(SERVICE_CIDR, p.dst) ? { kind: "timeout" } : { kind: "refused" }),
    );
  }

  /** A pod on this node holding the address: its server on the port, or a RST from its netns. */
  private deliverToPod(ip: string, port: number): ConnectOutcome | undefined {
    const { containerd, store } = this.world;
    const sandbox = [...containerd.sandboxes.values()].find((s) => s.ip === ip && s.state === "SANDBOX_READY");
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
    const pod = store.list<Pod>("pods").find((p) => p.metadata.uid === sandbox.uid);
    const declared = pod?.spec.containers.some(
      (c) =>
        running.some((r) => r.name === c.name) &&
        c.ports?.some((cp) => cp.containerPort === port && (cp.protocol ?? "TCP") === "TCP"),
    );
    return declared ? { kind: "closed", address: ip, port } : { kind: "refused" };
  }
}
