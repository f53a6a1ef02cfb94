/**
 * The `fs` isomorphic-git expects (Node's `fs.promises` shape: readFile, writeFile, unlink,
 * readdir, mkdir, rmdir, stat, lstat, readlink, symlink, chmod, with Node's error codes) over
 * a NodeFs: the node's own filesystem for `git` in the terminal, or a private one that holds
 * the sandbox's history where the learner cannot reach it.
 */
import type { NodeFs, NodeStat } from "../node/fs";
import { Buffer } from "./buffer";

const fsError = (code: string, op: string, path: string) =>
  Object.assign(new Error(`${code}: ${op} '${path}'`), { code });

function fnv(bytes: ArrayLike<number>): number {
  let h = 2166136261;
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ (bytes[i] as number), 16777619) >>> 0;
  return h;
}

/** A stable inode number per path, so git's index sees unchanged files as unchanged. */
const inodeOf = (path: string) => fnv(new TextEncoder().encode(path));

/**
 * The node's clock stands still while a command runs, so two writes in one command share an
 * mtime and the same size may hide a change. Real git rechecks such "racy" index entries by
 * content; here the content's hash stands in for the change time, so git's stat check (which
 * compares ctime) notices every change.
 */
function gitStat(path: string, s: NodeStat, bytes?: Uint8Array) {
  const ms = s.mtime.getTime();
  return {
    ctimeMs: bytes ? fnv(bytes) : ms,
    type: s.isDirectory ? "dir" : s.isSymbolicLink ? "symlink" : "file",
    mode: s.mode,
    size: s.size,
    ino: inodeOf(path),
    dev: 2049,
    uid: 0,
    gid: 0,
    mtimeMs: ms,
    isFile: () => s.isFile,
    isDirectory: () => s.isDirectory,
    isSymbolicLink: () => s.isSymbolicLink,
  };
}

export type GitFs = ReturnType<typeof gitFs>;

export function gitFs(fs: NodeFs) {
  const promises = {
    async readFile(path: string, options?: { encoding?: string } | string) {
      const encoding = typeof options === "string" ? options : options?.encoding;
      const bytes = await fs.readFileBuffer(path);
      return encoding === "utf8" ? new TextDecoder().decode(bytes) : Buffer.from(bytes);
    },
    async writeFile(path: string, data: string | Uint8Array, options?: { mode?: number } | string) {
      const mode = typeof options === "object" ? options.mode : undefined;
      fs.writeFileSync(path, typeof data === "string" ? data : new Uint8Array(data), mode);
    },
    async unlink(path: string) {
      const s = fs.statSync(path, false);
      if (s.isDirectory) throw fsError("EISDIR", "unlink", path);
      fs.rmSync(path);
    },
    async readdir(path: string) {
      if (!fs.existsSync(path)) throw fsError("ENOENT", "scandir", path);
      if (!fs.isDirectorySync(path)) throw fsError("ENOTDIR", "scandir", path);
      return fs.readdirSync(path);
    },
    async mkdir(path: string) {
      await fs.mkdir(path);
    },
    async rmdir(path: string) {
      if (!fs.isDirectorySync(path)) throw fsError("ENOTDIR", "rmdir", path);
      if (fs.readdirSync(path).length > 0) throw fsError("ENOTEMPTY", "rmdir", path);
      fs.rmSync(path);
    },
    async stat(path: string) {
      const s = fs.statSync(path);
      return gitStat(path, s, s.isFile ? await fs.readFileBuffer(path) : undefined);
    },
    async lstat(path: string) {
      const s = fs.statSync(path, false);
      return gitStat(path, s, s.isFile ? await fs.readFileBuffer(path) : undefined);
    },
    async readlink(path: string) {
      return fs.readlink(path);
    },
    async symlink(target: string, path: string) {
      fs.symlinkSync(target, path);
    },
    async chmod(path: string, mode: number) {
      fs.chmodSync(path, mode);
    },
  };
  return { promises };
}
