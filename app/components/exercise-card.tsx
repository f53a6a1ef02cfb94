"use client";
/**
 * `<Exercise id="...">` in a lesson: the exercise's card where the text places it. Title, what
 * to do, its status (it turns green by itself once the node is in the asked-for state), the
 * hints one at a time, and the reference solution as click-to-run commands.
 */
import { type ReactNode, useRef, useState } from "react";
import { questionOf } from "@/lib/content/question";
import type { Exercise as ExerciseData } from "@/lib/content/schema";
import { Cmd } from "./cmd";
import { exerciseAnchor } from "./exercise-anchor";
import { STATUS_LABEL } from "./grading";
import { InlineMarkdown } from "./inline-markdown";
import { useProgress } from "./lesson-runtime";

// Where the exercise list (and search) found it before it had a module of its own.
export { exerciseAnchor };

function Hints({ hints }: { hints: readonly string[] }) {
  const [shown, setShown] = useState(0);
  return (
    <div className="exercise-hints">
      {shown > 0 && (
        <ol aria-label="Hints">
          {hints.slice(0, shown).map((hint) => (
            <li key={hint}>
              <InlineMarkdown text={hint} />
            </li>
          ))}
        </ol>
      )}
      {shown < hints.length && (
        <button type="button" className="quiet-button" onClick={() => setShown(shown + 1)}>
          {shown === 0 ? "Show a hint" : "Show another hint"} ({shown + 1} of {hints.length})
        </button>
      )}
    </div>
  );
}

/**
 * The reference solution, behind a confirmation: seeing it ends the puzzle, so one click on
 * "Show solution" asks first ("Show it" or "Not yet"); focus follows each step for keyboard users.
 */
function Solution({ lines, answer }: { lines: readonly string[]; answer?: string }) {
  const [step, setStep] = useState<"hidden" | "confirm" | "shown">("hidden");
  const backFromConfirm = useRef(false);
  const focusOnMount = (element: HTMLElement | null) => element?.focus();
  if (step === "hidden") {
    return (
      <div className="exercise-solution">
        <button
          type="button"
          className="quiet-button"
          ref={(element) => {
            if (backFromConfirm.current) element?.focus();
            backFromConfirm.current = false;
          }}
          onClick={() => setStep("confirm")}
        >
          Show solution
        </button>
      </div>
    );
  }
  if (step === "confirm") {
    return (
      <div className="exercise-solution solution-confirm">
        <p>Show the solution? Trying the hints first teaches more.</p>
        <button type="button" className="quiet-button" ref={focusOnMount} onClick={() => setStep("shown")}>
          Show it
        </button>{" "}
        <button
          type="button"
          className="quiet-button"
          onClick={() => {
            backFromConfirm.current = true;
            setStep("hidden");
          }}
        >
          Not yet
        </button>
      </div>
    );
  }
  return (
    <div className="exercise-solution" tabIndex={-1} ref={focusOnMount}>
      <h4 className="solution-title">Solution</h4>
      {answer !== undefined && (
        <p>
          Answer (on the node as the lesson starts it): <code>{answer}</code>
        </p>
      )}
      <ol aria-label="Solution commands">
        {lines.map((line, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a solution may repeat a command
          <li key={index}>
            <Cmd>{line}</Cmd>
          </li>
        ))}
      </ol>
    </div>
  );
}

/** A question's answer field: what the learner types is graded against the node's state. */
function Question({ question, id }: { question: string; id: string }) {
  const progress = useProgress();
  const saved = progress?.answers[id] ?? "";
  const [text, setText] = useState(saved);
  const fieldId = `answer-${id}`;
  return (
    <form
      className="exercise-question"
      onSubmit={(event) => {
        event.preventDefault();
        progress?.answer(id, text);
      }}
    >
      <label htmlFor={fieldId}>{question}</label>
      <input
        id={fieldId}
        value={text}
        onChange={(e) => setText(e.target.value)}
        autoComplete="off"
        spellCheck={false}
      />
      <button type="submit" className="quiet-button">
        Check answer
      </button>
    </form>
  );
}

export function Exercise({ id, children }: { id: string; children?: ReactNode }) {
  const progress = useProgress();
  const index = progress?.exercises.findIndex((exercise) => exercise.id === id) ?? -1;
  const exercise: ExerciseData | undefined = progress?.exercises[index];
  if (!progress || !exercise) {
    // The build rejects unknown ids (lib/content/load.ts); this shows only outside a lesson page.
    return (
      <p role="alert" className="exercise-missing">
        Unknown exercise “{id}”.
      </p>
    );
  }
  const status = progress.status(id);
  const question = questionOf(exercise.check);
  const label = `Exercise ${index + 1}: ${exercise.title}`;
  return (
    <section id={exerciseAnchor(id)} className="exercise-card" data-status={status} aria-label={label}>
      <header className="exercise-head">
        <span className="exercise-number">Exercise {index + 1}</span>
        <h3>{exercise.title}</h3>
        <span className={`status-badge status-${status}`}>{STATUS_LABEL[status]}</span>
      </header>
      {exercise.prompt && <InlineMarkdown text={exercise.prompt} />}
      {children}
      {question !== undefined && <Question question={question} id={id} />}
      {status === "current" && progress.detail && (
        <p className="exercise-detail">
          <span className="detail-label">Not yet:</span> {progress.detail}
        </p>
      )}
      {status === "upcoming" && <p className="exercise-detail">Finish the exercises before this one first.</p>}
      {status === "done" && <p className="exercise-detail exercise-detail-done">Done: the node is in that state.</p>}
      <Hints hints={exercise.hints} />
      <Solution lines={exercise.solution} answer={exercise.answer} />
    </section>
  );
}
