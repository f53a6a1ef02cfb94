/**
 * `grep`, `egrep`, `fgrep` are the interpreter's own, behind one guard: just-bash compiles a
 * pattern in time quadratic in its length (16,000 characters take two seconds, a pasted
 * megabyte would take hours, with the page frozen), found by the fuzz test. GNU grep hands such
 * a pattern to glibc's regcomp, whose REG_ESIZE reads "Regular expression too big" (posix/
 * regcomp.c __re_error_msgid), and exits 2 (EXIT_TROUBLE). Here any argument longer than
 * MAX_ARGUMENT is taken for such a pattern; no file name on the node is that long.
 */
import { type Command, fail } from "../types";

const MAX_ARGUMENT = 4096;

export const grep =
  (name: string): Command =>
  async (args, io) => {
    if (!io.builtin) return fail(`${name}: unavailable\n`, 2);
    if (args.some((a) => a.length > MAX_ARGUMENT)) return fail(`${name}: Regular expression too big\n`, 2);
    return io.builtin(args);
  };
