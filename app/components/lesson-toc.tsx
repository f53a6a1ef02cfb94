/**
 * The lesson's table of contents, from its h2/h3 headings at build time (the sections that
 * lib/mdx/rehype-sections.mjs exports): h3s nest under the h2 before them.
 */
import type { LessonSection } from "@/lib/content/lesson-module";

interface Entry {
  section: LessonSection;
  children: LessonSection[];
}

function nest(sections: readonly LessonSection[]): Entry[] {
  const entries: Entry[] = [];
  for (const section of sections) {
    const parent = entries[entries.length - 1];
    if (section.depth === 3 && parent) parent.children.push(section);
    else entries.push({ section, children: [] });
  }
  return entries;
}

export function LessonToc({ sections }: { sections: readonly LessonSection[] }) {
  if (sections.length < 2) return null;
  return (
    <nav className="lesson-toc" aria-label="On this page">
      <p className="lesson-toc-title" aria-hidden="true">
        On this page
      </p>
      <ol>
        {nest(sections).map(({ section, children }) => (
          <li key={section.id}>
            <a href={`#${section.id}`}>{section.title}</a>
            {children.length > 0 && (
              <ol className="lesson-toc-sub">
                {children.map((child) => (
                  <li key={child.id}>
                    <a href={`#${child.id}`}>{child.title}</a>
                  </li>
                ))}
              </ol>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
