/**
 * sysctl as procps-ng 3.3.17 (Ubuntu 22.04) prints it (sysctl/sysctl.c): `NAME` reads,
 * `NAME=VALUE` (or `-w NAME VALUE=...`) writes, `-a` lists every key, `-n`/`-N` print values
 * or names only, `-e` ignores unknown keys, `-q` keeps writes quiet, `-r REGEX` filters,
 * `-p [FILE]` loads a file (default /etc/sysctl.conf), `--system` every sysctl.d file with its
 * `* Applying FILE ...` line. Reads and writes go to /proc/sys, which is the node's Sysctl
 * state, so `cat /proc/sys/...` and `sysctl` always agree.
 *
 * Exit status is procps's: the sum of -1 per failed key, as a byte (one failure: 255).
 */
import { parseSysctlConf, type SysctlOutcome, sysctlName, systemConfFiles, writeSetting } from "../../node/sysctl";
import { sysctlPath } from "../../node/sysctl-keys";
import type { World } from "../../world";
import { type Command, fail, ok } from "../types";

const USAGE = `
Usage:
 sysctl [options] [variable[=value] ...]

Options:
  -a, --all            display all variables
  -A                   alias of -a
  -X                   alias of -a
      --deprecated     include deprecated parameters to listing
  -b, --binary         print value without new line
  -e, --ignore         ignore unknown variables errors
  -N, --names          print variable names without values
  -n, --values         print only values of a variables
  -p, --load[=<file>]  read values from file
  -f                   alias of -p
      --system         read values from all system directories
  -r, --pattern <expression>
                       select setting that match expression
  -q, --quiet          do not echo variable set
  -w, --write          enable writing a value to variable
  -o                   does nothing
  -x                   does nothing
  -d                   alias of -h

 -h, --help     display this help and exit
 -V, --version  output version information and exit

For more details see sysctl(8).
`;

const LONG: Record<string, string> = {
  all: "a",
  binary: "b",
  ignore: "e",
  names: "N",
  values: "n",
  quiet: "q",
  write: "w",
  help: "h",
  version: "V",
};

interface Options {
  all: boolean;
  names: boolean;
  printName: boolean;
  newline: boolean;
  ignore: boolean;
  quiet: boolean;
  write: boolean;
  load?: { file?: string };
  system: boolean;
  pattern?: RegExp;
}

class Output {
  stdout = "";
  stderr = "";
  failures = 0;
  warn(text: string) {
    this.stderr += `sysctl: ${text}\n`;
  }
}

function readSetting(world: World, o: Options, name: string, out: Output): void {
  const path = sysctlPath(name);
  const shown = sysctlName(name);
  const value = world.sysctl.get(path);
  if (value === undefined && !world.sysctl.list(path)) {
    if (!o.ignore) {
      out.warn(`cannot stat /proc/sys/${path}: No such file or directory`);
      out.failures++;
    }
    return;
  }
  // A directory lists every key under it, as DisplayAll does.
  if (world.sysctl.list(path)) {
    for (const p of world.sysctl.paths().filter((x) => x.startsWith(`${path}/`))) readSetting(world, o, p, out);
    return;
  }
  if (o.pattern && !o.pattern.test(shown)) return;
  if (o.names) out.stdout += `${shown}\n`;
  else if (o.printName) out.stdout += `${shown} = ${value}\n`;
  else out.stdout += o.newline ? `${value}\n` : value;
}

/** WriteSetting's messages for what the kernel said. */
function reportWrite(o: Options, r: SysctlOutcome, out: Output): void {
  if (r.error === "ENOENT") {
    if (!o.ignore) {
      out.warn(`cannot stat /proc/sys/${sysctlPath(r.name)}: No such file or directory`);
      out.failures++;
    }
    return;
  }
  // A read-only key: procps warns and carries on with status 0 (the errno it appends is
  // whatever was left over; *unconfirmed* which one a real node shows).
  if (r.error === "EACCES") {
    out.warn(`setting key "${r.name}": Permission denied`);
    return;
  }
  if (r.error === "EINVAL") {
    out.warn(`setting key "${r.name}": Invalid argument`);
    out.failures++;
    return;
  }
  if (o.quiet) return;
  if (o.names) out.stdout += `${r.name}\n`;
  else if (o.printName) out.stdout += `${r.name} = ${r.value}\n`;
  else out.stdout += o.newline ? `${r.value}\n` : r.value;
}

function writeArg(world: World, o: Options, arg: string, out: Output): void {
  const eq = arg.indexOf("=");
  if (eq < 0) {
    out.warn(`"${arg}" must be of the form name=value`);
    out.failures++;
    return;
  }
  if (eq === 0 || eq === arg.length - 1) {
    out.warn(`malformed setting "${arg}"`);
    out.failures += 2;
    return;
  }
  reportWrite(o, writeSetting(world.sysctl, arg.slice(0, eq), arg.slice(eq + 1)), out);
}

