/**
 * The client side of DNS, as bind9's lookup tools do it (bin/dig/dighost.c, 9.18): read a
 * resolv.conf, build the names to try from the search list and ndots, and send each query to
 * a server through the node's network (packet-path.ts `datagram`, so kube-proxy's DNAT of
 * 10.0.0.10 to a CoreDNS pod, a flushed nat table or a REJECT rule decide what happens). A
 * query nobody answers is retried (`+tries`, 3) after each `+timeout` (5 s) on the simulated
 * clock; an ICMP port unreachable ends an attempt at once. Which server answered is found
 * from where the datagram was delivered: systemd-resolved's stub on 127.0.0.53, a CoreDNS
 * pod, or Azure DNS beyond the node.
 */
import type { SimClock } from "../clock";
import type { ObjectStore } from "../cluster/store";
import type { Pod } from "../cluster/types";
import type { PacketPath } from "../packet-path";
import { sha256Hex } from "../util/sha256";
import type { CoreDns } from "./coredns";
import type { Question, Response } from "./message";
import { AZURE_DNS, azureDns, type NodeNaming, resolvedStub } from "./upstream";

/** dighost's line for a failed attempt: a receive error, or a send that could not even start. */
export function attemptError(why: string, server: string, port: number, qname: string): string {
  return why === "network unreachable"
    ? `;; UDP setup with ${server}#${port}(${server}) for ${qname.replace(/\.$/, "")} failed: network unreachable.\n`
    : `;; communications error to ${server}#${port}: ${why}\n`;
}

export interface ResolvConf {
  nameservers: string[];
  search: string[];
  ndots: number;
}

/** glibc's resolv.conf rules (resolv/res_init.c): the last `search` line wins, ndots defaults to 1. */
export function parseResolvConf(text: string): ResolvConf {
  const conf: ResolvConf = { nameservers: [], search: [], ndots: 1 };
  for (const line of text.split("\n")) {
    const [key, ...values] = line.trim().split(/\s+/);
    if (key === "nameserver" && values[0]) conf.nameservers.push(values[0]);
    else if (key === "search" || key === "domain") conf.search = values.filter((v) => v !== ".");
    else if (key === "options") {
      const ndots = values.find((v) => v.startsWith("ndots:"));
      if (ndots) conf.ndots = Math.min(15, Number(ndots.slice(6)) || 0);
    }
  }
  return conf;
}

/**
 * The names a search-enabled lookup tries, in order: with fewer dots than ndots the search
 * domains first and the name itself last, otherwise the name first (a trailing dot: only it).
 */
export function searchNames(name: string, conf: ResolvConf): string[] {
  if (name.endsWith(".")) return [name];
  const searched = conf.search.map((d) => `${name}.${d.replace(/\.$/, "")}.`);
  const dots = name.split(".").length - 1;
  return dots >= conf.ndots ? [`${name}.`, ...searched] : [...searched, `${name}.`];
}

export interface QueryOptions {
  server: string;
  port: number;
  tries: number;
  timeoutS: number;
  tcp: boolean;
  /** The network namespace the tool runs in (undefined: the host's). */
  netns?: string;
}

export type Exchange =
  | { kind: "answer"; response: Response; queryMs: number; cookieEchoed: boolean; ednsUdp: number }
  /** Every attempt failed: why, for each (`timed out`, `connection refused`, `network unreachable`). */
  | { kind: "failed"; attempts: string[] };

export interface DnsDeps {
  packets: PacketPath;
  store: ObjectStore;
  clock: SimClock;
  coredns: CoreDns;
  naming: NodeNaming;
  seed: number;
}

export class DnsClient {
  private queries = 0;

  constructor(private readonly deps: DnsDeps) {}

  /** A query's random ID and dig's client cookie, derived so a node replays the same way. */
  nextIds(): { id: number; cookie: string } {
    const h = sha256Hex(`${this.deps.seed}:dns-query:${this.queries++}`);
    return { id: Number.parseInt(h.slice(0, 4), 16), cookie: h.slice(4, 20) };
  }

  /** One question to one server, with the tool's retries. */
  exchange(q: Question, o: QueryOptions): Exchange {
    const attempts: string[] = [];
    for (let i = 0; i < (o.tcp ? 1 : Math.max(1, o.tries)); i++) {
      const delivered = this.deliver(o);
      if (delivered.kind === "server") return this.answerFrom(delivered.at, q);
      if (delivered.kind === "refused") attempts.push("connection refused");
      else if (delivered.kind === "netunreach") {
        // sendto() fails at once; dighost gives up on this server without retrying.
        attempts.push("network unreachable");
        break;
      } else {
        this.deps.clock.advance(o.timeoutS * 1000);
        attempts.push("timed out");
      }
    }
    return { kind: "failed", attempts };
  }

  private deliver(o: QueryOptions): { kind: "server"; at: string } | { kind: "refused" | "timeout" | "netunreach" } {
    // In a pod's namespace nothing listens on loopback: the host's stub is not there.
    if (o.netns !== undefined && o.server.startsWith("127.")) return { kind: "refused" };
    const { packets } = this.deps;
    if (o.tcp) {
      const c = packets.connect(o.server, o.port);
      if (c.kind === "accepted" || c.kind === "closed") return { kind: "server", at: c.address };
      return c.kind === "timeout" || c.kind === "netunreach" ? { kind: c.kind } : { kind: "refused" };
    }
    const d = packets.datagram(o.server, o.port, "dns");
    if (d.kind === "answered") return { kind: "server", at: d.address };
    return d;
  }

  private answerFrom(at: string, q: Question): Exchange {
    const { naming } = this.deps;
    if (at === AZURE_DNS)
      return { kind: "answer", response: azureDns(naming, q), queryMs: 1, cookieEchoed: false, ednsUdp: 1224 };
    if (at.startsWith("127.")) {
      let forwarded = false;
      const response = resolvedStub(naming, q, () => {
        forwarded = true;
        return this.uplink(q);
      });
      // The stub's own answers take no time; a round trip to Azure DNS a few milliseconds.
      return { kind: "answer", response, queryMs: forwarded ? 4 : 0, cookieEchoed: false, ednsUdp: 65494 };
    }
    if (this.corednsAt(at)) {
      return { kind: "answer", response: this.deps.coredns.answer(q), queryMs: 0, cookieEchoed: true, ednsUdp: 1232 };
    }
    // Something else holds the port (no other DNS server runs here): no answer comes.
    return { kind: "failed", attempts: ["timed out"] };
  }

  /** resolved's own query to Azure DNS, from the host; the page's trace keeps the client's packet. */
  private uplink(q: Question): Response | undefined {
    const { packets, naming } = this.deps;
    const trace = packets.lastTrace;
    const d = packets.datagram(AZURE_DNS, 53, "dns");
    packets.lastTrace = trace;
    return d.kind === "answered" ? azureDns(naming, q) : undefined;
  }

  private corednsAt(ip: string): boolean {
    return this.deps.store
      .list<Pod>("pods")
      .some((p) => p.status?.podIP === ip && p.spec.containers.some((c) => /\/coredns:/.test(c.image)));
  }
}
