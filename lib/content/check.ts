/**
 * Everything `npm run check:content` checks in a content folder: what load.ts checks without a
 * node (schema, exercise tags, orders, links), then every valid lesson replayed on the emulated
 * node (replay.ts). The problems come back sorted by file and line.
 */
import { type LessonFile, readLessonFiles } from "./load";
import { type Problem, sortProblems } from "./problem";
import { replayLesson } from "./replay";
import type { Lesson } from "./schema";

export interface ContentReport {
  lessons: Lesson[];
  problems: Problem[];
}

export async function checkContent(dir: string, options: { replay?: boolean } = {}): Promise<ContentReport> {
  const { files, problems } = readLessonFiles(dir);
  const valid = files.filter((file): file is LessonFile & { lesson: Lesson } => file.lesson !== undefined);
  if (options.replay !== false) {
    for (const file of valid) problems.push(...(await replayLesson(file.lesson, file.lineOf)));
  }
  const lessons = valid.map((file) => file.lesson).sort((a, b) => a.order - b.order || a.slug.localeCompare(b.slug));
  return { lessons, problems: sortProblems(problems) };
}
