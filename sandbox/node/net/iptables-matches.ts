/**
 * The match extensions this node's rules use, each as libxtables defines it: the options it
 * parses, what iptables-save prints after `-m <name>` (its `save`), what `iptables -L`
 * prints in the rule's last column (its `print`), and whether a packet matches. Texts follow
 * iptables 1.8.7 extensions/libxt_{comment,tcp,udp,conntrack,mark,addrtype,statistic,
 * multiport}.c.
 */
import { paramError } from "./iptables-errors";

/** The first packet of a connection as netfilter sees it at one hook. */
export interface Packet {
  src: string;
  dst: string;
  proto: "tcp" | "udp" | "icmp";
  sport: number;
  dport: number;
  /** Interfaces: "" where the hook has none (no `in` on OUTPUT, no `out` on PREROUTING). */
  in: string;
  out: string;
  mark: number;
  /** conntrack's view: a NEW connection, and whether nat has rewritten its destination. */
  ctstate: "NEW" | "ESTABLISHED";
  dnatted: boolean;
}

export interface MatchEnv {
  /** addrtype LOCAL: an address configured on this host. */
  isLocal(address: string): boolean;
  /** statistic --mode random: a number in [0, 1) from the node's seeded source. */
  random(): number;
}

export interface MatchExt<S = unknown> {
  name: string;
  /** Long options with a value (true) or without (false). */
  options: Record<string, boolean>;
  init(): S;
  parse(state: S, option: string, value: string, invert: boolean): void;
  /** Final check once the rule is parsed (xtables x6_fcheck): throws on a missing option. */
  check?(state: S, proto: string | undefined): void;
  save(state: S): string;
  print(state: S, numeric: boolean): string;
  matches(state: S, p: Packet, env: MatchEnv): boolean;
}

/** xtables_save_string: bare when only [A-Za-z0-9_-], else double-quoted with \" \\ \' escaped. */
export function saveString(value: string): string {
  if (/^[A-Za-z0-9_-]+$/.test(value)) return ` ${value}`;
  return ` "${value.replace(/["\\']/g, (c) => `\\${c}`)}"`;
}

/** /etc/services on Ubuntu 22.04, for the ports the node's rules name (getservbyport). */
const SERVICES: Record<number, string> = { 22: "ssh", 53: "domain", 80: "http", 443: "https", 8080: "http-alt" };
const SERVICE_PORTS = Object.fromEntries(Object.entries(SERVICES).map(([p, n]) => [n, Number(p)]));

function parsePort(text: string, proto: string): number {
  if (/^\d+$/.test(text) && Number(text) <= 65535) return Number(text);
  const port = SERVICE_PORTS[text];
  if (port === undefined) throw paramError(`invalid port/service \`${text}' specified`);
  void proto;
  return port;
}

const portName = (port: number, numeric: boolean) => (numeric ? String(port) : (SERVICES[port] ?? String(port)));

// ---- comment ----

const comment: MatchExt<{ text?: string }> = {
  name: "comment",
  options: { "--comment": true },
  init: () => ({}),
  parse(s, _o, value) {
    if (value.length > 255) throw paramError("COMMENT must be shorter than 256 characters");
    s.text = value;
  },
  check(s) {
    if (s.text === undefined) throw paramError('comment: option "--comment" must be specified');
  },
  save: (s) => ` --comment${saveString(s.text ?? "")}`,
  print: (s) => ` /* ${s.text ?? ""} */`,
  matches: () => true,
};

// ---- tcp / udp ----

interface PortRange {
  min: number;
  max: number;
  invert: boolean;
}
interface PortsState {
  sport?: PortRange;
  dport?: PortRange;
}

function parseRange(text: string, invert: boolean, proto: string): PortRange {
  const [a, b] = text.split(":", 2) as [string, string | undefined];
  const min = a === "" ? 0 : parsePort(a, proto);
  const max = b === undefined ? min : b === "" ? 65535 : parsePort(b, proto);
  return { min, max, invert };
}

const inRange = (r: PortRange | undefined, port: number) =>
  r === undefined || (port >= r.min && port <= r.max) !== r.invert;

function printPorts(label: string, r: PortRange | undefined, numeric: boolean): string {
  if (!r) return "";
  const inv = r.invert ? "!" : "";
  if (r.min === r.max) return ` ${label}:${inv}${portName(r.min, numeric)}`;
  return ` ${label}s:${inv}${portName(r.min, numeric)}:${portName(r.max, numeric)}`;
}

function savePorts(option: string, r: PortRange | undefined): string {
  if (!r) return "";
  const range = r.min === r.max ? `${r.min}` : `${r.min}:${r.max}`;
  return `${r.invert ? " !" : ""} ${option} ${range}`;
}

