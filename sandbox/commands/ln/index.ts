/**
 * `ln` is the interpreter's own, given what GNU coreutils 8.32's ln.c does with its last
 * operand that just-bash's does not: `ln -s TARGET DIR` (and `ln TARGET...` into a directory,
 * `ln TARGET` into the working directory) makes DIR/basename(TARGET), unless -T or -n says the
 * directory (or a link to one) is the name itself. A link inside a kernel filesystem (/proc,
 * /sys) is refused as the kernel refuses it: EPERM, "Operation not permitted". The fuzz test found
 * `ln -sf X /sys/fs/cgroup` replacing the cgroup mount point with a link to a file.
 */
import { normalizePath } from "../../node/fs";
import type { World } from "../../world";
import { type Command, type ExecResult, fail } from "../types";

const USAGE = "Try 'ln --help' for more information.\n";

interface Parsed {
  flags: string[];
  operands: string[];
  symbolic: boolean;
  noDereference: boolean;
  noTargetDirectory: boolean;
  targetDirectory?: string;
}

function parse(args: string[]): Parsed | string {
  const parsed: Parsed = { flags: [], operands: [], symbolic: false, noDereference: false, noTargetDirectory: false };
  let options = true;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (options && arg === "--") options = false;
    else if (options && (arg === "-t" || arg.startsWith("--target-directory"))) {
      const value = arg.includes("=") ? arg.slice(arg.indexOf("=") + 1) : args[++i];
      if (value === undefined) return `ln: option requires an argument -- 't'\n${USAGE}`;
      parsed.targetDirectory = value;
    } else if (options && arg.startsWith("--")) {
      const known: Record<string, string> = {
        "--symbolic": "s",
        "--force": "f",
        "--no-dereference": "n",
        "--no-target-directory": "T",
        "--verbose": "v",
        "--relative": "r",
      };
      const letter = known[arg];
      if (!letter) return `ln: unrecognized option '${arg}'\n${USAGE}`;
      parsed.flags.push(`-${letter}`);
      if (letter === "s") parsed.symbolic = true;
      if (letter === "n") parsed.noDereference = true;
      if (letter === "T") parsed.noTargetDirectory = true;
    } else if (options && /^-[a-zA-Z]+$/.test(arg)) {
      for (const letter of arg.slice(1)) {
        if (!"sfnTvr".includes(letter)) return `ln: invalid option -- '${letter}'\n${USAGE}`;
        if (letter === "s") parsed.symbolic = true;
        if (letter === "n") parsed.noDereference = true;
        if (letter === "T") parsed.noTargetDirectory = true;
      }
      parsed.flags.push(arg);
    } else parsed.operands.push(arg);
  }
  return parsed;
}

const basename = (path: string) => path.replace(/\/+$/, "").split("/").pop() || path;

/** Whether `name` is a directory ln puts links into (-n: a link to a directory is not one). */
function isDirectoryOperand(world: World, full: string, noDereference: boolean): boolean {
  if (!world.fs.existsSync(full)) return false;
  if (noDereference && world.fs.statSync(full, false).isSymbolicLink) return false;
  return world.fs.isDirectorySync(full);
}

export const ln: Command = async (args, io, world) => {
  if (!io.builtin) return fail("ln: unavailable\n", 1);
  const parsed = parse(args);
  if (typeof parsed === "string") return fail(parsed);
  const { operands, flags, symbolic, noDereference, noTargetDirectory, targetDirectory } = parsed;
  const absolute = (p: string) => normalizePath(p.startsWith("/") ? p : `${io.cwd}/${p}`);
  if (operands.length === 0) return fail(`ln: missing file operand\n${USAGE}`);

  // Which links to make: [target, link name] pairs, as ln.c's main() decides.
  let pairs: [string, string][];
  if (targetDirectory !== undefined) {
    if (!isDirectoryOperand(world, absolute(targetDirectory), false)) {
      return fail(`ln: target directory '${targetDirectory}': No such file or directory\n`);
    }
    pairs = operands.map((t) => [t, `${targetDirectory.replace(/\/+$/, "")}/${basename(t)}`]);
  } else if (operands.length === 1) {
    pairs = [[operands[0] as string, basename(operands[0] as string)]];
  } else {
    const last = operands.at(-1) as string;
    const intoDirectory = !noTargetDirectory && isDirectoryOperand(world, absolute(last), noDereference);
    if (operands.length > 2 && !intoDirectory) {
      return fail(
        noTargetDirectory
          ? `ln: extra operand '${operands[2]}'\n${USAGE}`
          : `ln: target '${last}' is not a directory\n`,
      );
    }
    pairs = intoDirectory
      ? operands.slice(0, -1).map((t) => [t, `${last.replace(/\/+$/, "")}/${basename(t)}`])
      : [[operands[0] as string, last]];
  }

  let stdout = "";
  let stderr = "";
  let exitCode = 0;
  for (const [target, name] of pairs) {
    if (world.fs.inKernelFs(absolute(name))) {
      stderr += `ln: failed to create ${symbolic ? "symbolic" : "hard"} link '${name}': Operation not permitted\n`;
      exitCode = 1;
      continue;
    }
    const result: ExecResult = await io.builtin([...flags.filter((f) => f !== "-T"), "--", target, name]);
    stdout += result.stdout;
    stderr += result.stderr;
    if (result.exitCode !== 0) exitCode = result.exitCode;
  }
  return { stdout, stderr, exitCode };
};
