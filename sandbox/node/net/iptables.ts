/**
 * The host's netfilter tables as iptables-nft (1.8.7) sees them: filter, nat, mangle, raw
 * and security, each with its built-in chains (policy and packet/byte counters) and user
 * chains, each chain an ordered list of parsed rules. Every writer of rules on the node goes
 * through here: /sbin/iptables from systemd units and scripts, the kubelet, kube-proxy and
 * ip-masq-agent (through iptables-restore), and the learner. Failures carry the kernel's
 * answer as nft_strerror words it (iptables/nft.c).
 *
 * A table exists once something has written to it, as nf_tables tables do; listing a table
 * that does not exist shows its built-in chains empty (nft_xt_fake_builtin_chains), and
 * iptables-save prints only the tables that exist.
 */
import { IptablesError, NO_CHAIN, opError, paramError } from "./iptables-errors";
import { jumpsTo, type Rule, sameRule } from "./iptables-rule";
import { STANDARD_TARGETS, TARGETS } from "./iptables-targets";

/** Built-in chains per table, in hook order (how -L and iptables-save list them). */
export const BUILTIN_CHAINS: Record<string, string[]> = {
  mangle: ["PREROUTING", "INPUT", "FORWARD", "OUTPUT", "POSTROUTING"],
  security: ["INPUT", "FORWARD", "OUTPUT"],
  raw: ["PREROUTING", "OUTPUT"],
  filter: ["INPUT", "FORWARD", "OUTPUT"],
  nat: ["PREROUTING", "INPUT", "OUTPUT", "POSTROUTING"],
};
/** iptables-save's table order: nft.h enum nft_table_type. */
export const TABLE_ORDER = ["mangle", "security", "raw", "filter", "nat"];

export interface Chain {
  name: string;
  builtin: boolean;
  policy?: "ACCEPT" | "DROP";
  packets: number;
  bytes: number;
  rules: Rule[];
}

export interface Table {
  name: string;
  exists: boolean;
  chains: Map<string, Chain>;
}

const builtinChain = (name: string): Chain => ({
  name,
  builtin: true,
  policy: "ACCEPT",
  packets: 0,
  bytes: 0,
  rules: [],
});

export class Netfilter {
  private readonly tables = new Map<string, Table>();
  /**
   * Bumped by every change to the tables (rules, chains, policies, counters): what caches
   * of their renderings key on (the history's fingerprint), and how a periodic writer can
   * tell that nothing has touched the tables since its last pass.
   */
  generation = 0;

  constructor() {
    for (const name of TABLE_ORDER) this.tables.set(name, this.emptyTable(name));
  }

  private emptyTable(name: string): Table {
    const chains = new Map((BUILTIN_CHAINS[name] ?? []).map((c) => [c, builtinChain(c)]));
    return { name, exists: false, chains };
  }

  /** The table by name; an unknown name is iptables' `table 'x' does not exist` (exit 3). */
  table(name: string): Table {
    const t = this.tables.get(name);
    if (!t) throw new IptablesError(`table '${name}' does not exist`, "version");
    return t;
  }

  /** Tables that exist, in iptables-save's order. */
  existingTables(): Table[] {
    return TABLE_ORDER.map((n) => this.tables.get(n) as Table).filter((t) => t.exists);
  }

  /** Built-in chains in hook order, then user chains by name (nft cache order). */
  chains(table: string): Chain[] {
    const all = [...this.table(table).chains.values()];
    const builtin = all.filter((c) => c.builtin);
    const user = all.filter((c) => !c.builtin).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return [...builtin, ...user];
  }

  chain(table: string, name: string): Chain | undefined {
    return this.table(table).chains.get(name);
  }

  hasChain(table: string, name: string): boolean {
    return this.table(table).chains.has(name);
  }

  /** Rules in the table that jump or go to the chain (`(N references)` in -L). */
  references(table: string, name: string): number {
    return this.referenceCounts(table).get(name) ?? 0;
  }

  /**
   * Jumps to each chain of a table, counted once per generation: `-L` asks for every chain
   * and `-X` for each chain it deletes, and a scan of every rule each time was quadratic
   * with kube-proxy's thousands of chains.
   */
  private referenceCounts(table: string): Map<string, number> {
    const cached = this.referenceCache.get(table);
    if (cached?.generation === this.generation) return cached.counts;
    const counts = new Map<string, number>();
    for (const c of this.table(table).chains.values())
      for (const r of c.rules) {
        const to = jumpsTo(r);
        if (to !== undefined) counts.set(to, (counts.get(to) ?? 0) + 1);
      }
    this.referenceCache.set(table, { generation: this.generation, counts });
    return counts;
  }

  private readonly referenceCache = new Map<string, { generation: number; counts: Map<string, number> }>();

  private existing(table: string, chain: string): Chain {
    const c = this.table(table).chains.get(chain);
    if (!c) throw opError(NO_CHAIN);
    return c;
  }

  private touch(table: string): Table {
    const t = this.table(table);
    t.exists = true;
    return t;
  }

  append(table: string, chain: string, rule: Rule): void {
    this.generation++;
    this.existing(table, chain).rules.push(rule);
    this.touch(table);
  }

  /** -I CHAIN [N]: N counts from 1; one past the end appends. */
  insert(table: string, chain: string, rule: Rule, position = 1): void {
    this.generation++;
    const c = this.existing(table, chain);
    if (position < 1 || position > c.rules.length + 1) throw opError("Index of insertion too big");
    c.rules.splice(position - 1, 0, rule);
    this.touch(table);
  }

