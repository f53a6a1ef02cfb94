"use client";
/**
 * What the learner must know about their saved progress: a saved record that could not be read
 * (and was reset), or storage that will not keep anything (full, blocked). Shown where they look,
 * announced once, dismissable.
 */
import "./progress.css";

export function StorageNotices(props: { notices: readonly string[]; onDismiss?(notice: string): void }) {
  const { notices, onDismiss } = props;
  if (notices.length === 0) return null;
  return (
    <div className="storage-notices">
      {notices.map((notice) => (
        <p key={notice} role="alert" className="storage-notice">
          <span>{notice}</span>
          {onDismiss ? (
            <button type="button" className="quiet-button" onClick={() => onDismiss(notice)}>
              Dismiss
            </button>
          ) : null}
        </p>
      ))}
    </div>
  );
}
