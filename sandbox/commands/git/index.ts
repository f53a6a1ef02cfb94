/**
 * `git` on the node (git 2.34.1, Ubuntu 22.04's): global options here, the subcommands in
 * porcelain.ts, loaded on first use so isomorphic-git stays off the page's first load.
 */
import { normalizePath } from "../../node/fs";
import { type Command, fail, ok } from "../types";

const USAGE = `usage: git [--version] [--help] [-C <path>] [-c <name>=<value>]
           [--exec-path[=<path>]] [--html-path] [--man-path] [--info-path]
           [-p | --paginate | -P | --no-pager] [--no-replace-objects] [--bare]
           [--git-dir=<path>] [--work-tree=<path>] [--namespace=<name>]
           [--super-prefix=<path>] [--config-env=<name>=<envvar>]
           <command> [<args>]
`;

export const git: Command = async (args, io, world) => {
  let cwd = io.cwd;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i] as string;
    if (a === "-C") {
      const dir = args[++i];
      if (dir === undefined) return fail(`error: no directory given for -C\n\n${USAGE}`, 129);
      cwd = normalizePath(dir.startsWith("/") ? dir : `${cwd}/${dir}`);
      if (!world.fs.isDirectorySync(cwd))
        return fail(`fatal: cannot change to '${dir}': No such file or directory\n`, 128);
    } else if (a === "--no-pager" || a === "-P" || a === "--paginate" || a === "-p") {
      // No pager on this terminal: output is printed as it is.
    } else if (a === "--version" || a === "version") {
      return ok("git version 2.34.1\n");
    } else if (a.startsWith("-")) {
      return fail(`unknown option: ${a}\n${USAGE}`, 129);
    } else break;
  }
  const sub = args[i];
  if (sub === undefined || sub === "help" || sub === "--help") return ok(USAGE);
  const { runGit } = await import("./porcelain");
  return runGit(world, cwd, sub, args.slice(i + 1));
};
