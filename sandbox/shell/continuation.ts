/**
 * Whether a typed line is only the start of a command, so bash would print its PS2 (`> `) and
 * read more: an open quote, a line ending in `\`, an unfinished `if`/`for`/`while`/`case`/`{`/`(`
 * (just-bash's parser reports them as an unexpected end of input), or a here-document whose
 * delimiter line has not come yet (the parser accepts those, bash does not run them yet).
 */
import { parse } from "just-bash";

const HEREDOC = /<<(-?)\s*(['"]?)([A-Za-z_][\w.-]*)\2/g;

function openHeredoc(text: string): boolean {
  const lines = text.split("\n");
  const waiting: { delimiter: string; tabs: boolean }[] = [];
  for (const line of lines) {
    const next = waiting[0];
    if (next) {
      if ((next.tabs ? line.replace(/^\t+/, "") : line) === next.delimiter) waiting.shift();
      continue;
    }
    for (const m of line.replaceAll("<<<", "").matchAll(HEREDOC)) {
      waiting.push({ delimiter: m[3] as string, tabs: m[1] === "-" });
    }
  }
  return waiting.length > 0;
}

export function incompleteCommand(text: string): boolean {
  if (/(^|[^\\])(\\\\)*\\$/.test(text)) return true;
  if (openHeredoc(text)) return true;
  try {
    parse(text);
    return false;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return /unexpected EOF|got EOF|unexpected token `(fi|done|esac|then|do)'/.test(message);
  }
}
