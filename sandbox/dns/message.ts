/**
 * DNS messages as the node's resolvers and servers exchange them (RFC 1035), kept as parsed
 * structures: a question, an rcode, the header flags a client prints, and the records of each
 * section. Nothing is put on a wire, but the size it would take is computed the way the
 * servers write it, because dig prints it (`;; MSG SIZE  rcvd:`): CoreDNS's kubernetes answers
 * go out uncompressed (a 54-byte query for kubernetes.default.svc.cluster.local gets a 106-byte
 * answer in CoreDNS's own query log), systemd-resolved and Azure DNS compress owner names
 * that repeat the question.
 */

export type RecordType = "A" | "AAAA" | "SOA" | "PTR" | "CNAME" | "NS" | "SRV" | "TXT" | "MX" | "ANY";
export type Rcode = "NOERROR" | "NXDOMAIN" | "SERVFAIL" | "REFUSED";

/** Query types by their registered numbers (RFC 1035 3.2.2, RFC 3596), for `dig -t TYPE`/`nslookup -type=`. */
export const RECORD_TYPES: readonly RecordType[] = [
  "A",
  "AAAA",
  "SOA",
  "PTR",
  "CNAME",
  "NS",
  "SRV",
  "TXT",
  "MX",
  "ANY",
];

export interface Question {
  /** Fully qualified, with the trailing dot: `kubernetes.default.svc.cluster.local.` */
  name: string;
  type: RecordType;
}

export interface ResourceRecord {
  name: string;
  ttl: number;
  type: Exclude<RecordType, "ANY">;
  /** The RDATA in presentation form: `10.0.0.1`, `ns.dns.cluster.local. hostmaster... 1761836400 7200 1800 86400 30`. */
  data: string;
}

export interface Response {
  rcode: Rcode;
  /** Authoritative answer: CoreDNS sets it for the zones it serves. */
  aa: boolean;
  /** Recursion available: forwarders and recursive resolvers set it, CoreDNS's kubernetes plugin does not. */
  ra: boolean;
  answer: ResourceRecord[];
  authority: ResourceRecord[];
  /** Whether the server compresses owner names that repeat an earlier name (dns.Msg.Compress). */
  compress: boolean;
}

/** Lower-case and make absolute: `Kubernetes.Default` -> `kubernetes.default.` */
export const fqdn = (name: string) => {
  const lower = name.toLowerCase();
  return lower.endsWith(".") ? lower : `${lower}.`;
};

/** Wire length of a name: a length byte per label, the label, and the root's zero byte. */
export function nameLength(name: string): number {
  const labels = name.split(".").filter(Boolean);
  return labels.reduce((n, l) => n + 1 + l.length, 0) + 1;
}

function rdataLength(rr: ResourceRecord): number {
  switch (rr.type) {
    case "A":
      return 4;
    case "AAAA":
      return 16;
    case "SOA": {
      const [mname = ".", rname = "."] = rr.data.split(" ");
      return nameLength(mname) + nameLength(rname) + 20;
    }
    case "PTR":
    case "CNAME":
    case "NS":
      return nameLength(rr.data);
    default:
      return rr.data.length + 1;
  }
}

/** EDNS(0) OPT pseudo-record: root name, type, class (UDP size), TTL (flags), RDLENGTH, then options. */
export function optLength(cookieBytes: number): number {
  return 11 + (cookieBytes ? 4 + cookieBytes : 0);
}

/**
 * The response's size on the wire: header, the question echoed, each record (owner name,
 * type/class/TTL/RDLENGTH, RDATA), and the OPT record when the query carried EDNS.
 * A compressing server writes an owner name equal to the question's as a 2-byte pointer.
 */
export function responseSize(q: Question, r: Response, opt?: { cookieBytes: number }): number {
  let size = 12 + nameLength(q.name) + 4;
  for (const rr of [...r.answer, ...r.authority]) {
    const owner = r.compress && rr.name === q.name ? 2 : nameLength(rr.name);
    size += owner + 10 + rdataLength(rr);
  }
  return size + (opt ? optLength(opt.cookieBytes) : 0);
}

/** An IPv4 address's reverse name: `10.0.0.1` -> `1.0.0.10.in-addr.arpa.` */
export const reverseName = (ip: string) => `${ip.split(".").reverse().join(".")}.in-addr.arpa.`;

export const isIPv4 = (s: string) => /^(\d{1,3})(\.\d{1,3}){3}$/.test(s) && s.split(".").every((o) => Number(o) <= 255);
