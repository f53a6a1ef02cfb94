/**
 * `rm` is the interpreter's own, behind GNU coreutils' --preserve-root (its default since
 * 6.4): a recursive remove of `/` is refused with rm.c's two lines and status 1, and nothing
 * is removed (GNU skips only that operand; refusing the whole line is the safer reading here).
 * just-bash's rm has no such guard, and the fuzz test found `rm -rf /` deleting the root.
 */
import { normalizePath } from "../../node/fs";
import { type Command, fail } from "../types";

const PRESERVE_ROOT =
  "rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n";

export const rm: Command = async (args, io) => {
  if (!io.builtin) return fail("rm: unavailable\n", 1);
  let recursive = false;
  let preserveRoot = true;
  let endOfOptions = false;
  const operands: string[] = [];
  for (const arg of args) {
    if (!endOfOptions && arg === "--") endOfOptions = true;
    else if (!endOfOptions && arg === "--recursive") recursive = true;
    else if (!endOfOptions && arg === "--no-preserve-root") preserveRoot = false;
    else if (!endOfOptions && /^-[a-zA-Z]+$/.test(arg)) recursive ||= /[rR]/.test(arg);
    else if (endOfOptions || !arg.startsWith("--")) operands.push(arg);
  }
  const isRoot = (p: string) => normalizePath(p.startsWith("/") ? p : `${io.cwd}/${p}`) === "/";
  if (recursive && preserveRoot && operands.some(isRoot)) return fail(PRESERVE_ROOT, 1);
  return io.builtin(args);
};
