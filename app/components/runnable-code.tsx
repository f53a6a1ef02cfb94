"use client";
/**
 * A ```bash block in a lesson (wrapped by lib/mdx/rehype-runnable.mjs): the highlighted code as
 * it is, with a button that types it into the node's terminal and runs it, line by line, as
 * `<Cmd>` does for one command. Outside a lesson (no node) the button is not shown.
 */
import type { ReactNode } from "react";
import { useNode } from "./lesson-runtime";

export function RunnableCode({ command, children }: { command: string; children?: ReactNode }) {
  const node = useNode();
  return (
    <div className="runnable-code">
      {children}
      {node ? (
        <button
          type="button"
          className="runnable-code-run quiet-button"
          onClick={() => node.run(command)}
          aria-label={`Run in the terminal: ${command}`}
          title="Type this into the terminal and run it"
        >
          Run
        </button>
      ) : null}
    </div>
  );
}
