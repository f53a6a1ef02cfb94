/**
 * One iptables rule as the kernel holds it: the IPv4 header fields (-s -d -i -o -p), the
 * matches in the order given, and the target. Parsed from the options a command line or a
 * restore line gives, in any order, the way iptables 1.8.7's do_parse / command_default
 * read them (a target's options first, then the loaded matches', then the protocol's match
 * loaded implicitly, so `-p tcp --dport 80` works without `-m tcp`); printed back in
 * iptables-save's canonical order (iptables/nft-ipv4.c nft_ipv4_save_rule).
 */
import { opError, paramError } from "./iptables-errors";
import { MATCHES, type MatchExt } from "./iptables-matches";
import { STANDARD_TARGETS, TARGETS, type TargetExt } from "./iptables-targets";
import { type Cidr, formatCidr, parseCidr } from "./ipv4";

export interface MatchInstance {
  ext: MatchExt;
  state: unknown;
}

export interface RuleTarget {
  /** ACCEPT/DROP/RETURN, an extension (DNAT, MARK, ...) or a user chain. */
  name: string;
  ext?: TargetExt;
  state?: unknown;
  goto: boolean;
}

export interface Rule {
  src?: Cidr;
  srcInv: boolean;
  dst?: Cidr;
  dstInv: boolean;
  in?: string;
  inInv: boolean;
  out?: string;
  outInv: boolean;
  proto?: string;
  protoInv: boolean;
  matches: MatchInstance[];
  target?: RuleTarget;
  packets: number;
  bytes: number;
}

/** /etc/protocols names iptables accepts for -p, by number. */
const PROTOCOLS: Record<string, number> = {
  all: 0,
  icmp: 1,
  tcp: 6,
  udp: 17,
  esp: 50,
  ah: 51,
  sctp: 132,
  udplite: 136,
};
const PROTOCOL_NAMES = Object.fromEntries(Object.entries(PROTOCOLS).map(([n, p]) => [p, n]));

const emptyRule = (): Rule => ({
  srcInv: false,
  dstInv: false,
  inInv: false,
  outInv: false,
  protoInv: false,
  matches: [],
  packets: 0,
  bytes: 0,
});

/** Where the rule goes: its table, and which user chains exist there (for -j CHAIN). */
export interface RuleContext {
  table: string;
  chainExists(name: string): boolean;
}

/**
 * Reads the rule options of one command, option by option. `accept` returns false for an
 * option that is not a rule option (the caller's own, like -A or -n).
 */
export class RuleBuilder {
  readonly rule = emptyRule();
  private target?: RuleTarget;

  /** Takes one option; `value()` consumes the next argument. False: not a rule option. */
  accept(option: string, value: () => string | undefined, invert: boolean): boolean {
    const need = (): string => {
      const v = value();
      if (v === undefined) throw paramError(`option "${option}" requires an argument`);
      return v;
    };
    const r = this.rule;
    switch (option) {
      case "-s":
      case "--source":
      case "--src": {
        r.src = address(need());
        r.srcInv = invert;
        return true;
      }
      case "-d":
      case "--destination":
      case "--dst": {
        r.dst = address(need());
        r.dstInv = invert;
        return true;
      }
      case "-i":
      case "--in-interface":
        r.in = iface(need());
        r.inInv = invert;
        return true;
      case "-o":
      case "--out-interface":
        r.out = iface(need());
        r.outInv = invert;
        return true;
      case "-p":
      case "--protocol": {
        const p = protocol(need());
        r.proto = p === "all" ? undefined : p;
        r.protoInv = invert && p !== "all";
        return true;
      }
      case "-m":
      case "--match": {
        const name = need();
        const ext = MATCHES[name];
        if (!ext) throw paramError(`Couldn't load match \`${name}':No such file or directory\n`);
        r.matches.push({ ext, state: ext.init() });
        return true;
      }
      case "-j":
      case "--jump":
      case "-g":
      case "--goto": {
        const name = need();
        const ext = TARGETS[name];
        this.target = {
          name,
          goto: option === "-g" || option === "--goto",
          ...(ext ? { ext, state: ext.init() } : {}),
        };
        return true;
      }
    }
    if (!option.startsWith("--")) return false;
    const t = this.target;
    if (t?.ext && option in t.ext.options) {
      t.ext.parse(t.state, option, t.ext.options[option] ? need() : "");
      return true;
    }
    for (const m of r.matches) {
      if (option in m.ext.options) {
        m.ext.parse(m.state, option, m.ext.options[option] ? need() : "", invert);
        return true;
      }
    }
    // The protocol's own match, loaded on demand (xshared.c load_proto).
    const protoMatch = r.proto ? MATCHES[r.proto] : undefined;
    if (protoMatch && option in protoMatch.options && !r.matches.some((m) => m.ext === protoMatch)) {
      const inst = { ext: protoMatch, state: protoMatch.init() };
      r.matches.push(inst);
      protoMatch.parse(inst.state, option, protoMatch.options[option] ? need() : "", invert);
      return true;
    }
    throw paramError(`unknown option "${option}"`);
  }

