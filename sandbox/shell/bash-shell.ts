/**
 * The node's login shell. just-bash supplies the bash parser, interpreter and the usual file
 * tools; this module is the only place that knows (with node/fs.ts shaped to its filesystem
 * interface), so the interpreter could be swapped without touching a command. The node's
 * own commands (systemctl, crictl, kubectl, ...) plug in as custom commands, so they work
 * in pipes, redirects, `&&` chains and subshells like any other.
 */
import { Bash, type CommandName, defineCommand } from "just-bash";
import type { NodeFs } from "../node/fs";

export interface ExecResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface CommandIo {
  stdin: string;
  cwd: string;
  env: Record<string, string>;
  /** The interpreter's own command of the same name, when a node command wraps one. */
  builtin?: (args: string[]) => Promise<ExecResult>;
  /** Set when the learner interrupts (Ctrl-C); long-running commands check it. */
  signal?: AbortSignal;
}

export type NodeCommand = (args: string[], io: CommandIo) => ExecResult | Promise<ExecResult>;

/** just-bash's built-ins that an Ubuntu 22.04 AKS node also has. */
const BUILTINS: CommandName[] = [
  "echo",
  "cat",
  "printf",
  "ls",
  "mkdir",
  "rmdir",
  "touch",
  "rm",
  "cp",
  "mv",
  "ln",
  "chmod",
  "pwd",
  "readlink",
  "head",
  "tail",
  "wc",
  "stat",
  "grep",
  "fgrep",
  "egrep",
  "sed",
  "awk",
  "sort",
  "uniq",
  "comm",
  "cut",
  "paste",
  "tr",
  "rev",
  "nl",
  "fold",
  "expand",
  "unexpand",
  "strings",
  "split",
  "column",
  "join",
  "tee",
  "find",
  "basename",
  "dirname",
  "du",
  "env",
  "printenv",
  "alias",
  "unalias",
  "history",
  "xargs",
  "true",
  "false",
  "clear",
  "bash",
  "sh",
  "jq",
  "base64",
  "diff",
  "timeout",
  "seq",
  "expr",
  "md5sum",
  "sha1sum",
  "sha256sum",
  "file",
  "which",
  "tac",
  "od",
  "gzip",
  "gunzip",
  "zcat",
  "tar",
  "time",
];

export interface ShellOptions {
  fs: NodeFs;
  commands: Record<string, NodeCommand>;
  env: Record<string, string>;
  cwd: string;
}

export class Shell {
  private readonly bash: Bash;
  cwd: string;
  private env: Record<string, string>;

  constructor(options: ShellOptions) {
    this.cwd = options.cwd;
    this.env = { ...options.env };
    const custom = Object.entries(options.commands).map(([name, run]) =>
      defineCommand(name, async (args, ctx) => {
        // stdin arrives as a byte string (one char per byte); the browser bundle of just-bash
        // does not export its decoder, so decode the UTF-8 here.
        const stdin = new TextDecoder().decode(Uint8Array.from(ctx.stdin as unknown as string, (c) => c.charCodeAt(0)));
        const env = Object.fromEntries(ctx.env);
        const builtin = ctx.origCommand;
        return run(args, { stdin, cwd: ctx.cwd, env, builtin: builtin && ((a) => builtin(a)), signal: ctx.signal });
      }),
    );
    this.bash = new Bash({
      fs: options.fs as never,
      cwd: options.cwd,
      env: options.env,
      commands: BUILTINS,
      customCommands: custom,
      processInfo: { pid: 4121, ppid: 4120, uid: 0, gid: 0 },
    });
  }

  /**
   * Run one line as a session would: `cd` and `export` carry into the next line. An aborted
   * signal (Ctrl-C) stops it at the next statement, with bash's status for SIGINT, 130.
   */
  async run(line: string, signal?: AbortSignal): Promise<ExecResult> {
    const result = await this.bash.exec(line, {
      cwd: this.cwd,
      env: this.env,
      replaceEnv: true,
      signal: signal as never,
    });
    this.env = { ...result.env };
    if (result.env.PWD) this.cwd = result.env.PWD;
    if (signal?.aborted) {
      return { stdout: result.stdout, stderr: result.stderr.replace(/bash: execution aborted\n$/, ""), exitCode: 130 };
    }
    return { stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode };
  }
}
