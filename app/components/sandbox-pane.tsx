"use client";
/**
 * The sandbox beside the lesson: the terminal into the node and the exercise list.
 */
import type { ComponentLessons } from "@/lib/content/component-lessons";
import { ResetLesson } from "../progress/reset-lesson";
import { StorageNotices } from "../progress/storage-notices";
import { ExerciseList } from "./exercise-list";
import { useNode, useProgress } from "./lesson-runtime";
import { NodeDiagramPanel } from "./node-diagram-panel";
import NodeTerminal from "./node-terminal";
import { NodeWorkbench } from "./node-workbench";
import { PacketTraceView } from "./packet-trace";

/** Scenarios whose fault the seed picks: their lessons offer a new attempt (another fault). */
const SEEDED_SCENARIOS = new Set(["random-fault"]);

const ENGINE_LABEL = {
  loading: "starting the node…",
  ready: "node running",
  failed: "node failed to start",
} as const;

export function SandboxPane({ scenario, lessons = {} }: { scenario: string; lessons?: ComponentLessons }) {
  const progress = useProgress();
  const node = useNode();
  const engineState = progress?.engineState ?? "loading";
  return (
    <aside className="sandbox-pane" aria-label="Sandbox">
      {progress ? <StorageNotices notices={progress.notices} onDismiss={progress.dismissNotice} /> : null}
      <div className="sandbox-bar">
        <span className={`engine-dot engine-${engineState}`} aria-hidden="true" />
        <span className="sandbox-host">aks-nodepool1-12345678-vmss000000</span>
        <span className="sandbox-status" role="status">
          {ENGINE_LABEL[engineState]}
          {progress?.engineError ? `: ${progress.engineError}` : ""}
        </span>
        <span className="sandbox-scenario" title="The node's start state">
          {scenario}
          {SEEDED_SCENARIOS.has(scenario) && progress ? `, attempt ${progress.attempt}` : ""}
        </span>
        <button
          type="button"
          className="quiet-button"
          onClick={() => node?.resetNode()}
          disabled={engineState !== "ready"}
          title="Put the node back in the lesson's start state (exercises done stay done)"
        >
          Reset node
        </button>
        <ResetLesson />
        {SEEDED_SCENARIOS.has(scenario) && progress ? (
          <button
            type="button"
            className="quiet-button"
            onClick={() => progress.newAttempt()}
            disabled={engineState === "loading"}
            title="Clear this lesson's progress and boot a node with another fault"
          >
            New attempt
          </button>
        ) : null}
      </div>
      <section className="terminal-region" aria-label="Node terminal" data-engine={engineState}>
        <NodeTerminal />
      </section>
      <NodeDiagramPanel lessons={lessons} />
      <NodeWorkbench />
      <PacketTraceView />
      <ExerciseList />
    </aside>
  );
}
