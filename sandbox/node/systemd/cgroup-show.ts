/**
 * systemd 249's cgroup tree printer (src/shared/cgroup-show.c show_cgroup_by_path), used by
 * systemd-cgls: in a group, its processes first (sorted by PID, right-aligned to the widest,
 * with their command lines), then each non-empty child group in readdir order (kernfs hash
 * order, node/kernfs-hash.ts), named with a trailing space, or ` …` when the group is
 * delegated (the trusted.delegate xattr: Delegate=yes units such as containerd.service, and
 * the scopes runc makes for containers), and drawn with ├─ │ └─ as the tree goes down.
 */
import { kernfsOrder } from "../kernfs-hash";

export interface CgroupMember {
  pid: number;
  cmdline: string;
  /** Its cgroup, e.g. `/system.slice/kubelet.service`. */
  cgroup: string;
}

interface Group {
  pids: CgroupMember[];
  children: Map<string, Group>;
}

function buildTree(members: CgroupMember[]): Group {
  const root: Group = { pids: [], children: new Map() };
  for (const m of members) {
    let g = root;
    for (const part of m.cgroup.split("/").filter(Boolean)) {
      let next = g.children.get(part);
      if (!next) {
        next = { pids: [], children: new Map() };
        g.children.set(part, next);
      }
      g = next;
    }
    g.pids.push(m);
  }
  return root;
}

/** The group at `path`, or undefined when no process lives at or below it. */
function groupAt(root: Group, path: string): Group | undefined {
  let g: Group | undefined = root;
  for (const part of path.split("/").filter(Boolean)) g = g?.children.get(part);
  return g;
}

export function hasCgroup(members: CgroupMember[], path: string): boolean {
  return groupAt(buildTree(members), path) !== undefined;
}

/** The lines show_cgroup prints for the group at `path` (its contents, not its own name). */
export function showCgroup(members: CgroupMember[], path: string, delegated: (path: string) => boolean): string[] {
  const lines: string[] = [];
  const walk = (g: Group, at: string, prefix: string) => {
    const names = kernfsOrder([...g.children.keys()]);
    const pids = [...g.pids].sort((a, b) => a.pid - b.pid);
    const width = Math.max(0, ...pids.map((p) => String(p.pid).length));
    pids.forEach((p, i) => {
      const more = i < pids.length - 1 || names.length > 0;
      lines.push(`${prefix}${more ? "├─" : "└─"}${String(p.pid).padStart(width)} ${p.cmdline}`);
    });
    names.forEach((name, i) => {
      const last = i === names.length - 1;
      const child = `${at === "/" ? "" : at}/${name}`;
      lines.push(`${prefix}${last ? "└─" : "├─"}${name} ${delegated(child) ? "…" : ""}`);
      walk(g.children.get(name) as Group, child, `${prefix}${last ? "  " : "│ "}`);
    });
  };
  const g = groupAt(buildTree(members), path);
  if (g) walk(g, path, "");
  return lines;
}
