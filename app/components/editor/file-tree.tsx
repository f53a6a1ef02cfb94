"use client";
/**
 * A small tree of the node's files a learner edits most (configs, units, AKS's scripts): a
 * directory opens on click, a file opens in the editor the way a learner would, with `vi`.
 */
import { useState } from "react";
import type { Sandbox } from "@/sandbox";

const ROOTS = [
  "/etc/containerd",
  "/etc/default",
  "/etc/systemd/system",
  "/etc/cni/net.d",
  "/opt/azure/containers",
  "/etc/kubernetes",
  "/root",
];

type Entry = ReturnType<Sandbox["listDirectory"]>[number];

function Directory({ entry, sandbox, open }: { entry: Entry; sandbox: Sandbox; open(path: string): void }) {
  const [children, setChildren] = useState<Entry[] | null>(null);
  return (
    <li>
      <button
        type="button"
        className="tree-dir"
        aria-expanded={children !== null}
        onClick={() => setChildren(children ? null : sandbox.listDirectory(entry.path))}
      >
        {entry.name}/
      </button>
      {children ? <Entries entries={children} sandbox={sandbox} open={open} /> : null}
    </li>
  );
}

function Entries({ entries, sandbox, open }: { entries: Entry[]; sandbox: Sandbox; open(path: string): void }) {
  if (entries.length === 0) return <p className="tree-empty">(empty)</p>;
  return (
    <ul className="file-tree">
      {entries.map((e) =>
        e.directory ? (
          <Directory key={e.path} entry={e} sandbox={sandbox} open={open} />
        ) : (
          <li key={e.path}>
            <button type="button" className="tree-file" onClick={() => open(e.path)} title={`vi ${e.path}`}>
              {e.name}
            </button>
          </li>
        ),
      )}
    </ul>
  );
}

export function FileTree({ sandbox, open }: { sandbox: Sandbox; open(path: string): void }) {
  const roots = ROOTS.filter((path) => sandbox.listDirectory(path).length > 0).map((path) => ({
    name: path,
    path,
    directory: true,
  }));
  return (
    <nav className="file-tree-pane" aria-label="Node files">
      <Entries entries={roots} sandbox={sandbox} open={open} />
    </nav>
  );
}
