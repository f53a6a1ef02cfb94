/**
 * The iptables command line (iptables 1.8.7, xtables-nft-multi): getopt-style options in
 * any order, one command per call, the rule options handed to RuleBuilder. Used by the
 * `iptables` command, by /sbin/iptables when systemd units and scripts run it, and by
 * iptables-restore for each rule line (with the table preset and no output).
 */
import type { Netfilter } from "./iptables";
import { BAD_RULE, IptablesError, opError, paramError, renderError } from "./iptables-errors";
import { listRules, listTable } from "./iptables-list";
import { RuleBuilder } from "./iptables-rule";

type Cmd = "A" | "C" | "D" | "I" | "R" | "L" | "S" | "F" | "Z" | "N" | "X" | "P" | "E" | "V";

const LONG_COMMANDS: Record<string, Cmd> = {
  "--append": "A",
  "--check": "C",
  "--delete": "D",
  "--insert": "I",
  "--replace": "R",
  "--list": "L",
  "--list-rules": "S",
  "--flush": "F",
  "--zero": "Z",
  "--new-chain": "N",
  "--new": "N",
  "--delete-chain": "X",
  "--policy": "P",
  "--rename-chain": "E",
  "--version": "V",
};
const COMMAND_LETTERS = "ACDIRLSFZNXPEV";
/** Rule options that take a value, in their short form (handed to RuleBuilder). */
const RULE_SHORT = "sdiopmjg";
/** Commands whose chain argument is optional (taken if the next word is not an option). */
const OPTIONAL_CHAIN: Cmd[] = ["L", "S", "F", "Z", "X"];

export interface IptablesResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

interface Parsed {
  cmd?: Cmd;
  chain?: string;
  number?: number;
  extra?: string;
  table: string;
  numeric: boolean;
  verbose: boolean;
  exact: boolean;
  lineNumbers: boolean;
  builder: RuleBuilder;
  hasRule: boolean;
}

const isNumber = (s: string | undefined) => s !== undefined && /^\d+$/.test(s);
const isWord = (s: string | undefined) => s !== undefined && !s.startsWith("-") && s !== "!";

function parse(argv: string[], presetTable?: string): Parsed {
  const p: Parsed = {
    table: presetTable ?? "filter",
    numeric: false,
    verbose: false,
    exact: false,
    lineNumbers: false,
    builder: new RuleBuilder(),
    hasRule: false,
  };
  let i = 0;
  let invert = false;
  const next = () => argv[++i];

  const setCommand = (cmd: Cmd) => {
    if (p.cmd) throw paramError(`Can't use -${cmd} with -${p.cmd}\n`);
    p.cmd = cmd;
    if (cmd === "V") return;
    if (OPTIONAL_CHAIN.includes(cmd)) {
      if (isWord(argv[i + 1])) p.chain = next();
      if ((cmd === "S" || cmd === "L") && p.chain && isNumber(argv[i + 1])) p.number = Number(next());
      return;
    }
    const chain = next();
    if (chain === undefined) throw paramError(`option "-${cmd}" requires an argument`);
    p.chain = chain;
    if ((cmd === "D" || cmd === "I") && isNumber(argv[i + 1])) p.number = Number(next());
    if (cmd === "R") {
      const n = next();
      if (!isNumber(n)) throw paramError(`Invalid rule number \`${n ?? ""}'`);
      p.number = Number(n);
    }
    if (cmd === "P" || cmd === "E") {
      const extra = next();
      if (extra === undefined)
        throw paramError(`-${cmd} requires a chain and a ${cmd === "P" ? "policy" : "new name"}`);
      p.extra = extra;
    }
  };

  const ruleOption = (option: string, inlineValue?: string) => {
    let used = false;
    const value = () => {
      if (inlineValue !== undefined && !used) {
        used = true;
        return inlineValue;
      }
      return next();
    };
    if (!p.builder.accept(option, value, invert)) throw paramError(`unknown option "${option}"`);
    p.hasRule = true;
    invert = false;
  };

  for (; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === "!") {
      if (invert) throw paramError("multiple consecutive ! not allowed");
      invert = true;
      continue;
    }
    if (arg.startsWith("--")) {
      const [name, inline] = arg.includes("=")
        ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
        : [arg];
      const cmd = LONG_COMMANDS[name as string];
      if (cmd) setCommand(cmd);
      else if (name === "--table") p.table = inline ?? next() ?? "";
      else if (name === "--numeric") p.numeric = true;
      else if (name === "--verbose") p.verbose = true;
      else if (name === "--exact") p.exact = true;
      else if (name === "--line-numbers") p.lineNumbers = true;
      else if (name === "--wait") {
        if (inline === undefined && isNumber(argv[i + 1])) next();
      } else if (name === "--wait-interval") next();
      else ruleOption(name as string, inline);
      continue;
    }
    if (arg.startsWith("-") && arg.length > 1) {
      for (let j = 1; j < arg.length; j++) {
        const c = arg[j] as string;
        const rest = arg.slice(j + 1);
        if (COMMAND_LETTERS.includes(c)) {
          if (rest) {
            // getopt: `-AINPUT` is -A with INPUT.
            argv = [...argv.slice(0, i + 1), rest, ...argv.slice(i + 1)];
          }
          setCommand(c as Cmd);
          break;
        }
        if (c === "t") {
          p.table = rest || next() || "";
          break;
        }
        if (c === "n") p.numeric = true;
        else if (c === "v") p.verbose = true;
        else if (c === "x") p.exact = true;
        else if (c === "w") {
          if (!rest && isNumber(argv[i + 1])) next();
          break;
        } else if (RULE_SHORT.includes(c)) {
          ruleOption(`-${c}`, rest || undefined);
          break;
        } else throw paramError(`invalid option -- '${c}'`);
      }
      continue;
    }
    throw paramError(`Bad argument \`${arg}'`);
  }
  if (invert) throw paramError("Bad argument `!'");
  return p;
}

