/**
 * The line editor between a terminal and the shell: what bash's readline does on a real node.
 * It turns raw keystrokes (xterm's onData strings: several keys at once, escape sequences,
 * pasted text with newlines) into edits of one input line, echoes them, and runs the line on
 * Enter. Keys that arrive while a command runs wait in a queue (typeahead) and are replayed,
 * in order, once the prompt is back. No DOM: it only sees strings in and strings out.
 */

import type { Completions } from "./completion";
import { matchRows, printablePart, QUERY_ITEMS } from "./completion-list";
import { incompleteCommand } from "./continuation";
import { type Action, type Key, readKey, readPasted } from "./keymap";
import { KillRing } from "./kill-ring";
import { type SearchMatch, searchBackward, searchPrompt } from "./reverse-search";
import { backwardWord, forwardWord, unixWordStart } from "./word-motion";

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
  /**
   * Tab completion: what bash would offer for the word before `point` (the sandbox's
   * `complete`). Without it, Tab only rings the bell.
   */
  complete?: (line: string, point: number) => Completions;
  /**
   * Turn on the terminal's bracketed-paste mode, as bash 5.1 does: pasted text then comes
   * between marks, so a Tab in it is a character, not completion. Its lines still run one by
   * one, as typed lines do.
   */
  bracketedPaste?: boolean;
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
const BELL = "\x07";
const BRACKETED_PASTE_ON = `${ESC}[?2004h`;
/** What bash prints for Ctrl-D on an empty line of a login shell with `ignoreeof` (see below). */
const IGNORE_EOF = 'Use "logout" to leave the shell.';

/** Readline's kill commands: what they cut, and which way (kills in a row join up). */
const KILLS: Partial<Record<Action, "forward" | "backward">> = {
  "kill-start": "backward",
  "kill-end": "forward",
  "kill-word": "backward",
  "kill-word-forward": "forward",
  "kill-word-backward": "backward",
};

