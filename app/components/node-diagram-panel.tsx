"use client";
/**
 * The node's diagram beside the terminal, with its toggle (remembered in localStorage) and a
 * one-line summary of what is wrong, announced politely to screen readers as it changes. The
 * worker computes the node's picture only while the diagram is shown; the drawing's code loads
 * when the first picture arrives, after the node has booted behind the prompt.
 */
import { lazy, Suspense, useEffect, useState } from "react";
import type { ComponentLessons } from "@/lib/content/component-lessons";
import type { NodeView } from "@/sandbox";
import { useNode } from "./lesson-runtime";
import { loadDiagramShown, saveDiagramShown } from "./node-diagram-store";
import { diagramSummary } from "./node-diagram-summary";
import "./node-diagram.css";

const NodeDiagram = lazy(() => import("./node-diagram"));

export function NodeDiagramPanel({ lessons }: { lessons: ComponentLessons }) {
  const node = useNode();
  const [shown, setShown] = useState(true);
  const [view, setView] = useState<NodeView | null>(null);
  useEffect(() => setShown(loadDiagramShown()), []);
  useEffect(() => (node && shown ? node.watchView(setView) : undefined), [node, shown]);

  const toggle = () => {
    saveDiagramShown(!shown);
    setShown(!shown);
  };

  return (
    <section className="node-diagram-panel" aria-labelledby="node-diagram-title">
      <div className="node-diagram-head">
        <h2 id="node-diagram-title">Node diagram</h2>
        <p className="node-diagram-summary" role="status">
          {shown && view ? diagramSummary(view) : ""}
        </p>
        <button
          type="button"
          className="quiet-button"
          aria-expanded={shown}
          aria-controls="node-diagram-body"
          onClick={toggle}
        >
          {shown ? "Hide diagram" : "Show diagram"}
        </button>
      </div>
      {shown ? (
        <div id="node-diagram-body" className="node-diagram">
          {view ? (
            <Suspense fallback={<p className="node-diagram-waiting">Drawing the node…</p>}>
              <NodeDiagram view={view} lessons={lessons} />
            </Suspense>
          ) : (
            <p className="node-diagram-waiting">Waiting for the node…</p>
          )}
        </div>
      ) : null}
    </section>
  );
}
