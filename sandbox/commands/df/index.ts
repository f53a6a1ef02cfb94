/**
 * `df` as GNU coreutils 8.32 prints it (src/df.c): the mount table in mount order, pseudo
 * filesystems (no blocks) and repeated devices (the kubelet's bind mount of /var/lib/kubelet)
 * left out unless -a; columns padded to their widest cell with df.c's minimum widths
 * (Filesystem 14, numbers 5, Use% 4), left-aligned names, right-aligned numbers, one space
 * between, the last column unpadded. Usage comes from the node's disk model (node/disks.ts).
 */

import { normalizePath } from "../../node/fs";
import type { FsStats, Mount } from "../../node/mounts";
import { type Command, fail } from "../types";
import { humanCeil } from "./human";

const TRY = "Try 'df --help' for more information.\n";

interface Options {
  human: boolean;
  mega: boolean;
  type: boolean;
  inodes: boolean;
  all: boolean;
  only: string[];
  exclude: string[];
  paths: string[];
}

function parse(args: string[]): Options | string {
  const o: Options = {
    human: false,
    mega: false,
    type: false,
    inodes: false,
    all: false,
    only: [],
    exclude: [],
    paths: [],
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const long: Record<string, keyof Options> = {
      "--human-readable": "human",
      "--print-type": "type",
      "--inodes": "inodes",
      "--all": "all",
    };
    if (long[arg]) (o[long[arg]] as boolean) = true;
    else if (arg === "-t" || arg === "-x" || arg === "--type" || arg === "--exclude-type") {
      const v = args[++i];
      if (v === undefined) return `df: option requires an argument -- '${arg.replace(/^-+/, "")[0]}'\n${TRY}`;
      (arg === "-t" || arg === "--type" ? o.only : o.exclude).push(v);
    } else if (arg.startsWith("--type=")) o.only.push(arg.slice(7));
    else if (arg.startsWith("--exclude-type=")) o.exclude.push(arg.slice(15));
    else if (arg.startsWith("--")) return `df: unrecognized option '${arg}'\n${TRY}`;
    else if (arg.startsWith("-") && arg.length > 1) {
      for (const c of arg.slice(1)) {
        if (c === "h") o.human = true;
        else if (c === "m") o.mega = true;
        else if (c === "k") o.mega = false;
        else if (c === "T") o.type = true;
        else if (c === "i") o.inodes = true;
        else if (c === "a") o.all = true;
        else if (c === "l" || c === "P") continue;
        else return `df: invalid option -- '${c}'\n${TRY}`;
      }
    } else o.paths.push(arg);
  }
  return o;
}

/** The mount a path lives on: the last-mounted one whose target is its longest prefix. */
export function mountOf(mounts: Mount[], path: string): Mount | undefined {
  let best: Mount | undefined;
  for (const m of mounts) {
    const t = m.target;
    if (path === t || t === "/" || path.startsWith(`${t}/`)) {
      if (!best || t.length >= best.target.length) best = m;
    }
  }
  return best;
}

const pct = (used: number, avail: number) =>
  used + avail === 0 ? "-" : `${Math.ceil((used * 100) / (used + avail))}%`;

function row(m: Mount, s: FsStats, o: Options): string[] {
  const cells = [m.source];
  if (o.type) cells.push(m.fstype);
  if (o.inodes) {
    const n = (x: number) => (o.human ? humanCeil(x).replace(/(\d)$/, "$1") : String(x));
    cells.push(n(s.inodes), n(s.iused), n(s.ifree), s.inodes === 0 ? "-" : pct(s.iused, s.ifree));
  } else {
    const n = (k: number) =>
      o.human ? (k === 0 ? "0" : humanCeil(k * 1024)) : String(o.mega ? Math.ceil(k / 1024) : k);
    cells.push(n(s.sizeK), n(s.usedK), n(s.availK), pct(s.usedK, s.availK));
  }
  cells.push(m.target);
  return cells;
}

export const df: Command = (args, io, world) => {
  const o = parse(args);
  if (typeof o === "string") return fail(o);
  const mounts = world.mounts.all();
  let stderr = "";
  let selected: Mount[] = [];
  if (o.paths.length) {
    for (const p of o.paths) {
      const abs = normalizePath(p.startsWith("/") ? p : `${io.cwd}/${p}`);
      if (!world.fs.existsSync(abs)) {
        stderr += `df: ${p}: No such file or directory\n`;
        continue;
      }
      const m = mountOf(mounts, world.fs.resolve(abs));
      if (m) selected.push(m);
    }
  } else {
    const seenDevice = new Set<string>();
    for (const m of mounts) {
      if (!o.all && !m.stats) continue;
      if (!o.all && m.stats && m.stats().sizeK === 0) continue;
      // A bind mount repeats its device: df keeps the shortest mount point.
      const dev = m.device ?? `${m.source}@${m.target}`;
      if (!o.all && seenDevice.has(dev)) continue;
      seenDevice.add(dev);
      selected.push(m);
    }
  }
  if (o.only.length) selected = selected.filter((m) => o.only.includes(m.fstype));
  if (o.exclude.length) selected = selected.filter((m) => !o.exclude.includes(m.fstype));
  if (selected.length === 0 && !stderr) return fail("df: no file systems processed\n");
  const header = ["Filesystem"];
  const minWidths = [14];
  if (o.type) {
    header.push("Type");
    minWidths.push(4);
  }
  if (o.inodes) header.push("Inodes", "IUsed", "IFree", "IUse%");
  else if (o.human) header.push("Size", "Used", "Avail", "Use%");
  else header.push(o.mega ? "1M-blocks" : "1K-blocks", "Used", "Available", "Use%");
  minWidths.push(5, 5, 5, 4, 0);
  const empty: FsStats = { sizeK: 0, usedK: 0, availK: 0, inodes: 0, iused: 0, ifree: 0 };
  const rows = [header.concat("Mounted on"), ...selected.map((m) => row(m, m.stats?.() ?? empty, o))];
  const widths = minWidths.map((min, c) => Math.max(min, ...rows.map((r) => (r[c] ?? "").length)));
  const leftAligned = (c: number) => c === 0 || (o.type && c === 1) || c === header.length;
  const stdout = rows
    .map((r) =>
      r
        .map((cell, c) =>
          c === r.length - 1 ? cell : leftAligned(c) ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0),
        )
        .join(" "),
    )
    .join("\n");
  return { stdout: selected.length ? `${stdout}\n` : "", stderr, exitCode: stderr ? 1 : 0 };
};
