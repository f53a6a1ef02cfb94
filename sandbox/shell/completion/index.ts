/**
 * Tab completion on the node: what bash (readline + bash-completion) would offer for the
 * word before the cursor. The first word of a command completes to commands; later words go
 * to the command's completion (systemctl, journalctl, kubectl, crictl, ip, iptables, cd)
 * and otherwise to file names, as bash-completion's default does. It only reads the node's
 * state, as grading does: nothing here runs a command or changes anything.
 */
import type { World } from "../../world";
import { commandMatches } from "./commands";
import { completeCrictl } from "./crictl";
import { completeIp } from "./ip";
import { completeIptables } from "./iptables";
import { completeJournalctl } from "./journalctl";
import { completeKubectl } from "./kubectl";
import { directoryMatches, type PathContext, pathMatches } from "./paths";
import { completeSystemctl } from "./systemctl";
import type { CommandCompletion } from "./types";
import { completionLine } from "./words";

export interface Completions {
  /** Where the text the matches replace starts (a code-point index); it ends at the cursor. */
  start: number;
  /** Sorted, without duplicates. */
  matches: string[];
  /** The matches are paths: listed by their last part; one ending in `/` takes no space. */
  filenames: boolean;
  /** A lone match takes no space after it (`compopt -o nospace`). */
  noSpace: boolean;
}

/** What completion needs of the shell: where it is and its variables. */
export interface ShellView {
  cwd: string;
  env: Record<string, string>;
}

const COMPLETIONS: Record<string, CommandCompletion> = {
  systemctl: completeSystemctl,
  journalctl: completeJournalctl,
  kubectl: completeKubectl,
  crictl: completeCrictl,
  ip: completeIp,
  iptables: completeIptables,
  "iptables-nft": completeIptables,
  cd: ({ cur, paths }) => ({ words: directoryMatches(paths, cur), filenames: true }),
};

/** readline sorts matches with strcoll; in C.UTF-8 that is code-point order. */
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function complete(world: World, shell: ShellView, line: string, point: number): Completions {
  const { words, start, commandPosition, afterRedirect } = completionLine(line, point);
  const cur = words[words.length - 1] ?? "";
  const paths: PathContext = { fs: world.fs, cwd: shell.cwd, home: shell.env.HOME || "/root" };
  const done = (found: Iterable<string>, filenames: boolean, noSpace = false): Completions => ({
    start,
    matches: [...new Set([...found].filter((m) => m.startsWith(cur)))].sort(byCodePoint),
    filenames,
    noSpace,
  });
  if (afterRedirect) return done(pathMatches(paths, cur), true);
  if (commandPosition) {
    const aliases = Object.keys(shell.env)
      .filter((k) => k.startsWith("BASH_ALIAS_"))
      .map((k) => k.slice("BASH_ALIAS_".length));
    return done(commandMatches({ ...paths, path: shell.env.PATH ?? "", aliases }, cur), cur.includes("/"));
  }
  const command = (words[0] ?? "").slice((words[0] ?? "").lastIndexOf("/") + 1);
  const reply = COMPLETIONS[command]?.({
    world,
    words,
    cur,
    prev: words[words.length - 2] ?? "",
    paths,
    env: shell.env,
  });
  if (!reply) return done(pathMatches(paths, cur), true);
  return done(reply.words, reply.filenames ?? false, reply.noSpace ?? false);
}
