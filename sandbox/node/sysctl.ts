/**
 * The kernel's tunables: what /proc/sys reads and writes and what `sysctl` drives. One store,
 * so `echo 0 > /proc/sys/net/ipv4/ip_forward` and `sysctl -w net.ipv4.ip_forward=0` are the
 * same write, and the packet path asks `forwarding(iface)` before it routes a packet that
 * arrived on one interface out of another (net/ipv4/route.c: with forwarding off on the
 * incoming device, ip_route_input_slow gives the packet no route and ip_error drops it).
 *
 * Forwarding follows net/ipv4/devinet.c: net.ipv4.ip_forward is conf.all.forwarding, and
 * writing it (or conf.all.forwarding) sets `default` and every interface too
 * (inet_forward_change); writing one interface's value changes only that interface.
 */
import type { GeneratedTree, NodeFs } from "./fs";
import { GLOBAL_KEYS, INTERFACE_KEYS, type SysctlKind, sysctlName, sysctlPath } from "./sysctl-keys";

export type SysctlError = "ENOENT" | "EINVAL" | "EACCES";

const CONF = "net/ipv4/conf/";
const IP_FORWARD = "net/ipv4/ip_forward";
const ALL_FORWARDING = `${CONF}all/forwarding`;

const globalKinds = new Map(GLOBAL_KEYS.map(([name, , kind]) => [name.replace(/\./g, "/"), kind]));
const interfaceKinds = new Map(INTERFACE_KEYS.map(([key, , kind]) => [key, kind]));

/** The kernel's integer parser (proc_dointvec): optional sign and digits, whitespace around. */
function parseInts(text: string): number[] | undefined {
  const words = text.trim().split(/\s+/).filter(Boolean);
  if (!words.length || words.some((w) => !/^[+-]?\d+$/.test(w))) return undefined;
  return words.map(Number);
}

/** What the kernel stores for a write to a key of `kind`, or why it refuses it. */
function normalise(kind: SysctlKind, text: string, old: string): string | SysctlError {
  switch (kind.type) {
    case "ro":
      return "EACCES";
    case "string":
      return text.replace(/\n$/, "");
    case "int": {
      const v = parseInts(text);
      const n = v?.length === 1 ? (v[0] as number) : undefined;
      if (n === undefined) return "EINVAL";
      if ((kind.min !== undefined && n < kind.min) || (kind.max !== undefined && n > kind.max)) return "EINVAL";
      return String(n);
    }
    case "ints": {
      const v = parseInts(text);
      if (!v || v.length > kind.count) return "EINVAL";
      // Fewer values than the vector holds change only the first ones.
      const rest = old.split("\t").slice(v.length);
      return [...v.map(String), ...rest].join("\t");
    }
  }
}

export class Sysctl {
  private readonly values = new Map<string, string>();
  /** Bumped on every change, for the state fingerprint (undo) and cached readers. */
  generation = 0;

  /**
   * @param interfaces the host's network interfaces now (each has its own net.ipv4.conf.<if>)
   * @param live values the kernel computes on read (kernel.hostname, nf_conntrack_count, ...)
   */
  constructor(
    private readonly interfaces: () => string[],
    private readonly live: Record<string, () => string> = {},
  ) {
    for (const [name, value] of GLOBAL_KEYS) this.values.set(name.replace(/\./g, "/"), value);
    for (const [key, value] of INTERFACE_KEYS) {
      this.values.set(`${CONF}all/${key}`, value);
      this.values.set(`${CONF}default/${key}`, value);
    }
    this.values.delete(IP_FORWARD);
  }

  /** The conf directories: all, default and each interface, in the kernel's (name) order. */
  private confDirs(): string[] {
    return ["all", "default", ...this.interfaces()];
  }

  private kindOf(path: string): SysctlKind | undefined {
    if (path === IP_FORWARD) return { type: "int" };
    if (this.live[path]) return { type: "ro" };
    if (path.startsWith(CONF)) {
      const [dir, key, more] = path.slice(CONF.length).split("/");
      if (more !== undefined || !dir || !key || !this.confDirs().includes(dir)) return undefined;
      return interfaceKinds.get(key);
    }
    return globalKinds.get(path);
  }

  /** Every key's path under /proc/sys, sorted as the kernel lists each directory. */
  paths(): string[] {
    const paths = [...globalKinds.keys(), ...Object.keys(this.live)];
    for (const dir of this.confDirs()) for (const key of interfaceKinds.keys()) paths.push(`${CONF}${dir}/${key}`);
    return paths.sort((a, b) => {
      const x = a.split("/");
      const y = b.split("/");
      for (let i = 0; i < Math.min(x.length, y.length); i++) {
        if (x[i] !== y[i]) return (x[i] as string) < (y[i] as string) ? -1 : 1;
      }
      return x.length - y.length;
    });
  }

  /** The value as the file reads, without its newline; undefined when there is no such key. */
  get(path: string): string | undefined {
    const clean = path.replace(/\/+$/, "");
    const live = this.live[clean];
    if (live) return live();
    if (!this.kindOf(clean)) return undefined;
    const stored = this.values.get(clean === IP_FORWARD ? ALL_FORWARDING : clean);
    if (stored !== undefined) return stored;
    // An interface without its own value yet copied `default`'s when it appeared.
    const key = clean.split("/").pop() as string;
    return this.values.get(`${CONF}default/${key}`);
  }

