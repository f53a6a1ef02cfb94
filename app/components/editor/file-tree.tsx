"use client";
/**
 * A small tree of the node's files a learner edits most (configs, units, AKS's scripts): a
 * directory opens on click, a file opens in the editor the way a learner would, with `vi`.
 */
import { useEffect, useState } from "react";
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
type List = (path: string) => Promise<Entry[]>;

function Directory({ entry, list, open }: { entry: Entry; list: List; open(path: string): void }) {
  const [children, setChildren] = useState<Entry[] | null>(null);
  return (
    <li>
      <button
        type="button"
        className="tree-dir"
        aria-expanded={children !== null}
        onClick={() => {
          if (children) setChildren(null);
          else void list(entry.path).then(setChildren, () => setChildren([]));
        }}
      >
        {entry.name}/
      </button>
      {children ? <Entries entries={children} list={list} open={open} /> : null}
    </li>
  );
}

function Entries({ entries, list, open }: { entries: Entry[]; list: List; open(path: string): void }) {
  if (entries.length === 0) return <p className="tree-empty">(empty)</p>;
  return (
    <ul className="file-tree">
      {entries.map((e) =>
        e.directory ? (
          <Directory key={e.path} entry={e} list={list} open={open} />
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

export function FileTree({ list, open }: { list: List; open(path: string): void }) {
  const [roots, setRoots] = useState<Entry[]>([]);
  useEffect(() => {
    let live = true;
    void Promise.all(ROOTS.map(async (path) => ((await list(path)).length > 0 ? path : null))).then((found) => {
      if (live)
        setRoots(found.filter((p): p is string => p !== null).map((path) => ({ name: path, path, directory: true })));
    });
    return () => {
      live = false;
    };
  }, [list]);
  return (
    <nav className="file-tree-pane" aria-label="Node files">
      <Entries entries={roots} list={list} open={open} />
    </nav>
  );
}
