/**
 * iptables-restore (1.8.7, nf_tables): `*table`, `:CHAIN POLICY [p:b]`, command lines, and
 * COMMIT, one transaction per table: a table whose lines fail is left as it was, and the
 * program stops there. Without --noflush each table named is emptied first; a declared
 * user chain is created, or flushed if it exists (what kube-proxy relies on to rewrite a
 * chain atomically). Argument splitting is xshared.c add_param_to_argv's.
 */
import type { Netfilter } from "./iptables";
import { executeIptables, type IptablesResult } from "./iptables-cli";
import { IptablesError, renderError } from "./iptables-errors";
import { jumpsTo, type Rule } from "./iptables-rule";

/** Split a restore line into words: double quotes group, backslash escapes inside quotes. */
export function splitRestoreLine(line: string): string[] {
  const words: string[] = [];
  let cur = "";
  let quoted = false;
  let open = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (open) {
      if (c === "\\" && i + 1 < line.length) cur += line[++i];
      else if (c === '"') open = false;
      else cur += c;
      continue;
    }
    if (c === '"') {
      open = true;
      quoted = true;
    } else if (c === " " || c === "\t") {
      if (cur || quoted) words.push(cur);
      cur = "";
      quoted = false;
    } else cur += c;
  }
  if (cur || quoted) words.push(cur);
  return words;
}

export interface RestoreOptions {
  noflush?: boolean;
  counters?: boolean;
}

class LineFailed extends Error {
  constructor(readonly line: number) {
    super(`line ${line} failed`);
  }
}

/** Apply an iptables-restore input; returns what the program prints and its status. */
export function restoreTables(nf: Netfilter, input: string, opts: RestoreOptions = {}): IptablesResult {
  const lines = input.split("\n");
  let table: string | undefined;
  let snapshot: ReturnType<Netfilter["snapshotTable"]> | undefined;
  const fail = (err: string, code: number): IptablesResult => {
    if (snapshot) nf.restoreTable(snapshot);
    return { stdout: "", stderr: err, exitCode: code };
  };
  for (let n = 1; n <= lines.length; n++) {
    const line = (lines[n - 1] as string).trim();
    if (line === "" || line.startsWith("#")) continue;
    try {
      if (line.startsWith("*")) {
        if (table !== undefined) throw new LineFailed(n);
        table = line.slice(1);
        snapshot = nf.snapshotTable(table);
        if (!opts.noflush) nf.resetTable(table);
        continue;
      }
      if (table === undefined) throw new LineFailed(n);
      if (line === "COMMIT") {
        table = undefined;
        snapshot = undefined;
        continue;
      }
      if (line.startsWith(":")) {
        declareChain(nf, table, line, n);
        continue;
      }
      let words = splitRestoreLine(line);
      // `[packets:bytes] -A ...` carries counters (kept only with -c).
      const counters = /^\[(\d+):(\d+)\]$/.exec(words[0] ?? "");
      if (counters) words = words.slice(1);
      if (words.includes("-t") || words.includes("--table")) {
        throw new IptablesError("The -t option (seen in line %u) cannot be used in iptables-restore.\n", "parameter");
      }
      if (!appendKnownRule(nf, table, words)) executeIptables(nf, words, { table });
      if (counters && opts.counters && words[0] === "-A") {
        const rules = nf.chain(table, words[1] as string)?.rules;
        const last = rules?.[rules.length - 1];
        if (last) {
          Object.assign(last, { packets: Number(counters[1]), bytes: Number(counters[2]) });
          nf.generation++;
        }
      }
    } catch (e) {
      if (e instanceof LineFailed) return fail(`iptables-restore: line ${e.line} failed\n`, 1);
      if (!(e instanceof IptablesError)) throw e;
      if (e.kind === "operation") return fail(`iptables-restore: line ${n} failed\n`, 1);
      const err = new IptablesError(e.message.replace("%u", String(n)), e.kind);
      return fail(renderError("iptables-restore", err, n), e.exitCode);
    }
  }
  if (table !== undefined) return fail(`iptables-restore: COMMIT expected at line ${lines.length}\n`, 1);
  return { stdout: "", stderr: "", exitCode: 0 };
}

/**
 * Rules already parsed from restore input, by table and rule text: kube-proxy rewrites its
 * KUBE-SERVICES chain, a rule per Service, on every sync, and parsing each line again was
 * most of a sync's cost. A rule's parsed matches and target are never changed once built
 * (renaming a chain gives a rule a new target object; counters live on the rule itself),
 * so each append gets a shallow copy of the first parse.
 */
const parsedRules = new Map<string, Rule>();

/**
 * `-A CHAIN spec` for a spec parsed before: append a copy and return true. Whatever needs
 * the full command line (another command, a new spec, a jump to a chain that does not exist
 * and the error that makes) returns false.
 */
function appendKnownRule(nf: Netfilter, table: string, words: string[]): boolean {
  if (words[0] !== "-A" || words.length < 3) return false;
  const chain = words[1] as string;
  const key = `${table}\u0000${words.slice(2).join("\u0000")}`;
  const known = parsedRules.get(key);
  if (!known) {
    // Parse it the ordinary way, then remember the rule it appended.
    executeIptables(nf, words, { table });
    const rules = nf.chain(table, chain)?.rules;
    const added = rules?.[rules.length - 1];
    if (added) {
      if (parsedRules.size >= 50_000) parsedRules.clear();
      parsedRules.set(key, { ...added, packets: 0, bytes: 0 });
    }
    return true;
  }
  const target = jumpsTo(known);
  if (target !== undefined && !nf.hasChain(table, target)) return false;
  nf.append(table, chain, { ...known });
  return true;
}

function declareChain(nf: Netfilter, table: string, line: string, n: number): void {
  const [name, policy] = line.slice(1).split(/\s+/) as [string, string | undefined];
  const existing = nf.chain(table, name);
  if (existing?.builtin) {
    if (policy && policy !== "-") nf.setPolicy(table, name, policy);
    return;
  }
  if (policy && policy !== "-") throw new LineFailed(n);
  if (existing) nf.flush(table, name);
  else nf.newChain(table, name);
}
