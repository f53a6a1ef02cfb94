/**
 * What every git subcommand shares: the repository found from the working directory (as git's
 * setup.c discovers it: the nearest parent holding `.git`), isomorphic-git bound to it over the
 * node's filesystem, and the identity commits are made with (repository config, then
 * ~/.gitconfig, as git reads them).
 */
import git from "isomorphic-git";
import { gitFs } from "../../history/git-fs";
import { normalizePath } from "../../node/fs";
import type { World } from "../../world";

export { git };

export interface Repo {
  fs: ReturnType<typeof gitFs>;
  /** The work tree's top directory. */
  dir: string;
  gitdir: string;
  /** Where the command runs (after `-C`), for paths relative to it. */
  cwd: string;
  world: World;
}

export const NOT_A_REPO = "fatal: not a git repository (or any of the parent directories): .git\n";

export function findRepo(world: World, cwd: string): Repo | undefined {
  for (let dir = cwd; ; dir = normalizePath(`${dir}/..`)) {
    if (world.fs.isDirectorySync(`${dir === "/" ? "" : dir}/.git`)) {
      return { fs: gitFs(world.fs), dir, gitdir: `${dir === "/" ? "" : dir}/.git`, cwd, world };
    }
    if (dir === "/") return undefined;
  }
}

/** A repo-relative path as git prints it for someone standing in `cwd`. */
export function display(repo: Repo, path: string): string {
  const abs = normalizePath(`${repo.dir}/${path}`);
  const from = repo.cwd.split("/").filter(Boolean);
  const to = abs.split("/").filter(Boolean);
  let common = 0;
  while (common < from.length && common < to.length && from[common] === to[common]) common++;
  return [...Array(from.length - common).fill(".."), ...to.slice(common)].join("/") || ".";
}

/** A path the learner typed, as a path inside the repository (undefined when outside it). */
export function inRepo(repo: Repo, arg: string): string | undefined {
  const abs = normalizePath(arg.startsWith("/") ? arg : `${repo.cwd}/${arg}`);
  if (abs === repo.dir) return ".";
  const prefix = repo.dir === "/" ? "/" : `${repo.dir}/`;
  return abs.startsWith(prefix) ? abs.slice(prefix.length) : undefined;
}

/** `git config` values from the repository, then the global file, as `git config --get` reads them. */
export async function configValue(repo: Repo | undefined, key: string): Promise<string | undefined> {
  if (repo) {
    const local = await git.getConfig({ fs: repo.fs, dir: repo.dir, gitdir: repo.gitdir, path: key });
    if (local !== undefined) return String(local);
  }
  return globalConfig(repo?.world, key);
}

export function globalConfig(world: World | undefined, key: string): string | undefined {
  const text = world?.fs.tryReadFileSync("/root/.gitconfig");
  if (!text) return undefined;
  const [section, name] = [key.slice(0, key.lastIndexOf(".")), key.slice(key.lastIndexOf(".") + 1)];
  let current = "";
  let found: string | undefined;
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    const header = /^\[([^\]\s]+)(?:\s+"([^"]*)")?\]$/.exec(line);
    if (header) current = header[2] ? `${header[1]}.${header[2]}` : (header[1] ?? "");
    else if (current.toLowerCase() === section.toLowerCase()) {
      const kv = /^([A-Za-z][\w-]*)\s*=\s*(.*)$/.exec(line);
      if (kv && kv[1]?.toLowerCase() === name.toLowerCase()) found = kv[2];
    }
  }
  return found;
}

/** git's ident.c refusal when no identity is configured and the host has no domain name. */
export function identityUnknown(world: World): string {
  return `Author identity unknown

*** Please tell me who you are.

Run

  git config --global user.email "you@example.com"
  git config --global user.name "Your Name"

to set your account's default identity.
Omit --global to set the identity only in this repository.

fatal: unable to auto-detect email address (got 'root@${world.hostname}.(none)')
`;
}

export async function currentBranch(repo: Repo): Promise<string> {
  return (await git.currentBranch({ fs: repo.fs, dir: repo.dir, gitdir: repo.gitdir })) ?? "HEAD";
}

export async function headOid(repo: Repo): Promise<string | undefined> {
  return git.resolveRef({ fs: repo.fs, dir: repo.dir, gitdir: repo.gitdir, ref: "HEAD" }).catch(() => undefined);
}

/** git's default date format (`--date=default`): `Thu Oct 30 16:06:00 2025 +0000`. */
export function gitDate(seconds: number, offsetMinutes = 0): string {
  const d = new Date((seconds - offsetMinutes * 60) * 1000);
  const day = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"][d.getUTCDay()];
  const month = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][d.getUTCMonth()];
  const pad = (n: number) => String(n).padStart(2, "0");
  const tz = -offsetMinutes;
  const sign = tz < 0 ? "-" : "+";
  const abs = Math.abs(tz);
  return `${day} ${month} ${d.getUTCDate()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${d.getUTCFullYear()} ${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`;
}
