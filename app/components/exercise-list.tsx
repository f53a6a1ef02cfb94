"use client";
/** The exercise list beside the terminal: the in-body cards' status at a glance. */
import { exerciseAnchor } from "./exercise-card";
import { STATUS_LABEL } from "./grading";
import { useProgress } from "./lesson-runtime";

const ICON = { done: "✓", current: "▸", upcoming: "○" } as const;

export function ExerciseList() {
  const progress = useProgress();
  if (!progress || progress.exercises.length === 0) return null;
  const { exercises, done } = progress;
  return (
    <section className="exercise-panel" aria-labelledby="exercise-panel-title">
      <div className="exercise-panel-head">
        <h2 id="exercise-panel-title">Exercises</h2>
        <span className="exercise-count">
          {done.size} of {exercises.length} done
        </span>
      </div>
      <ol className="exercise-items">
        {exercises.map((exercise) => {
          const status = progress.status(exercise.id);
          return (
            <li key={exercise.id} data-status={status} aria-label={`${exercise.title}: ${STATUS_LABEL[status]}`}>
              <span className={`status-icon status-${status}`} aria-hidden="true">
                {ICON[status]}
              </span>
              <span className="exercise-item-body">
                <a href={`#${exerciseAnchor(exercise.id)}`}>{exercise.title}</a>
                <span className="exercise-item-status">{STATUS_LABEL[status]}</span>
                {status === "current" && progress.detail && (
                  <span className="exercise-item-detail">{progress.detail}</span>
                )}
              </span>
            </li>
          );
        })}
      </ol>
      <p className="visually-hidden" aria-live="polite">
        {progress.announcement}
      </p>
    </section>
  );
}