export interface IptablesOptions {
  /** iptables-restore presets the table from `*nat` and forbids -t. */
  table?: string;
}

/** Run one iptables command; throws IptablesError with iptables' words on failure. */
export function executeIptables(nf: Netfilter, argv: string[], opts: IptablesOptions = {}): string {
  const p = parse(argv, opts.table);
  if (!p.cmd) throw paramError("no command specified");
  if (p.cmd === "V") return "iptables v1.8.7 (nf_tables)\n";
  const table = p.table;
  nf.table(table);
  const chain = p.chain as string;
  if (p.cmd !== "L") {
    if (p.numeric) throw paramError("Illegal option `-n' with this command\n");
    if (p.lineNumbers) throw paramError("Illegal option `--line-numbers' with this command\n");
  }
  const rule = () => p.builder.finish({ table, chainExists: (n) => nf.hasChain(table, n) });
  switch (p.cmd) {
    case "L":
      if (p.chain !== undefined && !nf.hasChain(table, chain)) throw opError("No chain/target/match by that name");
      return listTable(nf, table, p.chain, p);
    case "S":
      if (p.chain !== undefined && !nf.hasChain(table, chain)) throw opError("No chain/target/match by that name");
      return listRules(nf, table, p.chain, p.number);
    case "A":
      nf.append(table, chain, rule());
      return "";
    case "I":
      nf.insert(table, chain, rule(), p.number ?? 1);
      return "";
    case "R":
      nf.replace(table, chain, p.number as number, rule());
      return "";
    case "C":
      if (!nf.check(table, chain, rule())) throw opError(BAD_RULE);
      return "";
    case "D":
      if (p.number !== undefined && !p.hasRule) nf.deleteNumber(table, chain, p.number);
      else nf.deleteRule(table, chain, rule());
      return "";
    case "F":
      nf.flush(table, p.chain);
      return "";
    case "Z":
      nf.zero(table, p.chain);
      return "";
    case "N":
      nf.newChain(table, chain);
      return "";
    case "X":
      nf.deleteChain(table, p.chain);
      return "";
    case "P":
      nf.setPolicy(table, chain, p.extra as string);
      return "";
    case "E":
      nf.renameChain(table, chain, p.extra as string);
      return "";
  }
  return "";
}

/** `iptables ARGS` as a process: output, iptables' error texts, its exit status. */
export function runIptables(nf: Netfilter, argv: string[]): IptablesResult {
  try {
    return { stdout: executeIptables(nf, argv), stderr: "", exitCode: 0 };
  } catch (e) {
    if (!(e instanceof IptablesError)) throw e;
    return { stdout: "", stderr: renderError("iptables", e), exitCode: e.exitCode };
  }
}
