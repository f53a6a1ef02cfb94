/**
 * The targets (-j) this node's rules use, as libxtables defines them: options, save and -L
 * texts (iptables 1.8.7 extensions/libxt_{REJECT,DNAT,SNAT,MASQUERADE,MARK}.c, libipt_*)
 * and what each does to a packet. ACCEPT, DROP and RETURN are the standard verdicts and
 * take no options; any other name is a jump to a user chain.
 */
import { paramError } from "./iptables-errors";
import { type Packet, parseMarkMask } from "./iptables-matches";
import { formatIpv4, parseIpv4 } from "./ipv4";

export type TargetEffect =
  | { verdict: "ACCEPT" | "DROP" | "RETURN" | "CONTINUE" }
  | { verdict: "REJECT"; with: string }
  | { verdict: "DNAT"; ip: string; port?: number }
  | { verdict: "SNAT" | "MASQUERADE" };

export interface TargetExt<S = unknown> {
  name: string;
  options: Record<string, boolean>;
  /** Tables the kernel accepts the target in (x_tables' xt_target.table); undefined: any. */
  table?: string;
  init(): S;
  parse(state: S, option: string, value: string): void;
  check?(state: S): void;
  save(state: S): string;
  print(state: S, numeric: boolean): string;
  apply(state: S, p: Packet): TargetEffect;
}

export const STANDARD_TARGETS = ["ACCEPT", "DROP", "RETURN"];

const REJECT_TYPES = [
  "icmp-net-unreachable",
  "icmp-host-unreachable",
  "icmp-port-unreachable",
  "icmp-proto-unreachable",
  "icmp-net-prohibited",
  "icmp-host-prohibited",
  "icmp-admin-prohibited",
  "tcp-reset",
];
const REJECT_ALIASES: Record<string, string> = {
  "net-unreach": "icmp-net-unreachable",
  "host-unreach": "icmp-host-unreachable",
  "port-unreach": "icmp-port-unreachable",
  "proto-unreach": "icmp-proto-unreachable",
  "net-prohib": "icmp-net-prohibited",
  "host-prohib": "icmp-host-prohibited",
  "admin-prohib": "icmp-admin-prohibited",
};

const reject: TargetExt<{ with: string }> = {
  name: "REJECT",
  options: { "--reject-with": true },
  init: () => ({ with: "icmp-port-unreachable" }),
  parse(s, _o, value) {
    const type = REJECT_ALIASES[value] ?? value;
    if (!REJECT_TYPES.includes(type)) throw paramError(`unknown reject type "${value}"`);
    s.with = type;
  },
  save: (s) => ` --reject-with ${s.with}`,
  print: (s) => ` reject-with ${s.with}`,
  apply: (s) => ({ verdict: "REJECT", with: s.with }),
};

interface NatRange {
  ip?: string;
  port?: number;
  text?: string;
}

function parseNatRange(value: string, what: string): NatRange {
  const [ip, port] = value.split(":", 2) as [string, string | undefined];
  if (parseIpv4(ip) === undefined) throw paramError(`Bad IP address "${ip}"`);
  if (port !== undefined && !/^\d+(-\d+)?$/.test(port)) throw paramError(`Port \`${port}' not valid`);
  void what;
  return { ip: formatIpv4(parseIpv4(ip) as number), port: port ? Number(port.split("-")[0]) : undefined, text: value };
}

const dnat: TargetExt<NatRange> = {
  name: "DNAT",
  table: "nat",
  options: { "--to-destination": true, "--random": false, "--persistent": false },
  init: () => ({}),
  parse(s, option, value) {
    if (option === "--to-destination") Object.assign(s, parseNatRange(value, "DNAT"));
  },
  check(s) {
    if (!s.text) throw paramError("You must specify --to-destination");
  },
  save: (s) => ` --to-destination ${s.text}`,
  print: (s) => ` to:${s.text}`,
  apply: (s) => ({ verdict: "DNAT", ip: s.ip as string, port: s.port }),
};

const snat: TargetExt<NatRange> = {
  name: "SNAT",
  table: "nat",
  options: { "--to-source": true, "--random": false, "--random-fully": false, "--persistent": false },
  init: () => ({}),
  parse(s, option, value) {
    if (option === "--to-source") Object.assign(s, parseNatRange(value, "SNAT"));
  },
  check(s) {
    if (!s.text) throw paramError("You must specify --to-source");
  },
  save: (s) => ` --to-source ${s.text}`,
  print: (s) => ` to:${s.text}`,
  apply: () => ({ verdict: "SNAT" }),
};

const masquerade: TargetExt<{ randomFully: boolean; random: boolean; ports?: string }> = {
  name: "MASQUERADE",
  table: "nat",
  options: { "--random-fully": false, "--random": false, "--to-ports": true },
  init: () => ({ randomFully: false, random: false }),
  parse(s, option, value) {
    if (option === "--random-fully") s.randomFully = true;
    else if (option === "--random") s.random = true;
    else s.ports = value;
  },
  save: (s) =>
    `${s.ports ? ` --to-ports ${s.ports}` : ""}${s.random ? " --random" : ""}${s.randomFully ? " --random-fully" : ""}`,
  print: (s) =>
    `${s.ports ? ` masq ports: ${s.ports}` : ""}${s.random ? " random" : ""}${s.randomFully ? " random-fully" : ""}`,
  apply: () => ({ verdict: "MASQUERADE" }),
};

const hex = (n: number) => `0x${(n >>> 0).toString(16)}`;

/** libxt_MARK revision 2: every form is stored as (mark, mask) and saved as --set-xmark. */
const markTarget: TargetExt<{ mark: number; mask: number; set: boolean }> = {
  name: "MARK",
  options: { "--set-xmark": true, "--set-mark": true, "--and-mark": true, "--or-mark": true, "--xor-mark": true },
  init: () => ({ mark: 0, mask: 0, set: false }),
  parse(s, option, value) {
    const { value: v, mask: m } = parseMarkMask(value);
    s.set = true;
    if (option === "--set-xmark") Object.assign(s, { mark: v, mask: m });
    else if (option === "--set-mark") Object.assign(s, { mark: v, mask: (v | m) >>> 0 });
    else if (option === "--and-mark") Object.assign(s, { mark: 0, mask: ~v >>> 0 });
    else if (option === "--or-mark") Object.assign(s, { mark: v, mask: v });
    else Object.assign(s, { mark: v, mask: 0 });
  },
  check(s) {
    if (!s.set) throw paramError("MARK target: Parameter --set/and/or/xor-mark is required");
  },
  save: (s) => ` --set-xmark ${hex(s.mark)}/${hex(s.mask)}`,
  print(s) {
    if (s.mark === 0) return ` MARK and ${hex(~s.mask)}`;
    if (s.mark === s.mask) return ` MARK or ${hex(s.mark)}`;
    if (s.mask === 0) return ` MARK xor ${hex(s.mark)}`;
    if (s.mask === 0xffffffff) return ` MARK set ${hex(s.mark)}`;
    return ` MARK xset ${hex(s.mark)}/${hex(s.mask)}`;
  },
  apply(s, p) {
    p.mark = ((p.mark & ~s.mask) ^ s.mark) >>> 0;
    return { verdict: "CONTINUE" };
  },
};

export const TARGETS: Record<string, TargetExt> = Object.fromEntries(
  [reject, dnat, snat, masquerade, markTarget].map((t) => [t.name, t as TargetExt]),
);
