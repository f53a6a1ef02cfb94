/**
 * journalctl over the node's one journal, as systemd 249 parses and prints it
 * (src/journal/journalctl.c parse_argv, add_units, add_matches; src/shared/logs-show.c).
 * Filters: `-u UNIT` (globs too), `-t IDENT`, `-p LEVEL[..LEVEL]`, `-k`, `-b [ID|±N]`,
 * `--since`/`--until`, `FIELD=value` matches (same field ORs, different fields AND); then
 * `-n N`, `-r`, `-e`, `-o MODE`, `-q`, `--no-hostname`, `--list-boots`. `-f` prints the last 10
 * (or `-n`) and then every new matching entry as it is journaled, until Ctrl-C (exit 130,
 * nothing printed of its own: the shell reports the SIGINT).
 */
import type { JournalEntry } from "../../node/journal";
import { canonicalUnitName } from "../../node/systemd/manager";
import { MACHINE } from "../../scenarios/node/identity";
import { systemdTimestamp } from "../../util/time-format";
import type { World } from "../../world";
import { type Command, fail, ok } from "../types";
import { diskUsage, vacuum, validSize, validTime } from "./disk-usage";
import { fieldValue, formatEntry, type JournalHost, OUTPUT_MODES, type OutputMode } from "./format";
import { parseTimestamp } from "./timestamp";

export { formatShort } from "./format";

/** syslog levels by name (src/basic/syslog-util.c log_level_from_string). */
const LEVELS = ["emerg", "alert", "crit", "err", "warning", "notice", "info", "debug"];

function logLevel(text: string): number {
  if (/^[0-7]$/.test(text)) return Number(text);
  return LEVELS.indexOf(text);
}

/** Options that take a value; `n` and `b` take one optionally (getopt "n::b::"). */
const SHORT_WITH_ARG = new Set(["o", "D", "p", "g", "c", "S", "U", "t", "u", "M", "F"]);
/** Long options without a short form that take a value. */
const LONG_WITH_ARG = new Set(["vacuum-size", "vacuum-time", "vacuum-files"]);
const LONG_TO_SHORT: Record<string, string> = {
  output: "o",
  priority: "p",
  grep: "g",
  cursor: "c",
  since: "S",
  until: "U",
  identifier: "t",
  unit: "u",
  machine: "M",
  field: "F",
  directory: "D",
  lines: "n",
  boot: "b",
  "pager-end": "e",
  follow: "f",
  all: "a",
  full: "l",
  quiet: "q",
  merge: "m",
  dmesg: "k",
  catalog: "x",
  reverse: "r",
  fields: "N",
  help: "h",
};
const LONG_FLAGS = new Set([
  "no-pager",
  "no-full",
  "no-tail",
  "list-boots",
  "system",
  "utc",
  "no-hostname",
  "show-cursor",
  "header",
  "disk-usage",
  "version",
  "user",
  ...LONG_WITH_ARG,
]);

interface Options {
  units: string[];
  identifiers: string[];
  matches: string[];
  lines?: number | "all";
  follow: boolean;
  reverse: boolean;
  quiet: boolean;
  kernel: boolean;
  output: OutputMode;
  priorities?: Set<number>;
  since?: number;
  until?: number;
  boot?: string;
  listBoots: boolean;
  noHostname: boolean;
  noTail: boolean;
  /** --disk-usage or a --vacuum-* option: journalctl does that and prints no entries. */
  action?: "disk-usage" | "vacuum";
}

const bootId = () => MACHINE.bootID.replace(/-/g, "");

/** parse_boot_descriptor: `ID`, `ID±N`, `±N`, `N`; returns the descriptor or undefined. */
function bootDescriptor(text: string): string | undefined {
  return /^([0-9a-f]{32})?([+-]?\d+)?$/.test(text) && text !== "" ? text : undefined;
}

