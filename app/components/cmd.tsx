"use client";
/**
 * `<Cmd>systemctl status kubelet</Cmd>` in a lesson: a command the learner can click to have it
 * typed into the node's terminal and run. Before scripts run (or outside a lesson) it is
 * plain, readable code.
 */
import { isValidElement, type ReactNode } from "react";
import { commandText } from "./command-text";
import { useNode } from "./lesson-runtime";

function textOf(node: ReactNode): string {
  if (typeof node === "string" || typeof node === "number") return String(node);
  if (Array.isArray(node)) return node.map(textOf).join("");
  if (isValidElement<{ children?: ReactNode }>(node)) return textOf(node.props.children);
  return "";
}

export function Cmd({ children }: { children?: ReactNode }) {
  const node = useNode();
  const line = commandText(textOf(children));
  return (
    <button
      type="button"
      className="cmd"
      onClick={() => node?.run(line)}
      disabled={!node}
      aria-label={`Run in the terminal: ${line}`}
      title="Type this into the terminal and run it"
    >
      <span className="cmd-sigil" aria-hidden="true">
        $
      </span>
      <code className="cmd-line">{line}</code>
      {/* "run ▸" is drawn by CSS: as text it would be words on the button missing from its name (WCAG 2.5.3). */}
      <span className="cmd-run" aria-hidden="true" />
    </button>
  );
}
