/**
 * How GNU ls 8.32 (Ubuntu 22.04's coreutils) lays out what it lists: the long format
 * (src/ls.c print_long_format), the many-per-line columns (calculate_columns,
 * print_many_per_line, indent) and -h sizes (gnulib human.c, with ls's
 * human_autoscale | human_SI | human_base_1024 and ceiling rounding).
 */
import type { NodeStat } from "../../node/fs";

/** One thing ls lists: a directory entry or a command-line operand. */
export interface Entry {
  /** As printed: the entry's name, or the operand as typed. */
  name: string;
  path: string;
  stat: NodeStat;
  /** The link's target, for `-> target` in the long format. */
  linkTarget?: string;
  /** What the link points to, when it resolves (for -F after `->`). */
  targetStat?: NodeStat;
  /** Directories: 2 + number of subdirectories, as ext4 counts `.` and each child's `..`. */
  nlink: number;
}

const S_IFMT = 0o170000;
// A Map, not an object literal: `biome check --write` (2.6.8) rewrites octal object keys
// into wrong decimals (0o040000 became 9604).
const TYPE_CHAR = new Map([
  [0o040000, "d"],
  [0o120000, "l"],
  [0o140000, "s"],
  [0o010000, "p"],
  [0o020000, "c"],
  [0o060000, "b"],
]);

export const fileType = (mode: number) => mode & S_IFMT;
export const isDir = (s: NodeStat) => fileType(s.mode) === 0o040000;

/** gnulib filemodestring: type letter, then rwx with setuid/setgid/sticky folded in. */
export function modeString(mode: number): string {
  const bit = (m: number, c: string) => (mode & m ? c : "-");
  const special = (x: number, s: number, on: string) =>
    mode & s ? (mode & x ? on : on.toUpperCase()) : mode & x ? "x" : "-";
  return [
    TYPE_CHAR.get(fileType(mode)) ?? "-",
    bit(0o400, "r"),
    bit(0o200, "w"),
    special(0o100, 0o4000, "s"),
    bit(0o040, "r"),
    bit(0o020, "w"),
    special(0o010, 0o2000, "s"),
    bit(0o004, "r"),
    bit(0o002, "w"),
    special(0o001, 0o1000, "t"),
  ].join("");
}

/**
 * st_blocks (512-byte units) as ext4 allocates them: a 4 KiB block per directory, whole
 * 4 KiB blocks for file data, none for fast symlinks (target under 60 bytes, kept in the
 * inode) or sockets.
 */
export function blocks(e: Entry): number {
  const type = fileType(e.stat.mode);
  if (type === 0o040000) return 8;
  if (type === 0o120000) return e.stat.size < 60 ? 0 : 8;
  if (type !== 0o100000) return 0;
  return Math.ceil(e.stat.size / 4096) * 8;
}

