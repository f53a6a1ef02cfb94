"use client";
/**
 * "Reset lesson…": everything of this lesson back to a first visit (exercises, answers, the
 * node's saved state, the terminal's history), after the learner confirms. "Reset node" beside
 * it only puts the node back; "New attempt" (random-fault lessons) also changes the fault.
 */
import { useEffect, useRef, useState } from "react";
import { useProgress } from "../components/lesson-runtime";
import "./progress.css";

export function ResetLesson() {
  const progress = useProgress();
  const [asking, setAsking] = useState(false);
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) confirm.current?.focus();
  }, [asking]);
  if (!progress) return null;
  if (!asking) {
    return (
      <button
        type="button"
        className="quiet-button"
        onClick={() => setAsking(true)}
        disabled={progress.engineState === "loading"}
        title="Clear this lesson's exercises, answers, node and terminal history"
      >
        Reset lesson…
      </button>
    );
  }
  return (
    <fieldset className="reset-lesson-confirm">
      <legend>Clear this lesson's exercises, answers, node and terminal history?</legend>
      <button
        ref={confirm}
        type="button"
        className="quiet-button danger"
        onClick={() => {
          setAsking(false);
          progress.resetLesson();
        }}
      >
        Reset lesson
      </button>
      <button type="button" className="quiet-button" onClick={() => setAsking(false)}>
        Cancel
      </button>
    </fieldset>
  );
}
