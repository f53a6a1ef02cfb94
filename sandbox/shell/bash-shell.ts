/**
 * The node's login shell. just-bash supplies the bash parser, interpreter and the usual file
 * tools; this module is the only place that knows (with node/fs.ts shaped to its filesystem
 * interface), so the interpreter could be swapped without touching a command. The node's
 * own commands (systemctl, crictl, kubectl, ...) plug in as custom commands, so they work
 * in pipes, redirects, `&&` chains and subshells like any other.
 */
import { Bash, type CommandName, defineCommand } from "just-bash";
import { isAscii, type NodeFs } from "../node/fs";
import { capOutput, EXECUTION_LIMITS, explainLimit, OUTPUT_CAP_NOTICE } from "./limits";
import { refusedWrite, writeErrorMessage } from "./write-error";

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
  /**
   * Print now (follow mode): the chunk reaches the terminal at once when the command's stdout
   * is the terminal, and is held until the command ends when it feeds a pipe or a redirect.
   * Either way it comes first in the command's stdout; return only what is left to print.
   */
  write(chunk: string): void;
  /**
   * Say the command now follows (`journalctl -f`, `kubectl get -w`): it streams until Ctrl-C.
   * The page shows a cue meanwhile.
   */
  follow(): void;
  /** The network namespace the command runs in (its /var/run/netns name); undefined: the host's. */
  netns?: string;
  /**
   * Run a command line's words as a child in another network namespace (`ip netns exec`,
   * `nsenter -n`): the child sees `netns` as its io.netns; undefined runs it in the host's.
   */
  execIn?: (argv: string[], netns: string | undefined) => Promise<ExecResult>;
}

/** Quote a word for the interpreter so it reaches the child unchanged. */
const shellQuote = (word: string) => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, "'\\''")}'`);

/** How `Shell.run` streams: output as it is printed, and Ctrl-C. */
export interface RunOptions {
  signal?: AbortSignal;
  /**
   * Every piece of the line's output, in order, as it is printed: a streaming command's chunks
   * as it writes them, then (when the line ends) the rest of stdout and then stderr.
   */
  onOutput?: (chunk: string, stream: "stdout" | "stderr") => void;
  /** A command of the line follows (io.follow): it runs until Ctrl-C. */
  onFollow?: () => void;
}

/**
 * The shape of a line, read lexically (outside quotes): `simple` is one plain command whose
 * stdout is the terminal (a follow-mode command can stream); `pipeline` is one pipeline,
 * perhaps with redirects (Ctrl-C ends the follow and the rest of the pipe still sees its
 * output, as grep would); `list` has `;`, `&&`, `||`, `&`, subshells or substitutions
 * (Ctrl-C abandons the rest of the line, as bash does when a child dies of SIGINT).
 */
export function lineShape(line: string): "simple" | "pipeline" | "list" {
  let quote: string | undefined;
  let shape: "simple" | "pipeline" = "simple";
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === "\\" && quote === '"') i++;
      else if (quote === '"' && (c === "`" || (c === "$" && line[i + 1] === "("))) return "list";
      continue;
    }
    if (c === "\\") i++;
    else if (c === "'" || c === '"') quote = c;
    else if (";&()`\n".includes(c) || (c === "$" && line[i + 1] === "(")) return "list";
    else if (c === "|" && line[i + 1] === "|") return "list";
    else if ("|<>".includes(c)) shape = "pipeline";
  }
  return shape;
}

export type NodeCommand = (args: string[], io: CommandIo) => ExecResult | Promise<ExecResult>;