function portMatch(name: "tcp" | "udp"): MatchExt<PortsState> {
  return {
    name,
    options: { "--sport": true, "--source-port": true, "--dport": true, "--destination-port": true },
    init: () => ({}),
    parse(s, option, value, invert) {
      const range = parseRange(value, invert, name);
      if (option === "--sport" || option === "--source-port") s.sport = range;
      else s.dport = range;
    },
    save: (s) => savePorts("--sport", s.sport) + savePorts("--dport", s.dport),
    print: (s, numeric) => ` ${name}${printPorts("spt", s.sport, numeric)}${printPorts("dpt", s.dport, numeric)}`,
    matches: (s, p) => p.proto === name && inRange(s.sport, p.sport) && inRange(s.dport, p.dport),
  };
}

// ---- conntrack ----

/** libxt_conntrack print_state's order. */
const CT_STATES = ["INVALID", "NEW", "RELATED", "ESTABLISHED", "UNTRACKED", "SNAT", "DNAT"];

const conntrack: MatchExt<{ states?: string[]; invert: boolean }> = {
  name: "conntrack",
  options: { "--ctstate": true },
  init: () => ({ invert: false }),
  parse(s, _o, value, invert) {
    const states = value.split(",");
    for (const st of states) if (!CT_STATES.includes(st)) throw paramError(`Bad ctstate "${st}"`);
    s.states = CT_STATES.filter((st) => states.includes(st));
    s.invert = invert;
  },
  save: (s) => (s.states ? `${s.invert ? " !" : ""} --ctstate ${s.states.join(",")}` : ""),
  print: (s) => (s.states ? `${s.invert ? " !" : ""} ctstate ${s.states.join(",")}` : ""),
  matches(s, p) {
    if (!s.states) return true;
    const has = s.states.includes(p.ctstate) || (p.dnatted && s.states.includes("DNAT"));
    return has !== s.invert;
  },
};

// ---- mark ----

const parseNumber = (text: string) => (/^0x[0-9a-f]+$/i.test(text) ? Number.parseInt(text, 16) : Number(text));

/** `value[/mask]` as libxtables xtables_parse_mark_mask reads it; mask defaults to all ones. */
export function parseMarkMask(text: string): { value: number; mask: number } {
  const [v, m] = text.split("/", 2) as [string, string | undefined];
  const value = parseNumber(v);
  const mask = m === undefined ? 0xffffffff : parseNumber(m);
  if (!Number.isInteger(value) || !Number.isInteger(mask) || value > 0xffffffff || mask > 0xffffffff) {
    throw paramError(`Bad MARK value "${text}"`);
  }
  return { value: value >>> 0, mask: mask >>> 0 };
}

const hex = (n: number) => `0x${(n >>> 0).toString(16)}`;
const markMask = (value: number, mask: number) =>
  mask === 0xffffffff ? ` ${hex(value)}` : ` ${hex(value)}/${hex(mask)}`;

const mark: MatchExt<{ value: number; mask: number; invert: boolean; set: boolean }> = {
  name: "mark",
  options: { "--mark": true },
  init: () => ({ value: 0, mask: 0xffffffff, invert: false, set: false }),
  parse(s, _o, value, invert) {
    Object.assign(s, parseMarkMask(value), { invert, set: true });
  },
  check(s) {
    if (!s.set) throw paramError('mark: option "--mark" must be specified');
  },
  save: (s) => `${s.invert ? " !" : ""} --mark${markMask(s.value, s.mask)}`,
  print: (s) => ` mark match${s.invert ? " !" : ""}${markMask(s.value, s.mask)}`,
  matches: (s, p) => ((p.mark & s.mask) >>> 0 === s.value) !== s.invert,
};

// ---- addrtype ----

const ADDR_TYPES = [
  "UNSPEC",
  "UNICAST",
  "LOCAL",
  "BROADCAST",
  "ANYCAST",
  "MULTICAST",
  "BLACKHOLE",
  "UNREACHABLE",
  "PROHIBIT",
  "THROW",
  "NAT",
  "XRESOLVE",
];
interface TypeSel {
  types: string[];
  invert: boolean;
}

function addrTypeOf(address: string, env: MatchEnv): string {
  if (env.isLocal(address)) return "LOCAL";
  if (address === "255.255.255.255") return "BROADCAST";
  const first = Number(address.split(".")[0]);
  return first >= 224 && first < 240 ? "MULTICAST" : "UNICAST";
}

const addrtype: MatchExt<{ src?: TypeSel; dst?: TypeSel }> = {
  name: "addrtype",
  options: { "--src-type": true, "--dst-type": true },
  init: () => ({}),
  parse(s, option, value, invert) {
    const types = value.split(",");
    for (const t of types) if (!ADDR_TYPES.includes(t)) throw paramError(`addrtype: bad type "${t}"`);
    const sel = { types: ADDR_TYPES.filter((t) => types.includes(t)), invert };
    if (option === "--src-type") s.src = sel;
    else s.dst = sel;
  },
  check(s) {
    if (!s.src && !s.dst) throw paramError("addrtype: you must specify --src-type or --dst-type");
  },
  save: (s) =>
    (s.src ? `${s.src.invert ? " !" : ""} --src-type ${s.src.types.join(",")}` : "") +
    (s.dst ? `${s.dst.invert ? " !" : ""} --dst-type ${s.dst.types.join(",")}` : ""),
  print: (s) =>
    ` ADDRTYPE match${s.src ? ` src-type ${s.src.invert ? "!" : ""}${s.src.types.join(",")}` : ""}${
      s.dst ? ` dst-type ${s.dst.invert ? "!" : ""}${s.dst.types.join(",")}` : ""
    }`,
  matches: (s, p, env) =>
    (!s.src || s.src.types.includes(addrTypeOf(p.src, env)) !== s.src.invert) &&
    (!s.dst || s.dst.types.includes(addrTypeOf(p.dst, env)) !== s.dst.invert),
};