  /** Final checks (x6_fcheck), then resolve the target: an extension, a verdict or a user chain. */
  finish(ctx: RuleContext): Rule {
    const r = this.rule;
    for (const m of r.matches) m.ext.check?.(m.state, r.proto);
    const t = this.target;
    if (t) {
      if (t.ext) {
        t.ext.check?.(t.state);
        // x_tables refuses a target outside its table when the rule is added.
        if (t.ext.table && t.ext.table !== ctx.table)
          throw opError("Invalid argument. Run `dmesg' for more information");
      } else if (!STANDARD_TARGETS.includes(t.name) && !ctx.chainExists(t.name)) {
        if (t.goto) throw paramError(`goto '${t.name}' is not a chain\n`);
        throw paramError(`Couldn't load target \`${t.name}':No such file or directory\n`);
      }
      r.target = t;
    }
    return r;
  }
}

function address(text: string): Cidr {
  const c = parseCidr(text);
  if (!c) throw paramError(`host/network \`${text}' not found`);
  return c;
}

function iface(name: string): string {
  if (name.length > 15) throw paramError(`interface name \`${name}' must be shorter than IFNAMSIZ (15)`);
  return name;
}

function protocol(text: string): string {
  const name = text.toLowerCase();
  if (name in PROTOCOLS) return name;
  if (/^\d+$/.test(name) && Number(name) <= 255) return PROTOCOL_NAMES[Number(name)] ?? name;
  throw paramError(`unknown protocol "${text}" specified`);
}

/** Parse a whole rule spec (what follows `-A CHAIN`), for restore lines and programs. */
export function parseRule(args: string[], ctx: RuleContext): Rule {
  const b = new RuleBuilder();
  let invert = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === "!") {
      if (invert) throw paramError("multiple consecutive ! not allowed");
      invert = true;
      continue;
    }
    if (!b.accept(a, () => args[++i], invert)) throw paramError(`unknown option "${a}"`);
    invert = false;
  }
  return b.finish(ctx);
}

/**
 * Each rule's saved text, kept while its target is the same object: a rule's fields never
 * change once built except its counters and, on `-E`, its target (replaced, not edited).
 * iptables-save of kube-proxy's thousands of rules then renders each rule once.
 */
const savedText = new WeakMap<Rule, { target: RuleTarget | undefined; text: string }>();

/** The rule as iptables-save prints it after `-A CHAIN ` (nft_ipv4_save_rule's order). */
export function saveRule(r: Rule): string {
  const known = savedText.get(r);
  if (known && known.target === r.target) return known.text;
  const text = renderRule(r);
  savedText.set(r, { target: r.target, text });
  return text;
}

function renderRule(r: Rule): string {
  const inv = (on: boolean) => (on ? "! " : "");
  let out = "";
  if (r.src) out += `${inv(r.srcInv)}-s ${formatCidr(r.src)} `;
  if (r.dst) out += `${inv(r.dstInv)}-d ${formatCidr(r.dst)} `;
  if (r.in) out += `${inv(r.inInv)}-i ${r.in} `;
  if (r.out) out += `${inv(r.outInv)}-o ${r.out} `;
  if (r.proto) out += `${inv(r.protoInv)}-p ${r.proto} `;
  for (const m of r.matches) out += `-m ${m.ext.name}${m.ext.save(m.state)} `;
  const t = r.target;
  if (t) out += `-${t.goto ? "g" : "j"} ${t.name}${t.ext ? t.ext.save(t.state) : ""}`;
  return out;
}

/** Two rules are the same rule (for -D RULE and -C) when they save the same. */
export const sameRule = (a: Rule, b: Rule) => saveRule(a) === saveRule(b);

/** The chain a rule jumps or goes to, if it names a user chain. */
export function jumpsTo(r: Rule): string | undefined {
  const t = r.target;
  return t && !t.ext && !STANDARD_TARGETS.includes(t.name) ? t.name : undefined;
}
