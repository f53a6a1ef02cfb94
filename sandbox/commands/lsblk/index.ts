/**
 * `lsblk` as util-linux 2.37.2 prints it: NAME (tree), MAJ:MIN, RM, SIZE, RO, TYPE and
 * MOUNTPOINTS (2.37 lists every mount point of a device, the latest first, on continuation
 * lines). `-f` (--fs) swaps in the filesystem columns: NAME FSTYPE FSVER LABEL UUID FSAVAIL
 * FSUSE% MOUNTPOINTS, with FSAVAIL and FSUSE% from statvfs of the mounted filesystem (the
 * disk model df reads: FSUSE% is lsblk's 100 - free/size, df's Use% rounds used/(used+avail)
 * up, so the two differ by a point or two). The devices are node/block-devices.ts's.
 */
import { BLOCK_DEVICES, type BlockDevice, findBlockDevice } from "../../node/block-devices";
import type { Mount } from "../../node/mounts";
import { humanSize } from "../../util/human-size";
import { type Command, fail } from "../types";

const TRY = "Try 'lsblk --help' for more information.\n";

export const lsblk: Command = (args, _io, world) => {
  const wanted: string[] = [];
  let fsColumns = false;
  for (const arg of args) {
    if (arg === "--fs") fsColumns = true;
    else if (arg.startsWith("--")) return fail(`lsblk: unrecognized option '${arg}'\n${TRY}`);
    else if (arg.startsWith("-") && arg.length > 1) {
      for (const c of arg.slice(1)) {
        if (c === "f") fsColumns = true;
        else return fail(`lsblk: invalid option -- '${c}'\n${TRY}`);
      }
    } else wanted.push(arg);
  }
  const mounts = world.mounts.all();
  const mountsOf = (dev: string) => mounts.filter((m) => m.device === dev).reverse();
  // [tree prefix, continuation prefix, device]
  const rows: [string, string, BlockDevice][] = [];
  let stderr = "";
  const roots = wanted.length
    ? wanted.flatMap((w) => {
        const found = findBlockDevice(w.replace(/^\/dev\//, ""));
        if (!found) stderr += `lsblk: ${w}: not a block device\n`;
        return found ? [found] : [];
      })
    : BLOCK_DEVICES;
  for (const d of roots) {
    rows.push(["", "", d]);
    d.children?.forEach((c, i) => {
      const last = i === (d.children?.length ?? 0) - 1;
      rows.push([last ? "└─" : "├─", last ? "  " : "│ ", c]);
    });
  }
  const stdout = fsColumns ? fsTable(rows, mountsOf) : deviceTable(rows, mountsOf);
  // Nothing to list (only bad device names): no header either.
  return { stdout: rows.length ? stdout : "", stderr, exitCode: stderr ? 32 : 0 };
};

type Rows = [string, string, BlockDevice][];
type MountsOf = (dev: string) => Mount[];

/** libsmartcols off a terminal: a row's cells, then a line per further mount point under MOUNTPOINTS. */
function render(
  rows: Rows,
  mountsOf: MountsOf,
  header: string[],
  cells: (d: BlockDevice) => string[],
  right: Set<number>,
) {
  const table = rows.map(([prefix, , d]) => [prefix + d.name, ...cells(d)]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => (r[i] ?? "").length)));
  const line = (r: string[]) =>
    r.map((cell, i) => (right.has(i) ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0))).join(" ");
  const before = widths.reduce((n, w) => n + w + 1, 0);
  let out = `${line(header)} MOUNTPOINTS\n`;
  rows.forEach(([, cont, d], k) => {
    const [first = "", ...more] = mountsOf(d.name).map((m) => m.target);
    out += `${line(table[k] as string[])} ${first}\n`;
    for (const m of more) out += `${cont.trimEnd().padEnd(before)}${m}\n`;
  });
  return out;
}

function deviceTable(rows: Rows, mountsOf: MountsOf): string {
  const majWidth = Math.max(3, ...rows.map(([, , d]) => String(d.major).length));
  const minWidth = Math.max(3, ...rows.map(([, , d]) => String(d.minor).length));
  const majmin = (d: BlockDevice) => `${String(d.major).padStart(majWidth)}:${String(d.minor).padEnd(minWidth)}`;
  return render(
    rows,
    mountsOf,
    ["NAME", "MAJ:MIN", "RM", "SIZE", "RO", "TYPE"],
    (d) => [majmin(d), d.removable ? "1" : "0", d.size, "0", d.type],
    new Set([2, 3, 4]),
  );
}

function fsTable(rows: Rows, mountsOf: MountsOf): string {
  const usage = (d: BlockDevice): [string, string] => {
    const s = mountsOf(d.name)
      .find((m) => m.stats)
      ?.stats?.();
    if (!s) return ["", ""];
    return [humanSize(s.availK * 1024), `${Math.round(100 - ((s.sizeK - s.usedK) / s.sizeK) * 100)}%`];
  };
  return render(
    rows,
    mountsOf,
    ["NAME", "FSTYPE", "FSVER", "LABEL", "UUID", "FSAVAIL", "FSUSE%"],
    (d) => [d.fs?.type ?? "", d.fs?.version ?? "", d.fs?.label ?? "", d.fs?.uuid ?? "", ...usage(d)],
    new Set([5, 6]),
  );
}
