/**
 * `pstree` as psmisc 23.4 draws it (pstree.c dump_tree): children sorted by name, `───` for an
 * only child, `─┬─`/`├─`/`└─` for several, identical sibling subtrees merged as `N*[...]`,
 * a process's threads as `{name}` (merged `N*[{name}]`) after its children. `-p` adds PIDs and
 * turns merging off; threads are then left out here (the model has no thread IDs). The tree
 * is the node's process table under systemd, plus the learner's login chain.
 */
import { procEntries } from "../../procfs";
import { LOGIN_CHAIN } from "../ps/processes";
import { type Command, fail, ok } from "../types";

interface TreeNode {
  label: string;
  pid: number;
  children: TreeNode[];
  /** Identical siblings merged into this one: drawn as `N*[subtree]`. */
  count?: number;
}

const width = (s: string) => [...s].length;

function render(node: TreeNode): string[] {
  if ((node.count ?? 1) > 1) {
    const open = `${node.count}*[`;
    const lines = render({ ...node, count: 1 });
    const indent = " ".repeat(width(open));
    return lines.map((l, i) => (i === 0 ? open : indent) + l + (i === lines.length - 1 ? "]" : ""));
  }
  const kids = node.children;
  if (kids.length === 0) return [node.label];
  const pad = " ".repeat(width(node.label));
  if (kids.length === 1) {
    const sub = render(kids[0] as TreeNode);
    return [`${node.label}───${sub[0]}`, ...sub.slice(1).map((l) => `${pad}   ${l}`)];
  }
  const out: string[] = [];
  kids.forEach((child, i) => {
    const sub = render(child);
    const last = i === kids.length - 1;
    const first = i === 0 ? `${node.label}─┬─` : last ? `${pad} └─` : `${pad} ├─`;
    const cont = last ? `${pad}   ` : `${pad} │ `;
    out.push(first + sub[0], ...sub.slice(1).map((l) => cont + l));
  });
  return out;
}

/** Merge runs of identical siblings into `N*[subtree]`, as pstree does without -p. */
function merge(children: TreeNode[]): TreeNode[] {
  const out: TreeNode[] = [];
  let lastKey = "";
  for (const child of children) {
    child.children = merge(child.children);
    const key = render(child).join("\n");
    const prev = out[out.length - 1];
    if (prev && key === lastKey) prev.count = (prev.count ?? 1) + 1;
    else out.push(child);
    lastKey = key;
  }
  return out;
}

export const pstree: Command = (args, _io, world) => {
  let showPids = false;
  for (const arg of args) {
    if (arg === "-p" || arg === "--show-pids") showPids = true;
    else if (/^-[a-zA-Z]/.test(arg)) {
      const c = arg[1] === "-" ? arg : arg.slice(1, 2);
      if (c !== "p")
        return fail(
          `pstree: invalid option -- '${c}'\nUsage: pstree [-acglpsStTuZ] [ -h | -H PID ] [ -n | -N type ]\n              [ -A | -G | -U ] [ PID | USER ]\n`,
        );
    }
  }
  const entries = procEntries(world);
  const ownPid = world.procs.allocatePid();
  const byPid = new Map<number, TreeNode>();
  const label = (comm: string, pid: number) => (showPids ? `${comm}(${pid})` : comm);
  for (const p of entries) byPid.set(p.pid, { label: label(p.comm, p.pid), pid: p.pid, children: [] });
  // The login chain below ssh.service's listener (688), which the process table does not
  // hold: the session's sshd → azureuser's bash → sudo → root's bash.
  let parent = byPid.get(688) ?? (byPid.get(1) as TreeNode);
  for (const { comm, pid } of LOGIN_CHAIN) {
    const n: TreeNode = { label: label(comm, pid), pid, children: [] };
    parent.children.push(n);
    parent = n;
  }
  const shell = byPid.get(4121);
  if (shell) {
    parent.children.push(shell);
    shell.children.push({ label: label("pstree", ownPid), pid: ownPid, children: [] });
  }
  for (const p of entries) {
    if (p.pid === 1 || p.pid === 4121) continue;
    (byPid.get(p.ppid) ?? (byPid.get(1) as TreeNode)).children.push(byPid.get(p.pid) as TreeNode);
  }
  const sortTree = (n: TreeNode) => {
    n.children.sort((a, b) => a.label.localeCompare(b.label, "en") || a.pid - b.pid);
    n.children.forEach(sortTree);
  };
  const root = byPid.get(1) as TreeNode;
  sortTree(root);
  if (!showPids) {
    const threads = new Map(entries.map((p) => [p.pid, p]));
    const addThreads = (n: TreeNode) => {
      n.children.forEach(addThreads);
      const p = threads.get(n.pid);
      if (p && p.threads > 1) {
        const t = p.threads - 1;
        n.children.push({ label: t === 1 ? `{${p.comm}}` : `${t}*[{${p.comm}}]`, pid: 0, children: [] });
      }
    };
    addThreads(root);
    root.children = merge(root.children);
  }
  return ok(`${render(root).join("\n")}\n`);
};