// ---- statistic ----

/**
 * libxt_statistic keeps the probability as a 31-bit fraction, lround(0x80000000 * p), and
 * prints it back with %.11f: kube-proxy writes 1/3 as 0.3333333333 and iptables-save shows
 * 0.33333333349.
 */
const statistic: MatchExt<{ mode?: string; probability?: number; every?: number; packet: number; invert: boolean }> = {
  name: "statistic",
  options: { "--mode": true, "--probability": true, "--every": true, "--packet": true },
  init: () => ({ packet: 0, invert: false }),
  parse(s, option, value, invert) {
    if (option === "--mode") {
      if (value !== "random" && value !== "nth") throw paramError(`Bad mode "${value}"`);
      s.mode = value;
    } else if (option === "--probability") {
      const p = Number(value);
      if (!Number.isFinite(p) || p < 0 || p > 1) throw paramError("--probability must be between 0 and 1");
      s.probability = Math.round(0x80000000 * p);
      s.invert = invert;
    } else if (option === "--every") {
      s.every = Number(value);
      s.invert = invert;
    } else s.packet = Number(value);
  },
  check(s) {
    if (s.mode === "random" && s.probability === undefined)
      throw paramError("--probability must be specified when using random mode");
    if (s.mode === "nth" && s.every === undefined) throw paramError("--every must be specified when using nth mode");
    if (!s.mode) throw paramError("no mode specified");
  },
  save: (s) =>
    s.mode === "random"
      ? ` --mode random${s.invert ? " !" : ""} --probability ${((s.probability ?? 0) / 0x80000000).toFixed(11)}`
      : ` --mode nth${s.invert ? " !" : ""} --every ${s.every} --packet ${s.packet}`,
  print: (s) =>
    s.mode === "random"
      ? ` statistic mode random${s.invert ? " !" : ""} probability ${((s.probability ?? 0) / 0x80000000).toFixed(11)}`
      : ` statistic mode nth${s.invert ? " !" : ""} every ${s.every}${s.packet ? ` packet ${s.packet}` : ""}`,
  matches: (s, _p, env) => (s.mode === "random" ? env.random() * 0x80000000 < (s.probability ?? 0) !== s.invert : true),
};

// ---- multiport ----

interface MultiportState {
  which?: "src" | "dst" | "any";
  ports: PortRange[];
  invert: boolean;
}

const multiport: MatchExt<MultiportState> = {
  name: "multiport",
  options: {
    "--sports": true,
    "--source-ports": true,
    "--dports": true,
    "--destination-ports": true,
    "--ports": true,
  },
  init: () => ({ ports: [], invert: false }),
  parse(s, option, value, invert) {
    s.which = option.startsWith("--s") ? "src" : option.startsWith("--d") ? "dst" : "any";
    s.ports = value.split(",").map((p) => parseRange(p, false, ""));
    s.invert = invert;
  },
  check(s, proto) {
    if (proto !== "tcp" && proto !== "udp" && proto !== "sctp") {
      throw paramError("multiport needs `-p tcp', `-p udp', `-p udplite', `-p sctp' or `-p dccp'");
    }
    if (!s.which) throw paramError("multiport expects an option");
  },
  save: (s) =>
    `${s.invert ? " !" : ""} --${s.which === "src" ? "sports" : s.which === "dst" ? "dports" : "ports"} ${s.ports
      .map((r) => (r.min === r.max ? `${r.min}` : `${r.min}:${r.max}`))
      .join(",")}`,
  print: (s, numeric) =>
    ` multiport ${s.which === "src" ? "sports" : s.which === "dst" ? "dports" : "ports"} ${s.invert ? "!" : ""}${s.ports
      .map((r) =>
        r.min === r.max ? portName(r.min, numeric) : `${portName(r.min, numeric)}:${portName(r.max, numeric)}`,
      )
      .join(",")}`,
  matches(s, p) {
    const hit = (port: number) => s.ports.some((r) => port >= r.min && port <= r.max);
    const yes = s.which === "src" ? hit(p.sport) : s.which === "dst" ? hit(p.dport) : hit(p.sport) || hit(p.dport);
    return yes !== s.invert;
  },
};

export const MATCHES: Record<string, MatchExt> = Object.fromEntries(
  [comment, portMatch("tcp"), portMatch("udp"), conntrack, mark, addrtype, statistic, multiport].map((m) => [
    m.name,
    m as MatchExt,
  ]),
);
