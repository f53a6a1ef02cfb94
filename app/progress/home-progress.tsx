"use client";
/**
 * The home page's view of the learner's progress: a bar per lesson and one for the course, and
 * the progress file's export and import. The page is static; the store is read after hydration
 * (its code loads then, off the first paint), and every bar holds its place before, so nothing
 * moves when the numbers arrive.
 */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useRef, useState } from "react";
import type { LessonRecord } from "./record";
import { StorageNotices } from "./storage-notices";
import "./progress.css";

export interface LessonSummary {
  slug: string;
  title: string;
  exercises: string[];
}

interface HomeState {
  lessons: readonly LessonSummary[];
  /** Records by slug; null until read. */
  records: ReadonlyMap<string, LessonRecord> | null;
  notices: readonly string[];
  dismiss(notice: string): void;
  /** Read the store again (after an import). */
  reload(): Promise<void>;
}

const HomeContext = createContext<HomeState | null>(null);

/** Exercises of the lesson done, counting only those the lesson still has. */
function doneIn(lesson: LessonSummary, record: LessonRecord | undefined): number {
  return record ? lesson.exercises.filter((id) => record.done.includes(id)).length : 0;
}

async function readStore(): Promise<{ records: Map<string, LessonRecord>; notices: string[] }> {
  const [{ ProgressDb }, { legacyStorage }] = await Promise.all([import("./progress-db"), import("./lesson-store")]);
  try {
    const db = await ProgressDb.open(legacyStorage());
    const all = await db.readAll();
    db.close();
    const records = new Map([...all].map(([slug, stored]) => [slug, stored.record]));
    const notices = [...all.values()].flatMap((stored) => (stored.notice ? [stored.notice] : []));
    return { records, notices };
  } catch (error) {
    return { records: new Map(), notices: [error instanceof Error ? error.message : String(error)] };
  }
}

export function HomeProgress(props: { lessons: LessonSummary[]; children: ReactNode }) {
  const [records, setRecords] = useState<ReadonlyMap<string, LessonRecord> | null>(null);
  const [notices, setNotices] = useState<readonly string[]>([]);
  const reload = useCallback(async () => {
    const read = await readStore();
    setRecords(read.records);
    setNotices((old) => [...new Set([...old, ...read.notices])]);
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);
  const dismiss = useCallback((notice: string) => setNotices((old) => old.filter((n) => n !== notice)), []);
  return (
    <HomeContext.Provider value={{ lessons: props.lessons, records, notices, dismiss, reload }}>
      {props.children}
    </HomeContext.Provider>
  );
}

function ProgressLine(props: { label: string; done: number | null; total: number }) {
  const { label, done, total } = props;
  const count = `${done ?? "–"} of ${total} exercise${total === 1 ? "" : "s"} done`;
  return (
    <p className="progress-line" data-loaded={done !== null}>
      <progress max={total} value={done ?? 0} aria-label={`${label}: ${count}`} />
      <span className="progress-count">{count}</span>
    </p>
  );
}

/** One lesson's bar in the lesson index. */
export function LessonProgress({ slug }: { slug: string }) {
  const home = useContext(HomeContext);
  const lesson = home?.lessons.find((l) => l.slug === slug);
  if (!home || !lesson || lesson.exercises.length === 0) return null;
  const done = home.records ? doneIn(lesson, home.records.get(slug)) : null;
  return <ProgressLine label={lesson.title} done={done} total={lesson.exercises.length} />;
}

/** The course's bar, the notices and the progress file's controls. */
export function CourseProgress() {
  const home = useContext(HomeContext);
  const [result, setResult] = useState<{ text: string; refused: boolean } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  if (!home) return null;
  const total = home.lessons.reduce((n, l) => n + l.exercises.length, 0);
  const records = home.records;
  const done = records ? home.lessons.reduce((n, l) => n + doneIn(l, records.get(l.slug)), 0) : null;

  const exportFile = async () => {
    const { exportProgress, exportFileName } = await import("./transfer");
    const { records: current } = await readStore();
    const now = new Date();
    const blob = new Blob([`${JSON.stringify(exportProgress([...current.values()], now), null, 2)}\n`], {
      type: "application/json",
    });
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = exportFileName(now);
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    setResult({
      text: `Exported the progress of ${current.size} lesson${current.size === 1 ? "" : "s"}.`,
      refused: false,
    });
  };

  const importFile = async (file: File) => {
    const [{ parseProgressFile }, { ProgressDb }] = await Promise.all([import("./transfer"), import("./progress-db")]);
    const parsed = parseProgressFile(await file.text());
    if (!parsed.ok) {
      setResult({ text: `Import refused: ${parsed.reason}. Nothing was changed.`, refused: true });
      return;
    }
    try {
      const db = await ProgressDb.open();
      await db.writeAll(parsed.lessons);
      db.close();
    } catch (error) {
      setResult({ text: `Import failed: ${error instanceof Error ? error.message : String(error)}.`, refused: true });
      return;
    }
    await home.reload();
    const n = parsed.lessons.length;
    setResult({ text: `Imported the progress of ${n} lesson${n === 1 ? "" : "s"} from ${file.name}.`, refused: false });
  };

  return (
    <section className="course-progress" aria-labelledby="course-progress-title">
      <StorageNotices notices={home.notices} onDismiss={home.dismiss} />
      <h2 id="course-progress-title">Your progress</h2>
      <ProgressLine label="The course" done={done} total={total} />
      <div className="progress-transfer">
        <button type="button" className="quiet-button" onClick={() => void exportFile()}>
          Export progress
        </button>
        <button type="button" className="quiet-button" onClick={() => fileInput.current?.click()}>
          Import progress
        </button>
        <input
          ref={fileInput}
          type="file"
          accept="application/json,.json"
          hidden
          aria-label="Progress file to import"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = "";
            if (file) void importFile(file);
          }}
        />
      </div>
      <p className="progress-transfer-result" role={result?.refused ? "alert" : "status"}>
        {result?.text ?? ""}
      </p>
    </section>
  );
}
