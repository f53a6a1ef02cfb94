/**
 * The progress file a learner exports and imports on another browser: a format name, the
 * file format's version and the lesson records (record.ts, each with its own schema version,
 * so a file exported by an older page imports through the same migrations as stored records).
 * An import is all or nothing: the first problem refuses the whole file, with the reason.
 */
import { type LessonRecord, readLessonRecord } from "./record";

export const FILE_FORMAT = "inside-the-node-progress";
export const FILE_VERSION = 1;

export interface ProgressFile {
  format: typeof FILE_FORMAT;
  version: typeof FILE_VERSION;
  /** When the file was written (ISO 8601), for the learner; not read back. */
  exportedAt: string;
  lessons: LessonRecord[];
}

export function exportProgress(lessons: readonly LessonRecord[], now: Date): ProgressFile {
  return { format: FILE_FORMAT, version: FILE_VERSION, exportedAt: now.toISOString(), lessons: [...lessons] };
}

/** The file's name, dated: inside-the-node-progress-2025-10-30.json. */
export const exportFileName = (now: Date) => `${FILE_FORMAT}-${now.toISOString().slice(0, 10)}.json`;

export type ImportResult = { ok: true; lessons: LessonRecord[] } | { ok: false; reason: string };

/** Read an imported file's text; on any problem, why it is refused. */
export function parseProgressFile(text: string): ImportResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, reason: "the file is not JSON" };
  }
  if (typeof data !== "object" || data === null || Array.isArray(data) || !("format" in data)) {
    return { ok: false, reason: "the file is not an Inside the Node progress file" };
  }
  if (data.format !== FILE_FORMAT) {
    return { ok: false, reason: `the file is not an Inside the Node progress file (format "${String(data.format)}")` };
  }
  const version = "version" in data ? data.version : undefined;
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1) {
    return { ok: false, reason: "the file has no valid format version" };
  }
  if (version > FILE_VERSION) {
    return {
      ok: false,
      reason: `the file was written by a newer version of the course (format version ${version}; this page reads ${FILE_VERSION})`,
    };
  }
  const lessons = "lessons" in data ? data.lessons : undefined;
  if (!Array.isArray(lessons)) return { ok: false, reason: "the file has no list of lessons" };
  const records: LessonRecord[] = [];
  const seen = new Set<string>();
  for (const [i, raw] of lessons.entries()) {
    const read = readLessonRecord(raw);
    if (!read.ok) return { ok: false, reason: `lesson ${i + 1} in the file: ${read.reason}` };
    if (seen.has(read.record.slug)) {
      return { ok: false, reason: `lesson ${i + 1} in the file: "${read.record.slug}" appears twice` };
    }
    seen.add(read.record.slug);
    records.push(read.record);
  }
  return { ok: true, lessons: records };
}
