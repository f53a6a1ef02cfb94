"use client";
/**
 * The node's editor and history beside the terminal: files `vi` opens appear in Monaco, and
 * three buttons use the node's history (isomorphic-git under the sandbox): undo the last
 * change, reset the current exercise, and show what changed since it started. The history
 * starts once the node is up; each exercise start is a commit the reset comes back to.
 */
import dynamic from "next/dynamic";
import { useCallback, useEffect, useRef, useState } from "react";
import type { EditorRequest, FileChange, Sandbox, SandboxHistory } from "@/sandbox";
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
  const [history, setHistory] = useState<SandboxHistory | null>(null);
  const [sandbox, setSandbox] = useState<Sandbox | null>(null);
  const [showFiles, setShowFiles] = useState(false);
  const [notice, setNotice] = useState("");
  const ready = progress?.engineState === "ready";
  const current = progress?.exercises.find((e) => !progress.done.has(e.id))?.id;
  const started = useRef<string | undefined>(undefined);

  useEffect(() => {
    if (!node || !ready) return;
    let unsubscribe = () => {};
    let stopped = false;
    void node.engine().then(async ({ sandbox }) => {
      if (stopped) return;
      unsubscribe = sandbox.onOpenFile((request) => setPanel({ kind: "file", request }));
      setSandbox(sandbox);
      const h = await sandbox.history();
      if (!stopped) setHistory(h);
    });
    return () => {
      stopped = true;
      unsubscribe();
    };
  }, [node, ready]);

  useEffect(() => {
    if (!history || !current || started.current === current) return;
    started.current = current;
    void history.startExercise(current);
  }, [history, current]);

  const after = useCallback(
    (what: string) => {
      setNotice(what);
      node?.regrade();
    },
    [node],
  );

  const closePanel = useCallback(() => {
    setPanel(null);
    node?.focusTerminal();
  }, [node]);

  if (!node) return null;
  return (
    <>
      <div className="history-bar">
        <button
          type="button"
          className="quiet-button"
          disabled={!history}
          onClick={() =>
            void history
              ?.undo()
              .then((entry) => after(entry ? `Undone: back to “${entry.message}”` : "Nothing to undo"))
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
            void history?.resetExercise(current).then(() => after("Exercise reset"));
          }}
        >
          Reset exercise
        </button>
        <button
          type="button"
          className="quiet-button"
          disabled={!history}
          onClick={() => void history?.changes(current).then((changes) => setPanel({ kind: "changes", changes }))}
        >
          What did I change?
        </button>
        <button
          type="button"
          className="quiet-button"
          aria-expanded={showFiles}
          disabled={!sandbox}
          onClick={() => setShowFiles(!showFiles)}
        >
          Files
        </button>
        <span className="history-notice" role="status">
          {notice}
        </span>
      </div>
      {showFiles && sandbox ? <FileTree sandbox={sandbox} open={(path) => node.run(`vi ${path}`)} /> : null}
      {panel?.kind === "file" ? (
        <FileEditor
          key={`${panel.request.path}:${panel.request.content.length}`}
          request={panel.request}
          onSave={async (content) => {
            const { sandbox } = await node.engine();
            const result = await sandbox.saveFile(panel.request.path, content);
            node.regrade();
            return result;
          }}
          onClose={closePanel}
        />
      ) : null}
      {panel?.kind === "changes" ? <ChangesView changes={panel.changes} onClose={closePanel} /> : null}
    </>
  );
}
