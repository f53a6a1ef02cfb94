/**
 * A packet through the netfilter hooks, rule by rule, as the kernel evaluates the iptables
 * chains: tables at a hook in priority order (raw -300, mangle -150, nat DNAT -100, filter 0,
 * security 50, nat SNAT 100), built-in chain first, jumps into user chains and RETURN out
 * of them, the policy when a built-in chain runs out. Only the first packet of a connection
 * is walked (conntrack carries the rest, nat included), and every rule it matches counts it,
 * so `iptables -L -v` shows the traffic the simulation made. The rules matched, in order,
 * are the teaching aid the page can show.
 */
import type { Netfilter } from "./iptables";
import { appendLine } from "./iptables-list";
import type { MatchEnv, Packet } from "./iptables-matches";
import { jumpsTo, type Rule } from "./iptables-rule";
import { cidrContains } from "./ipv4";

export type Hook = "PREROUTING" | "INPUT" | "FORWARD" | "OUTPUT" | "POSTROUTING";

const HOOK_TABLES: Record<Hook, string[]> = {
  PREROUTING: ["raw", "mangle", "nat"],
  INPUT: ["mangle", "filter", "security", "nat"],
  FORWARD: ["mangle", "filter", "security"],
  OUTPUT: ["raw", "mangle", "nat", "filter", "security"],
  POSTROUTING: ["mangle", "nat"],
};

/** One rule the packet matched: where it sits and how iptables -S prints it. */
export interface RuleHit {
  table: string;
  chain: string;
  /** 1-based, as `--line-numbers` counts. */
  number: number;
  rule: string;
}

export type HookVerdict = { verdict: "ACCEPT" } | { verdict: "DROP" } | { verdict: "REJECT"; with: string };

/** A TCP SYN with options is 60 bytes on the wire; what the counters add per connection. */
const SYN_BYTES = 60;
const MAX_DEPTH = 64;

interface ChainResult {
  verdict: "ACCEPT" | "DROP" | "REJECT" | "RETURN" | "NONE";
  with?: string;
}

function ruleMatches(r: Rule, p: Packet, env: MatchEnv): boolean {
  const test = (ok: boolean, inv: boolean) => ok !== inv;
  if (r.src && !test(cidrContains(r.src, p.src), r.srcInv)) return false;
  if (r.dst && !test(cidrContains(r.dst, p.dst), r.dstInv)) return false;
  if (r.in !== undefined && !test(ifaceMatches(r.in, p.in), r.inInv)) return false;
  if (r.out !== undefined && !test(ifaceMatches(r.out, p.out), r.outInv)) return false;
  if (r.proto && !test(r.proto === p.proto, r.protoInv)) return false;
  return r.matches.every((m) => m.ext.matches(m.state, p, env));
}

/** `azv+` matches every name starting with azv (the kernel's interface wildcard). */
const ifaceMatches = (pattern: string, name: string) =>
  pattern.endsWith("+") ? name.startsWith(pattern.slice(0, -1)) : pattern === name;

function walkChain(
  nf: Netfilter,
  table: string,
  chainName: string,
  p: Packet,
  env: MatchEnv,
  hits: RuleHit[],
  depth: number,
): ChainResult {
  const chain = nf.chain(table, chainName);
  if (!chain || depth > MAX_DEPTH) return { verdict: "NONE" };
  for (let i = 0; i < chain.rules.length; i++) {
    const r = chain.rules[i] as Rule;
    if (!ruleMatches(r, p, env)) continue;
    nf.generation++;
    r.packets++;
    r.bytes += SYN_BYTES;
    hits.push({ table, chain: chainName, number: i + 1, rule: appendLine(chainName, r) });
    const t = r.target;
    if (!t) continue;
    if (t.ext) {
      const effect = t.ext.apply(t.state, p);
      if (effect.verdict === "CONTINUE") continue;
      if (effect.verdict === "DNAT") {
        p.dst = effect.ip;
        if (effect.port !== undefined) p.dport = effect.port;
        p.dnatted = true;
        return { verdict: "ACCEPT" };
      }
      if (effect.verdict === "SNAT" || effect.verdict === "MASQUERADE") return { verdict: "ACCEPT" };
      if (effect.verdict === "REJECT") return { verdict: "REJECT", with: effect.with };
      return { verdict: effect.verdict };
    }
    const child = jumpsTo(r);
    if (child) {
      const res = walkChain(nf, table, child, p, env, hits, depth + 1);
      if (res.verdict === "RETURN" || res.verdict === "NONE") {
        if (t.goto) return { verdict: "RETURN" };
        continue;
      }
      return res;
    }
    return { verdict: t.name as "ACCEPT" | "DROP" | "RETURN" };
  }
  return { verdict: "NONE" };
}

/** The packet through one hook: each table's built-in chain for it, in priority order. */
export function traverseHook(nf: Netfilter, hook: Hook, p: Packet, env: MatchEnv, hits: RuleHit[]): HookVerdict {
  for (const table of HOOK_TABLES[hook]) {
    const chain = nf.chain(table, hook);
    if (!chain) continue;
    const res = walkChain(nf, table, hook, p, env, hits, 0);
    if (res.verdict === "DROP") return { verdict: "DROP" };
    if (res.verdict === "REJECT") return { verdict: "REJECT", with: res.with ?? "icmp-port-unreachable" };
    if (res.verdict === "ACCEPT") continue;
    // Fell off the end (or RETURN from a built-in chain): the policy decides.
    nf.generation++;
    chain.packets++;
    chain.bytes += SYN_BYTES;
    if (chain.policy === "DROP") return { verdict: "DROP" };
  }
  return { verdict: "ACCEPT" };
}

/** A seeded [0, 1) source for statistic --mode random, without touching the world's IDs. */
export function seededRandom(next: () => string): () => number {
  return () => Number.parseInt(next().slice(0, 8), 16) / 0x100000000;
}
