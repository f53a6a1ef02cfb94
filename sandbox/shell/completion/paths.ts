/**
 * Filename completion as readline's rl_filename_completion_function does it: the word's
 * directory part is kept as typed, its last part matches entries of that directory (hidden
 * ones too: match-hidden-files is on by default, only `.` and `..` are left out), and a
 * directory gets readline's mark-directories `/`.
 */
import type { NodeFs } from "../../node/fs";

export interface PathContext {
  fs: NodeFs;
  cwd: string;
  home: string;
}

function entries(fs: NodeFs, dir: string): string[] {
  try {
    return fs.isDirectorySync(dir) ? fs.readdirSync(dir) : [];
  } catch {
    return []; // unreadable: no matches, as opendir failing gives none
  }
}

/** Matches for `word` (as typed, `~/` allowed); `keep` filters by the entry's full path and kind. */
export function pathMatches(
  ctx: PathContext,
  word: string,
  keep: (path: string, directory: boolean) => boolean = () => true,
): string[] {
  const slash = word.lastIndexOf("/");
  const typedDir = slash >= 0 ? word.slice(0, slash + 1) : "";
  const base = word.slice(slash + 1);
  const expanded = typedDir === "~/" || typedDir.startsWith("~/") ? `${ctx.home}/${typedDir.slice(2)}` : typedDir;
  const dir = ctx.fs.resolvePath(ctx.cwd, expanded === "" ? "." : expanded);
  const out: string[] = [];
  for (const name of entries(ctx.fs, dir)) {
    if (!name.startsWith(base) || name === "." || name === "..") continue;
    const full = dir === "/" ? `/${name}` : `${dir}/${name}`;
    const directory = ctx.fs.isDirectorySync(full);
    if (keep(full, directory)) out.push(`${typedDir}${name}${directory ? "/" : ""}`);
  }
  return out;
}

/** Directories only (`cd`), as bash-completion's `_filedir -d`. */
export const directoryMatches = (ctx: PathContext, word: string) => pathMatches(ctx, word, (_, d) => d);
