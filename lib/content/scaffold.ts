/**
 * The lesson `npm run new-lesson -- "Title"` writes: a valid frontmatter with one exercise whose
 * check fails on the fresh node and whose solution passes it, and a body that places the
 * exercise and shows a click-to-run command, so `npm run check:content` passes at once and the
 * author replaces parts rather than starting from nothing.
 */
import { readdirSync } from "node:fs";
import { readFrontmatter } from "./frontmatter";

export interface ScaffoldOptions {
  title: string;
  slug: string;
  order: number;
  component: string;
  scenario: string;
}

/** YAML's double-quoted form (JSON's escapes are valid YAML), when plain text would be misread. */
function yamlText(text: string): string {
  return /^[\w(][^:#]*$/.test(text) && !/\s$/.test(text) ? text : JSON.stringify(text);
}

export function scaffoldLesson({ title, slug, order, component, scenario }: ScaffoldOptions): string {
  const note = `/root/${slug}.txt`;
  return `---
title: ${yamlText(title)}
order: ${order}
component: ${component}
scenario: ${scenario}
objectives:
  - Replace this line with what the learner can do after the lesson
exercises:
  - id: leave-a-note
    title: Leave a note on the node
    prompt: Write \`done\` into \`${note}\`. (An example exercise; replace it with your own.)
    check: { kind: file, path: ${note}, contains: done }
    hints:
      - "\`echo TEXT > FILE\` writes a file."
      - "\`echo done > ${note}\`"
    solution:
      - echo done > ${note}
---

Start with why this part of the node matters, then let the learner look at it:

<Cmd>systemctl status kubelet</Cmd>

<Exercise id="leave-a-note" />
`;
}

/** The next free order: one past the highest `order:` of the lessons in `dir` (1 in an empty folder). */
export function nextOrder(dir: string, read: (file: string) => string): number {
  const orders = readdirSync(dir)
    .filter((name) => name.endsWith(".mdx"))
    .flatMap((name) => {
      const result = readFrontmatter(read(`${dir}/${name}`));
      const order = result.ok ? (result.frontmatter.data as { order?: unknown } | null)?.order : undefined;
      return typeof order === "number" && Number.isInteger(order) ? [order] : [];
    });
  return orders.length > 0 ? Math.max(...orders) + 1 : 1;
}
