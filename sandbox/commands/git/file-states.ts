/**
 * Each path's blob in HEAD, in the index and in the work tree: what `git status` and
 * `git diff` compare. A walk over the three trees like isomorphic-git's statusMatrix, keeping
 * the ids and modes the diff headers print (`index 1a2b3c4..5d6e7f8 100644`).
 */
import { git, type Repo } from "./repo";

export interface Side {
  oid: string;
  /** `100644`, `100755` or `120000`. */
  mode: string;
}

export interface FileState {
  path: string;
  head?: Side;
  stage?: Side;
  work?: Side;
}

const modeOf = (mode: number) => (mode === 0o120000 ? "120000" : mode & 0o111 ? "100755" : "100644");

export async function fileStates(repo: Repo): Promise<FileState[]> {
  const hasHead = await git
    .resolveRef({ fs: repo.fs, dir: repo.dir, gitdir: repo.gitdir, ref: "HEAD" })
    .then(() => true)
    .catch(() => false);
  const trees = [git.TREE({ ref: "HEAD" }), git.STAGE(), git.WORKDIR()];
  const states = (await git.walk({
    fs: repo.fs,
    dir: repo.dir,
    gitdir: repo.gitdir,
    trees: hasHead ? trees : trees.slice(1),
    map: async (path, entries) => {
      const [head, stage, work] = hasHead ? entries : [null, ...entries];
      if (path === ".") return undefined;
      if (!head && !stage && work) {
        if (await git.isIgnored({ fs: repo.fs, dir: repo.dir, gitdir: repo.gitdir, filepath: path })) return null;
      }
      const side = async (e: typeof head): Promise<Side | undefined> => {
        if (!e || (await e.type()) !== "blob") return undefined;
        return { oid: (await e.oid()) as string, mode: modeOf((await e.mode()) as number) };
      };
      const state: FileState = { path, head: await side(head), stage: await side(stage), work: await side(work) };
      return state.head || state.stage || state.work ? state : undefined;
    },
  })) as FileState[];
  return states.filter(Boolean).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The blob's text (a symlink's target), or "" for a side that has no file. */
export async function blobText(repo: Repo, side: Side | undefined, workPath?: string): Promise<string> {
  if (!side) return "";
  if (workPath !== undefined) {
    const abs = `${repo.dir === "/" ? "" : repo.dir}/${workPath}`;
    return side.mode === "120000" ? repo.world.fs.readlink(abs) : repo.world.fs.readFileSync(abs);
  }
  const { blob } = await git.readBlob({ fs: repo.fs, dir: repo.dir, gitdir: repo.gitdir, oid: side.oid });
  return new TextDecoder().decode(blob);
}
