/**
 * Which lesson teaches each part of the node: the live diagram links a part (the kubelet, a
 * pod, the CNI config) to the first lesson, in course order, whose frontmatter `component`
 * names it. Computed at build time from the validated lessons and handed to the page.
 */
import type { PartComponent } from "@/sandbox";
import type { Lesson, lessonComponents } from "./schema";

export interface LessonLink {
  slug: string;
  title: string;
}

export type ComponentLessons = Partial<Record<PartComponent, LessonLink>>;

// The diagram's parts and the schema's components are the same list: a new one must be added to both.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const sameParts: Same<PartComponent, (typeof lessonComponents)[number]> = true;
void sameParts;

export function componentLessons(lessons: readonly Lesson[]): ComponentLessons {
  const links: ComponentLessons = {};
  for (const lesson of [...lessons].sort((a, b) => a.order - b.order)) {
    links[lesson.component] ??= { slug: lesson.slug, title: lesson.title };
  }
  return links;
}
