import { readFileSync } from "node:fs";
import { compile } from "@mdx-js/mdx";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import { describe, expect, it } from "vitest";
import { exerciseAnchor } from "@/app/components/exercise-anchor";
import { loadLessons } from "@/lib/content/load";
import { collectSections, RESERVED_IDS } from "./rehype-sections.mjs";

/** The hast of a lesson's body, as the site's remark plugins leave it (next.config.mjs). */
async function sectionsOf(slug: string) {
  let sections: ReturnType<typeof collectSections> = [];
  const capture = () => (tree: unknown) => {
    sections = collectSections(tree);
  };
  await compile(readFileSync(`content/${slug}.mdx`, "utf8"), {
    remarkPlugins: [remarkGfm, remarkFrontmatter],
    rehypePlugins: [capture],
  });
  return sections;
}

// Every real lesson: its headings' ids are unique on the page, where the exercise cards, the
// answer fields and the layout have ids of their own, so a table-of-contents or search link
// always lands on the heading it names.
describe("the lessons' sections", () => {
  for (const lesson of loadLessons()) {
    it(`${lesson.slug}: its headings' ids are unique and no other element of the page uses them`, async () => {
      const sections = await sectionsOf(lesson.slug);
      const ids = sections.map((section) => section.id).filter((id) => id !== "");
      expect(new Set(ids).size).toBe(ids.length);
      const taken = new Set([
        ...RESERVED_IDS,
        ...lesson.exercises.flatMap((e) => [exerciseAnchor(e.id), `answer-${e.id}`]),
      ]);
      expect(ids.filter((id) => taken.has(id))).toEqual([]);
    });
  }
});
