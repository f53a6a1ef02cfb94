/**
 * /etc as a git repository, as etckeeper keeps it: one commit holding /etc as the node had it
 * when it finished booting, then the learner's changes show in `git -C /etc status|diff`.
 * Building a repository costs tens of milliseconds, so boot only remembers /etc's files (no
 * copies: references) and the repository is written the first time git runs. etckeeper's own
 * files (`.etckeeper`, its `.gitignore`) are not modelled.
 */
import git from "isomorphic-git";
import type { NodeFs } from "../node/fs";
import type { EtcBaseline } from "./etc-baseline";
import { gitFs } from "./git-fs";
import { type FlatEntry, writeNestedTree } from "./git-tree";
import { sameFile, trackedFiles } from "./tracked";

/** Write /etc/.git from the baseline, with the index matching the commit (later edits show as changes). */
export async function materializeEtcRepo(fs: NodeFs, baseline: EtcBaseline): Promise<void> {
  if (fs.existsSync("/etc/.git")) return;
  const repo = { fs: gitFs(fs), dir: "/etc", gitdir: "/etc/.git" };
  await git.init({ ...repo, defaultBranch: "master" });
  const entries: FlatEntry[] = [];
  for (const [path, file] of baseline.files) {
    const blob = typeof file.data === "string" ? new TextEncoder().encode(file.data) : file.data;
    entries.push([path, file.mode, await git.writeBlob({ ...repo, blob })]);
  }
  const who = {
    name: "root",
    email: `root@${baseline.hostname}`,
    timestamp: Math.floor(baseline.at / 1000),
    timezoneOffset: 0,
  };
  const oid = await git.writeCommit({
    ...repo,
    commit: {
      message: "Initial commit\n",
      tree: await writeNestedTree(repo, entries),
      parent: [],
      author: who,
      committer: who,
    },
  });
  await git.writeRef({ ...repo, ref: "refs/heads/master", value: oid, force: true });
  // resetIndex reads a symlink's target file rather than the link, so symlinks (systemd's
  // .wants/ links) are added from the work tree instead when they are as they were at boot.
  const now = trackedFiles(fs);
  for (const [path, file] of baseline.files) {
    const current = now.get(`etc/${path}`);
    if (file.mode === "120000" && current && sameFile(current, file)) await git.add({ ...repo, filepath: path });
    else await git.resetIndex({ ...repo, filepath: path });
  }
}
