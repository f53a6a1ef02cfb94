"use client";
/**
 * `<EditFile path="/etc/containerd/config.toml" />` in a lesson: one click types `vi PATH` into
 * the terminal, which opens the file in the editor pane beside it — the same way a learner
 * would, so they see the command too.
 */
import { useNode } from "./lesson-runtime";

export function EditFile({ path }: { path: string }) {
  const node = useNode();
  return (
    <button
      type="button"
      className="cmd"
      onClick={() => node?.run(`vi ${path}`)}
      disabled={!node}
      aria-label={`Open in the editor: ${path}`}
      title="Open this file in the editor beside the terminal"
    >
      <span className="cmd-sigil" aria-hidden="true">
        ✎
      </span>
      <code className="cmd-line">{path}</code>
      {/* "edit ▸" is drawn by CSS, as cmd.tsx's "run ▸" is: visible words must be in the button's name. */}
      <span className="cmd-run cmd-run-edit" aria-hidden="true" />
    </button>
  );
}
