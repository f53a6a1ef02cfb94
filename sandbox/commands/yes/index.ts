/**
 * GNU coreutils `yes [STRING]...`: its arguments joined by spaces (or `y`), a line at a time,
 * for ever. Nothing on this node runs for ever: yes writes until a line's output cap
 * (shell/limits.ts) is passed and then stops as it would when its reader goes away, killed by
 * SIGPIPE (status 141). `yes | head -3` prints three lines; `yes` alone fills the terminal's
 * 1 MiB and the shell says it truncated the output.
 */
import { OUTPUT_CAP_BYTES } from "../../shell/limits";
import type { Command } from "../types";

export const yes: Command = (args) => {
  const operands = args[0] === "--" ? args.slice(1) : args;
  const line = `${operands.length > 0 ? operands.join(" ") : "y"}\n`;
  const stdout = line.repeat(Math.floor(OUTPUT_CAP_BYTES / line.length) + 1);
  return { stdout, stderr: "", exitCode: 141 };
};