/** Keys that end a reverse search with the match in the line and then do their own job. */
const ENDS_SEARCH_AND_ACTS = new Set<Key["type"]>([
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

export function createTerminalSession(options: TerminalSessionOptions): TerminalSession {
  const { exec, write, incomplete = incompleteCommand } = options;
  const columns = () => {
    const cols = options.columns?.() ?? 0;
    return cols > 0 ? cols : Number.POSITIVE_INFINITY;
  };

  let promptText = "";
  let promptWidth = 0;
  /** The prompt of the line being edited (PS1 or PS2): a reverse search shows its own meanwhile. */
  let basePrompt = "";
  let line: string[] = []; // one entry per code point, so the cursor never splits a character
  let cursor = 0;
  const history: string[] = [];
  let historyIndex = 0; // === history.length while editing a fresh line
  let draft: string[] = [];
  let busy = false;
  let interrupted = false;
  let queued = "";
  let out = "";
  const kills = new KillRing();
  /** The key before the one being handled: Tab after Tab lists, a kill after a kill joins it. */
  let previous: Key["type"] | undefined;
  /** Whether the last Tab changed the line (readline lists on the next Tab only if it did not). */
  let completionChanged = false;
  /** Where the last Ctrl-Y put its text, for Alt-Y to replace. */
  let yanked: { start: number; end: number } | undefined;
  /** Between bracketed-paste marks: text is text, line breaks run lines. */
  let pasting = false;
  /** Ctrl-R in progress; `match` is what the line shows. */
  let search:
    | {
        query: string;
        failed: boolean;
        match: SearchMatch;
        /** The line being edited when the search began (history.length's entry). */
        current: string[];
        /** What Ctrl-G puts back. */
        before: { line: string[]; cursor: number; index: number };
      }
    | undefined;
  /** A second Tab found this many matches that readline asks before listing them. */
  let askingToList: Completions | undefined;
  let lastSearch = "";

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

  /**
   * The line changed from `from` on (the terminal shows the old text, identical before it):
   * print the new tail, erase what is left of the old one, and put the cursor at `to`.
   */
  function rewriteFrom(from: number, to: number) {
    moveCursor(cursor, from);
    out += line.slice(from).join("");
    settleAfterWrite(line.length);
    out += ERASE_BELOW;
    moveCursor(line.length, to);
    cursor = to;
  }

  function setCursor(to: number) {
    moveCursor(cursor, to);
    cursor = to;
  }

  function replaceLine(next: string[]) {
    moveCursor(cursor, 0);
    line = next;
    cursor = 0;
    // rewriteFrom(0) with the cursor already at 0: print all, erase, leave the cursor at the end
    out += line.join("");
    settleAfterWrite(line.length);
    out += ERASE_BELOW;
    cursor = line.length;
  }

  function showPrompt(text: string) {
    promptText = text;
    promptWidth = visibleWidth(promptText);
    out += promptText;
    settleAfterWrite(0);
  }

  function printPrompt() {
    basePrompt = options.prompt();
    showPrompt(basePrompt);
  }

  /** Print the prompt and the line again below what was printed (after a listing, Ctrl-L), the cursor where it was. */
  function reprintLine() {
    const keep = cursor;
    showPrompt(basePrompt);
    out += line.join("");
    settleAfterWrite(line.length);
    cursor = line.length;
    setCursor(keep);
  }

  /** Redraw the prompt and the line in place (a reverse search's prompt comes and goes). */
  function redrawInPlace(prompt: string, next: string[], at: number) {
    moveCursor(cursor, -promptWidth); // the prompt's first cell
    line = next;
    cursor = 0;
    showPrompt(prompt);
    out += line.join("");
    settleAfterWrite(line.length);
    out += ERASE_BELOW;
    cursor = line.length;
    setCursor(at);
  }

  function insert(text: string) {
    if (text === "") return;
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

  /** Put `text` in place of line[start, end) and the cursor after it. */
  function replaceRange(start: number, end: number, text: string) {
    const chars = Array.from(text);
    if (end === cursor && line.slice(start, end).join("") === chars.slice(0, end - start).join("")) {
      insert(chars.slice(end - start).join("")); // only adds to what is typed: print just that
      return;
    }
    moveCursor(cursor, start);
    cursor = start;
    line.splice(start, end - start, ...chars);
    rewriteFrom(start, start + chars.length);
  }

  function deleteRange(start: number, end: number) {
    if (start >= end) return;
    const wasAt = cursor;
    line.splice(start, end - start);
    // move to the deletion point using the old layout, then redraw from there
    moveCursor(wasAt, start);
    cursor = start;
    rewriteFrom(start, start);
  }

  /** A kill command: cut line[start, end) into the kill ring. */
  function kill(start: number, end: number, direction: "forward" | "backward") {
    kills.kill(line.slice(start, end).join(""), direction, previous !== undefined && previous in KILLS);
    deleteRange(start, end);
  }

  function recall(index: number) {
    if (index < 0 || index > history.length || index === historyIndex) return;
    if (historyIndex === history.length) draft = line;
    historyIndex = index;
    replaceLine(index === history.length ? draft : Array.from(history[index] as string));
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
    basePrompt = CONTINUATION_PROMPT;
    showPrompt(basePrompt);
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

  // ---- Tab: complete, then list (readline's rl_complete) ----

  function completeWord() {
    const again = previous === "complete" && !completionChanged;
    const found = options.complete?.(line.join(""), cursor);
    if (!found || found.matches.length === 0) {
      out += BELL;
      completionChanged = false;
      return;
    }
    if (again) {
      completionChanged = false;
      if (found.matches.length >= QUERY_ITEMS) {
        endLine();
        out += `Display all ${found.matches.length} possibilities? (y or n)`;
        askingToList = found;
      } else listMatches(found);
      return;
    }
    const before = line.join("");
    const lcd = commonPrefix(found.matches);
    if (lcd !== "") replaceRange(found.start, cursor, lcd);
    if (found.matches.length > 1) out += BELL;
    else if (!found.noSpace && !(found.filenames && lcd.endsWith("/")) && cursor === line.length) insert(" ");
    completionChanged = line.join("") !== before;
  }

  /** Print the matches in readline's columns, then the prompt and the line again. */
  function printListing(found: Completions) {
    const cols = columns() === Number.POSITIVE_INFINITY ? 80 : columns();
    const items = found.matches.map((m) => printablePart(m, found.filenames));
    for (const row of matchRows(items, cols)) out += `${row}\r\n`;
    reprintLine();
  }

  function listMatches(found: Completions) {
    const keep = cursor;
    endLine();
    cursor = keep;
    printListing(found);
  }

  /** The answer to `Display all N possibilities? (y or n)`: y, Y or space list; n, N or Backspace do not. */
  function answerListing(key: Key) {
    const found = askingToList as Completions;
    const answer = key.type === "text" ? key.text[0] : key.type === "backspace" ? "n" : undefined;
    if (answer === undefined || !"yY nN".includes(answer)) {
      out += BELL; // readline waits for a real answer
      return;
    }
    askingToList = undefined;
    out += "\r\n";
    if ("yY ".includes(answer)) printListing(found);
    else reprintLine();
  }

  // ---- Ctrl-R: reverse incremental search ----

  /** History entry `index` as the search sees it; history.length is the line being edited. */
  const searchLines = (index: number) =>
    index === history.length ? (search?.current ?? line) : Array.from(history[index] as string);

  function showSearch() {
    if (!search) return;
    const { query, failed, match } = search;
    redrawInPlace(searchPrompt(query, failed), [...searchLines(match.index)], match.position);
  }

  /** Look for `query` from `from` back; a miss keeps the last match and says failed. */
  function searchFor(query: string, from: SearchMatch, skip?: string) {
    if (!search) return;
    search.query = query;
    const found = query === "" ? search.match : searchBackward(searchLines, query, from, skip);
    search.failed = found === undefined;
    if (found) search.match = found;
    else out += BELL;
    showSearch();
  }

  function startSearch() {
    search = {
      query: "",
      failed: false,
      match: { index: historyIndex, position: cursor },
      current: historyIndex === history.length ? [...line] : draft,
      before: { line: [...line], cursor, index: historyIndex },
    };
    showSearch();
  }

  /** Leave the search with the match in the line (Esc, an arrow, Enter), or put the line back (Ctrl-G). */
  function endSearch(keep: boolean) {
    if (!search) return;
    const { match, current, before, query } = search;
    if (query !== "") lastSearch = query;
    const shown = searchLines(match.index);
    search = undefined;
    if (keep) {
      if (match.index !== history.length) draft = current;
      historyIndex = match.index;
      redrawInPlace(basePrompt, [...shown], match.position);
    } else {
      historyIndex = before.index;
      redrawInPlace(basePrompt, before.line, before.cursor);
    }
  }

  /** A key during Ctrl-R; false when the key should then do its usual job. */
  function searchKey(key: Key): boolean {
    const s = search;
    if (!s) return false;
    switch (key.type) {
      case "text":
        // one character at a time, as readline reads them: the line shows the last match found
        for (const c of key.text) if (search) searchFor(search.query + c, search.match);
        return true;
      case "search": {
        // Ctrl-R on an empty search string reuses the last one; else it looks further back,
        // earlier in the same line first, then in older lines unlike the one matched now
        if (s.query === "") {
          if (lastSearch !== "") searchFor(lastSearch, s.match);
          return true;
        }
        const from = { index: s.match.index, position: s.match.position - 1 };
        searchFor(s.query, from, searchLines(s.match.index).join(""));
        return true;
      }
      case "backspace":
        if (s.query === "") out += BELL;
        else searchFor(Array.from(s.query).slice(0, -1).join(""), s.match);
        return true;
      case "escape":
        endSearch(true);
        return true;
      case "abort":
        endSearch(false);
        return true;
      case "enter":
        endSearch(true);
        return false;
      case "interrupt":
        search = undefined;
        return false;
      default:
        if (!ENDS_SEARCH_AND_ACTS.has(key.type)) return true;
        endSearch(true);
        return false;
    }
  }

  function handle(data: string) {
    let i = 0;
    while (i < data.length) {
      if (pasting) {
        const pasted = readPasted(data, i);
        i = pasted.next;
        if (pasted.text) insert(pasted.text);
        if (pasted.end) pasting = false;
        previous = "text";
        if (pasted.newline && submit(data.slice(i))) return;
        continue;
      }
      const { key, next } = readKey(data, i);
      i = next;
      if (askingToList) {
        if (key.type === "interrupt") {
          // the terminal's cursor is after the question: ^C goes there, then a fresh prompt
          askingToList = undefined;
          cursor = line.length;
        } else {
          answerListing(key);
          previous = "complete"; // the Tab that asked: another Tab asks again
          continue;
        }
      }
      if (search && searchKey(key)) {
        previous = key.type;
        continue;
      }
      const before = previous;
      switch (key.type) {
        case "text":
          insert(key.text);
          break;
        case "enter":
          previous = key.type;
          if (submit(data.slice(i))) return;
          break;
        case "backspace":
          deleteRange(Math.max(0, cursor - 1), cursor);
          break;
        case "delete":
          deleteRange(cursor, Math.min(line.length, cursor + 1));
          break;
        case "delete-or-eof":
          // bash would log out of the node: the sandbox keeps the session, as `set -o ignoreeof`
          // does, and says what bash then says (docs/architecture.md, "The terminal").
          if (line.length === 0 && pending.length === 0) {
            out += `${IGNORE_EOF}\r\n`;
            printPrompt();
          } else deleteRange(cursor, Math.min(line.length, cursor + 1));
          break;
        case "left":
          setCursor(Math.max(0, cursor - 1));
          break;
        case "right":
          setCursor(Math.min(line.length, cursor + 1));
          break;
        case "word-left":
          setCursor(backwardWord(line, cursor));
          break;
        case "word-right":
          setCursor(forwardWord(line, cursor));
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
          kill(0, cursor, "backward");
          break;
        case "kill-end":
          kill(cursor, line.length, "forward");
          break;
        case "kill-word":
          kill(unixWordStart(line, cursor), cursor, "backward");
          break;
        case "kill-word-forward":
          kill(cursor, forwardWord(line, cursor), "forward");
          break;
        case "kill-word-backward":
          kill(backwardWord(line, cursor), cursor, "backward");
          break;
        case "yank": {
          const text = kills.yank();
          if (text === undefined) break;
          const start = cursor;
          insert(text);
          yanked = { start, end: cursor };
          break;
        }
        case "yank-pop": {
          const text = before === "yank" || before === "yank-pop" ? kills.yankPop() : undefined;
          if (text === undefined || !yanked) {
            out += BELL;
            break;
          }
          setCursor(yanked.end);
          replaceRange(yanked.start, yanked.end, text);
          yanked = { start: yanked.start, end: cursor };
          break;
        }
        case "transpose": {
          // transpose-chars: the two characters before the cursor at the end of the line,
          // else the ones either side of it, and the cursor moves on
          if (cursor === 0 || line.length < 2) {
            out += BELL;
            break;
          }
          const at = cursor === line.length ? cursor - 1 : cursor;
          [line[at - 1], line[at]] = [line[at] as string, line[at - 1] as string];
          rewriteFrom(at - 1, at + 1);
          break;
        }
        case "complete":
          completeWord();
          break;
        case "search":
          startSearch();
          break;
        case "abort":
          out += BELL;
          break;
        case "paste-start":
          pasting = true;
          break;
        case "interrupt":
          setCursor(line.length);
          out += "^C\r\n";
          resetLine();
          pending = [];
          printPrompt();
          break;
        case "clear":
          out += CLEAR_SCREEN;
          reprintLine();
          break;
        case "escape":
        case "paste-end":
        case "ignore":
          break;
      }
      previous = key.type;
    }
  }

  return {
    input(data: string) {
      if (busy) {
        const at = data.lastIndexOf("\x03");
        if (at >= 0 && options.interrupt) {
          // like a tty on SIGINT: echo ^C and flush what was typed ahead of it
          queued = data.slice(at + 1);
          pasting = false;
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
      if (options.bracketedPaste) out += BRACKETED_PASTE_ON;
      printPrompt();
      flush();
    },
    get busy() {
      return busy;
    },
  };
}
