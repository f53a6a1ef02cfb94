/**
 * `ls` as GNU coreutils 8.32 on Ubuntu 22.04, read from the node's filesystem: real modes
 * (0600 for /etc/default/kubelet), link counts, root:root, sizes, mtimes on the simulated
 * clock and byte-order (C.UTF-8) sorting. Without -l it prints columns for an 80-column
 * terminal (or $COLUMNS), as a learner at a real terminal sees; it cannot tell a pipe from
 * a terminal, so `ls | wc -l` counts rows, not names. Operand handling follows ls.c main():
 * files first, then each directory, with `dir:` headers when there is more than one.
 */
import type { NodeFs, NodeStat } from "../../node/fs";
import { type Command, fail } from "../types";
import { columnLines, type Entry, fileType, indicator, isDir, longLines, totalLine } from "./format";

type Format = "long" | "columns" | "one";
type Sort = "name" | "time" | "size";

interface Options {
  format: Format;
  all: boolean;
  almostAll: boolean;
  directory: boolean;
  human: boolean;
  recursive: boolean;
  reverse: boolean;
  sort: Sort;
  classify: boolean;
  fullTime: boolean;
}

/** Short flags as data; long options map onto them. */
const SHORT: Record<string, (o: Options) => void> = {
  l: (o) => {
    o.format = "long";
  },
  "1": (o) => {
    o.format = "one";
  },
  C: (o) => {
    o.format = "columns";
  },
  a: (o) => {
    o.all = true;
  },
  A: (o) => {
    o.almostAll = true;
  },
  d: (o) => {
    o.directory = true;
  },
  h: (o) => {
    o.human = true;
  },
  R: (o) => {
    o.recursive = true;
  },
  r: (o) => {
    o.reverse = true;
  },
  t: (o) => {
    o.sort = "time";
  },
  S: (o) => {
    o.sort = "size";
  },
  F: (o) => {
    o.classify = true;
  },
};
const LONG: Record<string, string> = {
  all: "a",
  "almost-all": "A",
  directory: "d",
  "human-readable": "h",
  recursive: "R",
  reverse: "r",
  classify: "F",
};
const TRY = "Try 'ls --help' for more information.\n";

function parseArgs(args: string[]): { options: Options; operands: string[] } | { error: string } {
  const options: Options = {
    format: "columns",
    all: false,
    almostAll: false,
    directory: false,
    human: false,
    recursive: false,
    reverse: false,
    sort: "name",
    classify: false,
    fullTime: false,
  };
  const operands: string[] = [];
  let endOfOptions = false;
  for (const arg of args) {
    if (endOfOptions || arg === "-" || !arg.startsWith("-")) operands.push(arg);
    else if (arg === "--") endOfOptions = true;
    else if (arg.startsWith("--")) {
      const name = arg.slice(2);
      // Colour is a terminal nicety with nothing to show in this emulator: accepted, ignored.
      if (name === "color" || name.startsWith("color=")) continue;
      if (name === "full-time") {
        options.format = "long";
        options.fullTime = true;
        continue;
      }
      const short = LONG[name];
      if (!short) return { error: `ls: unrecognized option '${arg}'\n${TRY}` };
      SHORT[short]?.(options);
    } else {
      for (const c of arg.slice(1)) {
        const set = SHORT[c];
        if (!set) return { error: `ls: invalid option -- '${c}'\n${TRY}` };
        set(options);
      }
    }
  }
  return { options, operands };
}

const joinPath = (dir: string, name: string) => (dir.endsWith("/") ? `${dir}${name}` : `${dir}/${name}`);
const absolute = (cwd: string, p: string) => (p.startsWith("/") ? p : joinPath(cwd, p));

/** Build an entry from the node's state: lstat, link target, link count. */
async function entryFor(fs: NodeFs, name: string, path: string, follow: boolean): Promise<Entry> {
  const stat = fs.statSync(path, follow);
  const entry: Entry = { name, path, stat, nlink: 1 };
  if (fileType(stat.mode) === 0o120000) {
    entry.linkTarget = await fs.readlink(path);
    entry.targetStat = tryStat(fs, path, true);
  }
  if (isDir(stat)) {
    const children = fs.readdirSync(path);
    entry.nlink = 2 + children.filter((c) => tryStat(fs, joinPath(path, c), false)?.isDirectory).length;
  }
  return entry;
}

