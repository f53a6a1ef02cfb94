"use client";
/**
 * The node's editor and history beside the terminal: files `vi` opens appear in Monaco, and
 * three buttons use the node's history (isomorphic-git under the sandbox, in the node's worker):
 * undo the last change, reset the current exercise, and show what changed since it started.
 * The worker marks each exercise's start in the history; a reset comes back there.
 */
import dynamic from "next/dynamic";
import { useCallback, useEffect, useState } from "react";
import type { EditorRequest, FileChange } from "@/sandbox";
import { FileTree } from "./editor/file-tree";
import { useNode, useProgress } from "./lesson-runtime";

const FileEditor = dynamic(() => import("./editor/file-editor"), { ssr: false, loading: () => <EditorLoading /> });
const ChangesView = dynamic(() => import("./editor/changes-view"), { ssr: false, loading: () => <EditorLoading /> });

function EditorLoading() {
  return <p className="editor-loading">Loading the editor…</p>;
}

type Panel = { kind: "file"; request: EditorRequest } | { kind: "changes"; changes: FileChange[] } | null;

export function NodeWorkbench() {
  const node = useNode();
  const progress = useProgress();
  const [panel, setPanel] = useState<Panel>(null);
  const [showFiles, setShowFiles] = useState(false);
  const [notice, setNotice] = useState("");
  const ready = progress?.engineState === "ready";
  const history = ready && progress?.historyReady === true;
  const current = progress?.exercises.find((e) => !progress.done.has(e.id))?.id;

  useEffect(() => node?.onOpenFile((request) => setPanel({ kind: "file", request })), [node]);

  const closePanel = useCallback(() => {
    setPanel(null);
    node?.focusTerminal();
  }, [node]);

  const list = useCallback((path: string) => (node ? node.call({ op: "list", path }) : Promise.resolve([])), [node]);
  const openWithVi = useCallback((path: string) => node?.run(`vi ${path}`), [node]);

  const failed = (error: unknown) => setNotice(error instanceof Error ? error.message : String(error));

  if (!node) return null;
  return (
    <>
      <div className="history-bar">
        <button
          type="button"
          className="quiet-button"
          disabled={!history}
          onClick={() =>
            node
              .call({ op: "undo" })
              .then((entry) => setNotice(entry ? `Undone: back to “${entry.message}”` : "Nothing to undo"), failed)
          }
          title="Put the node back as it was before your last change (files, units, pods, the clock)"
        >
          Undo last change
        </button>
        <button
          type="button"
          className="quiet-button"
          disabled={!history || !current}
          onClick={() => {
            if (!current || !window.confirm("Reset this exercise? The node goes back to how it was when it started.")) {
              return;
            }
            node.call({ op: "resetExercise", exercise: current }).then(() => setNotice("Exercise reset"), failed);
          }}
        >
          Reset exercise
        </button>
        <button
          type="button"
          className="quiet-button"
          disabled={!history}
          onClick={() =>
            node
              .call({ op: "changes", exercise: current })
              .then((changes) => setPanel({ kind: "changes", changes }), failed)
          }
        >
          What did I change?
        </button>
        <button
          type="button"
          className="quiet-button"
          aria-expanded={showFiles}
          disabled={!ready}
          onClick={() => setShowFiles(!showFiles)}
        >
          Files
        </button>
        <span className="history-notice" role="status">
          {notice}
        </span>
      </div>
      {showFiles && ready ? <FileTree list={list} open={openWithVi} /> : null}
      {panel?.kind === "file" ? (
        <FileEditor
          key={`${panel.request.path}:${panel.request.content.length}`}
          request={panel.request}
          onSave={(content) => node.call({ op: "save", path: panel.request.path, content })}
          onClose={closePanel}
        />
      ) : null}
      {panel?.kind === "changes" ? <ChangesView changes={panel.changes} onClose={closePanel} /> : null}
    </>
  );
}
