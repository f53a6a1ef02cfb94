/**
 * bash's `kill` builtin (builtins/kill.def, bash 5.1): `kill [-s SIG | -n NUM | -SIG] PID...`
 * and `kill -l`. The signal goes through the process table (world.procs.signal), so the
 * process's owner reacts: systemd applies Restart=, containerd records 128+n for a container.
 */
import { type Command, fail, ok } from "../types";

/** Linux x86-64 signal numbers (signal(7)); bash lists them without the SIG prefix's gaps 32/33. */
const SIGNALS = [
  "HUP",
  "INT",
  "QUIT",
  "ILL",
  "TRAP",
  "ABRT",
  "BUS",
  "FPE",
  "KILL",
  "USR1",
  "SEGV",
  "USR2",
  "PIPE",
  "ALRM",
  "TERM",
  "STKFLT",
  "CHLD",
  "CONT",
  "STOP",
  "TSTP",
  "TTIN",
  "TTOU",
  "URG",
  "XCPU",
  "XFSZ",
  "VTALRM",
  "PROF",
  "WINCH",
  "IO",
  "PWR",
  "SYS",
];

const USAGE = "kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n";

function rtName(n: number): string {
  if (n <= 49) return n === 34 ? "RTMIN" : `RTMIN+${n - 34}`;
  return n === 64 ? "RTMAX" : `RTMAX-${64 - n}`;
}

/** A name, SIG-prefixed name or number to [name, number]; undefined when bash would reject it. */
function lookup(spec: string): [string, number] | undefined {
  if (/^\d+$/.test(spec)) {
    const n = Number(spec);
    if (n === 0) return ["0", 0];
    if (n >= 1 && n <= 31) return [SIGNALS[n - 1] as string, n];
    if (n >= 34 && n <= 64) return [rtName(n), n];
    return undefined;
  }
  const name = spec.toUpperCase().replace(/^SIG/, "");
  const at = SIGNALS.indexOf(name);
  return at >= 0 ? [name, at + 1] : undefined;
}

/** `kill -l`: five to a row, `%2d) SIG%s` each followed by a tab (builtins/common.c display_signal_list). */
function signalTable(): string {
  const all: [number, string][] = SIGNALS.map((s, i) => [i + 1, s]);
  for (let n = 34; n <= 64; n++) all.push([n, rtName(n)]);
  let out = "";
  all.forEach(([n, name], i) => {
    out += `${String(n).padStart(2)}) SIG${name}`;
    out += (i + 1) % 5 === 0 ? "\n" : "\t";
  });
  return `${out}\n`;
}

/** PIDs the process table does not hold but the node has: systemd (PID 1) and the login session. */
const SESSION_PIDS = new Set([1, 4120, 4121]);

export const kill: Command = (args, _io, world) => {
  if (args.length === 0) return fail(USAGE, 2);
  let signal: [string, number] = ["TERM", 15];
  let i = 0;
  const first = args[0] as string;
  if (first === "-l" || first === "-L") {
    if (args.length === 1) return ok(signalTable());
    let out = "";
    for (const spec of args.slice(1)) {
      const sig = lookup(spec);
      if (!sig) return fail(`bash: kill: ${spec}: invalid signal specification\n`, 1, out);
      out += /^\d+$/.test(spec) ? `${sig[0]}\n` : `${sig[1]}\n`;
    }
    return ok(out);
  }
  if (first === "-s" || first === "-n") {
    const spec = args[1];
    if (spec === undefined) return fail(`bash: kill: ${first}: option requires an argument\n${USAGE}`, 2);
    const sig = lookup(spec);
    if (!sig) return fail(`bash: kill: ${spec}: invalid signal specification\n`);
    signal = sig;
    i = 2;
  } else if (first.startsWith("-") && first !== "--") {
    const sig = lookup(first.slice(1));
    if (!sig) return fail(`bash: kill: ${first.slice(1)}: invalid signal specification\n`);
    signal = sig;
    i = 1;
  }
  if (args[i] === "--") i++;
  const pids = args.slice(i);
  if (pids.length === 0) return fail(USAGE, 2);
  let stderr = "";
  let exitCode = 0;
  for (const spec of pids) {
    if (!/^-?\d+$/.test(spec)) {
      stderr += `bash: kill: ${spec}: arguments must be process or job IDs\n`;
      exitCode = 1;
      continue;
    }
    const pid = Number(spec);
    if (SESSION_PIDS.has(pid)) continue; // systemd and an interactive bash ignore TERM; no model for the rest.
    const exists = world.procs.get(pid) !== undefined;
    if (!exists) {
      stderr += `bash: kill: (${spec}) - No such process\n`;
      exitCode = 1;
      continue;
    }
    if (signal[1] !== 0) world.procs.signal(pid, signal[0]);
  }
  return { stdout: "", stderr, exitCode };
};
