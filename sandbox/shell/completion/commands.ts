/**
 * The first word of a command completes to what bash would run (bashline.c
 * command_word_completion_function): aliases, reserved words, shell builtins and the files
 * in each $PATH directory, read from the node's filesystem as they are now. A word with a
 * `/` completes as a path instead.
 */
import { type PathContext, pathMatches } from "./paths";

/** bash 5.1's reserved words (`compgen -k`). */
const RESERVED = [
  "!",
  "[[",
  "]]",
  "case",
  "coproc",
  "do",
  "done",
  "elif",
  "else",
  "esac",
  "fi",
  "for",
  "function",
  "if",
  "in",
  "select",
  "then",
  "time",
  "until",
  "while",
  "{",
  "}",
];

/** bash 5.1's builtins (`compgen -b`): the shell has them whatever is on disk. */
const BUILTINS = [
  ".",
  ":",
  "[",
  "alias",
  "bg",
  "bind",
  "break",
  "builtin",
  "caller",
  "cd",
  "command",
  "compgen",
  "complete",
  "compopt",
  "continue",
  "declare",
  "dirs",
  "disown",
  "echo",
  "enable",
  "eval",
  "exec",
  "exit",
  "export",
  "false",
  "fc",
  "fg",
  "getopts",
  "hash",
  "help",
  "history",
  "jobs",
  "kill",
  "let",
  "local",
  "logout",
  "mapfile",
  "popd",
  "printf",
  "pushd",
  "pwd",
  "read",
  "readarray",
  "readonly",
  "return",
  "set",
  "shift",
  "shopt",
  "source",
  "suspend",
  "test",
  "times",
  "trap",
  "true",
  "type",
  "typeset",
  "ulimit",
  "umask",
  "unalias",
  "unset",
  "wait",
];

export interface CommandContext extends PathContext {
  /** $PATH as the shell has it now. */
  path: string;
  /** Alias names defined in this shell. */
  aliases: string[];
}

export function commandMatches(ctx: CommandContext, word: string): string[] {
  if (word.includes("/")) return pathMatches(ctx, word);
  const found = new Set<string>();
  const add = (name: string) => {
    if (name.startsWith(word)) found.add(name);
  };
  for (const name of ctx.aliases) add(name);
  for (const name of RESERVED) add(name);
  for (const name of BUILTINS) add(name);
  for (const dir of ctx.path.split(":")) {
    if (!dir) continue;
    for (const entry of pathMatches({ ...ctx, cwd: "/" }, `${dir.replace(/\/$/, "")}/${word}`, (_, d) => !d)) {
      add(entry.slice(entry.lastIndexOf("/") + 1));
    }
  }
  return [...found];
}
