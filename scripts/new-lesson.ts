/**
 * `npm run new-lesson -- "Title"`: write content/<slug>.mdx, a valid lesson with one example
 * exercise, in the next order slot; `npm run check:content` passes on it as written.
 *
 *   npm run new-lesson -- "The kubelet's config file"
 *   npm run new-lesson -- "Title" --slug kubelet-config --component kubelet --scenario kubelet-stopped
 *
 * Refuses a slug that is taken. CONTENT_DIR (or --dir) writes elsewhere, as tests do.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { CONTENT_DIR } from "@/lib/content/load";
import { nextOrder, scaffoldLesson } from "@/lib/content/scaffold";
import { lessonComponents } from "@/lib/content/schema";
import { slugify } from "@/lib/content/slug";
import { scenarioNames } from "@/sandbox";

const usage = `usage: npm run new-lesson -- "Title" [--slug SLUG] [--component NAME] [--scenario NAME] [--dir DIR]

Writes DIR/<slug>.mdx (DIR: ${CONTENT_DIR}), a lesson with one example exercise, ordered after the others.
  --slug SLUG        the file and URL name (default: from the title)
  --component NAME   one of ${lessonComponents.join(", ")} (default node)
  --scenario NAME    one of ${scenarioNames.join(", ")} (default healthy)
`;

function fail(message: string): never {
  process.stderr.write(`new-lesson: ${message}\n`);
  process.exit(1);
}

let parsed: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    options: {
      slug: { type: "string" },
      component: { type: "string", default: "node" },
      scenario: { type: "string", default: "healthy" },
      dir: { type: "string", default: CONTENT_DIR },
      help: { type: "boolean", short: "h" },
    },
    allowPositionals: true,
  });
}
try {
  parsed = parse();
} catch (error) {
  fail(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
}
const { values, positionals } = parsed;
if (values.help) {
  process.stdout.write(usage);
  process.exit(0);
}
const title = positionals.join(" ").trim();
if (!title) fail(`give the lesson's title\n\n${usage}`);
const slug = values.slug ?? slugify(title);
if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug)) {
  fail(
    `"${slug}" cannot be a lesson URL — pass --slug with lowercase letters, digits and single dashes, e.g. --slug my-lesson`,
  );
}
if (!(lessonComponents as readonly string[]).includes(values.component)) {
  fail(`unknown component "${values.component}" — use one of ${lessonComponents.join(", ")}`);
}
if (!scenarioNames.includes(values.scenario)) {
  fail(`unknown scenario "${values.scenario}" — use one of ${scenarioNames.join(", ")}`);
}
if (!existsSync(values.dir)) fail(`no folder ${values.dir}/ — create it, or pass --dir with the lessons' folder`);
const file = path.join(values.dir, `${slug}.mdx`);
if (existsSync(file)) {
  fail(`${file} already exists — choose another title, or pass --slug with another name`);
}
const order = nextOrder(values.dir, (name) => readFileSync(name, "utf8"));
writeFileSync(file, scaffoldLesson({ title, slug, order, component: values.component, scenario: values.scenario }));
process.stdout.write(
  `new-lesson: wrote ${file} (order ${order}, /lessons/${slug})\n` +
    `  next: edit it, then npm run check:content; try it on the node: npm run shell -- --lesson ${slug}\n`,
);
