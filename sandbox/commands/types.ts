/** What every node command sees: its argv, its I/O, and the world it acts on. */
import type { CommandIo, ExecResult } from "../shell/bash-shell";
import type { World } from "../world";

export type { CommandIo, ExecResult };

export type Command = (args: string[], io: CommandIo, world: World) => ExecResult | Promise<ExecResult>;

export const ok = (stdout = ""): ExecResult => ({ stdout, stderr: "", exitCode: 0 });
export const fail = (stderr: string, exitCode = 1, stdout = ""): ExecResult => ({ stdout, stderr, exitCode });
