/**
 * Which of the node's files the history versions: everything a learner can edit, not what the
 * node regenerates by itself as it runs. /proc and /sys are generated on read; /run and /dev
 * are tmpfs; container logs, containerd's state and the kubelet's per-pod directories are
 * written by the node every few seconds (undoing a command restores them anyway, by replay);
 * `.git` directories are other repositories (etckeeper's /etc/.git).
 */
import type { FileData, NodeFs } from "../node/fs";

const UNTRACKED = [
  "/proc",
  "/sys",
  "/dev",
  "/run",
  "/var/run",
  "/var/log",
  "/var/lib/containerd",
  "/var/lib/kubelet/pods",
];

const UNTRACKED_BELOW = UNTRACKED.map((root) => `${root}/`);

export function isTracked(path: string): boolean {
  if (path.includes("/.git/") || path.endsWith("/.git")) return false;
  for (let i = 0; i < UNTRACKED.length; i++)
    if (path === UNTRACKED[i] || path.startsWith(UNTRACKED_BELOW[i] as string)) return false;
  return true;
}

export interface TrackedFile {
  /** git's mode: 100644, 100755 or 120000 (a symlink, whose target is its data). */
  mode: "100644" | "100755" | "120000";
  data: FileData;
}

/** The node's tracked files now, keyed by path without the leading slash (as git stores them). */
export function trackedFiles(fs: NodeFs): Map<string, TrackedFile> {
  const files = new Map<string, TrackedFile>();
  fs.forEachStored((path, entry) => {
    if (!isTracked(path)) return;
    const mode = entry.type === "symlink" ? "120000" : entry.mode & 0o111 ? "100755" : "100644";
    files.set(path.slice(1), { mode, data: entry.data });
  });
  return files;
}

const decoder = new TextDecoder();
export const asText = (data: FileData): string => (typeof data === "string" ? data : decoder.decode(data));

export function sameFile(a: TrackedFile | undefined, b: TrackedFile | undefined): boolean {
  if (!a || !b) return a === b;
  if (a.mode !== b.mode) return false;
  if (a.data === b.data) return true;
  return asText(a.data) === asText(b.data);
}
