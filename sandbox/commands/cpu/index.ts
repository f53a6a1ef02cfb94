/**
 * `nproc` (coreutils 8.32) and `lscpu` (util-linux 2.37.2), both from what the kernel tells
 * them: /proc/cpuinfo's processors (node/proc.ts, two vCPUs of a Standard_D2as_v4) and the
 * cache sizes of its AMD EPYC 7763 (per core 32K L1d, 32K L1i, 512K L2; 32M L3 per CCX).
 */
import type { World } from "../../world";
import { type Command, fail, ok } from "../types";

interface Cpu {
  fields: Map<string, string>;
}

/** /proc/cpuinfo's processors, as `key\t: value` blocks. */
function cpus(world: World): Cpu[] {
  const text = world.fs.tryReadFileSync("/proc/cpuinfo") ?? "";
  return text
    .split("\n\n")
    .filter((b) => b.trim())
    .map((block) => ({
      fields: new Map(
        block.split("\n").map((line) => {
          const at = line.indexOf(":");
          return [line.slice(0, at).trim(), line.slice(at + 1).trim()] as [string, string];
        }),
      ),
    }));
}

const NPROC_USAGE = "Try 'nproc --help' for more information.\n";

export const nproc: Command = (args, _io, world) => {
  let ignore = 0;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === "--all") continue;
    const m = /^--ignore(?:=(.*))?$/.exec(a);
    if (m) {
      const v = m[1] ?? args[++i];
      if (v === undefined) return fail(`nproc: option '--ignore' requires an argument\n${NPROC_USAGE}`);
      if (!/^\d+$/.test(v)) return fail(`nproc: invalid number: '${v}'\n`);
      ignore = Number(v);
      continue;
    }
    if (a.startsWith("-")) {
      const what = a.startsWith("--") ? `unrecognized option '${a}'` : `invalid option -- '${a.slice(1, 2)}'`;
      return fail(`nproc: ${what}\n${NPROC_USAGE}`);
    }
    return fail(`nproc: extra operand '${a}'\n${NPROC_USAGE}`);
  }
  return ok(`${Math.max(1, cpus(world).length - ignore)}\n`);
};

/** 2.37's tree layout: section names at the margin, fields indented, values from column 26. */
const row = (depth: number, key: string, value: string) => `${`${"  ".repeat(depth)}${key}:`.padEnd(24)} ${value}\n`;

const list = (n: number) => Array.from({ length: n }, (_, i) => i).join(",");

export const lscpu: Command = (args, _io, world) => {
  const bad = args.find((a) => a !== "");
  if (bad !== undefined) {
    const what = bad.startsWith("--") ? `unrecognized option '${bad}'` : `invalid option -- '${bad.slice(1, 2)}'`;
    return fail(`lscpu: ${what}\nTry 'lscpu --help' for more information.\n`);
  }
  const all = cpus(world);
  const f = all[0]?.fields ?? new Map<string, string>();
  const n = all.length;
  const cores = Number(f.get("cpu cores") ?? n);
  const threads = Number(f.get("siblings") ?? n) / cores;
  const inst = (k: number) => `(${k} instance${k === 1 ? "" : "s"})`;
  let out = "";
  out += row(0, "Architecture", "x86_64");
  out += row(1, "CPU op-mode(s)", "32-bit, 64-bit");
  out += row(1, "Address sizes", f.get("address sizes") ?? "");
  out += row(1, "Byte Order", "Little Endian");
  out += row(0, "CPU(s)", String(n));
  out += row(1, "On-line CPU(s) list", list(n));
  out += row(0, "Vendor ID", f.get("vendor_id") ?? "");
  out += row(1, "Model name", f.get("model name") ?? "");
  out += row(2, "CPU family", f.get("cpu family") ?? "");
  out += row(2, "Model", f.get("model") ?? "");
  out += row(2, "Thread(s) per core", String(threads));
  out += row(2, "Core(s) per socket", String(cores));
  out += row(2, "Socket(s)", String(n / (cores * threads)));
  out += row(2, "Stepping", f.get("stepping") ?? "");
  out += row(2, "BogoMIPS", f.get("bogomips") ?? "");
  if (f.get("flags")) out += row(2, "Flags", f.get("flags") as string);
  // Hyper-V: the hypervisor leaf names Microsoft; a full-virtualization guest.
  out += row(0, "Virtualization features", "");
  out += row(1, "Hypervisor vendor", "Microsoft");
  out += row(1, "Virtualization type", "full");
  out += row(0, "Caches (sum of all)", "");
  out += row(1, "L1d", `${32 * cores} KiB ${inst(cores)}`);
  out += row(1, "L1i", `${32 * cores} KiB ${inst(cores)}`);
  out += row(1, "L2", `${(512 * cores) / 1024} MiB ${inst(cores)}`);
  out += row(1, "L3", `32 MiB ${inst(1)}`);
  out += row(0, "NUMA", "");
  out += row(1, "NUMA node(s)", "1");
  out += row(1, "NUMA node0 CPU(s)", list(n));
  return ok(out);
};
