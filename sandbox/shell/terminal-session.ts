/**
 * The line editor between a terminal and the shell: what bash's readline does on a real node.
 * It turns raw keystrokes (xterm's onData strings: several keys at once, escape sequences,
 * pasted text with newlines) into edits of one input line, echoes them, and runs the line on
 * Enter. Keys that arrive while a command runs wait in a queue (typeahead) and are replayed,
 * in order, once the prompt is back. No DOM: it only sees strings in and strings out.
 */

import { incompleteCommand } from "./continuation";

export interface ExecOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface TerminalSessionOptions {
  /**
   * Run one command line. A rejection is printed like stderr; the session carries on. An exec
   * that calls `onOutput` (the sandbox's `exec(line, { onOutput })`) has its output printed as
   * it comes, which follow-mode commands need; otherwise the result is printed when it settles.
   */
  exec: (
    line: string,
    options: { onOutput: (chunk: string, stream: "stdout" | "stderr") => void },
  ) => Promise<ExecOutput>;
  /** The prompt to print before each line, e.g. `root@node:~# `. */
  prompt: () => string;
  /** Where the echo and the command output go (the terminal). */
  write: (data: string) => void;
  /** Terminal width, so cursor moves stay right when a long line wraps. Default: no wrapping. */
  columns?: () => number;
  /**
   * Ctrl-C while a command runs: stop it. Without this, Ctrl-C waits in the queue like any key.
   * With it, the session does what a tty does: echoes `^C`, drops the keys typed before it
   * and asks the command to stop; the prompt comes back when `exec` settles.
   */
  interrupt?: () => void;
  /**
   * Whether the text so far is an unfinished command (an open quote, a here-document without
   * its delimiter line, ...): the session then prints `> ` and reads another line, as bash does.
   * Default: bash's rules (continuation.ts).
   */
  incomplete?: (text: string) => boolean;
}

export interface TerminalSession {
  /** Feed raw terminal input (xterm `onData`). */
  input(data: string): void;
  /** Print the first prompt. */
  start(): void;
  /** True while a command runs; input meanwhile is queued. */
  readonly busy: boolean;
}

/** bash's default PS2. */
const CONTINUATION_PROMPT = "> ";

const ESC = "\x1b";
const CLEAR_SCREEN = `${ESC}[H${ESC}[2J`;
const ERASE_BELOW = `${ESC}[J`;

/** The editing actions a key can stand for. */
type Action =
  | "enter"
  | "backspace"
  | "delete"
  | "left"
  | "right"
  | "home"
  | "end"
  | "up"
  | "down"
  | "interrupt"
  | "clear"
  | "kill-start"
  | "kill-end"
  | "kill-word"
  | "delete-or-eof"
  | "ignore";

/** One decoded key: a run of printable characters or an editing action. */
type Key = { type: "text"; text: string } | { type: Action };

const CONTROL_KEYS: Record<string, Action> = {
  "\x01": "home", // Ctrl-A
  "\x02": "left", // Ctrl-B
  "\x03": "interrupt", // Ctrl-C
  "\x04": "delete-or-eof", // Ctrl-D
  "\x05": "end", // Ctrl-E
  "\x06": "right", // Ctrl-F
  "\x08": "backspace", // Ctrl-H / \b
  "\x0b": "kill-end", // Ctrl-K
  "\x0c": "clear", // Ctrl-L
  "\x0e": "down", // Ctrl-N
  "\x10": "up", // Ctrl-P
  "\x15": "kill-start", // Ctrl-U
  "\x17": "kill-word", // Ctrl-W
  "\x7f": "backspace",
};

/** Final byte (and parameters) of CSI / SS3 sequences to the key they encode. */
const ESCAPE_KEYS: Record<string, Action> = {
  A: "up",
  B: "down",
  C: "right",
  D: "left",
  H: "home",
  F: "end",
  "1~": "home",
  "7~": "home",
  "4~": "end",
  "8~": "end",
  "3~": "delete",
};

/**
 * Read the key that starts at `i`: a run of printable text, a control key or a whole escape
 * sequence. Unknown sequences (F-keys, bracketed-paste marks) decode to `ignore`, so they are
 * skipped whole instead of leaking `[200~` into the line. `next` is where the following key starts.
 */