/** human_readable() as ls -h calls it: powers of 1024, one decimal below 10, rounded up. */
export function humanSize(bytes: number): string {
  if (bytes < 1024) return String(bytes);
  const units = ["K", "M", "G", "T", "P", "E"];
  let exp = 1;
  while (bytes / 1024 ** exp >= 1024 && exp < units.length) exp++;
  const scaled = bytes / 1024 ** exp;
  if (scaled < 10) {
    const tenths = Math.ceil((bytes * 10) / 1024 ** exp);
    return tenths >= 100 ? `10${units[exp - 1]}` : `${Math.floor(tenths / 10)}.${tenths % 10}${units[exp - 1]}`;
  }
  const whole = Math.ceil(scaled);
  if (whole >= 1024 && exp < units.length) return `1.0${units[exp]}`;
  return `${whole}${units[exp - 1]}`;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
/** Half a Gregorian year, as ls.c computes "recent" (31556952 / 2 seconds). */
const SIX_MONTHS_MS = (31556952 / 2) * 1000;

/**
 * The C locale's long_time_format: `%b %e %H:%M` within the last six months, else
 * `%b %e  %Y`, in UTC as AKS nodes run. GNU calls a file stamped at this very instant
 * "future" only because its own clock has moved on by then; on the simulated clock that
 * instant is "now", so it counts as recent.
 */
export function lsDate(mtime: number, now: number): string {
  const d = new Date(mtime);
  const day = String(d.getUTCDate()).padStart(2, " ");
  const recent = mtime > now - SIX_MONTHS_MS && mtime <= now;
  const tail = recent
    ? `${String(d.getUTCHours()).padStart(2, "0")}:${String(d.getUTCMinutes()).padStart(2, "0")}`
    : ` ${d.getUTCFullYear()}`;
  return `${MONTHS[d.getUTCMonth()]} ${day} ${tail}`;
}

/** -F's indicator (print_type_indicator): `/` directory, `@` link, `=` socket, `*` executable. */
export function indicator(stat: NodeStat | undefined, followed = false): string {
  if (!stat) return "";
  const type = fileType(stat.mode);
  if (type === 0o040000) return "/";
  if (type === 0o120000) return followed ? "" : "@";
  if (type === 0o140000) return "=";
  if (type === 0o010000) return "|";
  if (type === 0o100000 && stat.mode & 0o111) return "*";
  return "";
}

/** --full-time's full-iso style: `%Y-%m-%d %H:%M:%S.%N %z`. */
export function fullIsoDate(mtime: number): string {
  const iso = new Date(mtime).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}.${iso.slice(20, 23)}000000 +0000`;
}

export interface LongOptions {
  human: boolean;
  classify: boolean;
  fullTime: boolean;
  now: number;
}

/** print_long_format for a set of entries, columns as wide as their widest value. */
export function longLines(entries: Entry[], o: LongOptions): string[] {
  const size = (e: Entry) => (o.human ? humanSize(e.stat.size) : String(e.stat.size));
  const nlinkWidth = Math.max(0, ...entries.map((e) => String(e.nlink).length));
  const sizeWidth = Math.max(0, ...entries.map((e) => size(e).length));
  return entries.map((e) => {
    const type = fileType(e.stat.mode);
    let name = e.name;
    if (type === 0o120000 && e.linkTarget !== undefined) {
      name += ` -> ${e.linkTarget}${o.classify ? indicator(e.targetStat, true) : ""}`;
    } else if (o.classify) {
      name += indicator(e.stat);
    }
    // Every file on this node is root:root; nothing here has an ACL, so no 11th mode column.
    return [
      modeString(e.stat.mode),
      String(e.nlink).padStart(nlinkWidth),
      "root",
      "root",
      size(e).padStart(sizeWidth),
      o.fullTime ? fullIsoDate(e.stat.mtime.getTime()) : lsDate(e.stat.mtime.getTime(), o.now),
      name,
    ].join(" ");
  });
}

/** `total N`: the listed entries' blocks in 1 KiB units, or -h's scaled form. */
export function totalLine(entries: Entry[], human: boolean): string {
  const sectors = entries.reduce((sum, e) => sum + blocks(e), 0);
  return `total ${human ? humanSize(sectors * 512) : Math.ceil(sectors / 2)}`;
}

const MIN_COLUMN_WIDTH = 3;
const TAB_SIZE = 8;

/** indent(): pad from one column to another with tabs where a tab stop fits, as ls does by default. */
function indent(from: number, to: number): string {
  let out = "";
  while (from < to) {
    if (Math.floor(to / TAB_SIZE) > Math.floor((from + 1) / TAB_SIZE)) {
      out += "\t";
      from += TAB_SIZE - (from % TAB_SIZE);
    } else {
      out += " ";
      from++;
    }
  }
  return out;
}

/** calculate_columns + print_many_per_line: column-major, as many columns as fit the width. */
export function columnLines(names: string[], lineLength: number): string[] {
  const n = names.length;
  if (n === 0) return [];
  const maxIdx = Math.max(1, Math.floor(lineLength / MIN_COLUMN_WIDTH));
  const maxCols = Math.min(maxIdx, n);
  const info = Array.from({ length: maxCols }, (_, i) => ({
    valid: true,
    lineLen: (i + 1) * MIN_COLUMN_WIDTH,
    widths: Array<number>(i + 1).fill(MIN_COLUMN_WIDTH),
  }));
  names.forEach((name, fileNo) => {
    info.forEach((col, i) => {
      if (!col.valid) return;
      const idx = Math.floor(fileNo / Math.floor((n + i) / (i + 1)));
      const real = name.length + (idx === i ? 0 : 2);
      const current = col.widths[idx] as number;
      if (current < real) {
        col.lineLen += real - current;
        col.widths[idx] = real;
        col.valid = col.lineLen < lineLength;
      }
    });
  });
  let cols = maxCols;
  while (cols > 1 && !info[cols - 1]?.valid) cols--;
  const widths = info[cols - 1]?.widths ?? [];
  const rows = Math.ceil(n / cols);
  const lines: string[] = [];
  for (let row = 0; row < rows; row++) {
    let line = "";
    let pos = 0;
    for (let col = 0, fileNo = row; ; col++) {
      const name = names[fileNo] as string;
      line += name;
      fileNo += rows;
      if (fileNo >= n) break;
      const width = widths[col] as number;
      line += indent(pos + name.length, pos + width);
      pos += width;
    }
    lines.push(line);
  }
  return lines;
}
