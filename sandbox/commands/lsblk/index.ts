/**
 * `lsblk` as util-linux 2.37.2 prints it: NAME (tree), MAJ:MIN, RM, SIZE, RO, TYPE and
 * MOUNTPOINTS (2.37 lists every mount point of a device, the latest first, on continuation
 * lines). The disks are the VM's: sda (128 GiB OS disk: sda1 root, sda14 BIOS boot, sda15
 * EFI), sdb (16 GiB temp disk of a Standard_D2as_v4) and sr0 (the provisioning ISO).
 */
import { type Command, fail } from "../types";

interface Dev {
  name: string;
  major: number;
  minor: number;
  rm: number;
  size: string;
  ro: number;
  type: string;
  children?: Dev[];
}

const DEVICES: Dev[] = [
  {
    name: "sda",
    major: 8,
    minor: 0,
    rm: 0,
    size: "128G",
    ro: 0,
    type: "disk",
    children: [
      { name: "sda1", major: 8, minor: 1, rm: 0, size: "127.9G", ro: 0, type: "part" },
      { name: "sda14", major: 8, minor: 14, rm: 0, size: "4M", ro: 0, type: "part" },
      { name: "sda15", major: 8, minor: 15, rm: 0, size: "106M", ro: 0, type: "part" },
    ],
  },
  {
    name: "sdb",
    major: 8,
    minor: 16,
    rm: 0,
    size: "16G",
    ro: 0,
    type: "disk",
    children: [{ name: "sdb1", major: 8, minor: 17, rm: 0, size: "16G", ro: 0, type: "part" }],
  },
  { name: "sr0", major: 11, minor: 0, rm: 1, size: "628K", ro: 0, type: "rom" },
];

export const lsblk: Command = (args, _io, world) => {
  const wanted: string[] = [];
  for (const arg of args) {
    if (arg.startsWith("-")) {
      return fail(
        `lsblk: invalid option -- '${arg.replace(/^-+/, "")[0]}'\nTry 'lsblk --help' for more information.\n`,
      );
    }
    wanted.push(arg);
  }
  const mounts = world.mounts.all();
  const mountpoints = (dev: string) =>
    mounts
      .filter((m) => m.device === dev)
      .map((m) => m.target)
      .reverse();
  // [tree prefix, continuation prefix, device]
  const rows: [string, string, Dev][] = [];
  let stderr = "";
  const roots = wanted.length
    ? wanted.flatMap((w) => {
        const name = w.replace(/^\/dev\//, "");
        const found = DEVICES.flatMap((d) => [d, ...(d.children ?? [])]).find((d) => d.name === name);
        if (!found) stderr += `lsblk: ${w}: not a block device\n`;
        return found ? [found] : [];
      })
    : DEVICES;
  for (const d of roots) {
    rows.push(["", "", d]);
    d.children?.forEach((c, i) => {
      const last = i === (d.children?.length ?? 0) - 1;
      rows.push([last ? "└─" : "├─", last ? "  " : "│ ", c]);
    });
  }
  const nameWidth = Math.max(4, ...rows.map(([p, , d]) => p.length + d.name.length));
  const sizeWidth = Math.max(4, ...rows.map(([, , d]) => d.size.length));
  const majWidth = Math.max(3, ...rows.map(([, , d]) => String(d.major).length));
  const minWidth = Math.max(3, ...rows.map(([, , d]) => String(d.minor).length));
  const majmin = (d: Dev) => `${String(d.major).padStart(majWidth)}:${String(d.minor).padEnd(minWidth)}`;
  let out = `${"NAME".padEnd(nameWidth)} ${"MAJ:MIN".padEnd(majWidth + minWidth + 1)} RM ${"SIZE".padStart(sizeWidth)} RO TYPE MOUNTPOINTS\n`;
  const before = nameWidth + 1 + majWidth + minWidth + 2 + 3 + sizeWidth + 1 + 3 + 5;
  for (const [prefix, cont, d] of rows) {
    const [first = "", ...more] = mountpoints(d.name);
    out += `${(prefix + d.name).padEnd(nameWidth)} ${majmin(d)} ${String(d.rm).padStart(2)} ${d.size.padStart(sizeWidth)} ${String(d.ro).padStart(2)} ${d.type.padEnd(4)} ${first}\n`;
    for (const m of more) out += `${cont.trimEnd().padEnd(before)}${m}\n`;
  }
  // Nothing to list (only bad device names): no header either.
  return { stdout: rows.length ? out : "", stderr, exitCode: stderr ? 32 : 0 };
};
