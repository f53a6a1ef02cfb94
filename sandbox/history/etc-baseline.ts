/**
 * What boot remembers of /etc for etckeeper's repository (etckeeper.ts writes it on first use):
 * references to the files, no copies, so booting stays cheap.
 */
import type { NodeFs } from "../node/fs";
import { type TrackedFile, trackedFiles } from "./tracked";

export interface EtcBaseline {
  files: Map<string, TrackedFile>;
  /** When boot finished, ms since the epoch: the commit's date. */
  at: number;
  hostname: string;
}

/** Remember /etc as it is now (end of boot). */
export function etcBaseline(fs: NodeFs, at: number, hostname: string): EtcBaseline {
  const files = new Map<string, TrackedFile>();
  for (const [path, file] of trackedFiles(fs)) if (path.startsWith("etc/")) files.set(path.slice(4), file);
  return { files, at, hostname };
}