/** Preload: one file's assignments, each written and echoed. */
function preload(world: World, o: Options, file: string, out: Output): void {
  const text = world.fs.tryReadFileSync(file);
  if (text === undefined) {
    out.warn(`cannot open "${file}": No such file or directory`);
    out.failures++;
    return;
  }
  for (const a of parseSysctlConf(text)) {
    if ("syntaxError" in a) {
      out.warn(`${file}(${a.syntaxError}): invalid syntax, continuing...`);
      continue;
    }
    if (o.pattern && !o.pattern.test(sysctlName(a.name))) continue;
    const r = writeSetting(world.sysctl, a.name, a.value);
    if (r.error && a.ignoreFailure) continue;
    reportWrite(o, r, out);
  }
}

function parse(args: string[]): { o: Options; rest: string[] } | { usage: "stdout" | "stderr" } | { version: true } {
  const o: Options = {
    all: false,
    names: false,
    printName: true,
    newline: true,
    ignore: false,
    quiet: false,
    write: false,
    system: false,
  };
  const rest: string[] = [];
  const flag = (c: string, value: () => string | undefined): "stdout" | "stderr" | "version" | undefined => {
    switch (c) {
      case "b":
        o.newline = false;
        o.printName = false;
        return;
      case "n":
        o.printName = false;
        return;
      case "e":
        o.ignore = true;
        return;
      case "N":
        o.names = true;
        return;
      case "w":
        o.write = true;
        return;
      case "p":
      case "f":
        o.load = { file: value() };
        return;
      case "q":
        o.quiet = true;
        return;
      case "a":
      case "A":
      case "X":
        o.all = true;
        return;
      case "o":
      case "x":
        return;
      case "V":
        return "version";
      case "d":
      case "h":
        return "stdout";
      default:
        return "stderr";
    }
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === "--") {
      rest.push(...args.slice(i + 1));
      break;
    }
    if (arg.startsWith("--")) {
      const [name, inline] = arg.slice(2).split(/=(.*)/s);
      if (name === "system") o.system = true;
      else if (name === "deprecated") continue;
      else if (name === "load") o.load = { file: inline };
      else if (name === "pattern") {
        const v = inline ?? args[++i];
        if (v === undefined) return { usage: "stderr" };
        o.pattern = safeRegExp(v);
      } else {
        const short = LONG[name as string];
        const r = short ? flag(short, () => undefined) : "stderr";
        if (r === "version") return { version: true };
        if (r) return { usage: r };
      }
      continue;
    }
    if (arg.startsWith("-") && arg.length > 1) {
      for (let j = 1; j < arg.length; j++) {
        const c = arg[j] as string;
        if (c === "r") {
          const v = arg.slice(j + 1) || args[++i];
          if (v === undefined) return { usage: "stderr" };
          o.pattern = safeRegExp(v);
          break;
        }
        // -p takes its file only when attached (getopt "p::"): -p/etc/x.conf.
        const attached = arg.slice(j + 1);
        const r = flag(c, () => attached || undefined);
        if (r === "version") return { version: true };
        if (r) return { usage: r };
        if ((c === "p" || c === "f") && attached) break;
      }
      continue;
    }
    rest.push(arg);
  }
  return { o, rest };
}

/** main's `ReturnCode += -1` per failed key, as the byte the shell sees. */
const status = (failures: number) => (256 - (failures % 256)) % 256;

/** regcomp(REG_EXTENDED): a pattern JavaScript cannot compile matches nothing, as procps's does. */
function safeRegExp(text: string): RegExp {
  try {
    return new RegExp(text);
  } catch {
    return /(?!)/;
  }
}

export const sysctl: Command = (args, _io, world) => {
  if (args.length === 0) return fail(USAGE);
  const parsed = parse(args);
  if ("version" in parsed) return ok("sysctl from procps-ng 3.3.17\n");
  if ("usage" in parsed) return parsed.usage === "stdout" ? ok(USAGE) : fail(USAGE);
  const { o, rest } = parsed;
  const out = new Output();
  if (o.system) {
    // --system ignores unknown keys (IgnoreError) and reports nothing else as failure.
    o.ignore = true;
    for (const file of systemConfFiles(world.fs)) {
      if (!o.quiet) out.stdout += `* Applying ${file} ...\n`;
      preload(world, o, file, out);
    }
    if (world.fs.existsSync("/etc/sysctl.conf")) {
      if (!o.quiet) out.stdout += "* Applying /etc/sysctl.conf ...\n";
      preload(world, o, "/etc/sysctl.conf", out);
    }
    return { stdout: out.stdout, stderr: out.stderr, exitCode: 0 };
  }
  if (o.all) {
    for (const p of world.sysctl.paths()) readSetting(world, o, p, out);
    return { stdout: out.stdout, stderr: out.stderr, exitCode: 0 };
  }
  if (o.load) {
    const files = o.load.file ? [o.load.file, ...rest] : rest.length ? rest : ["/etc/sysctl.conf"];
    for (const f of files) preload(world, o, f, out);
    return { stdout: out.stdout, stderr: out.stderr, exitCode: status(out.failures) };
  }
  if (rest.length === 0) return fail("sysctl: no variables specified\nTry `sysctl --help' for more information.\n");
  if (o.names && o.quiet)
    return fail("sysctl: options -N and -q cannot coexist\nTry `sysctl --help' for more information.\n");
  for (const arg of rest) {
    if (o.write || arg.includes("=")) writeArg(world, o, arg, out);
    else readSetting(world, o, arg, out);
  }
  return { stdout: out.stdout, stderr: out.stderr, exitCode: status(out.failures) };
};
