/**
 * `findmnt` (util-linux 2.37.2, misc-utils/findmnt.c) over the kernel's mount table
 * (node/mounts.ts, what /proc/self/mountinfo holds): by default the tree of mounts, each under
 * the mount it sits on, with TARGET SOURCE FSTYPE OPTIONS. SOURCE is libmount's: `/dev/root`
 * becomes the real device (kernel_fs_postparse), and a mount of a directory inside its
 * filesystem shows it in brackets (`/dev/sda1[/var/lib/kubelet]`, an nsfs's `nsfs[net:[...]]`).
 * A device or mount point on the command line (`findmnt /`), -S or -T turn the tree off, as
 * does -l; -t filters by type (a `no` prefix negates) and keeps the tree, hanging what matches
 * on its nearest printed ancestor (create_treenode). Nothing found: no output, status 1.
 * --real and --pseudo arrived in 2.38, so this version does not know them.
 */
import { normalizePath } from "../../node/fs";
import { type Mount, mountParents } from "../../node/mounts";
import { humanSize } from "../../util/human-size";
import { type ScolsColumn, scolsTable, treePrefixes } from "../../util/scols";
import { mountOf } from "../df";
import { type Command, fail } from "../types";

const TRY = "Try 'findmnt --help' for more information.\n";

interface Options {
  list: boolean;
  headings: boolean;
  fsroot: boolean;
  first: boolean;
  columns: string[];
  types?: string[];
  source?: string;
  target?: string;
  /** -T: the mount point containing this path. */
  containing?: string;
  positional: string[];
}

const COLUMNS: Record<string, ScolsColumn> = {
  SOURCE: { header: "SOURCE" },
  TARGET: { header: "TARGET" },
  FSTYPE: { header: "FSTYPE" },
  OPTIONS: { header: "OPTIONS" },
  FSROOT: { header: "FSROOT" },
  SIZE: { header: "SIZE", right: true },
  USED: { header: "USED", right: true },
  AVAIL: { header: "AVAIL", right: true },
  "USE%": { header: "USE%", right: true },
};

const SHORT_VALUE: Record<string, keyof Options> = {
  o: "columns",
  t: "types",
  S: "source",
  T: "containing",
  M: "target",
};
const LONG_VALUE: Record<string, keyof Options> = {
  "--output": "columns",
  "--types": "types",
  "--source": "source",
  "--target": "containing",
  "--mountpoint": "target",
};
const SHORT_FLAG: Record<string, keyof Options | undefined> = {
  l: "list",
  n: "headings",
  v: "fsroot",
  f: "first",
  a: undefined,
  A: undefined,
  k: undefined,
};
const LONG_FLAG: Record<string, string> = {
  "--list": "l",
  "--noheadings": "n",
  "--nofsroot": "v",
  "--first-only": "f",
};

/** getopt_long: clustered short flags, `-oVALUE`, `-o VALUE`, `--output=VALUE`. */
function parse(args: string[]): Options | string {
  const o: Options = {
    list: false,
    headings: true,
    fsroot: true,
    first: false,
    columns: ["TARGET", "SOURCE", "FSTYPE", "OPTIONS"],
    positional: [],
  };
  const set = (key: keyof Options, v: string): string | undefined => {
    if (key === "columns") {
      const cols = v.split(",");
      const bad = cols.find((c) => !COLUMNS[c.toUpperCase()]);
      if (bad !== undefined) return `findmnt: unknown column: ${bad}\n`;
      o.columns = cols.map((c) => c.toUpperCase());
    } else if (key === "types") o.types = v.split(",");
    else (o[key] as string) = v;
    return undefined;
  };
  const flag = (c: string) => {
    const key = SHORT_FLAG[c];
    if (key === "headings") o.headings = false;
    else if (key === "fsroot") o.fsroot = false;
    else if (key) (o[key] as boolean) = true;
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg.startsWith("--")) {
      const [name, inline] = arg.includes("=")
        ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
        : [arg];
      const key = LONG_VALUE[name as string];
      if (key) {
        const v = inline ?? args[++i];
        if (v === undefined) return `findmnt: option '${name}' requires an argument\n${TRY}`;
        const err = set(key, v);
        if (err) return err;
      } else if (LONG_FLAG[arg]) flag(LONG_FLAG[arg] as string);
      else return `findmnt: unrecognized option '${arg}'\n${TRY}`;
    } else if (arg.startsWith("-") && arg.length > 1) {
      for (let k = 1; k < arg.length; k++) {
        const c = arg[k] as string;
        const key = SHORT_VALUE[c];
        if (key) {
          const v = k + 1 < arg.length ? arg.slice(k + 1) : args[++i];
          if (v === undefined) return `findmnt: option requires an argument -- '${c}'\n${TRY}`;
          const err = set(key, v);
          if (err) return err;
          break;
        }
        if (!(c in SHORT_FLAG)) return `findmnt: invalid option -- '${c}'\n${TRY}`;
        flag(c);
      }
    } else o.positional.push(arg);
  }
  if (o.positional.length > 2) return `findmnt: bad usage\n${TRY}`;
  return o;
}

