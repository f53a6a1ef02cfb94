"use client";
/**
 * "What did I change?": the node's files now against the start of the exercise, one file at a
 * time in Monaco's diff editor.
 */
import { useEffect, useRef, useState } from "react";
import type { FileChange } from "@/sandbox";
import { loadMonaco, monacoLanguage } from "./load-monaco";

export default function ChangesView({ changes, onClose }: { changes: FileChange[]; onClose(): void }) {
  const [index, setIndex] = useState(0);
  const host = useRef<HTMLDivElement>(null);
  const change = changes[index];

  useEffect(() => {
    if (!change) return;
    let disposed = false;
    let cleanup = () => {};
    void loadMonaco().then((monaco) => {
      if (disposed || !host.current) return;
      const language = monacoLanguage(change.language);
      const original = monaco.editor.createModel(change.before, language);
      const modified = monaco.editor.createModel(change.after, language);
      const diff = monaco.editor.createDiffEditor(host.current, {
        readOnly: true,
        automaticLayout: true,
        renderSideBySide: false,
        minimap: { enabled: false },
        fontSize: 13,
      });
      diff.setModel({ original, modified });
      cleanup = () => {
        diff.dispose();
        original.dispose();
        modified.dispose();
      };
    });
    return () => {
      disposed = true;
      cleanup();
    };
  }, [change]);

  return (
    <section className="editor-pane" aria-label="What did I change?">
      <div className="editor-bar">
        {changes.length === 0 ? (
          <span className="editor-status">No files changed since the exercise started.</span>
        ) : (
          <label className="editor-path">
            <span className="visually-hidden">Changed file</span>
            <select value={index} onChange={(e) => setIndex(Number(e.target.value))}>
              {changes.map((c, i) => (
                <option key={c.path} value={i}>
                  {c.change === "added" ? "A" : c.change === "deleted" ? "D" : "M"} {c.path}
                </option>
              ))}
            </select>
          </label>
        )}
        <button type="button" className="quiet-button" onClick={onClose}>
          Close
        </button>
      </div>
      {change ? <div className="editor-host" ref={host} data-testid="diff-host" /> : null}
    </section>
  );
}
