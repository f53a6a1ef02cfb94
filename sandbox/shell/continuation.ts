/**
 * Whether a typed line is only the start of a command, so bash would print its PS2 (`> `) and
 * read more: an open quote, a line ending in `\`, an unfinished `if`/`for`/`while`/`until`/
 * `case`/`{`/`(` or `$(`, or a here-document whose delimiter line has not come yet. A scanner of
 * bash's lexical rules, not the full grammar (just-bash's browser build exports no parser): a
 * line it calls complete goes to the shell, which reports any real syntax error itself.
 */

const HEREDOC = /<<(-?)\s*(['"]?)([A-Za-z_][\w.-]*)\2/g;

/**
 * The text's shell lines without here-document bodies (their lines are data, not shell), and
 * whether a here-document is still waiting for its delimiter line.
 */
function splitHeredocs(text: string): { shell: string; open: boolean } {
  const kept: string[] = [];
  const waiting: { delimiter: string; tabs: boolean }[] = [];
  for (const line of text.split("\n")) {
    const next = waiting[0];
    if (next) {
      if ((next.tabs ? line.replace(/^\t+/, "") : line) === next.delimiter) waiting.shift();
      continue;
    }
    kept.push(line);
    for (const m of line.replaceAll("<<<", "").matchAll(HEREDOC)) {
      waiting.push({ delimiter: m[3] as string, tabs: m[1] === "-" });
    }
  }
  return { shell: kept.join("\n"), open: waiting.length > 0 };
}

/** Words that open a compound command, and the word that closes it. */
const OPENS: Record<string, string> = {
  if: "fi",
  for: "done",
  while: "done",
  until: "done",
  select: "done",
  case: "esac",
  "{": "}",
};
/** After these a word is in command position again (where `if` is a keyword, not an argument). */
const COMMAND_STARTERS = new Set(["then", "do", "else", "elif", "!", "time"]);

function unfinished(text: string): boolean {
  const closers: string[] = [];
  let parens = 0;
  let quote: "'" | '"' | undefined;
  let word = "";
  let commandPosition = true;
  const endWord = () => {
    if (word === "") return;
    if (commandPosition && OPENS[word] !== undefined) closers.push(OPENS[word] as string);
    else if (commandPosition && word === closers.at(-1)) closers.pop();
    commandPosition = COMMAND_STARTERS.has(word) || (commandPosition && OPENS[word] !== undefined && word !== "case");
    if (word === "in" && closers.at(-1) === "esac") commandPosition = false;
    word = "";
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quote === "'") {
      if (c === "'") quote = undefined;
      continue;
    }
    if (quote === '"') {
      if (c === "\\") i++;
      else if (c === '"') quote = undefined;
      continue;
    }
    if (c === "\\") {
      word += text.slice(i, i + 2);
      i++;
    } else if (c === "'" || c === '"') {
      quote = c;
      word += c;
    } else if (c === "#" && word === "") {
      while (i < text.length && text[i] !== "\n") i++;
      endWord();
      commandPosition = true;
    } else if (c === "(") {
      endWord();
      parens++;
      commandPosition = true;
    } else if (c === ")") {
      endWord();
      parens--;
    } else if (c === ";" || c === "&" || c === "|" || c === "\n") {
      endWord();
      commandPosition = true;
    } else if (c === " " || c === "\t") {
      endWord();
    } else {
      word += c;
    }
  }
  endWord();
  return quote !== undefined || parens > 0 || closers.length > 0;
}

export function incompleteCommand(text: string): boolean {
  if (/(^|[^\\])(\\\\)*\\$/.test(text)) return true;
  const { shell, open } = splitHeredocs(text);
  return open || unfinished(shell);
}