function tryStat(fs: NodeFs, path: string, follow: boolean): NodeStat | undefined {
  try {
    return fs.statSync(path, follow);
  } catch {
    return undefined;
  }
}

/** sort_files: by name in byte order, or newest / largest first with name as tie-break; -r flips it all. */
function sortEntries(entries: Entry[], o: Options): Entry[] {
  const byName = (a: Entry, b: Entry) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  const compare = (a: Entry, b: Entry) => {
    const key =
      o.sort === "time"
        ? b.stat.mtime.getTime() - a.stat.mtime.getTime()
        : o.sort === "size"
          ? b.stat.size - a.stat.size
          : 0;
    return key || byName(a, b);
  };
  const sorted = [...entries].sort(compare);
  return o.reverse ? sorted.reverse() : sorted;
}

function render(entries: Entry[], o: Options, now: number, width: number): string[] {
  if (o.format === "long")
    return longLines(entries, { human: o.human, classify: o.classify, fullTime: o.fullTime, now });
  const names = entries.map((e) => e.name + (o.classify ? indicator(e.stat) : ""));
  return o.format === "one" ? names : columnLines(names, width);
}

/** A directory's own listing: `.`/`..` with -a, hidden names with -a/-A, then sorted. */
async function listDirectory(fs: NodeFs, path: string, o: Options): Promise<Entry[]> {
  const entries: Entry[] = [];
  if (o.all) {
    entries.push(await entryFor(fs, ".", path, true));
    entries.push(await entryFor(fs, "..", joinPath(path, ".."), true));
  }
  for (const name of fs.readdirSync(path)) {
    if (name.startsWith(".") && !o.all && !o.almostAll) continue;
    entries.push(await entryFor(fs, name, joinPath(path, name), false));
  }
  return sortEntries(entries, o);
}

export const ls: Command = async (args, io, world) => {
  const parsed = parseArgs(args);
  if ("error" in parsed) return fail(parsed.error, 2);
  const { options: o, operands } = parsed;
  const fs = world.fs;
  const now = world.clock.now();
  const width = Number(io.env.COLUMNS) > 0 ? Number(io.env.COLUMNS) : 80;
  // ls.c: command-line links to directories are followed unless -l, -d or -F says otherwise.
  const followArgLinks = !(o.format === "long" || o.directory || o.classify);

  let stderr = "";
  let status = 0;
  const files: Entry[] = [];
  const dirs: Entry[] = [];
  const names = operands.length ? operands : ["."];
  for (const name of names) {
    const path = absolute(io.cwd, name);
    const stat = tryStat(fs, path, name.endsWith("/"));
    if (!stat) {
      stderr += `ls: cannot access '${name}': No such file or directory\n`;
      status = 2;
      continue;
    }
    const target = followArgLinks && fileType(stat.mode) === 0o120000 ? tryStat(fs, path, true) : undefined;
    const entry = await entryFor(fs, name, path, name.endsWith("/") || (target?.isDirectory ?? false));
    (isDir(entry.stat) && !o.directory ? dirs : files).push(entry);
  }

  const out: string[] = [];
  if (files.length) out.push(...render(sortEntries(files, o), o, now, width));
  // Pending directories are a stack: command-line ones in sorted order, each one's
  // subdirectories (with -R) listed right after it.
  const pending = sortEntries(dirs, o).reverse();
  const showHeaders = o.recursive || names.length > 1 || files.length > 0;
  let first = files.length === 0;
  for (let dir = pending.pop(); dir; dir = pending.pop()) {
    if (showHeaders) {
      if (!first) out.push("");
      out.push(`${dir.name}:`);
    }
    first = false;
    const entries = await listDirectory(fs, dir.path, o);
    if (o.format === "long") out.push(totalLine(entries, o.human));
    out.push(...render(entries, o, now, width));
    if (o.recursive) {
      const subdirs = entries.filter((e) => isDir(e.stat) && e.name !== "." && e.name !== "..");
      for (const sub of subdirs.reverse()) pending.push({ ...sub, name: joinPath(dir.name, sub.name) });
    }
  }
  return { stdout: out.length ? `${out.join("\n")}\n` : "", stderr, exitCode: status };
};