  /** The names under a directory ("" is /proc/sys), or undefined when `dir` is not one. */
  list(dir: string): string[] | undefined {
    const prefix = dir === "" ? "" : `${dir.replace(/\/+$/, "")}/`;
    const names = new Set<string>();
    for (const p of this.paths()) if (p.startsWith(prefix)) names.add(p.slice(prefix.length).split("/")[0] as string);
    return names.size ? [...names] : undefined;
  }

  writable(path: string): boolean {
    const kind = this.kindOf(path);
    return kind !== undefined && kind.type !== "ro";
  }

  /** write(2) of `text` to /proc/sys/<path>: stores the kernel's parse of it or says why not. */
  set(path: string, text: string): SysctlError | undefined {
    const kind = this.kindOf(path);
    if (!kind) return "ENOENT";
    // A write of nothing (the shell's O_TRUNC open before `>` writes) changes nothing.
    if (text === "") return undefined;
    const value = normalise(kind, text, this.get(path) ?? "");
    if (value === "EINVAL" || value === "EACCES" || value === "ENOENT") return value;
    if (path === IP_FORWARD || path === ALL_FORWARDING) {
      for (const dir of this.confDirs()) this.values.set(`${CONF}${dir}/forwarding`, value);
    } else {
      this.values.set(path, value);
    }
    this.generation++;
    return undefined;
  }

  /** IPv4 forwarding on the interface a packet came in on (IN_DEV_FORWARD). */
  forwarding(iface: string): boolean {
    return (this.get(`${CONF}${iface}/forwarding`) ?? this.get(ALL_FORWARDING)) !== "0";
  }

  /** /proc/sys as a generated tree: directories and files from the keys, writes into the store. */
  tree(): GeneratedTree {
    return {
      list: (rel) => this.list(rel),
      read: (rel) => {
        const value = this.get(rel);
        return value === undefined || this.list(rel) ? undefined : `${value}\n`;
      },
      write: (rel, text) => this.set(rel, text),
      mode: (rel) => (this.writable(rel) ? 0o644 : 0o444),
    };
  }
}

/** One assignment in a sysctl.d file: the key as written, its value, and `-` (ignore failures). */
export interface SysctlAssignment {
  name: string;
  value: string;
  ignoreFailure: boolean;
  line: number;
}

/**
 * A sysctl.d / sysctl.conf file as procps 3.3.17 Preload reads it: blank lines and `#`/`;`
 * comments skipped, `name = value` split at the first `=`, spaces trimmed, a leading `-`
 * means a failure to set it is ignored. A line without `=value` is a syntax error.
 */
export function parseSysctlConf(text: string): (SysctlAssignment | { syntaxError: number })[] {
  const out: (SysctlAssignment | { syntaxError: number })[] = [];
  text.split("\n").forEach((raw, i) => {
    const t = raw.trim();
    if (t.length < 2 || t.startsWith("#") || t.startsWith(";")) return;
    const eq = t.indexOf("=");
    const value = eq < 0 ? "" : t.slice(eq + 1).trim();
    let name = (eq < 0 ? t : t.slice(0, eq)).trim();
    if (!name || !value) {
      out.push({ syntaxError: i + 1 });
      return;
    }
    const ignoreFailure = name.startsWith("-");
    if (ignoreFailure) name = name.slice(1);
    out.push({ name, value, ignoreFailure, line: i + 1 });
  });
  return out;
}

/** What became of one assignment: the name as sysctl prints it and the value, or the errno. */
export type SysctlOutcome = { name: string; value: string; error?: SysctlError };

/** Set `name` (dotted or slashed) to `value` as sysctl's WriteSetting does (it writes "value\n"). */
export function writeSetting(sysctl: Sysctl, name: string, value: string): SysctlOutcome {
  const error = sysctl.set(sysctlPath(name), `${value}\n`);
  return { name: sysctlName(name), value, error };
}

/**
 * The files `sysctl --system` reads (procps 3.3.17 PreloadSystem): *.conf in these
 * directories, a name found in an earlier directory hiding the same name in later ones, all
 * sorted by file name; /etc/sysctl.conf comes last, on its own, when it exists.
 */
export const SYSCTL_DIRS = [
  "/etc/sysctl.d",
  "/run/sysctl.d",
  "/usr/local/lib/sysctl.d",
  "/usr/lib/sysctl.d",
  "/lib/sysctl.d",
];

export function systemConfFiles(fs: NodeFs): string[] {
  const byName = new Map<string, string>();
  for (const dir of SYSCTL_DIRS) {
    if (!fs.isDirectorySync(dir)) continue;
    for (const name of fs.readdirSync(dir)) {
      if (name.endsWith(".conf") && !byName.has(name)) byName.set(name, `${dir}/${name}`);
    }
  }
  return [...byName.keys()].sort().map((name) => byName.get(name) as string);
}

/**
 * systemd-sysctl.service at boot: every sysctl.d file applied in order, quietly (its warnings
 * go to the journal on a real node; none of this node's files fail).
 */
export function applySysctlFiles(sysctl: Sysctl, fs: NodeFs): void {
  for (const file of systemConfFiles(fs)) {
    for (const a of parseSysctlConf(fs.tryReadFileSync(file) ?? "")) {
      if ("name" in a) writeSetting(sysctl, a.name, a.value);
    }
  }
}

export { sysctlName };