/** libmount's SOURCE: the real root device for /dev/root, then the fs root in brackets. */
function sourceOf(m: Mount, fsroot: boolean): string {
  const spec = m.source === "/dev/root" && m.device ? `/dev/${m.device}` : m.source;
  return fsroot && m.root && m.root !== "/" ? `${spec}[${m.root}]` : spec;
}

function cell(m: Mount, column: string, o: Options): string {
  const s = m.stats?.();
  switch (column) {
    case "SOURCE":
      return sourceOf(m, o.fsroot);
    case "TARGET":
      return m.target;
    case "FSTYPE":
      return m.fstype;
    case "OPTIONS":
      return m.options;
    case "FSROOT":
      return m.root ?? "/";
    case "SIZE":
      return humanSize((s?.sizeK ?? 0) * 1024);
    case "USED":
      return humanSize((s?.usedK ?? 0) * 1024);
    case "AVAIL":
      return humanSize((s?.availK ?? 0) * 1024);
    default:
      // USE%: used blocks over all blocks, rounded (get_vfs_attr).
      return s?.sizeK ? `${Math.round(((s.usedK ?? 0) * 100) / s.sizeK)}%` : "-";
  }
}

export const findmnt: Command = (args, io, world) => {
  const o = parse(args);
  if (typeof o === "string") return fail(o);
  const [first, second] = o.positional;
  const mounts = world.mounts.all();
  const abs = (p: string) => normalizePath(p.startsWith("/") ? p : `${io.cwd}/${p}`);
  // A lone argument is tried as a source, then (nothing matched) as a mount point.
  const sourceWanted = o.source ?? first;
  const targetWanted = o.target ?? second;
  const matchesSource = (m: Mount, want: string) => sourceOf(m, false) === want || m.source === want;
  let containing: Mount | undefined;
  if (o.containing !== undefined) {
    // The path's elements are tried from the end until one is a mount point (mnt_get_mountpoint).
    containing = mountOf(mounts, world.fs.resolve(abs(o.containing)));
  }
  const typeOk = (m: Mount) => {
    if (!o.types) return true;
    const negated = o.types.every((t) => t.startsWith("no"));
    return negated ? !o.types.some((t) => t.slice(2) === m.fstype) : o.types.includes(m.fstype);
  };
  const pick = (swap: boolean) =>
    mounts.filter((m) => {
      if (!typeOk(m)) return false;
      if (containing) return m === containing;
      const src = swap ? undefined : sourceWanted;
      const tgt = swap ? sourceWanted : targetWanted;
      if (src !== undefined && !matchesSource(m, src)) return false;
      if (tgt !== undefined && m.target !== abs(tgt)) return false;
      return true;
    });
  let selected = pick(false);
  if (!selected.length && first !== undefined && o.source === undefined && second === undefined) selected = pick(true);
  if (o.first) selected = selected.slice(0, 1);
  if (!selected.length) return fail("", 1);
  const tree = !o.list && sourceWanted === undefined && targetWanted === undefined && !containing && !o.first;
  const columns = o.columns.map((c) => COLUMNS[c] as ScolsColumn);
  const treeAt = o.columns.indexOf("TARGET");
  const rowOf = (m: Mount, prefix: string) => o.columns.map((c, i) => (i === treeAt ? prefix : "") + cell(m, c, o));
  if (!tree) {
    return {
      stdout: scolsTable(
        columns,
        selected.map((m) => rowOf(m, "")),
        o.headings,
      ),
      stderr: "",
      exitCode: 0,
    };
  }
  // Each printed mount hangs under its nearest printed ancestor.
  const parents = mountParents(mounts);
  const shown = new Set(selected);
  const shownParent = (m: Mount): Mount | undefined => {
    let p = parents[mounts.indexOf(m)];
    while (p !== undefined && !shown.has(mounts[p] as Mount)) p = parents[p];
    return p === undefined ? undefined : mounts[p];
  };
  const kids = new Map<Mount | undefined, Mount[]>();
  for (const m of selected) {
    const p = shownParent(m);
    kids.set(p, [...(kids.get(p) ?? []), m]);
  }
  const rows = treePrefixes(kids.get(undefined) ?? [], (m) => kids.get(m) ?? []).map(({ node, prefix }) =>
    rowOf(node, prefix),
  );
  return { stdout: scolsTable(columns, rows, o.headings), stderr: "", exitCode: 0 };
};