/** just-bash's built-ins that an Ubuntu 22.04 AKS node also has. */
export const BUILTINS: CommandName[] = [
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
  /** Where a streaming command's chunks go during the current line (see lineShape). */
  private streamTo?: (chunk: string) => void;
  /** Told when a command of the current line starts following (io.follow). */
  private onFollow?: () => void;
  /** Ctrl-C as the node's commands see it (their io.signal) during the current line. */
  private interrupt?: AbortSignal;
  /** The network namespace of the command being started (set around `execIn`'s child). */
  private netns?: string;

  /** The namespace a command run now is in: what its /proc/self/net shows. */
  get currentNetns(): string | undefined {
    return this.netns;
  }

  constructor(options: ShellOptions) {
    this.cwd = options.cwd;
    this.env = { ...options.env };
    const custom = Object.entries(options.commands).map(([name, run]) =>
      defineCommand(name, async (args, ctx) => {
        // stdin and env are read only when the command asks: every access to ctx goes through
        // just-bash's guarding proxy, and copying the environment for each `hostname` in a loop
        // was most of what a node command cost.
        let stdin: string | undefined;
        let env: Record<string, string> | undefined;
        const builtin = ctx.origCommand;
        let written = "";
        const streamTo = this.streamTo;
        const write = (chunk: string) => {
          written += chunk;
          streamTo?.(chunk);
        };
        const exec = ctx.exec;
        const result = await run(args, {
          get stdin() {
            // A byte string (one char per byte); the browser bundle of just-bash does not
            // export its decoder, so decode the UTF-8 here.
            if (stdin === undefined) {
              const bytes = ctx.stdin as unknown as string;
              // ASCII bytes are their own text (most of what pipes carry here).
              stdin = isAscii(bytes) ? bytes : new TextDecoder().decode(Uint8Array.from(bytes, (c) => c.charCodeAt(0)));
            }
            return stdin;
          },
          cwd: ctx.cwd,
          get env() {
            env ??= Object.fromEntries(ctx.env);
            return env;
          },
          builtin: builtin && ((a) => builtin(a)),
          signal: this.interrupt ?? ctx.signal,
          write,
          follow: () => this.onFollow?.(),
          netns: this.netns,
          execIn:
            exec &&
            (async (argv, netns) => {
              const outer = this.netns;
              this.netns = netns;
              try {
                return await exec(argv.map(shellQuote).join(" "), { cwd: ctx.cwd, stdin });
              } finally {
                this.netns = outer;
              }
            }),
        });
        const out = written ? { ...result, stdout: written + result.stdout } : result;
        // just-bash hands text output to the next command of a pipe as UTF-8 bytes, one string
        // append per byte: for `journalctl | grep` over a megabyte that was most of the line's
        // time (in the garbage collector). ASCII text is already its own byte string.
        return isAscii(out.stdout) ? { ...out, stdoutKind: "bytes" as const } : out;
      }),
    );
    this.bash = new Bash({
      fs: options.fs as never,
      cwd: options.cwd,
      env: options.env,
      commands: BUILTINS,
      customCommands: custom,
      processInfo: { pid: 4121, ppid: 4120, uid: 0, gid: 0 },
      executionLimits: EXECUTION_LIMITS,
      // Defense in depth guards a host against scripts that reach JavaScript (python3, js-exec);
      // this shell has neither and evaluates nothing it is given as code, and the guard's
      // per-promise async hooks doubled the cost of every command.
      defenseInDepth: false,
    });
  }

  /** The shell's variables as the next line will see them (aliases are `BASH_ALIAS_<name>`). */
  get variables(): Readonly<Record<string, string>> {
    return this.env;
  }

  /**
   * Run one line as a session would: `cd` and `export` carry into the next line. An aborted
   * signal (Ctrl-C) stops it at the next statement, with bash's status for SIGINT, 130.
   */
  async run(line: string, options: RunOptions = {}): Promise<ExecResult> {
    const { signal, onOutput } = options;
    this.onFollow = options.onFollow;
    const shape = lineShape(line);
    // What reaches the terminal is capped (limits.ts): `streamed` is what a follow-mode command
    // wrote (all of it, as it is the start of its stdout), `kept` the part that was printed.
    let streamed = "";
    let kept = "";
    let truncated = false;
    const keep = (text: string) => {
      const cut = capOutput(text, kept.length);
      kept += cut.kept;
      truncated ||= cut.truncated;
      return cut.kept;
    };
    this.streamTo =
      onOutput && shape === "simple"
        ? (chunk) => {
            streamed += chunk;
            const shown = keep(chunk);
            if (shown) onOutput(shown, "stdout");
          }
        : undefined;
    // The commands see Ctrl-C at once. A pipeline runs to its end (the follow stops, grep
    // prints what it got); a list is abandoned where it is, and the interpreter keeps
    // nothing of it but what was already streamed.
    const interrupt = new AbortController();
    const abortLine = new AbortController();
    const onInterrupt = () => {
      interrupt.abort();
      if (shape === "list") abortLine.abort();
    };
    if (signal?.aborted) onInterrupt();
    signal?.addEventListener("abort", onInterrupt, { once: true });
    this.interrupt = interrupt.signal;
    let out: ExecResult;
    try {
      const result = await this.bash
        .exec(line, {
          cwd: this.cwd,
          env: this.env,
          replaceEnv: true,
          signal: abortLine.signal as never,
        })
        .catch((e: unknown) => {
          const refused = refusedWrite(e);
          if (!refused) throw e;
          return { stdout: "", stderr: writeErrorMessage(line, refused), exitCode: 1, env: this.env };
        });
      this.env = { ...result.env };
      if (result.env.PWD) this.cwd = result.env.PWD;
      out = abortLine.signal.aborted
        ? { stdout: streamed, stderr: "", exitCode: 130 }
        : {
            stdout: result.stdout,
            stderr: explainLimit(result.stderr),
            exitCode: interrupt.signal.aborted ? 130 : result.exitCode,
          };
    } finally {
      this.streamTo = undefined;
      this.onFollow = undefined;
      this.interrupt = undefined;
      signal?.removeEventListener("abort", onInterrupt);
    }
    // What was streamed is the start of stdout (one command wrote it); print the rest.
    const rest = out.stdout.startsWith(streamed) ? out.stdout.slice(streamed.length) : out.stdout;
    const shownRest = keep(rest);
    const stderr = capOutput(out.stderr).kept + (truncated ? OUTPUT_CAP_NOTICE : "");
    if (onOutput) {
      if (shownRest) onOutput(shownRest, "stdout");
      if (stderr) onOutput(stderr, "stderr");
    }
    return { ...out, stdout: kept, stderr };
  }
}