function parse(args: string[], now: number): Options | string {
  const o: Options = {
    units: [],
    identifiers: [],
    matches: [],
    follow: false,
    reverse: false,
    quiet: false,
    kernel: false,
    output: "short",
    listBoots: false,
    noHostname: false,
    noTail: false,
  };
  let linesSet = false;

  /** Apply one option; `value` is undefined for `-n`/`-b` given without one. Returns an error. */
  const apply = (opt: string, value: string | undefined): string | undefined => {
    switch (opt) {
      case "u":
        o.units.push(canonicalUnitName(value as string));
        return;
      case "t":
        o.identifiers.push(value as string);
        return;
      case "n":
        if (value === undefined) o.lines = 10;
        else if (value === "all") o.lines = "all";
        else if (/^\+?\d+$/.test(value)) o.lines = Number(value);
        else return `Failed to parse lines '${value}'`;
        linesSet = true;
        return;
      case "b":
        if (value !== undefined && !bootDescriptor(value)) return `Failed to parse boot descriptor '${value}'`;
        o.boot = value ?? "0";
        return;
      case "o":
        if (!(OUTPUT_MODES as readonly string[]).includes(value as string)) return `Unknown output format '${value}'.`;
        o.output = value as OutputMode;
        if (["export", "json", "json-pretty", "json-sse", "json-seq", "cat"].includes(o.output)) o.quiet = true;
        return;
      case "p": {
        const dots = (value as string).indexOf("..");
        o.priorities = new Set();
        if (dots >= 0) {
          const from = logLevel((value as string).slice(0, dots));
          const to = logLevel((value as string).slice(dots + 2));
          if (from < 0 || to < 0) return `Failed to parse log level range ${value}`;
          for (let i = Math.min(from, to); i <= Math.max(from, to); i++) o.priorities.add(i);
        } else {
          const p = logLevel(value as string);
          if (p < 0) return `Unknown log level ${value}`;
          for (let i = 0; i <= p; i++) o.priorities.add(i);
        }
        return;
      }
      case "S":
      case "U": {
        const t = parseTimestamp(value as string, now);
        if (t === undefined) return `Failed to parse timestamp: ${value}`;
        if (opt === "S") o.since = t;
        else o.until = t;
        return;
      }
      case "f":
        o.follow = true;
        return;
      case "r":
        o.reverse = true;
        return;
      case "q":
        o.quiet = true;
        return;
      case "k":
        o.kernel = true;
        o.boot ??= "0";
        return;
      case "e":
        if (!linesSet) o.lines = 1000;
        return;
      case "list-boots":
        o.listBoots = true;
        return;
      case "no-hostname":
        o.noHostname = true;
        return;
      case "no-tail":
        o.noTail = true;
        return;
      case "disk-usage":
        o.action = "disk-usage";
        return;
      case "vacuum-size":
        if (!validSize(value as string)) return `Failed to parse vacuum size: ${value}`;
        o.action = "vacuum";
        return;
      case "vacuum-time":
        if (!validTime(value as string)) return `Failed to parse vacuum time: ${value}`;
        o.action = "vacuum";
        return;
      case "vacuum-files":
        if (!/^\d+$/.test(value as string)) return `Failed to parse vacuum files: ${value}`;
        o.action = "vacuum";
        return;
      default:
        // -a -l -x -m --no-pager --utc --system ...: nothing to change in this output.
        return;
    }
  };
  /** `-n`/`-b` without a value look at the next word and take it if it parses (journalctl.c). */
  const takesPeek = (opt: string, word: string | undefined) =>
    word !== undefined && (opt === "n" ? word === "all" || /^\d+$/.test(word) : bootDescriptor(word) !== undefined);

  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === "--") {
      positional.push(...args.slice(i + 1));
      break;
    }
    if (arg.startsWith("--")) {
      const eq = arg.indexOf("=");
      const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
      let value = eq < 0 ? undefined : arg.slice(eq + 1);
      const short = LONG_TO_SHORT[name];
      if (!short && !LONG_FLAGS.has(name)) return `journalctl: unrecognized option '${arg}'`;
      if ((short && SHORT_WITH_ARG.has(short)) || LONG_WITH_ARG.has(name)) {
        value ??= args[++i];
        if (value === undefined) return `journalctl: option '--${name}' requires an argument`;
      } else if (short === "n" || short === "b") {
        if (value === undefined && takesPeek(short, args[i + 1])) value = args[++i];
      } else if (value !== undefined) {
        return `journalctl: option '--${name}' doesn't allow an argument`;
      }
      const err = apply(short ?? name, value);
      if (err) return err;
      continue;
    }
    if (arg.startsWith("-") && arg.length > 1) {
      for (let j = 1; j < arg.length; j++) {
        const c = arg[j] as string;
        if (!"hefoalnqmbkDpgcSUtuNFxrM".includes(c)) return `journalctl: invalid option -- '${c}'`;
        const rest = arg.slice(j + 1);
        let value: string | undefined;
        if (SHORT_WITH_ARG.has(c)) {
          value = rest !== "" ? rest : args[++i];
          if (value === undefined) return `journalctl: option requires an argument -- '${c}'`;
        } else if (c === "n" || c === "b") {
          value = rest !== "" ? rest : takesPeek(c, args[i + 1]) ? args[++i] : undefined;
        }
        const err = apply(c, value);
        if (err) return err;
        if (value !== undefined) break;
      }
      continue;
    }
    positional.push(arg);
  }
  o.matches = positional;

  if (o.noTail) o.lines = "all";
  if (o.follow && o.since === undefined && !linesSet && o.lines === undefined) o.lines = 10;
  if (o.since !== undefined && o.until !== undefined && o.since > o.until) return "--since= must be before --until=.";
  if (o.follow && o.reverse) return "Please specify either --reverse= or --follow=, not both.";
  return o;
}

/** fnmatch() for unit globs (`-u 'kube*'`), compiled once per pattern: it is asked for every entry. */
function glob(pattern: string): RegExp {
  return new RegExp(
    `^${pattern
      .replace(/[.+^${}()|\\]/g, "\\$&")
      .replace(/\*/g, ".*")
      .replace(/\?/g, ".")}$`,
  );
}

