/**
 * A lesson's compiled MDX module: the body to render and its sections (headings with their ids
 * and text), which lib/mdx/rehype-sections.mjs exports from every lesson at build time. `@lessons`
 * is content/, or CONTENT_DIR for a fixture build (next.config.mjs).
 */
import type { MDXContent } from "mdx/types";
import type { LessonSection } from "../mdx/rehype-sections.mjs";

export type { LessonSection };

export interface LessonModule {
  default: MDXContent;
  sections: readonly LessonSection[];
}

export async function loadLessonModule(slug: string): Promise<LessonModule> {
  const module: Partial<LessonModule> & { default: MDXContent } = await import(`@lessons/${slug}.mdx`);
  return { default: module.default, sections: module.sections ?? [] };
}

/** The table of contents: the h2 and h3 sections, in order. */
export const tocOf = (sections: readonly LessonSection[]) =>
  sections.filter((section) => section.depth === 2 || section.depth === 3);
