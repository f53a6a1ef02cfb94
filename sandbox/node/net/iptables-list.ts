/**
 * What iptables prints about the tables: `-L` in its columns (iptables 1.8.7 nft-shared.c
 * print_header / print_rule_details, xshared.c print_ifaces / print_ipv4_addresses,
 * libxtables xtables_print_num), `-S` and iptables-save (xtables-save.c, nft-ipv4.c save).
 */
import type { Netfilter } from "./iptables";
import type { Rule } from "./iptables-rule";
import { saveRule } from "./iptables-rule";
import { type Cidr, formatIpv4 } from "./ipv4";

export interface ListFormat {
  numeric: boolean;
  verbose: boolean;
  /** -x: exact counters, no K/M/G. */
  exact: boolean;
  lineNumbers: boolean;
}

/** xtables_print_num: `%8llu ` exact, else `%5llu ` up to 99999, then K/M/G/T in `%4llu`. */
function num(n: number, exact: boolean, table = true): string {
  if (exact) return table ? `${String(n).padStart(8)} ` : `${n} `;
  if (n <= 99999) return table ? `${String(n).padStart(5)} ` : `${n} `;
  let v = Math.floor((n + 500) / 1000);
  for (const unit of ["K", "M", "G"]) {
    if (v <= 9999) return table ? `${String(v).padStart(4)}${unit} ` : `${v}${unit} `;
    v = Math.floor((v + 500) / 1000);
  }
  return table ? `${String(v).padStart(4)}T ` : `${v}T `;
}

/**
 * An address column. Numeric: `10.0.0.1`, `10.224.0.0/12`, `0.0.0.0/0`. By name: `anywhere`
 * for /0, and the names this node resolves: systemd-resolved answers PTR queries for all of
 * 127.0.0.0/8 with `localhost`, /etc/networks names 169.254.0.0 `link-local`; other
 * addresses have no PTR record here and stay numbers (unconfirmed for Azure-DNS names).
 */
function addressColumn(c: Cidr | undefined, numeric: boolean): string {
  if (!c || c.prefix === 0) return numeric ? "0.0.0.0/0" : "anywhere";
  const mask = c.prefix === 32 ? "" : `/${c.prefix}`;
  const ip = formatIpv4(c.addr);
  if (numeric) return `${ip}${mask}`;
  if (ip.startsWith("127.")) return `localhost${mask}`;
  if (ip === "169.254.0.0") return `link-local${mask}`;
  return `${ip}${mask}`;
}

function header(nf: Netfilter, table: string, chainName: string, f: ListFormat): string {
  const c = nf.chain(table, chainName);
  let line = `Chain ${chainName}`;
  if (c?.builtin) {
    const counts = f.verbose ? ` ${num(c.packets, f.exact, false)}packets, ${num(c.bytes, f.exact, false)}bytes` : "";
    line += ` (policy ${c.policy}${counts})\n`;
  } else line += ` (${nf.references(table, chainName)} references)\n`;
  let cols = "";
  if (f.lineNumbers) cols += "num  ";
  if (f.verbose) cols += f.exact ? `${"pkts".padStart(8)} ${"bytes".padStart(10)} ` : " pkts bytes ";
  cols += `${"target".padEnd(9)} `;
  cols += " prot opt";
  if (f.verbose) cols += ` ${"in".padEnd(6)} ${"out".padEnd(6)} `;
  cols += ` ${"source".padEnd(19)} `;
  cols += ` ${"destination".padEnd(19)} `;
  return `${line}${cols}\n`;
}

