/**
 * `touch` is the interpreter's own, except for the time it stamps: left alone it uses the
 * host's wall clock, so a file touched on the node would read as modified in the learner's
 * present instead of the node's. Without an explicit time (-d, -t, -r) the files get the
 * simulated clock's now, as they would on the node.
 */
import { normalizePath } from "../../node/fs";
import { type Command, fail } from "../types";

const EXPLICIT_TIME = /^(-[a-zA-Z]*[dtr]|--date|--reference)/;

export const touch: Command = async (args, io, world) => {
  if (!io.builtin) return fail("touch: unavailable\n", 1);
  const result = await io.builtin(args);
  const files: string[] = [];
  let endOfOptions = false;
  for (const arg of args) {
    if (!endOfOptions && arg === "--") endOfOptions = true;
    else if (endOfOptions || !arg.startsWith("-")) files.push(arg);
    else if (EXPLICIT_TIME.test(arg)) return result;
  }
  const now = new Date(world.clock.now());
  for (const file of files) {
    const path = normalizePath(file.startsWith("/") ? file : `${io.cwd}/${file}`);
    if (world.fs.existsSync(path)) await world.fs.utimes(path, now, now);
  }
  return result;
};
