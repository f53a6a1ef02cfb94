/**
 * Copy and paste in the node's terminal, as VS Code's integrated terminal does it on Linux and
 * Windows: Ctrl-Shift-C copies the selection and Ctrl-Shift-V pastes; Ctrl-C copies when text
 * is selected (and clears the selection), and is the interrupt (^C) when nothing is; a
 * right-click on a selection copies it instead of opening the menu. Pasted text goes through
 * xterm's paste, so it arrives between bracketed-paste marks when the shell asked for them.
 */
import type { Terminal } from "@xterm/xterm";

function copySelection(term: Terminal): void {
  const text = term.getSelection();
  if (text === "") return;
  void navigator.clipboard?.writeText(text).catch(() => undefined);
  term.clearSelection();
}

/** Wire the keys and the right-click; returns what undoes the right-click listener. */
export function attachClipboard(term: Terminal, element: HTMLElement): () => void {
  term.attachCustomKeyEventHandler((event) => {
    if (event.type !== "keydown" || !event.ctrlKey || event.altKey || event.metaKey) return true;
    const key = event.key.toLowerCase();
    if (key === "c" && (event.shiftKey || term.hasSelection())) {
      copySelection(term);
      event.preventDefault();
      return false;
    }
    if (key === "v" && event.shiftKey) {
      void navigator.clipboard
        ?.readText()
        .then((text) => term.paste(text))
        .catch(() => undefined);
      event.preventDefault();
      return false;
    }
    return true;
  });
  const onContextMenu = (event: MouseEvent) => {
    if (!term.hasSelection()) return; // the browser's menu (with Paste) as usual
    event.preventDefault();
    copySelection(term);
  };
  element.addEventListener("contextmenu", onContextMenu);
  return () => element.removeEventListener("contextmenu", onContextMenu);
}
