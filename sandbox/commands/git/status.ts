/**
 * `git status [-s]` in git 2.34's words (wt-status.c): the branch, staged changes, unstaged
 * changes, untracked files (a directory holding only untracked files shows as `dir/`), and
 * the advice line that fits.
 */
import type { ExecResult } from "../types";
import { type FileState, fileStates } from "./file-states";
import { currentBranch, display, headOid, type Repo } from "./repo";

const LABEL = { added: "new file:   ", modified: "modified:   ", deleted: "deleted:    " } as const;

type Change = keyof typeof LABEL;

export interface Summary {
  staged: [Change, string][];
  unstaged: [Change, string][];
  untracked: string[];
}

const differs = (a?: { oid: string; mode: string }, b?: { oid: string; mode: string }) =>
  a?.oid !== b?.oid || a?.mode !== b?.mode;

function change(from?: object, to?: object): Change {
  return !from ? "added" : !to ? "deleted" : "modified";
}

export function summarize(states: FileState[]): Summary {
  const summary: Summary = { staged: [], unstaged: [], untracked: [] };
  const tracked = states.filter((s) => s.head || s.stage).map((s) => s.path);
  for (const s of states) {
    if (!s.head && !s.stage) {
      summary.untracked.push(collapse(s.path, tracked));
      continue;
    }
    if (differs(s.head, s.stage)) summary.staged.push([change(s.head, s.stage), s.path]);
    if (s.stage && differs(s.stage, s.work)) summary.unstaged.push([change(s.stage, s.work), s.path]);
  }
  summary.untracked = [...new Set(summary.untracked)];
  return summary;
}

/** The highest directory of an untracked file that holds nothing tracked, as `dir/`. */
function collapse(path: string, tracked: string[]): string {
  const parts = path.split("/");
  for (let i = 1; i < parts.length; i++) {
    const dir = `${parts.slice(0, i).join("/")}/`;
    if (!tracked.some((t) => t.startsWith(dir))) return dir;
  }
  return path;
}

export async function status(repo: Repo, args: string[]): Promise<ExecResult> {
  const short = args.some((a) => a === "-s" || a === "--short");
  const summary = summarize(await fileStates(repo));
  const show = (path: string) =>
    display(repo, path) + (path.endsWith("/") && !display(repo, path).endsWith("/") ? "/" : "");
  if (short) {
    const code = { added: "A", modified: "M", deleted: "D" };
    const rows = new Map<string, [string, string]>();
    for (const [c, p] of summary.staged) rows.set(p, [code[c], " "]);
    for (const [c, p] of summary.unstaged) rows.set(p, [rows.get(p)?.[0] ?? " ", code[c]]);
    const lines = [...rows].sort(([a], [b]) => (a < b ? -1 : 1)).map(([p, [x, y]]) => `${x}${y} ${show(p)}`);
    for (const p of summary.untracked) lines.push(`?? ${show(p)}`);
    return { stdout: lines.map((l) => `${l}\n`).join(""), stderr: "", exitCode: 0 };
  }
  const born = (await headOid(repo)) !== undefined;
  let out = `On branch ${await currentBranch(repo)}\n`;
  if (!born) out += "\nNo commits yet\n\n";
  if (summary.staged.length) {
    out += "Changes to be committed:\n";
    out += born
      ? '  (use "git restore --staged <file>..." to unstage)\n'
      : '  (use "git rm --cached <file>..." to unstage)\n';
    for (const [c, p] of summary.staged) out += `\t${LABEL[c]}${show(p)}\n`;
    out += "\n";
  }
  if (summary.unstaged.length) {
    out += "Changes not staged for commit:\n";
    out += summary.unstaged.some(([c]) => c === "deleted")
      ? '  (use "git add/rm <file>..." to update what will be committed)\n'
      : '  (use "git add <file>..." to update what will be committed)\n';
    out += '  (use "git restore <file>..." to discard changes in working directory)\n';
    for (const [c, p] of summary.unstaged) out += `\t${LABEL[c]}${show(p)}\n`;
    out += "\n";
  }
  if (summary.untracked.length) {
    out += 'Untracked files:\n  (use "git add <file>..." to include in what will be committed)\n';
    for (const p of summary.untracked) out += `\t${show(p)}\n`;
    out += "\n";
  }
  if (!summary.staged.length) {
    if (summary.unstaged.length) out += 'no changes added to commit (use "git add" and/or "git commit -a")\n';
    else if (summary.untracked.length)
      out += 'nothing added to commit but untracked files present (use "git add" to track)\n';
    else if (!born) out += 'nothing to commit (create/copy files and use "git add" to track)\n';
    else out += "nothing to commit, working tree clean\n";
  }
  return { stdout: out, stderr: "", exitCode: 0 };
}