function ruleLine(r: Rule, n: number, f: ListFormat): string {
  let s = "";
  if (f.lineNumbers) s += `${String(n).padEnd(4)} `;
  if (f.verbose) s += num(r.packets, f.exact) + num(r.bytes, f.exact);
  s += `${(r.target?.name ?? "").padEnd(9)} `;
  s += r.protoInv ? "!" : " ";
  s += (r.proto ?? "all").padEnd(5);
  s += "-- ";
  if (f.verbose) {
    const any = f.numeric ? "*" : "any";
    s += ` ${`${r.inInv ? "!" : ""}${r.in ?? any}`.padEnd(6)} `;
    s += `${`${r.outInv ? "!" : ""}${r.out ?? any}`.padEnd(6)} `;
  }
  s += `${r.srcInv ? "!" : " "}${addressColumn(r.src, f.numeric).padEnd(19)} `;
  s += `${r.dstInv ? "!" : " "}${addressColumn(r.dst, f.numeric).padEnd(19)} `;
  for (const m of r.matches) s += m.ext.print(m.state, f.numeric);
  if (r.target?.ext) s += r.target.ext.print(r.target.state, f.numeric);
  return `${s}\n`;
}

/** `iptables [-t T] -L [CHAIN] [-n] [-v] [-x] [--line-numbers]`. */
export function listTable(nf: Netfilter, table: string, chain: string | undefined, f: ListFormat): string {
  const chains = chain === undefined ? nf.chains(table) : [nf.chain(table, chain)].filter((c) => c !== undefined);
  return chains
    .map((c) => header(nf, table, c.name, f) + c.rules.map((r, i) => ruleLine(r, i + 1, f)).join(""))
    .join("\n");
}

/** One `-A` line as -S and iptables-save print it (with -c, the `[p:b] ` prefix). */
export const appendLine = (chain: string, r: Rule, counters = false) =>
  `${counters ? `[${r.packets}:${r.bytes}] ` : ""}-A ${chain} ${saveRule(r)}`;

/** `iptables [-t T] -S [CHAIN [N]]`: policies and new chains first, then the rules. */
export function listRules(nf: Netfilter, table: string, chain?: string, ruleNumber?: number): string {
  const chains = chain === undefined ? nf.chains(table) : [nf.chain(table, chain)].filter((c) => c !== undefined);
  const lines: string[] = [];
  if (ruleNumber === undefined) {
    for (const c of chains) lines.push(c.builtin ? `-P ${c.name} ${c.policy}` : `-N ${c.name}`);
  }
  for (const c of chains) {
    c.rules.forEach((r, i) => {
      if (ruleNumber === undefined || ruleNumber === i + 1) lines.push(appendLine(c.name, r));
    });
  }
  return lines.map((l) => `${l}\n`).join("");
}

/** ctime(3): `Thu Oct 30 16:06:00 2025` (the node runs in UTC). */
export function ctime(ms: number): string {
  const d = new Date(ms);
  const day = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"][d.getUTCDay()];
  const month = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][d.getUTCMonth()];
  const time = d.toISOString().slice(11, 19);
  return `${day} ${month} ${String(d.getUTCDate()).padStart(2)} ${time} ${d.getUTCFullYear()}`;
}

/** `iptables-save [-t T] [-c]`: each table framed by its Generated/Completed comments. */
export function saveTables(
  nf: Netfilter,
  now: number,
  /** `policyCounters: false` leaves the built-in chains' `[packets:bytes]` at 0 (iptables-save always prints them). */
  opts: { table?: string; counters?: boolean; policyCounters?: boolean } = {},
): string {
  const tables = opts.table ? [nf.table(opts.table)] : nf.existingTables();
  const stamp = ctime(now);
  let out = "";
  for (const t of tables) {
    out += `# Generated by iptables-save v1.8.7 on ${stamp}\n*${t.name}\n`;
    const chains = nf.chains(t.name);
    for (const c of chains)
      out +=
        c.builtin && opts.policyCounters !== false
          ? `:${c.name} ${c.policy} [${c.packets}:${c.bytes}]\n`
          : `:${c.name} ${c.builtin ? c.policy : "-"} [0:0]\n`;
    for (const c of chains) for (const r of c.rules) out += `${appendLine(c.name, r, opts.counters)}\n`;
    out += `COMMIT\n# Completed on ${stamp}\n`;
  }
  return out;
}
