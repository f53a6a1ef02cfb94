/**
 * Ctrl-R, readline's reverse incremental search (isearch.c): each key refines the search
 * string and the line shown is the newest history entry (at or before the current one)
 * that contains it; Ctrl-R again looks further back, skipping entries equal to the match.
 * Drawn as bash does, `(reverse-i-search)`text': match` in place of the prompt.
 */

import type { InputLine } from "./input-line";
import type { Key } from "./keymap";

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

/** What the search needs of the session's history. */
export interface SearchHistory {
  readonly entries: readonly string[];
  /** The entry the line shows (entries.length: the line being edited). */
  index: number;
  /** The line being edited, kept while an older entry is shown. */
  draft: string[];
}

/** Keys that end a search with the match in the line and then do their own job (readline's isearch). */
const ENDS_AND_ACTS = new Set<Key["type"]>([
  "left",
  "right",
  "home",
  "end",
  "up",
  "down",
  "word-left",
  "word-right",
  "kill-start",
  "kill-end",
  "kill-word",
  "kill-word-forward",
  "kill-word-backward",
  "yank",
  "yank-pop",
  "transpose",
  "complete",
  "clear",
  "delete",
  "delete-or-eof",
  "paste-start",
]);

const BELL = "\x07";

/**
 * The search as the terminal shows it: Ctrl-R starts it, each key refines it, Ctrl-R again
 * goes further back, Enter runs the match, Esc or an editing key leaves it in the line to
 * edit, Ctrl-G puts the line back, Ctrl-C drops it.
 */
export class ReverseSearch {
  private state?: {
    query: string;
    failed: boolean;
    match: SearchMatch;
    /** The line being edited when the search began (entries.length's entry). */
    current: string[];
    /** What Ctrl-G puts back. */
    before: { text: string[]; cursor: number; index: number };
  };
  /** Ctrl-R on an empty search string searches for this again. */
  private last = "";

  constructor(
    private readonly view: InputLine,
    private readonly history: SearchHistory,
  ) {}

  get active(): boolean {
    return this.state !== undefined;
  }

  start() {
    const { view, history } = this;
    const editing = history.index === history.entries.length;
    this.state = {
      query: "",
      failed: false,
      match: { index: history.index, position: view.cursor },
      current: editing ? [...view.text] : history.draft,
      before: { text: [...view.text], cursor: view.cursor, index: history.index },
    };
    this.show();
  }

  /** A key while searching; false when the key should then do its usual job. */
  key(key: Key): boolean {
    const s = this.state;
    if (!s) return false;
    switch (key.type) {
      case "text":
        // one character at a time, as readline reads them: the line shows the last match found
        for (const c of key.text) this.find(s.query + c, s.match);
        return true;
      case "search":
        // on an empty search string, the last one again; else further back: earlier in the
        // same line first, then in older lines unlike the one matched now
        if (s.query === "") {
          if (this.last !== "") this.find(this.last, s.match);
        } else {
          this.find(
            s.query,
            { index: s.match.index, position: s.match.position - 1 },
            this.lines(s.match.index).join(""),
          );
        }
        return true;
      case "backspace":
        if (s.query === "") this.view.out += BELL;
        else this.find(Array.from(s.query).slice(0, -1).join(""), s.match);
        return true;
      case "escape":
        this.end(true);
        return true;
      case "abort":
        this.end(false);
        return true;
      case "enter":
        this.end(true);
        return false;
      case "interrupt":
        this.state = undefined;
        return false;
      default:
        if (!ENDS_AND_ACTS.has(key.type)) return true;
        this.end(true);
        return false;
    }
  }

  /** Entry `index` as the search sees it; entries.length is the line being edited. */
  private lines = (index: number): string[] =>
    index === this.history.entries.length
      ? (this.state?.current ?? this.view.text)
      : Array.from(this.history.entries[index] as string);

  private show() {
    const s = this.state;
    if (s) this.view.redraw(searchPrompt(s.query, s.failed), [...this.lines(s.match.index)], s.match.position);
  }

  /** Look for `query` from `from` back; a miss keeps the last match and says failed. */
  private find(query: string, from: SearchMatch, skip?: string) {
    const s = this.state;
    if (!s) return;
    s.query = query;
    const found = query === "" ? s.match : searchBackward(this.lines, query, from, skip);
    s.failed = found === undefined;
    if (found) s.match = found;
    else this.view.out += BELL;
    this.show();
  }

  /** Leave with the match in the line (`keep`), or with the line as it was before the search. */
  private end(keep: boolean) {
    const s = this.state;
    if (!s) return;
    if (s.query !== "") this.last = s.query;
    const shown = [...this.lines(s.match.index)];
    this.state = undefined;
    if (keep) {
      if (s.match.index !== this.history.entries.length) this.history.draft = s.current;
      this.history.index = s.match.index;
      this.view.redraw(this.view.basePrompt, shown, s.match.position);
    } else {
      this.history.index = s.before.index;
      this.view.redraw(this.view.basePrompt, s.before.text, s.before.cursor);
    }
  }
}