function journalHost(world: World): JournalHost {
  return {
    hostname: world.hostname,
    machineId: MACHINE.machineID,
    bootId: bootId(),
    bootTime: world.bootTime,
    exe: (e) => {
      const argv0 = e.unit ? world.systemd.unit(e.unit)?.mainArgv?.[0] : undefined;
      return argv0 && argv0.split("/").pop() === e.identifier ? argv0 : undefined;
    },
  };
}

/** The predicate for every filter but --since/--until, so -f can apply it to new entries. */
function filterFor(o: Options, host: JournalHost): ((e: JournalEntry) => boolean) | string {
  const byField = new Map<string, string[]>();
  for (const m of o.matches) {
    const eq = m.indexOf("=");
    const field = eq < 0 ? "" : m.slice(0, eq);
    if (!/^[A-Z_][A-Z0-9_]{0,63}$/.test(field)) return `Failed to add match '${m}': Invalid argument`;
    byField.set(field, [...(byField.get(field) ?? []), m.slice(eq + 1)]);
  }
  const units = o.units.map(glob);
  const fields = [...byField];
  return (e) =>
    (!o.kernel || e.identifier === "kernel") &&
    (units.length === 0 || (e.unit !== undefined && units.some((u) => u.test(e.unit as string)))) &&
    (o.identifiers.length === 0 || o.identifiers.includes(e.identifier)) &&
    (o.priorities === undefined || o.priorities.has(e.priority)) &&
    fields.every(([field, values]) => values.includes(fieldValue(e, host, field) ?? "\0"));
}

export const journalctl: Command = async (args, io, world) => {
  const now = world.clock.now();
  const o = parse(args, now);
  if (typeof o === "string") return fail(`${o}\n`);
  const host = journalHost(world);
  const all = world.journal.query();
  const first = all[0];
  const last = all.at(-1);

  if (o.action === "disk-usage") return ok(diskUsage(world));
  if (o.action === "vacuum") return { stdout: "", stderr: vacuum(), exitCode: 0 };
  if (o.listBoots) {
    if (!first || !last) return ok();
    return ok(` 0 ${host.bootId} ${systemdTimestamp(first.usec / 1000)}—${systemdTimestamp(last.usec / 1000)}\n`);
  }
  if (o.boot !== undefined) {
    const m = /^([0-9a-f]{32})?([+-]?\d+)?$/.exec(o.boot);
    const id = m?.[1];
    const offset = Number(m?.[2] ?? 0);
    // One boot in this journal: offset 0 from now, or 1 counting from the oldest, is it.
    if (!((id === undefined || id === host.bootId) && (offset === 0 || (id === undefined && offset === 1)))) {
      const signed = `${offset >= 0 ? "+" : ""}${offset}`;
      return fail(`Data from the specified boot (${id ?? ""}${signed}) is not available: No such boot ID in journal\n`);
    }
  }

  const match = filterFor(o, host);
  if (typeof match === "string") return fail(`${match}\n`);
  const inRange = (e: JournalEntry) =>
    (o.since === undefined || e.usec >= o.since * 1000) && (o.until === undefined || e.usec <= o.until * 1000);
  let entries = all.filter((e) => match(e) && inRange(e));
  if (typeof o.lines === "number") {
    entries =
      o.since !== undefined && !o.reverse ? entries.slice(0, o.lines) : entries.slice(-o.lines || entries.length);
    if (o.lines === 0) entries = [];
  }
  if (o.reverse) entries = [...entries].reverse();

  // Each entry's place in the journal (its cursor's seqnum), worked out only for the output
  // modes that print it: a journal of thousands of lines is read whole by `journalctl | grep`.
  let index: Map<JournalEntry, number> | undefined;
  const seqnum = (e: JournalEntry) => {
    index ??= new Map(all.map((entry, i) => [entry, i]));
    return index.get(e) ?? world.journal.size;
  };
  const line = (e: JournalEntry) => `${formatEntry(e, o.output, host, seqnum, { noHostname: o.noHostname })}\n`;
  // One string joined at the end, not thousands of appends the pipe would then have to flatten.
  const parts: string[] = [];
  if (!o.quiet && first && last) {
    parts.push(
      `-- Journal begins at ${systemdTimestamp(first.usec / 1000)}, ends at ${systemdTimestamp(last.usec / 1000)}. --\n`,
    );
  }
  for (const e of entries) parts.push(line(e));
  if (!o.follow && entries.length === 0 && !o.quiet) parts.push("-- No entries --\n");
  const out = parts.join("");
  if (!o.follow) return ok(out);
  // Follow: print what there is, then each new entry as systemd-journald stores it.
  const signal = io.signal;
  io.write(out);
  if (!signal || signal.aborted) return { stdout: "", stderr: "", exitCode: 130 };
  io.follow();
  const stop = world.journal.follow((e) => {
    if (match(e) && (o.until === undefined || e.usec <= o.until * 1000)) io.write(line(e));
  });
  await new Promise<void>((resolve) => signal.addEventListener("abort", () => resolve(), { once: true }));
  stop();
  return { stdout: "", stderr: "", exitCode: 130 };
};
