/**
 * The line being edited as the terminal shows it: the prompt, the text (one entry per code
 * point, so the cursor never splits a character) and the cursor, with the escape sequences
 * that keep the screen in step as they change; a long line wraps at the terminal's width.
 * What to print collects in `out` until the session flushes it.
 */

const ESC = "\x1b";
const ERASE_BELOW = `${ESC}[J`;

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching ANSI escapes is the point
const ANSI = /\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[@-Z\\-_]/g;

/** Printed width of a string, ignoring colour and other escape sequences. */
function visibleWidth(text: string): number {
  return Array.from(text.replace(ANSI, "")).length;
}

export class InputLine {
  text: string[] = [];
  cursor = 0;
  out = "";
  /** The prompt of the line being edited (PS1 or PS2); a reverse search shows its own meanwhile. */
  basePrompt = "";
  private promptWidth = 0;

  /** `columns`: the terminal's width, or Infinity when unknown (no wrapping). */
  constructor(private readonly columns: () => number) {}

  get value(): string {
    return this.text.join("");
  }

  /** Terminal row and column of the cell before which line index `index` sits. */
  private cell(index: number) {
    const cols = this.columns();
    const offset = this.promptWidth + index;
    return cols === Number.POSITIVE_INFINITY
      ? { row: 0, col: offset }
      : { row: Math.floor(offset / cols), col: offset % cols };
  }

  private moveCursor(from: number, to: number) {
    const a = this.cell(from);
    const b = this.cell(to);
    if (b.row < a.row) this.out += `${ESC}[${a.row - b.row}A`;
    if (b.row > a.row) this.out += `${ESC}[${b.row - a.row}B`;
    if (b.col < a.col) this.out += `${ESC}[${a.col - b.col}D`;
    if (b.col > a.col) this.out += `${ESC}[${b.col - a.col}C`;
  }

  /** Whether line index `index` falls on the first column of a wrapped row. */
  private wrapsAt(index: number) {
    const offset = this.promptWidth + index;
    return offset > 0 && offset % this.columns() === 0;
  }

  /**
   * After printing up to the right margin the terminal holds the cursor on the last column
   * ("pending wrap"). Print a space (which wraps, keeping the row joined to the one above) and
   * step back onto it, so the cursor is where our arithmetic says.
   */
  private settleAfterWrite(endIndex: number) {
    if (this.wrapsAt(endIndex)) this.out += " \b";
  }

  /** Print the text from `from` to the end (the cursor is at `from`), erase leftovers, and go to `to`. */
  private printTail(from: number, to: number) {
    this.out += this.text.slice(from).join("");
    this.settleAfterWrite(this.text.length);
    this.out += ERASE_BELOW;
    this.cursor = this.text.length;
    this.setCursor(to);
  }

  setCursor(to: number) {
    this.moveCursor(this.cursor, to);
    this.cursor = to;
  }

  /** Leave the input line: the next output starts on a fresh row. */
  endLine() {
    this.setCursor(this.text.length);
    if (!this.wrapsAt(this.text.length)) this.out += "\r\n";
  }

  showPrompt(prompt: string) {
    this.promptWidth = visibleWidth(prompt);
    this.out += prompt;
    this.settleAfterWrite(0);
  }

  /** A fresh prompt for a new line (PS1, or PS2 for a continuation). */
  prompt(prompt: string) {
    this.basePrompt = prompt;
    this.showPrompt(prompt);
  }

  /** Print the prompt and the line again below what was printed (after a listing, Ctrl-L), the cursor where it was. */
  reprint() {
    const keep = this.cursor;
    this.showPrompt(this.basePrompt);
    this.cursor = 0;
    this.out += this.value;
    this.settleAfterWrite(this.text.length);
    this.cursor = this.text.length;
    this.setCursor(keep);
  }

  /** Redraw the prompt and the line in place (a reverse search's prompt comes and goes). */
  redraw(prompt: string, next: string[], at: number) {
    this.moveCursor(this.cursor, -this.promptWidth); // the prompt's first cell
    this.text = next;
    this.showPrompt(prompt);
    this.cursor = 0;
    this.printTail(0, at);
  }

  /** Show another line (history), the cursor at its end. */
  replace(next: string[]) {
    this.setCursor(0);
    this.text = next;
    this.printTail(0, next.length);
  }

  insert(text: string) {
    if (text === "") return;
    const chars = Array.from(text);
    const from = this.cursor;
    this.text.splice(from, 0, ...chars);
    if (from + chars.length === this.text.length) {
      this.out += text;
      this.cursor = this.text.length;
      this.settleAfterWrite(this.cursor);
      return;
    }
    // the terminal cursor is still at `from`: print the new text and the old tail after it
    this.out += this.text.slice(from).join("");
    this.settleAfterWrite(this.text.length);
    this.moveCursor(this.text.length, from + chars.length);
    this.cursor = from + chars.length;
  }

  /** Put `text` in place of text[start, end) and the cursor after it. */
  replaceRange(start: number, end: number, text: string) {
    const chars = Array.from(text);
    if (end === this.cursor && this.text.slice(start, end).join("") === chars.slice(0, end - start).join("")) {
      this.insert(chars.slice(end - start).join("")); // only adds to what is typed: print just that
      return;
    }
    this.setCursor(start);
    this.text.splice(start, end - start, ...chars);
    this.printTail(start, start + chars.length);
  }

  deleteRange(start: number, end: number) {
    if (start >= end) return;
    // move to the deletion point using the old layout, then redraw from there
    this.setCursor(start);
    this.text.splice(start, end - start);
    this.printTail(start, start);
  }

  /** Swap the characters at `at - 1` and `at`, the cursor after them (transpose-chars). */
  swap(at: number) {
    this.setCursor(at - 1);
    [this.text[at - 1], this.text[at]] = [this.text[at] as string, this.text[at - 1] as string];
    this.printTail(at - 1, at + 1);
  }
}
