/**
 * The kernel's connection tracking table (nf_conntrack), for the flows the packet path makes:
 * each entry's original and reply tuple (the reply shows the DNAT: a ClusterIP connection
 * answers from the pod), its TCP state and its timeout on the simulated clock. Timeouts are
 * the kernel's defaults (net/netfilter/nf_conntrack_proto_{tcp,udp,icmp}.c): ESTABLISHED 5 days,
 * SYN_SENT and TIME_WAIT 2 min, CLOSE 10 s, UDP and ICMP 30 s. An entry past its timeout is gone.
 * Only flows the node's packet path made are here; the node's other programs' long-lived
 * connections are not modelled.
 */

export type ConntrackProto = "tcp" | "udp" | "icmp";
export type TcpState = "SYN_SENT" | "ESTABLISHED" | "TIME_WAIT" | "CLOSE";

export interface Tuple {
  src: string;
  dst: string;
  /** tcp/udp ports, or the ICMP echo id in `sport` (type/code implied by the direction). */
  sport: number;
  dport: number;
}

export interface ConntrackEntry {
  proto: ConntrackProto;
  orig: Tuple;
  reply: Tuple;
  state?: TcpState;
  /** A packet was seen in the reply direction (else `[UNREPLIED]`). */
  replied: boolean;
  /** Seen both ways enough to be kept under pressure (`[ASSURED]`). */
  assured: boolean;
  /** Simulated ms at which the entry times out. */
  expires: number;
}

export const TIMEOUT_S: Record<TcpState | "udp" | "icmp", number> = {
  SYN_SENT: 120,
  ESTABLISHED: 432_000,
  TIME_WAIT: 120,
  CLOSE: 10,
  udp: 30,
  icmp: 30,
};

const PROTO_NUMBER: Record<ConntrackProto, number> = { tcp: 6, udp: 17, icmp: 1 };

/** The IP protocol number both `conntrack -L` and /proc/net/nf_conntrack print. */
export const protoNumber = (proto: ConntrackProto) => PROTO_NUMBER[proto];

export class Conntrack {
  private entries: ConntrackEntry[] = [];

  constructor(private readonly now: () => number) {}

  add(entry: Omit<ConntrackEntry, "expires">, timeoutS: number, at = this.now()): void {
    this.entries.push({ ...entry, expires: at + timeoutS * 1000 });
  }

  /** The live entries, expired ones dropped as the kernel's GC would have. */
  list(): ConntrackEntry[] {
    const now = this.now();
    this.entries = this.entries.filter((e) => e.expires > now);
    return [...this.entries];
  }

  /** conntrack -F: returns nothing, the table is empty after. */
  flush(): void {
    this.entries = [];
  }

  remove(entry: ConntrackEntry): void {
    this.entries = this.entries.filter((e) => e !== entry);
  }
}

/**
 * One entry as `conntrack -L` prints it (libnetfilter_conntrack's default snprintf): protocol
 * name padded to 8 and its number, seconds left, the TCP state, the original tuple,
 * `[UNREPLIED]` when nothing came back, the reply tuple, `[ASSURED]`, mark and use.
 */
export function formatEntry(e: ConntrackEntry, now: number): string {
  const left = Math.max(0, Math.floor((e.expires - now) / 1000));
  const tuple = (t: Tuple, reply: boolean) =>
    e.proto === "icmp"
      ? `src=${t.src} dst=${t.dst} type=${reply ? 0 : 8} code=0 id=${t.sport}`
      : `src=${t.src} dst=${t.dst} sport=${t.sport} dport=${t.dport}`;
  const parts = [
    `${e.proto.padEnd(8)} ${PROTO_NUMBER[e.proto]} ${left}`,
    ...(e.state ? [e.state] : []),
    tuple(e.orig, false),
    ...(e.replied ? [] : ["[UNREPLIED]"]),
    tuple(e.reply, true),
    ...(e.assured ? ["[ASSURED]"] : []),
    "mark=0 use=1",
  ];
  return parts.join(" ");
}
