/**
 * Tab as readline's rl_complete does it (complete.c): one match is inserted with a space
 * after it (a directory with its `/` and no space); several insert their common prefix and
 * ring the bell; a Tab right after a Tab that changed nothing lists them in columns, or first
 * asks `Display all N possibilities? (y or n)` when there are 100 or more.
 */
import type { Completions } from "./completion";
import { matchRows, printablePart, QUERY_ITEMS } from "./completion-list";
import type { InputLine } from "./input-line";
import type { Key } from "./keymap";

const BELL = "\x07";

/** The longest prefix all matches share (readline's lowest common denominator). */
function commonPrefix(matches: readonly string[]): string {
  let prefix = Array.from(matches[0] ?? "");
  for (const m of matches.slice(1)) {
    const chars = Array.from(m);
    let n = 0;
    while (n < prefix.length && prefix[n] === chars[n]) n++;
    prefix = prefix.slice(0, n);
  }
  return prefix.join("");
}

export class TabKey {
  /** Whether the last Tab changed the line (the next Tab lists only if it did not). */
  private changed = false;
  /** Matches waiting for the answer to `Display all N possibilities?`. */
  asking: Completions | undefined;

  constructor(
    private readonly view: InputLine,
    private readonly complete: ((line: string, point: number) => Completions) | undefined,
    private readonly columns: () => number,
  ) {}

  /** Tab; `afterTab` when the key before it was Tab too. */
  press(afterTab: boolean) {
    const view = this.view;
    const found = this.complete?.(view.value, view.cursor);
    const again = afterTab && !this.changed;
    this.changed = false;
    if (!found || found.matches.length === 0) {
      view.out += BELL;
      return;
    }
    if (again) {
      if (found.matches.length >= QUERY_ITEMS) {
        view.endLine();
        view.out += `Display all ${found.matches.length} possibilities? (y or n)`;
        this.asking = found;
      } else {
        const keep = view.cursor;
        view.endLine();
        view.cursor = keep;
        this.list(found);
      }
      return;
    }
    const before = view.value;
    const lcd = commonPrefix(found.matches);
    if (lcd !== "") view.replaceRange(found.start, view.cursor, lcd);
    if (found.matches.length > 1) view.out += BELL;
    else if (!found.noSpace && !(found.filenames && lcd.endsWith("/")) && view.cursor === view.text.length)
      view.insert(" ");
    this.changed = view.value !== before;
  }

  /** The answer to the question: y, Y or space list; n, N or Backspace do not; other keys ring the bell. */
  answer(key: Key) {
    const found = this.asking as Completions;
    const answer = key.type === "text" ? key.text[0] : key.type === "backspace" ? "n" : undefined;
    if (answer === undefined || !"yY nN".includes(answer)) {
      this.view.out += BELL; // readline waits for a real answer
      return;
    }
    this.asking = undefined;
    this.view.out += "\r\n";
    if ("yY ".includes(answer)) this.list(found);
    else this.view.reprint();
  }

  /** Ctrl-C at the question: the terminal's cursor is after it, where ^C goes. */
  cancel() {
    this.asking = undefined;
    this.view.cursor = this.view.text.length;
  }

  /** Print the matches in readline's columns, then the prompt and the line again. */
  private list(found: Completions) {
    const cols = this.columns() === Number.POSITIVE_INFINITY ? 80 : this.columns();
    const items = found.matches.map((m) => printablePart(m, found.filenames));
    for (const row of matchRows(items, cols)) this.view.out += `${row}\r\n`;
    this.view.reprint();
  }
}
