/** What a command's completion (bash-completion's `complete -F` function) sees and answers. */
import type { World } from "../../world";
import type { PathContext } from "./paths";

export interface CompletionRequest {
  world: World;
  /** The command's words so far (COMP_WORDS); the last is the one being completed. */
  words: string[];
  /** The word being completed (`cur`) and the one before it (`prev`). */
  cur: string;
  prev: string;
  paths: PathContext;
  /** The shell's environment (KUBECONFIG, ...). */
  env: Record<string, string>;
}

/**
 * Candidate words (COMPREPLY before the prefix filter; the caller keeps those starting with
 * `cur`). `filenames`: they are paths (`compopt -o filenames`: listed by their last part,
 * directories end in `/` and take no space); `noSpace`: `compopt -o nospace`. undefined: fall back to filename completion.
 */
export type CompletionReply = { words: string[]; filenames?: boolean; noSpace?: boolean } | undefined;

export type CommandCompletion = (request: CompletionRequest) => CompletionReply;

export const wordsReply = (words: Iterable<string>): CompletionReply => ({ words: [...words] });