  replace(table: string, chain: string, position: number, rule: Rule): void {
    this.generation++;
    const c = this.existing(table, chain);
    if (position < 1 || position > c.rules.length) throw opError("Index of replacement too big");
    c.rules[position - 1] = rule;
  }

  /** -C: is there a rule like this one? */
  check(table: string, chain: string, rule: Rule): boolean {
    return this.existing(table, chain).rules.some((r) => sameRule(r, rule));
  }

  deleteRule(table: string, chain: string, rule: Rule): void {
    this.generation++;
    const c = this.existing(table, chain);
    const at = c.rules.findIndex((r) => sameRule(r, rule));
    if (at < 0) throw opError("Bad rule (does a matching rule exist in that chain?)");
    c.rules.splice(at, 1);
  }

  deleteNumber(table: string, chain: string, position: number): void {
    this.generation++;
    const c = this.existing(table, chain);
    if (position < 1 || position > c.rules.length) throw opError("Index of deletion too big");
    c.rules.splice(position - 1, 1);
  }

  /** -F [CHAIN]: remove the rules, keep the chains (and so the canaries). */
  flush(table: string, chain?: string): void {
    this.generation++;
    const targets = chain === undefined ? [...this.table(table).chains.values()] : [this.existing(table, chain)];
    for (const c of targets) c.rules = [];
    if (chain === undefined) this.touch(table);
  }

  zero(table: string, chain?: string): void {
    this.generation++;
    const targets = chain === undefined ? [...this.table(table).chains.values()] : [this.existing(table, chain)];
    for (const c of targets) {
      c.packets = 0;
      c.bytes = 0;
      for (const r of c.rules) {
        r.packets = 0;
        r.bytes = 0;
      }
    }
  }

  newChain(table: string, name: string): void {
    this.generation++;
    validateChainName(name);
    const t = this.table(table);
    if (t.chains.has(name)) throw opError("Chain already exists");
    t.chains.set(name, { name, builtin: false, packets: 0, bytes: 0, rules: [] });
    this.touch(table);
  }

  /** EnsureChain (k8s.io/kubernetes/pkg/util/iptables): create unless it exists. */
  ensureChain(table: string, name: string): void {
    if (!this.hasChain(table, name)) this.newChain(table, name);
  }

  /**
   * -X [CHAIN]: a user chain must be empty and unreferenced (the kernel says EBUSY and
   * iptables words it as below; the referenced case is unconfirmed for nf_tables).
   */
  deleteChain(table: string, name?: string): void {
    // Removing an empty chain nothing jumps to leaves every other chain's reference count as
    // it was: a count taken before stays good (kube-proxy deletes stale chains one -X at a time).
    const fresh = this.referenceCache.get(table)?.generation === this.generation;
    this.generation++;
    const t = this.table(table);
    const names =
      name === undefined
        ? this.chains(table)
            .filter((c) => !c.builtin)
            .map((c) => c.name)
        : [name];
    for (const n of names) {
      const c = t.chains.get(n);
      if (!c) throw opError(NO_CHAIN);
      if (c.builtin) throw opError("Can't delete built-in chain");
      if (this.references(table, n) > 0) throw opError("Too many links");
      if (c.rules.length > 0) throw opError("Directory not empty");
      t.chains.delete(n);
    }
    const cached = this.referenceCache.get(table);
    if (fresh && cached) cached.generation = this.generation;
  }

  setPolicy(table: string, chain: string, policy: string): void {
    this.generation++;
    const c = this.table(table).chains.get(chain);
    if (!c?.builtin) throw opError("Bad built-in chain name");
    if (policy !== "ACCEPT" && policy !== "DROP") throw opError("Bad policy name");
    c.policy = policy;
    this.touch(table);
  }

  renameChain(table: string, from: string, to: string): void {
    this.generation++;
    const t = this.table(table);
    const c = t.chains.get(from);
    if (!c) throw opError(NO_CHAIN);
    if (c.builtin) throw opError("Invalid argument");
    validateChainName(to);
    if (t.chains.has(to)) throw opError("File exists");
    t.chains.delete(from);
    c.name = to;
    t.chains.set(to, c);
    for (const ch of t.chains.values())
      for (const r of ch.rules) if (r.target && jumpsTo(r) === from) r.target = { ...r.target, name: to };
  }

  /** A copy of one table, to put back if an iptables-restore transaction fails. */
  snapshotTable(name: string): Table {
    const t = this.table(name);
    const chains = new Map([...t.chains].map(([k, c]) => [k, { ...c, rules: [...c.rules] }]));
    return { name, exists: t.exists, chains };
  }

  restoreTable(copy: Table): void {
    this.generation++;
    this.tables.set(copy.name, copy);
  }

  /** iptables-restore without --noflush: the table starts empty, built-ins at ACCEPT. */
  resetTable(name: string): void {
    this.generation++;
    this.table(name);
    this.tables.set(name, { ...this.emptyTable(name), exists: true });
  }
}

/** xtables.c / iptables.c chain name checks for -N and -E. */
function validateChainName(name: string): void {
  if (name.length >= 29) throw paramError(`chain name \`${name}' too long (must be under 29 chars)`);
  if (name.startsWith("-") || name.startsWith("!"))
    throw paramError(`chain name not allowed to start with \`${name[0]}'`);
  if (STANDARD_TARGETS.includes(name) || name in TARGETS) throw paramError("chain name may not clash with target name");
}
