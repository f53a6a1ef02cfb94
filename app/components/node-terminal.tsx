"use client";
/**
 * The xterm terminal into the node. The static HTML holds a look-alike of the prompt, painted
 * with the lesson text, that already takes keys (boot-typeahead.tsx); xterm (in the page's first
 * chunks, not a later one) replaces it as soon as the page hydrates, and types what it held.
 *
 * The line editor runs with the node in its Web Worker, which is started only after this
 * terminal shows its prompt (see lesson-runtime.tsx). So the terminal shows the node's prompt
 * at once, echoes plain typing, and sends every key on; when the node is up its session
 * redraws the screen and reads the keys typed so far (typeahead, never lost).
 */
import "@xterm/xterm/css/xterm.css";
import { FitAddon } from "@xterm/addon-fit";
import { WebLinksAddon } from "@xterm/addon-web-links";
import { Terminal } from "@xterm/xterm";
import { useEffect, useRef, useState } from "react";
import { BOOT_PROMPT } from "./boot-prompt";
import { BootTerminal, takeBootTypeahead } from "./boot-typeahead";
import { useNode } from "./lesson-runtime";
import { attachClipboard } from "./terminal-clipboard";
import { TerminalControls, useScreenReaderMode } from "./terminal-controls";

/** A link in the output opens in a new tab that cannot reach back to this page. */
function openLink(_event: MouseEvent, uri: string): void {
  window.open(uri, "_blank", "noopener,noreferrer");
}

const THEME = {
  background: "#0b0f14",
  foreground: "#d8dee9",
  cursor: "#7cc4ff",
  cursorAccent: "#0b0f14",
  selectionBackground: "#31445c",
  black: "#1c232c",
  red: "#ff7b72",
  green: "#7ee787",
  yellow: "#e3b341",
  blue: "#79c0ff",
  magenta: "#d2a8ff",
  cyan: "#56d4dd",
  white: "#d8dee9",
  brightBlack: "#6e7681",
  brightRed: "#ffa198",
  brightGreen: "#aff5b4",
  brightYellow: "#f2cc60",
  brightBlue: "#a5d6ff",
  brightMagenta: "#e2c5ff",
  brightCyan: "#b3f0ff",
  brightWhite: "#ffffff",
};

export const TERMINAL_FONT = 'ui-monospace, "SF Mono", "Cascadia Mono", "DejaVu Sans Mono", Menlo, Consolas, monospace';

/**
 * Until the engine loads, echo what is typed the way a tty does while the shell is busy: plain
 * text, Backspace within the current line, Enter as a new line. Every key is also kept and replayed
 * into the real session, which redraws the screen. After a key the echo cannot show faithfully
 * (arrows, Ctrl-keys), echo stops and keys are only kept.
 */
function bootEcho(term: Terminal) {
  let echoing = true;
  let typed = 0;
  return (data: string) => {
    if (!echoing) return;
    for (const char of data) {
      if (char === "\x7f" || char === "\b") {
        if (typed > 0) {
          typed--;
          term.write("\b \b");
        }
      } else if (char === "\r" || char === "\n") {
        term.write("\r\n");
        typed = 0;
      } else if (char >= " ") {
        typed++;
        term.write(char);
      } else {
        echoing = false;
        return;
      }
    }
  };
}

export default function NodeTerminal() {
  const host = useRef<HTMLDivElement>(null);
  const bootInput = useRef<HTMLTextAreaElement>(null);
  const node = useNode();
  const [opened, setOpened] = useState(false);
  const [following, setFollowing] = useState(false);
  const [screenReader, setScreenReader] = useScreenReaderMode();
  const termRef = useRef<Terminal | null>(null);
  const screenReaderRef = useRef(screenReader);
  screenReaderRef.current = screenReader;

  useEffect(() => {
    if (termRef.current) termRef.current.options.screenReaderMode = screenReader;
  }, [screenReader]);

  useEffect(() => {
    const element = host.current;
    if (!element || !node) return;
    // Keys typed at the static prompt before this script ran (boot-typeahead.tsx).
    const early = takeBootTypeahead(bootInput.current);
    const term = new Terminal({
      cursorBlink: true,
      fontFamily: TERMINAL_FONT,
      fontSize: 14,
      lineHeight: 1.2,
      scrollback: 5000,
      theme: THEME,
      screenReaderMode: screenReaderRef.current,
    });
    termRef.current = term;
    const fit = new FitAddon();
    term.loadAddon(fit);
    term.loadAddon(new WebLinksAddon(openLink));
    term.open(element);
    const detachClipboard = attachClipboard(term, element);
    fit.fit();
    setOpened(true);
    // Once the prompt is parsed, drawn (xterm renders on an animation frame) and painted, start
    // the node's worker: fetching and compiling the engine would compete with the prompt.
    term.write(BOOT_PROMPT, () => requestAnimationFrame(() => setTimeout(() => node.terminalShown(), 0)));

    // Until the node's own line editor reads the keys (in its worker), echo them here; every
    // key goes to the node, which keeps them until it runs. The echo is for the first boot
    // only: the node's session redraws the screen when it starts.
    const echo = bootEcho(term);
    let booting = true;
    const feed = (data: string) => {
      booting &&= !link.ready;
      if (booting) echo(data);
      link.input(data);
    };
    const link = node.attachTerminal({
      feed,
      focus: () => term.focus(),
      write: (data) => term.write(data),
      columns: () => term.cols,
      following: setFollowing,
    });
    const typing = term.onData(feed);
    if (early.keys) feed(early.keys);
    if (early.focused) term.focus();
    const resized = term.onResize(({ cols }) => link.resize(cols));

    const resize = new ResizeObserver(() => {
      if (element.clientWidth > 0 && element.clientHeight > 0) fit.fit();
    });
    resize.observe(element);

    return () => {
      termRef.current = null;
      detachClipboard();
      resize.disconnect();
      typing.dispose();
      resized.dispose();
      link.detach();
      term.dispose();
    };
  }, [node]);

  return (
    <>
      {opened ? null : <BootTerminal input={bootInput} />}
      <div ref={host} className="terminal-host with-controls" />
      <TerminalControls following={following} screenReader={screenReader} onScreenReader={setScreenReader} />
    </>
  );
}
