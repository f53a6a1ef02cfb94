/**
 * `ps` as procps-ng 3.3.17 on Ubuntu 22.04: `ps`, `ps -ef`, `ps aux`, `ps -p PID -o ...`,
 * `ps -C NAME`, from the node's process table (processes.ts). Lines are never cut to the
 * terminal's width (ps does that only on a terminal, and this one cannot tell a pipe from
 * a terminal): `ps aux | grep kubelet` must see whole command lines.
 */
import { type Command, fail } from "../types";
import { type Field, layoutRow, lookupField } from "./fields";
import { nodeProcesses, type PsProcess, SESSION_TTY } from "./processes";

/** Formats by name, from ps/global.c and ps/sortformat.c. */
const FORMATS = {
  default: "pid,tname,time,ucmd",
  full: "uid_hack,pid,ppid,c,stime,tname,time,cmd",
  bsd: "pid,tname,stat,bsdtime,args",
  bsdUser: "user,pid,pcpu,pmem,vsz,rss,tname,stat,start_time,bsdtime,args",
};

const USAGE =
  "\nUsage:\n ps [options]\n\n Try 'ps --help <simple|list|output|threads|misc|all>'\n  or 'ps --help <s|l|o|t|m|a>'\n for additional help text.\n\nFor more details see ps(1).\n";
const error = (message: string) => fail(`error: ${message}\n${USAGE}`);

interface Request {
  all: boolean;
  bsdAll: boolean;
  bsdNoTty: boolean;
  pids: number[];
  commands: string[];
  full: boolean;
  bsd: boolean;
  bsdUser: boolean;
  /** -o FORMAT, as [name, header override] pairs. */
  format: [string, string | undefined][];
}

/** Split `-o pid,ppid,cmd` or `-o pid= -o comm=NAME`; a header override runs to the end of its argument. */
function parseFormat(spec: string, into: Request["format"]): string | undefined {
  const parts = spec.split(/[\s,]+/).filter(Boolean);
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as string;
    const eq = part.indexOf("=");
    if (eq >= 0) {
      const rest = spec.slice(spec.indexOf(part) + eq + 1);
      into.push([part.slice(0, eq), rest]);
      break;
    }
    into.push([part, undefined]);
  }
  return into.find(([name]) => !lookupField(name))?.[0];
}

function parseArgs(args: string[]): Request | { error: string } {
  const r: Request = {
    all: false,
    bsdAll: false,
    bsdNoTty: false,
    pids: [],
    commands: [],
    full: false,
    bsd: false,
    bsdUser: false,
    format: [],
  };
  const takesValue = new Set(["p", "o", "C"]);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === "--pid" || arg === "--format" || arg.startsWith("--pid=") || arg.startsWith("--format=")) {
      const [flag, inline] = arg.split(/=(.*)/s);
      const value = inline ?? args[++i];
      if (value === undefined) return { error: "list of process IDs must follow --pid" };
      const bad = flag === "--pid" ? addPids(value, r) : parseFormat(value, r.format);
      if (bad) return { error: flag === "--pid" ? bad : `unknown user-defined format specifier "${bad}"` };
    } else if (arg.startsWith("-") && arg !== "-aux") {
      for (let j = 1; j < arg.length; j++) {
        const c = arg[j] as string;
        if (c === "e" || c === "A") r.all = true;
        else if (c === "f") r.full = true;
        else if (c === "w") continue;
        else if (takesValue.has(c)) {
          const value = arg.slice(j + 1) || args[++i];
          if (value === undefined)
            return { error: `list of ${c === "o" ? "format specifiers" : "values"} must follow -${c}` };
          if (c === "C") r.commands.push(...value.split(","));
          const bad = c === "p" ? addPids(value, r) : c === "o" ? parseFormat(value, r.format) : undefined;
          if (bad) return { error: c === "p" ? bad : `unknown user-defined format specifier "${bad}"` };
          break;
        } else return { error: "unsupported SysV option" };
      }
    } else {
      // BSD options: no dash (`aux`); procps also takes `-aux` this way.
      r.bsd = true;
      for (const c of arg.replace(/^-/, "")) {
        if (c === "a") r.bsdAll = true;
        else if (c === "x") r.bsdNoTty = true;
        else if (c === "u") r.bsdUser = true;
        else if (c !== "w") return { error: "unsupported option (BSD syntax)" };
      }
    }
  }
  return r;
}

function addPids(list: string, r: Request): string | undefined {
  for (const part of list.split(/[\s,]+/).filter(Boolean)) {
    if (!/^\d+$/.test(part) || Number(part) < 1) return "process ID list syntax error";
    r.pids.push(Number(part));
  }
  return list.trim() ? undefined : "process ID list syntax error";
}

/** Selection as ps does it: any matching criterion selects; none given means this terminal's. */
function selected(p: PsProcess, r: Request): boolean {
  if (r.all || (r.bsdAll && r.bsdNoTty)) return true;
  if (r.pids.includes(p.pid) || r.commands.includes(p.comm)) return true;
  if (r.bsdAll) return p.tty !== "?";
  if (r.bsdNoTty) return p.user === "root";
  if (r.pids.length || r.commands.length) return false;
  return p.tty === SESSION_TTY;
}

export const ps: Command = (args, _io, world) => {
  const r = parseArgs(args);
  if ("error" in r) return error(r.error);
  const spec = r.format.length
    ? r.format
    : (r.bsdUser ? FORMATS.bsdUser : r.bsd ? FORMATS.bsd : r.full ? FORMATS.full : FORMATS.default)
        .split(",")
        .map((name): [string, undefined] => [name, undefined]);
  const fields = spec.map(([name]) => lookupField(name) as Field);
  const headers = spec.map(([name, header]) => header ?? (lookupField(name) as Field).header);
  const now = world.clock.now();
  const rows = nodeProcesses(world, args)
    .filter((p) => selected(p, r))
    .map((p) =>
      layoutRow(
        fields,
        fields.map((f) => f.value(p, now)),
      ),
    );
  // `-o pid=` with every header empty prints no header line.
  const lines = headers.every((h) => h === "") ? rows : [layoutRow(fields, headers), ...rows];
  return { stdout: lines.length ? `${lines.join("\n")}\n` : "", stderr: "", exitCode: rows.length ? 0 : 1 };
};
