/**
 * The line editor between a terminal and the shell: what bash's readline does on a real node.
 * It turns raw keystrokes (xterm's onData strings: several keys at once, escape sequences,
 * pasted text with newlines) into edits of one input line, echoes them, and runs the line on
 * Enter. Keys that arrive while a command runs wait in a queue (typeahead) and are replayed,
 * in order, once the prompt is back. No DOM: it only sees strings in and strings out.
 */

import type { Completions } from "./completion";
import { incompleteCommand } from "./continuation";
import { InputLine } from "./input-line";
import { type Action, type Key, readKey, readPasted } from "./keymap";
import { KillRing } from "./kill-ring";
import { ReverseSearch } from "./reverse-search";
import { TabKey } from "./tab-key";
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
  /** Lines run in an earlier visit, oldest first (the page keeps them): Up recalls them. */
  history?: readonly string[];
  /** A line joined the history (as bash appends to ~/.bash_history), for the page to keep. */
  onHistoryEntry?: (line: string) => void;
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
const BELL = "\x07";
const BRACKETED_PASTE_ON = `${ESC}[?2004h`;
/** What bash prints for Ctrl-D on an empty line of a login shell with `ignoreeof` (see below). */
const IGNORE_EOF = 'Use "logout" to leave the shell.';

/** readline's kill commands, and which way they cut (kills in a row join up). */
const KILLS: Partial<Record<Action, "forward" | "backward">> = {
  "kill-start": "backward",
  "kill-end": "forward",
  "kill-word": "backward",
  "kill-word-forward": "forward",
  "kill-word-backward": "backward",
};

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

  const view = new InputLine(columns);
  const history: string[] = [...(options.history ?? [])];
  let historyIndex = history.length; // === history.length while editing a fresh line
  let draft: string[] = [];
  let busy = false;
  let interrupted = false;
  let queued = "";
  const kills = new KillRing();
  /** The key before the one being handled: Tab after Tab lists, a kill after a kill joins it. */
  let previous: Key["type"] | undefined;
  /** Where the last Ctrl-Y put its text, for Alt-Y to replace. */
  let yanked: { start: number; end: number } | undefined;
  /** Between bracketed-paste marks: text is text, line breaks run lines. */
  let pasting = false;
  const tab = new TabKey(view, options.complete, columns);
  const search = new ReverseSearch(view, {
    entries: history,
    get index() {
      return historyIndex;
    },
    set index(index) {
      historyIndex = index;
    },
    get draft() {
      return draft;
    },
    set draft(text) {
      draft = text;
    },
  });

  function printPrompt() {
    view.prompt(options.prompt());
  }

  /** A kill command: cut text[start, end) into the kill ring. */
  function kill(start: number, end: number, direction: "forward" | "backward") {
    kills.kill(view.text.slice(start, end).join(""), direction, previous !== undefined && previous in KILLS);
    view.deleteRange(start, end);
  }

  function recall(index: number) {
    if (index < 0 || index > history.length || index === historyIndex) return;
    if (historyIndex === history.length) draft = view.text;
    historyIndex = index;
    view.replace(index === history.length ? draft : Array.from(history[index] as string));
  }

  function resetLine() {
    view.text = [];
    view.cursor = 0;
    historyIndex = history.length;
    draft = [];
  }

  /** Lines of a command still being typed (after an open quote or a here-document's first line). */
  let pending: string[] = [];

  function printContinuation() {
    view.prompt(CONTINUATION_PROMPT);
  }

  /** Run the finished line; the keys after it wait in the queue until the command is done. */
  function submit(rest: string) {
    const text = [...pending, view.value].join("\n");
    view.endLine();
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
    const entry = history.at(-1) !== text;
    if (entry) history.push(text);
    historyIndex = history.length;
    busy = true;
    queued = rest + queued;
    flush();
    if (entry) options.onHistoryEntry?.(text);
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
      if (interrupted) view.out += "\r\n";
      interrupted = false;
      streamed = true;
      endsLine = chunk.endsWith("\n");
      view.out += toTerminalLines(chunk);
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
    if (interrupted) view.out += "\r\n"; // after the `^C` echoed when the key was pressed
    interrupted = false;
    view.out += toTerminalLines(output);
    printPrompt();
    busy = false;
    const pending = queued;
    queued = "";
    handle(pending);
    flush();
  }

  function flush() {
    if (view.out === "") return;
    const data = view.out;
    view.out = "";
    write(data);
  }

  /** One editing key at the prompt. */
  function edit(key: Key) {
    const { text, cursor } = view;
    switch (key.type) {
      case "text":
        view.insert(key.text);
        break;
      case "backspace":
        view.deleteRange(Math.max(0, cursor - 1), cursor);
        break;
      case "delete":
        view.deleteRange(cursor, Math.min(text.length, cursor + 1));
        break;
      case "delete-or-eof":
        // bash would log out of the node: the sandbox keeps the session, as `set -o ignoreeof`
        // does, and says what bash then says (docs/architecture.md, "The shell").
        if (text.length === 0 && pending.length === 0) {
          view.out += `${IGNORE_EOF}\r\n`;
          printPrompt();
        } else view.deleteRange(cursor, Math.min(text.length, cursor + 1));
        break;
      case "left":
        view.setCursor(Math.max(0, cursor - 1));
        break;
      case "right":
        view.setCursor(Math.min(text.length, cursor + 1));
        break;
      case "word-left":
        view.setCursor(backwardWord(text, cursor));
        break;
      case "word-right":
        view.setCursor(forwardWord(text, cursor));
        break;
      case "home":
        view.setCursor(0);
        break;
      case "end":
        view.setCursor(text.length);
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
        kill(cursor, text.length, "forward");
        break;
      case "kill-word":
        kill(unixWordStart(text, cursor), cursor, "backward");
        break;
      case "kill-word-forward":
        kill(cursor, forwardWord(text, cursor), "forward");
        break;
      case "kill-word-backward":
        kill(backwardWord(text, cursor), cursor, "backward");
        break;
      case "yank": {
        const killed = kills.yank();
        if (killed === undefined) break;
        view.insert(killed);
        yanked = { start: cursor, end: view.cursor };
        break;
      }
      case "yank-pop": {
        const killed = previous === "yank" || previous === "yank-pop" ? kills.yankPop() : undefined;
        if (killed === undefined || !yanked) {
          view.out += BELL;
          break;
        }
        view.setCursor(yanked.end);
        view.replaceRange(yanked.start, yanked.end, killed);
        yanked = { start: yanked.start, end: view.cursor };
        break;
      }
      case "transpose":
        // transpose-chars: the two characters before the cursor at the end of the line,
        // else the ones either side of it, and the cursor moves on
        if (cursor === 0 || text.length < 2) view.out += BELL;
        else view.swap(cursor === text.length ? cursor - 1 : cursor);
        break;
      case "complete":
        tab.press(previous === "complete");
        break;
      case "search":
        search.start();
        break;
      case "abort":
        view.out += BELL;
        break;
      case "paste-start":
        pasting = true;
        break;
      case "interrupt":
        view.setCursor(text.length);
        view.out += "^C\r\n";
        resetLine();
        pending = [];
        printPrompt();
        break;
      case "clear":
        view.out += CLEAR_SCREEN;
        view.reprint();
        break;
      default:
        break;
    }
  }

  function handle(data: string) {
    let i = 0;
    while (i < data.length) {
      if (pasting) {
        const pasted = readPasted(data, i);
        i = pasted.next;
        view.insert(pasted.text);
        if (pasted.end) pasting = false;
        previous = "text";
        if (pasted.newline && submit(data.slice(i))) return;
        continue;
      }
      const { key, next } = readKey(data, i);
      i = next;
      if (tab.asking && key.type !== "interrupt") {
        tab.answer(key);
        previous = "complete"; // the Tab that asked: another Tab asks again
        continue;
      }
      if (tab.asking) tab.cancel();
      if (search.key(key)) {
        previous = key.type;
        continue;
      }
      if (key.type === "enter") {
        previous = key.type;
        if (submit(data.slice(i))) return;
        continue;
      }
      edit(key);
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
      if (options.bracketedPaste) view.out += BRACKETED_PASTE_ON;
      printPrompt();
      flush();
    },
    get busy() {
      return busy;
    },
  };
}
