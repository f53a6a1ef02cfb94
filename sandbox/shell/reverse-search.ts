/**
 * Ctrl-R, readline's reverse incremental search (isearch.c): each key refines the search
 * string and the line shown is the newest history entry (at or before the current one)
 * that contains it; Ctrl-R again looks further back, skipping entries equal to the match.
 * Pure: the terminal session draws it as bash does, `(reverse-i-search)`text': match`.
 */

export interface SearchMatch {
  /** History index of the line (history.length: the line being edited). */
  index: number;
  /** Where the search string starts in it (code-point index): the cursor goes there. */
  position: number;
}

/** The prompt readline shows in place of PS1 while searching. */
export function searchPrompt(query: string, failed: boolean): string {
  return `(${failed ? "failed " : ""}reverse-i-search)\`${query}': `;
}

/**
 * The newest occurrence of `query` at or before `from` (a line index, then a code-point
 * position in that line), looking back through older lines; `skip` leaves out lines with
 * that text (the match being moved away from) in the lines before `from`'s.
 */
export function searchBackward(
  lines: (index: number) => string[],
  query: string,
  from: SearchMatch,
  skip?: string,
): SearchMatch | undefined {
  const wanted = Array.from(query);
  for (let index = from.index; index >= 0; index--) {
    const line = lines(index);
    if (skip !== undefined && index !== from.index && line.join("") === skip) continue;
    const last =
      index === from.index ? Math.min(from.position, line.length - wanted.length) : line.length - wanted.length;
    for (let position = last; position >= 0; position--) {
      if (wanted.every((c, k) => line[position + k] === c)) return { index, position };
    }
  }
  return undefined;
}
