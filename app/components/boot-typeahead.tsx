/**
 * The terminal as the static HTML shows it, before the page's scripts run: the node's prompt, and
 * a plain textarea over it that takes the learner's keys with no script at all. The prompt is
 * painted at once; on a slow device the scripts that bring xterm run a second or more later, and
 * keys typed at that prompt went nowhere (the prompt was only a picture). The browser itself
 * keeps and shows what is typed here (Backspace works, Enter starts a new line); when xterm
 * opens, NodeTerminal hands it over as typeahead (`takeBootTypeahead`) and gives xterm the focus
 * if the learner was typing here.
 */
import type { Ref } from "react";
import { BOOT_PROMPT } from "./boot-prompt";
import "./boot-typeahead.css";

export function BootTerminal({ input }: { input: Ref<HTMLTextAreaElement> }) {
  return (
    <>
      <pre className="terminal-boot" aria-hidden="true">
        {BOOT_PROMPT}
        <span className="terminal-boot-cursor" />
      </pre>
      <textarea
        ref={input}
        className="terminal-boot-input"
        aria-label="Terminal input"
        autoCapitalize="off"
        autoComplete="off"
        autoCorrect="off"
        spellCheck={false}
        style={{ textIndent: `${BOOT_PROMPT.length}ch` }}
      />
    </>
  );
}

/**
 * What was typed into the static terminal, as xterm would have sent it (Enter is a carriage
 * return), and whether the learner is still typing there (it has the focus).
 */
export function takeBootTypeahead(input: HTMLTextAreaElement | null): { keys: string; focused: boolean } {
  if (!input) return { keys: "", focused: false };
  return { keys: input.value.replace(/\r?\n/g, "\r"), focused: document.activeElement === input };
}