export function readKey(data: string, i: number): { key: Key; next: number } {
  const ch = data[i] as string;
  if (ch === ESC) {
    const kind = data[i + 1];
    if (kind === "[") {
      let j = i + 2;
      while (j < data.length && /[0-9;?]/.test(data[j] as string)) j++;
      const params = data.slice(i + 2, j);
      const final = data[j] ?? "";
      // Modified arrows (`ESC[1;5C`) keep their plain meaning; the modifier is dropped.
      const plain = params.includes(";") ? final : `${params}${final}`;
      return { key: { type: ESCAPE_KEYS[plain] ?? "ignore" }, next: j + 1 };
    }
    if (kind === "O") return { key: { type: ESCAPE_KEYS[data[i + 2] ?? ""] ?? "ignore" }, next: i + 3 };
    // a lone Esc, or Alt+key: nothing to do for either
    return { key: { type: "ignore" }, next: i + (kind === undefined ? 1 : 2) };
  }
  if (ch === "\r" || ch === "\n") {
    return { key: { type: "enter" }, next: i + (ch === "\r" && data[i + 1] === "\n" ? 2 : 1) };
  }
  const control = CONTROL_KEYS[ch];
  if (control) return { key: { type: control }, next: i + 1 };
  let text = "";
  let j = i;
  while (j < data.length) {
    const code = data.codePointAt(j) as number;
    if (code < 0x20 || (code >= 0x7f && code < 0xa0)) break;
    const char = String.fromCodePoint(code);
    text += char;
    j += char.length;
  }
  // Tab and the other control keys readline would bind to something else are dropped.
  return text === "" ? { key: { type: "ignore" }, next: i + 1 } : { key: { type: "text", text }, next: j };
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching ANSI escapes is the point
const ANSI = /\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[@-Z\\-_]/g;

/** Printed width of a string, ignoring colour and other escape sequences. */
function visibleWidth(text: string): number {
  return Array.from(text.replace(ANSI, "")).length;
}

/** Command output uses `\n`; a terminal needs `\r\n` to return to column 0. */
function toTerminalLines(text: string): string {
  return text.replace(/\r?\n/g, "\r\n");
}

export function createTerminalSession(options: TerminalSessionOptions): TerminalSession {
  const { exec, write, incomplete = incompleteCommand } = options;
  const columns = () => {
    const cols = options.columns?.() ?? 0;
    return cols > 0 ? cols : Number.POSITIVE_INFINITY;
  };

  let promptText = "";
  let promptWidth = 0;
  let line: string[] = []; // one entry per code point, so the cursor never splits a character
  let cursor = 0;
  const history: string[] = [];
  let historyIndex = 0; // === history.length while editing a fresh line
  let draft: string[] = [];
  let busy = false;
  let interrupted = false;
  let queued = "";
  let out = "";

  /** Terminal row and column of the cell before which line index `index` sits. */
  function cell(index: number) {
    const cols = columns();
    const offset = promptWidth + index;
    return cols === Number.POSITIVE_INFINITY
      ? { row: 0, col: offset }
      : { row: Math.floor(offset / cols), col: offset % cols };
  }

  function moveCursor(from: number, to: number) {
    const a = cell(from);
    const b = cell(to);
    if (b.row < a.row) out += `${ESC}[${a.row - b.row}A`;
    if (b.row > a.row) out += `${ESC}[${b.row - a.row}B`;
    if (b.col < a.col) out += `${ESC}[${a.col - b.col}D`;
    if (b.col > a.col) out += `${ESC}[${b.col - a.col}C`;
  }

  /** Whether line index `index` falls on the first column of a wrapped row. */
  function wrapsAt(index: number) {
    const offset = promptWidth + index;
    return offset > 0 && offset % columns() === 0;
  }

  /**
   * After printing up to the right margin the terminal holds the cursor on the last column
   * ("pending wrap"). Print a space (which wraps, keeping the row joined to the one above) and
   * step back onto it, so the cursor is where our arithmetic says.
   */
  function settleAfterWrite(endIndex: number) {
    if (wrapsAt(endIndex)) out += " \b";
  }

  /** Leave the input line: the next output starts on a fresh row. */
  function endLine() {
    setCursor(line.length);
    if (!wrapsAt(line.length)) out += "\r\n";
  }

  /** Redraw the line from `from` to its end, erase leftovers, and put the cursor back. */
  function redrawFrom(from: number) {
    moveCursor(cursor, from);
    out += line.slice(from).join("");
    settleAfterWrite(line.length);
    out += ERASE_BELOW;
    moveCursor(line.length, cursor);
  }

  function setCursor(to: number) {
    moveCursor(cursor, to);
    cursor = to;
  }

  function replaceLine(next: string[]) {
    moveCursor(cursor, 0);
    line = next;
    cursor = 0;
    // redrawFrom(0) with the cursor already at 0: print all, erase, leave the cursor at the end
    out += line.join("");
    settleAfterWrite(line.length);
    out += ERASE_BELOW;
    cursor = line.length;
  }

  function printPrompt() {
    promptText = options.prompt();
    promptWidth = visibleWidth(promptText);
    out += promptText;
    settleAfterWrite(0);
  }

  function insert(text: string) {
    const chars = Array.from(text);
    const atEnd = cursor === line.length;
    line.splice(cursor, 0, ...chars);
    if (atEnd) {
      out += text;
      cursor = line.length;
      settleAfterWrite(cursor);
      return;
    }
    const from = cursor;
    cursor += chars.length;
    // the terminal cursor is still at `from`: print the new text and the old tail after it
    out += line.slice(from).join("");
    settleAfterWrite(line.length);
    moveCursor(line.length, cursor);
  }

  function deleteRange(start: number, end: number) {
    if (start >= end) return;
    const wasAt = cursor;
    line.splice(start, end - start);
    // move to the deletion point using the old layout, then redraw from there
    moveCursor(wasAt, start);
    cursor = start;
    redrawFrom(start);
  }

  function recall(index: number) {
    if (index < 0 || index > history.length || index === historyIndex) return;
    if (historyIndex === history.length) draft = line;
    historyIndex = index;
    replaceLine(index === history.length ? draft : Array.from(history[index] as string));
  }

  function wordStartBefore(index: number): number {
    let i = index;
    while (i > 0 && line[i - 1] === " ") i--;
    while (i > 0 && line[i - 1] !== " ") i--;
    return i;
  }

  function resetLine() {
    line = [];
    cursor = 0;
    historyIndex = history.length;
    draft = [];
  }

  /** Lines of a command still being typed (after an open quote or a here-document's first line). */
  let pending: string[] = [];

  function printContinuation() {
    promptText = CONTINUATION_PROMPT;
    promptWidth = CONTINUATION_PROMPT.length;
    out += promptText;
    settleAfterWrite(0);
  }

  /** Run the finished line; the keys after it wait in the queue until the command is done. */
  function submit(rest: string) {
    const text = [...pending, line.join("")].join("\n");
    endLine();
    resetLine();
    if (text.trim() === "") {
      pending = [];
      printPrompt();
      return false;
    }
    if (incomplete(text)) {
      pending = text.split("\n");
      printContinuation();
      return false;
    }
    pending = [];
    if (history.at(-1) !== text) history.push(text);
    historyIndex = history.length;
    busy = true;
    queued = rest + queued;
    flush();
    void run(text);
    return true;
  }

  async function run(text: string) {
    let output = "";
    let streamed = false;
    let endsLine = true;
    const onOutput = (chunk: string) => {
      if (chunk === "") return;
      // Output held by a pipe arrives after the `^C`: start it on the next row.
      if (interrupted) out += "\r\n";
      interrupted = false;
      streamed = true;
      endsLine = chunk.endsWith("\n");
      out += toTerminalLines(chunk);
      flush();
    };
    try {
      const result = await exec(text, { onOutput });
      if (!streamed) output = result.stdout + result.stderr;
    } catch (error) {
      output = `${error instanceof Error ? error.message : String(error)}\n`;
    }
    if (output !== "") endsLine = output.endsWith("\n");
    // Unlike bash, start the prompt on a fresh row even when the output lacks a final newline.
    if (!endsLine) output += "\n";
    if (interrupted) out += "\r\n"; // after the `^C` echoed when the key was pressed
    interrupted = false;
    out += toTerminalLines(output);
    printPrompt();
    busy = false;
    const pending = queued;
    queued = "";
    handle(pending);
    flush();
  }

  function flush() {
    if (out === "") return;
    const data = out;
    out = "";
    write(data);
  }

  function handle(data: string) {
    let i = 0;
    while (i < data.length) {
      const { key, next } = readKey(data, i);
      i = next;
      switch (key.type) {
        case "text":
          insert(key.text);
          break;
        case "enter":
          if (submit(data.slice(i))) return;
          break;
        case "backspace":
          deleteRange(Math.max(0, cursor - 1), cursor);
          break;
        case "delete":
          deleteRange(cursor, Math.min(line.length, cursor + 1));
          break;
        case "delete-or-eof":
          // bash would log out on an empty line; there is nowhere to log out to, so do nothing
          deleteRange(cursor, Math.min(line.length, cursor + 1));
          break;
        case "left":
          setCursor(Math.max(0, cursor - 1));
          break;
        case "right":
          setCursor(Math.min(line.length, cursor + 1));
          break;
        case "home":
          setCursor(0);
          break;
        case "end":
          setCursor(line.length);
          break;
        case "up":
          recall(historyIndex - 1);
          break;
        case "down":
          recall(historyIndex + 1);
          break;
        case "kill-start":
          deleteRange(0, cursor);
          break;
        case "kill-end":
          deleteRange(cursor, line.length);
          break;
        case "kill-word":
          deleteRange(wordStartBefore(cursor), cursor);
          break;
        case "interrupt":
          setCursor(line.length);
          out += "^C\r\n";
          resetLine();
          pending = [];
          printPrompt();
          break;
        case "clear": {
          out += CLEAR_SCREEN;
          const keep = cursor;
          printPrompt();
          out += line.join("");
          settleAfterWrite(line.length);
          cursor = line.length;
          setCursor(keep);
          break;
        }
        case "ignore":
          break;
      }
    }
  }

  return {
    input(data: string) {
      if (busy) {
        const at = data.lastIndexOf("\x03");
        if (at >= 0 && options.interrupt) {
          // like a tty on SIGINT: echo ^C and flush what was typed ahead of it
          queued = data.slice(at + 1);
          interrupted = true;
          write("^C");
          options.interrupt();
          return;
        }
        queued += data;
        return;
      }
      handle(data);
      flush();
    },
    start() {
      printPrompt();
      flush();
    },
    get busy() {
      return busy;
    },
  };
}
