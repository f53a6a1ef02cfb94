/**
 * `free` as procps-ng 3.3.17 prints it (free.c): used = total - free - buffers - cache, where
 * cache is Cached + SReclaimable; first column 9 wide, numbers 11 with a space between;
 * -b/-k/-m/-g scale (default KiB), -h human (`7.8Gi`, `962Mi`, `0B`), -w splits buffers and
 * cache, -t adds a Total line. Figures from the node's memory model, as /proc/meminfo's.
 */
import { type Command, fail, ok } from "../types";

const USAGE = `
Usage:
 free [options]

Options:
 -b, --bytes         show output in bytes
     --kilo          show output in kilobytes
     --mega          show output in megabytes
     --giga          show output in gigabytes
     --tera          show output in terabytes
     --peta          show output in petabytes
 -k, --kibi          show output in kibibytes
 -m, --mebi          show output in mebibytes
 -g, --gibi          show output in gibibytes
     --tebi          show output in tebibytes
     --pebi          show output in pebibytes
 -h, --human         show human-readable output
     --si            use powers of 1000 not 1024
 -l, --lohi          show detailed low and high memory statistics
 -t, --total         show total for RAM + swap
 -s N, --seconds N   repeat printing every N seconds
 -c N, --count N     repeat printing N times, then exit
 -w, --wide          wide output

     --help     display this help and exit
 -V, --version  output version information and exit

For more details see free(1).
`;

/** procps' scale_size with -h: B, then Ki/Mi/Gi..., one decimal under 10. */
function human(kb: number): string {
  const bytes = kb * 1024;
  if (bytes < 1024) return `${bytes}B`;
  const units = ["Ki", "Mi", "Gi", "Ti", "Pi"];
  for (let i = 0; i < units.length; i++) {
    const v = bytes / 1024 ** (i + 1);
    if (v < 10) return `${v.toFixed(1)}${units[i]}`;
    if (v < 1024) return `${Math.round(v)}${units[i]}`;
  }
  return `${bytes}B`;
}

export const free: Command = (args, _io, world) => {
  let scale: (kb: number) => string = (kb) => String(kb);
  let wide = false;
  let total = false;
  for (const arg of args) {
    const flags = arg.startsWith("--") ? [arg] : arg.startsWith("-") ? [...arg.slice(1)].map((c) => `-${c}`) : [arg];
    for (const f of flags) {
      if (f === "-b" || f === "--bytes") scale = (kb) => String(kb * 1024);
      else if (f === "-k" || f === "--kibi") scale = (kb) => String(kb);
      else if (f === "-m" || f === "--mebi") scale = (kb) => String(Math.floor(kb / 1024));
      else if (f === "-g" || f === "--gibi") scale = (kb) => String(Math.floor(kb / 1024 ** 2));
      else if (f === "-h" || f === "--human") scale = human;
      else if (f === "-w" || f === "--wide") wide = true;
      else if (f === "-t" || f === "--total") total = true;
      else if (f.startsWith("--")) return fail(`free: unrecognized option '${f}'\n${USAGE}`);
      else if (f.startsWith("-")) return fail(`free: invalid option -- '${f.slice(1)}'\n${USAGE}`);
      else return fail(`free: extra operand '${f}'\n${USAGE}`.replace(/\n\nUsage:/, "\nUsage:"));
    }
  }
  const m = world.memory();
  const cache = m.cachedK + m.sReclaimableK;
  let used = m.totalK - m.freeK - m.buffersK - cache;
  if (used < 0) used = m.totalK - m.freeK;
  const row = (label: string, values: number[]) =>
    `${label.padEnd(9)}${values.map((v, i) => (i === 0 ? "" : " ") + scale(v).padStart(11)).join("")}\n`;
  let out = wide
    ? "               total        used        free      shared     buffers       cache   available\n"
    : "               total        used        free      shared  buff/cache   available\n";
  out += row(
    "Mem:",
    wide
      ? [m.totalK, used, m.freeK, m.shmemK, m.buffersK, cache, m.availableK]
      : [m.totalK, used, m.freeK, m.shmemK, m.buffersK + cache, m.availableK],
  );
  out += row("Swap:", [m.swapTotalK, m.swapTotalK - m.swapFreeK, m.swapFreeK]);
  if (total) out += row("Total:", [m.totalK + m.swapTotalK, used + m.swapTotalK - m.swapFreeK, m.freeK + m.swapFreeK]);
  return ok(out);
};
