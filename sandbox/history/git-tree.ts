/** Nested git tree objects from a flat list of files, for the commits the sandbox writes itself. */
import git from "isomorphic-git";
import type { GitFs } from "./git-fs";
import { writeTree } from "./loose-object";

/** `[path, mode, blob id]`, path relative to the tree's root. */
export type FlatEntry = [string, string, string];

/**
 * Write the trees for `entries` and return the root tree's id. `cache` (entries -> tree id)
 * lets a history that commits often rewrite only the directories that changed.
 */
export async function writeNestedTree(
  repo: { fs: GitFs; gitdir: string },
  entries: FlatEntry[],
  cache?: Map<string, string>,
): Promise<string> {
  const key = cache ? entries.map((e) => e.join(" ")).join("\n") : "";
  const known = cache?.get(key);
  if (known) return known;
  const children = new Map<string, FlatEntry[]>();
  const tree: { mode: string; path: string; oid: string; type: "blob" | "tree" }[] = [];
  for (const [path, mode, oid] of entries) {
    const slash = path.indexOf("/");
    if (slash < 0) {
      tree.push({ mode, path, oid, type: "blob" });
    } else {
      const dir = path.slice(0, slash);
      const list = children.get(dir) ?? [];
      list.push([path.slice(slash + 1), mode, oid]);
      children.set(dir, list);
    }
  }
  for (const [dir, list] of children) {
    tree.push({ mode: "040000", path: dir, oid: await writeNestedTree(repo, list, cache), type: "tree" });
  }
  const oid = await writeTree(repo, tree);
  cache?.set(key, oid);
  return oid;
}

/** Every blob in a commit's tree, by path, with its id and mode; subtrees named in `skip` are left out. */
export async function commitFiles(
  repo: { fs: GitFs; gitdir: string },
  commitOid: string,
  skip: readonly string[] = [],
): Promise<Map<string, { oid: string; mode: string }>> {
  const files = new Map<string, { oid: string; mode: string }>();
  const walk = async (treeOid: string, prefix: string): Promise<void> => {
    for (const entry of (await git.readTree({ fs: repo.fs, gitdir: repo.gitdir, oid: treeOid })).tree) {
      const path = prefix + entry.path;
      if (entry.type !== "tree") files.set(path, { oid: entry.oid, mode: entry.mode });
      else if (!skip.includes(path)) await walk(entry.oid, `${path}/`);
    }
  };
  const { commit } = await git.readCommit({ fs: repo.fs, gitdir: repo.gitdir, oid: commitOid });
  await walk(commit.tree, "");
  return files;
}
