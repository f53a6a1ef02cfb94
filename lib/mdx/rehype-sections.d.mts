/** Types for rehype-sections.mjs (plain JavaScript so Turbopack's MDX loader can load it by path). */

/** One part of a lesson: the text before the first h2 (id "", depth 1), then one per h2/h3. */
export interface LessonSection {
  id: string;
  depth: 1 | 2 | 3;
  title: string;
  text: string;
}

export declare const RESERVED_IDS: string[];
export declare function createSlugger(reserved?: readonly string[]): (text: string) => string;
// biome-ignore lint/suspicious/noExplicitAny: a hast node of any kind
export declare function textOf(node: any): string;
// biome-ignore lint/suspicious/noExplicitAny: a hast root
export declare function collectSections(tree: any): LessonSection[];
// biome-ignore lint/suspicious/noExplicitAny: a hast root
export default function rehypeSections(): (tree: any) => void;
