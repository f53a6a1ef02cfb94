/**
 * Where readline's word commands stop. Alt-B/Alt-F/Alt-D/Alt-Backspace use readline's words:
 * runs of letters and digits (rl_alphabetic), so `kubectl get po/web-1` has five. Ctrl-W
 * (unix-word-rubout) uses whitespace only, so it removes `po/web-1` whole.
 */

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/** forward-word: to the end of the next word. */
export function forwardWord(line: readonly string[], from: number): number {
  let i = from;
  while (i < line.length && !isWordChar(line[i])) i++;
  while (i < line.length && isWordChar(line[i])) i++;
  return i;
}

/** backward-word: to the start of this or the previous word. */
export function backwardWord(line: readonly string[], from: number): number {
  let i = from;
  while (i > 0 && !isWordChar(line[i - 1])) i--;
  while (i > 0 && isWordChar(line[i - 1])) i--;
  return i;
}

/** unix-word-rubout: back over blanks, then to the previous blank. */
export function unixWordStart(line: readonly string[], from: number): number {
  let i = from;
  while (i > 0 && line[i - 1] === " ") i--;
  while (i > 0 && line[i - 1] !== " ") i--;
  return i;
}
