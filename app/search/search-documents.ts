/**
 * The documents of the search index, from the lessons' frontmatter and their compiled sections:
 * the text before the first heading (with the objectives), each h2/h3 section, and each exercise
 * (its title and what it asks; hints and solutions stay out, so a search does not give them away).
 */

import type { LessonSection } from "@/lib/content/lesson-module";
import type { Lesson } from "@/lib/content/schema";
import { exerciseAnchor } from "../components/exercise-anchor";
import type { SearchDocument } from "./search-options";

type LessonText = Pick<Lesson, "slug" | "title" | "objectives" | "exercises">;

export function searchDocuments(lesson: LessonText, sections: readonly LessonSection[]): SearchDocument[] {
  const doc = (anchor: string, title: string, text: string): SearchDocument => ({
    id: `${lesson.slug}#${anchor}`,
    slug: lesson.slug,
    lesson: lesson.title,
    title,
    anchor,
    text: text.replace(/\s+/g, " ").trim(),
  });
  const intro = sections.find((section) => section.id === "")?.text ?? "";
  return [
    doc("", lesson.title, `${lesson.objectives.join(". ")}. ${intro}`),
    ...sections.filter((section) => section.id !== "").map((section) => doc(section.id, section.title, section.text)),
    ...lesson.exercises.map((exercise) =>
      // The prompt is inline Markdown: its code and emphasis marks are not words.
      doc(exerciseAnchor(exercise.id), `Exercise: ${exercise.title}`, (exercise.prompt ?? "").replace(/[`*]/g, "")),
    ),
  ];
}

/** A short piece of `text` around the first of `terms` it holds (MiniSearch's matched terms), for a result. */
export function excerpt(text: string, terms: readonly string[], width = 140): string {
  const lower = text.toLowerCase();
  const at = terms
    .map((term) => lower.indexOf(term.toLowerCase()))
    .filter((index) => index >= 0)
    .reduce((first, index) => Math.min(first, index), Number.POSITIVE_INFINITY);
  const from = Number.isFinite(at) ? Math.max(0, at - Math.floor(width / 3)) : 0;
  const to = Math.min(text.length, from + width);
  // Cut at word boundaries where there is one near.
  const start = from === 0 ? 0 : text.indexOf(" ", from) + 1 || from;
  const endSpace = to === text.length ? to : text.lastIndexOf(" ", to);
  const end = endSpace > start ? endSpace : to;
  return `${start > 0 ? "…" : ""}${text.slice(start, end)}${end < text.length ? "…" : ""}`;
}
