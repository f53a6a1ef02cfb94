/**
 * Read the course from `content/*.mdx`: parse each file's YAML frontmatter, validate it with
 * the one schema, and check what a single file cannot see (orders and slugs across lessons,
 * `<Exercise id>` tags that name no exercise). Every problem of every file is collected
 * before anything is thrown, so one build run lists them all.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseDocument } from "yaml";
import { explainIssues } from "./issues";
import { type Lesson, lessonFrontmatterSchema } from "./schema";

export const CONTENT_DIR = "content";

/** Thrown with every problem found; `problems` holds one line each. */
export class LessonContentError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(
      `${problems.length} problem${problems.length === 1 ? "" : "s"} in the lessons:\n${problems.map((p) => `  ${p}`).join("\n")}`,
    );
    this.name = "LessonContentError";
  }
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const EXERCISE_TAG = /<Exercise\s[^>]*?\bid\s*=\s*(?:"([^"]*)"|'([^']*)'|\{\s*["']([^"']*)["']\s*\})/g;

function slugify(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** Validate one lesson file's text. `file` is the path shown in messages. */
export function parseLesson(file: string, source: string): { lesson?: Lesson; problems: string[] } {
  const problems: string[] = [];
  const slug = path.basename(file, ".mdx");
  if (!SLUG.test(slug)) {
    problems.push(
      `${file}: file name: "${slug}" cannot be a lesson URL. Fix: Rename the file to ${slugify(slug) || "my-lesson"}.mdx (lowercase letters, digits and single dashes).`,
    );
  }
  const match = FRONTMATTER.exec(source);
  if (!match) {
    problems.push(
      `${file}: frontmatter: missing. Fix: Start the file with a YAML block between two --- lines holding title, order, component, scenario, objectives and exercises (see content/README.md).`,
    );
    return { problems };
  }
  const document = parseDocument(match[1] as string);
  const yamlError = document.errors[0];
  if (yamlError) {
    // +1: the opening `---` is line 1 of the file
    const where = yamlError.linePos ? ` at line ${yamlError.linePos[0].line + 1}` : "";
    const reason = yamlError.message.split(" at line ")[0]?.split("\n")[0];
    problems.push(
      `${file}: frontmatter: the YAML does not parse${where} (${reason}). Fix: Check the indentation and quote values that contain ": " or start with a backtick or quote.`,
    );
    return { problems };
  }
  const data: unknown = document.toJS();
  const parsed = lessonFrontmatterSchema.safeParse(data);
  if (!parsed.success) {
    problems.push(...explainIssues(file, parsed.error.issues, lessonFrontmatterSchema, data));
    return { problems };
  }
  const ids = parsed.data.exercises.map((exercise) => exercise.id);
  const body = source.slice(match[0].length);
  for (const tag of body.matchAll(EXERCISE_TAG)) {
    const id = tag[1] ?? tag[2] ?? tag[3] ?? "";
    if (!ids.includes(id)) {
      problems.push(
        `${file}: body: <Exercise id="${id}"> names no exercise of this lesson. Fix: Use one of the ids in the frontmatter (${ids.join(", ") || "none yet: add the exercise under exercises"}).`,
      );
    }
  }
  return problems.length > 0 ? { problems } : { lesson: { ...parsed.data, slug, file }, problems };
}

/** All lessons in `dir`, validated, by order, plus every problem found. Never throws for bad content. */
export function readLessons(dir: string = CONTENT_DIR): { lessons: Lesson[]; problems: string[] } {
  const absolute = path.resolve(dir);
  const label = (name: string) => path.relative(process.cwd(), path.join(absolute, name)).split(path.sep).join("/");
  const files = readdirSync(absolute).sort();
  const names = files.filter((name) => name.endsWith(".mdx"));
  const lessons: Lesson[] = [];
  const problems: string[] = [];
  for (const name of files.filter((name) => /\.mdx?$/i.test(name) && !name.endsWith(".mdx"))) {
    if (name === "README.md") continue;
    problems.push(
      `${label(name)}: file name: lessons are read from .mdx files only, so this file is ignored. Fix: Rename it to ${slugify(name.replace(/\.mdx?$/i, ""))}.mdx, or move it out of ${dir}/ (README.md is the one Markdown file kept there).`,
    );
  }
  for (const name of names) {
    const result = parseLesson(label(name), readFileSync(path.join(absolute, name), "utf8"));
    problems.push(...result.problems);
    if (result.lesson) lessons.push(result.lesson);
  }
  const byOrder = new Map<number, Lesson>();
  for (const lesson of lessons) {
    const first = byOrder.get(lesson.order);
    if (first) {
      problems.push(
        `${lesson.file}: order: ${lesson.order} is already the order of ${first.file}. Fix: Give each lesson its own order (the highest now is ${Math.max(...lessons.map((l) => l.order))}).`,
      );
    } else byOrder.set(lesson.order, lesson);
  }
  lessons.sort((a, b) => a.order - b.order || a.slug.localeCompare(b.slug));
  return { lessons, problems };
}

/** All lessons in `dir`, by order; throws a LessonContentError naming every problem. */
export function loadLessons(dir: string = CONTENT_DIR): Lesson[] {
  const { lessons, problems } = readLessons(dir);
  if (problems.length > 0) throw new LessonContentError(problems);
  return lessons;
}
