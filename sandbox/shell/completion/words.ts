/**
 * The command line up to the cursor as bash's programmable completion sees it: the words of
 * the simple command the cursor is in (COMP_WORDS, dequoted), the one being completed last
 * (COMP_CWORD), and where that word starts, which is what readline replaces.
 */

export interface CompletionLine {
  /** Words of the current simple command; the last is the (possibly empty) word being completed. */
  words: string[];
  /** Where the word being completed starts in the line (code-point index). */
  start: number;
  /** The word is the command's name (first word after a separator), so commands complete. */
  commandPosition: boolean;
  /** The word follows a redirection (`> fi<Tab>`): only a file name makes sense. */
  afterRedirect: boolean;
}

/** Characters that end a simple command, as bash's lexer reads them (outside quotes). */
const SEPARATORS = new Set([";", "|", "&", "(", ")", "\n", "`"]);
const REDIRECTS = new Set(["<", ">"]);

export function completionLine(line: string, point: number): CompletionLine {
  const chars = Array.from(line).slice(0, point);
  let words: string[] = [];
  let word = "";
  let inWord = false;
  let start = chars.length;
  let quote: string | undefined;
  /** A `<`/`>` was read and its target word has not ended yet. */
  let redirect = false;
  let wordIsTarget = false;
  const endWord = () => {
    if (!inWord) return;
    // A redirection's target is not an argument (bash-completion drops it from COMP_WORDS too).
    if (!wordIsTarget) words.push(word);
    word = "";
    inWord = false;
  };
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] as string;
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === "\\" && quote === '"' && i + 1 < chars.length) word += chars[++i];
      else word += c;
      continue;
    }
    if (c === " " || c === "\t") {
      endWord();
      continue;
    }
    if (SEPARATORS.has(c) || REDIRECTS.has(c)) {
      endWord();
      if (SEPARATORS.has(c)) words = [];
      redirect = REDIRECTS.has(c);
      continue;
    }
    if (!inWord) {
      inWord = true;
      start = i;
      wordIsTarget = redirect;
      redirect = false;
    }
    if (c === "'" || c === '"') quote = c;
    else if (c === "\\" && i + 1 < chars.length) word += chars[++i];
    else word += c;
  }
  const afterRedirect = inWord ? wordIsTarget : redirect;
  if (!inWord) start = chars.length;
  const commandPosition = words.length === 0 && !afterRedirect;
  words.push(word);
  return { words, start, commandPosition, afterRedirect };
}
