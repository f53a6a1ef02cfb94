/**
 * Raw terminal input to keys, as readline's emacs keymap binds them on an Ubuntu node
 * (readline 8.1 defaults plus /etc/inputrc, which binds Ctrl-Left/Right to word motion).
 * xterm sends several keys at once, escape sequences, Alt+key as ESC then the key, and
 * bracketed-paste marks around pasted text; this decodes one key at a time.
 */

/** The editing actions a key can stand for (readline's function names in the comments). */
export type Action =
  | "enter" // accept-line
  | "backspace" // backward-delete-char
  | "delete" // delete-char
  | "left" // backward-char
  | "right" // forward-char
  | "home" // beginning-of-line
  | "end" // end-of-line
  | "up" // previous-history
  | "down" // next-history
  | "word-left" // backward-word (Alt-B)
  | "word-right" // forward-word (Alt-F)
  | "interrupt" // Ctrl-C: SIGINT
  | "clear" // clear-screen
  | "kill-start" // unix-line-discard (Ctrl-U)
  | "kill-end" // kill-line (Ctrl-K)
  | "kill-word" // unix-word-rubout (Ctrl-W)
  | "kill-word-forward" // kill-word (Alt-D)
  | "kill-word-backward" // backward-kill-word (Alt-Backspace)
  | "yank" // yank (Ctrl-Y)
  | "yank-pop" // yank-pop (Alt-Y)
  | "transpose" // transpose-chars (Ctrl-T)
  | "complete" // complete (Tab)
  | "search" // reverse-search-history (Ctrl-R)
  | "abort" // abort (Ctrl-G)
  | "escape" // a lone Esc (ends an incremental search)
  | "delete-or-eof" // delete-char, or end of input on an empty line (Ctrl-D)
  | "paste-start" // bracketed-paste-begin
  | "paste-end"
  | "ignore";

/** One decoded key: a run of printable characters or an editing action. */
export type Key = { type: "text"; text: string } | { type: Action };

const ESC = "\x1b";

const CONTROL_KEYS: Record<string, Action> = {
  "\x01": "home", // Ctrl-A
  "\x02": "left", // Ctrl-B
  "\x03": "interrupt", // Ctrl-C
  "\x04": "delete-or-eof", // Ctrl-D
  "\x05": "end", // Ctrl-E
  "\x06": "right", // Ctrl-F
  "\x07": "abort", // Ctrl-G
  "\x08": "backspace", // Ctrl-H / \b
  "\t": "complete", // Tab
  "\x0b": "kill-end", // Ctrl-K
  "\x0c": "clear", // Ctrl-L
  "\x0e": "down", // Ctrl-N
  "\x10": "up", // Ctrl-P
  "\x12": "search", // Ctrl-R
  "\x14": "transpose", // Ctrl-T
  "\x15": "kill-start", // Ctrl-U
  "\x17": "kill-word", // Ctrl-W
  "\x19": "yank", // Ctrl-Y
  "\x7f": "backspace",
};

/** Alt+key (ESC then the key) bindings of readline's emacs meta keymap. */
const META_KEYS: Record<string, Action> = {
  b: "word-left",
  f: "word-right",
  d: "kill-word-forward",
  y: "yank-pop",
  "\x7f": "kill-word-backward",
  "\b": "kill-word-backward",
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
  "200~": "paste-start",
  "201~": "paste-end",
  // Ubuntu's /etc/inputrc: "\e[1;5C": forward-word, "\e[1;5D": backward-word (Ctrl-Right/Left)
  "1;5C": "word-right",
  "1;5D": "word-left",
  "1;3C": "word-right",
  "1;3D": "word-left",
};

/**
 * Read the key that starts at `i`: a run of printable text, a control key or a whole escape
 * sequence. Unknown sequences (F-keys) decode to `ignore`, so they are skipped whole instead of
 * leaking `[15~` into the line. `next` is where the following key starts.
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
      // Other modified keys (`ESC[1;2C`, Shift-Right) keep their plain meaning.
      const action = ESCAPE_KEYS[`${params}${final}`] ?? (params.includes(";") ? ESCAPE_KEYS[final] : undefined);
      return { key: { type: action ?? "ignore" }, next: j + 1 };
    }
    if (kind === "O") return { key: { type: ESCAPE_KEYS[data[i + 2] ?? ""] ?? "ignore" }, next: i + 3 };
    if (kind === undefined) return { key: { type: "escape" }, next: i + 1 };
    return { key: { type: META_KEYS[kind] ?? "ignore" }, next: i + 2 };
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
  // The other control keys readline would bind to something else are dropped.
  return text === "" ? { key: { type: "ignore" }, next: i + 1 } : { key: { type: "text", text }, next: j };
}

/**
 * Pasted text up to the end mark (or the end of the data): its lines run one by one as typed
 * lines do, but nothing in it is a key binding (a Tab does not complete). Returns the text up
 * to and including the first line break, so the caller can run that line before the rest.
 */
export function readPasted(data: string, i: number): { text: string; newline: boolean; end: boolean; next: number } {
  let j = i;
  let text = "";
  while (j < data.length) {
    if (data.startsWith(`${ESC}[201~`, j)) return { text, newline: false, end: true, next: j + 6 };
    const ch = data[j] as string;
    if (ch === "\r" || ch === "\n") {
      return { text, newline: true, end: false, next: j + (ch === "\r" && data[j + 1] === "\n" ? 2 : 1) };
    }
    // A pasted Tab is a character, not completion; the line editor counts one cell per
    // character, so it becomes a space. Other control characters are dropped.
    if (ch === "\t") text += " ";
    else if (ch >= " " && ch !== "\x7f") text += ch;
    j++;
  }
  return { text, newline: false, end: false, next: j };
}
