/**
 * Read the course from `content/*.mdx` (or CONTENT_DIR): parse each file's YAML frontmatter,
 * validate it with the one schema, and check what a single file cannot see (orders across
 * lessons, `<Exercise id>` tags against the exercises declared, internal links). Every problem
 * of every file is collected, with its file and line, before anything is thrown, so one build
 * run lists them all. Replaying exercises on the node is check.ts's job (it is slower).
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { contentDirFrom } from "@/lib/site-paths.mjs";
import { type BodyScan, scanBody } from "./body";
import { readFrontmatter } from "./frontmatter";
import { explainIssues, formatPath } from "./issues";
import { checkLinks } from "./links";
import { formatProblem, type Problem, sortProblems } from "./problem";
import { type Lesson, lessonFrontmatterSchema } from "./schema";
import { slugify } from "./slug";

/** Where lessons are read from: content/, or another folder for a fixture build (CONTENT_DIR=...). */
export const CONTENT_DIR = contentDirFrom();

/** The Markdown files kept beside the lessons that are not lessons. */
export const CONTENT_DOCS = ["README.md", "REFERENCE.md"];

/** Thrown with every problem found; `problems` holds one line each. */
export class LessonContentError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(
      `${problems.length} problem${problems.length === 1 ? "" : "s"} in the lessons:\n${problems.map((p) => `  ${p}`).join("\n")}`,
    );
    this.name = "LessonContentError";
  }
}

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** One lesson file as read: the lesson if it is valid, where its fields are, what its body refers to. */
export interface LessonFile {
  file: string;
  slug: string;
  lesson?: Lesson;
  /** The file line of a frontmatter field (see frontmatter.ts). */
  lineOf: (path: readonly PropertyKey[]) => number;
  scan: BodyScan;
  problems: Problem[];
}

/** Validate one lesson file's text. `file` is the path shown in messages. */
export function parseLessonFile(file: string, source: string): LessonFile {
  const problems: Problem[] = [];
  const slug = path.basename(file, ".mdx");
  const result: LessonFile = { file, slug, lineOf: () => 1, scan: scanBody("", 1), problems };
  if (!SLUG.test(slug)) {
    problems.push({
      file,
      line: 1,
      what: `file name: "${slug}" cannot be a lesson URL`,
      fix: `Rename the file to ${slugify(slug) || "my-lesson"}.mdx (lowercase letters, digits and single dashes).`,
    });
  }
  const read = readFrontmatter(source);
  if (!read.ok) {
    problems.push(
      read.missing
        ? {
            file,
            line: 1,
            what: "frontmatter: missing",
            fix: "Start the file with a YAML block between two --- lines holding title, order, component, scenario, objectives and exercises (see content/README.md).",
          }
        : {
            file,
            line: read.line,
            what: `frontmatter: the YAML does not parse (${read.reason})`,
            fix: 'Check the indentation, and quote values that contain ": " or start with a backtick or quote.',
          },
    );
    return result;
  }
  const { data, lineOf, body, bodyLine } = read.frontmatter;
  result.lineOf = lineOf;
  result.scan = scanBody(body, bodyLine);
  const parsed = lessonFrontmatterSchema.safeParse(data);
  if (!parsed.success) {
    for (const { path: at, problem, fix } of explainIssues(parsed.error.issues, lessonFrontmatterSchema, data)) {
      problems.push({ file, line: lineOf(at), what: `${formatPath(at)}: ${problem}`, fix });
    }
    return result;
  }
  const ids = parsed.data.exercises.map((exercise) => exercise.id);
  const placed = new Map<string, number>();
  for (const { value: id, line } of result.scan.exerciseTags) {
    if (!ids.includes(id)) {
      problems.push({
        file,
        line,
        what: `<Exercise id="${id}"> names no exercise of this lesson`,
        fix: `Use one of the ids declared under exercises in the frontmatter (${ids.join(", ") || "none yet: declare the exercise there first"}).`,
      });
    } else if (placed.has(id)) {
      problems.push({
        file,
        line,
        what: `<Exercise id="${id}"> is placed twice (first on line ${placed.get(id)})`,
        fix: "Place each exercise's card once; remove one of the tags.",
      });
    } else placed.set(id, line);
  }
  parsed.data.exercises.forEach(({ id }, index) => {
    if (placed.has(id)) return;
    problems.push({
      file,
      line: lineOf(["exercises", index, "id"]),
      what: `exercises[${index}]: "${id}" is declared but no <Exercise id="${id}" /> places it in the text`,
      fix: `Add <Exercise id="${id}" /> to the body where the learner should meet it, or remove the exercise.`,
    });
  });
  if (problems.length === 0) result.lesson = { ...parsed.data, slug, file };
  return result;
}

/** Each lesson file of `dir`, read and checked on its own, then checked against the others. */
export function readLessonFiles(dir: string = CONTENT_DIR): { files: LessonFile[]; problems: Problem[] } {
  const absolute = path.resolve(dir);
  const label = (name: string) => path.relative(process.cwd(), path.join(absolute, name)).split(path.sep).join("/");
  const names = readdirSync(absolute).sort();
  const problems: Problem[] = [];
  for (const name of names.filter((n) => /\.mdx?$/i.test(n) && !n.endsWith(".mdx") && !CONTENT_DOCS.includes(n))) {
    problems.push({
      file: label(name),
      line: 1,
      what: "file name: lessons are read from .mdx files only, so this file is ignored",
      fix: `Rename it to ${slugify(name.replace(/\.mdx?$/i, ""))}.mdx, or move it out of ${dir}/ (${CONTENT_DOCS.join(" and ")} are the Markdown files kept there).`,
    });
  }
  const files = names
    .filter((name) => name.endsWith(".mdx"))
    .map((name) => parseLessonFile(label(name), readFileSync(path.join(absolute, name), "utf8")));
  for (const file of files) problems.push(...file.problems);
  const valid = files.flatMap((file) => (file.lesson ? [file.lesson] : []));
  const byOrder = new Map<number, Lesson>();
  for (const lesson of valid) {
    const first = byOrder.get(lesson.order);
    if (!first) {
      byOrder.set(lesson.order, lesson);
      continue;
    }
    const file = files.find((f) => f.lesson === lesson) as LessonFile;
    problems.push({
      file: lesson.file,
      line: file.lineOf(["order"]),
      what: `order: ${lesson.order} is already the order of ${first.file}`,
      fix: `Give each lesson its own order (the highest now is ${Math.max(...valid.map((l) => l.order))}).`,
    });
  }
  problems.push(
    ...checkLinks(files.map((f) => ({ slug: f.slug, file: f.file, scan: f.scan, exerciseIds: exerciseIdsOf(f) }))),
  );
  return { files, problems: sortProblems(problems) };
}

function exerciseIdsOf(file: LessonFile): string[] {
  return file.scan.exerciseTags.map((tag) => tag.value);
}

/** All lessons in `dir`, validated, by order, plus every problem found as `file:line: what — fix`. Never throws for bad content. */
export function readLessons(dir: string = CONTENT_DIR): { lessons: Lesson[]; problems: string[] } {
  const { files, problems } = readLessonFiles(dir);
  const lessons = files.flatMap((file) => (file.lesson ? [file.lesson] : []));
  lessons.sort((a, b) => a.order - b.order || a.slug.localeCompare(b.slug));
  return { lessons, problems: problems.map(formatProblem) };
}

/** All lessons in `dir`, by order; throws a LessonContentError naming every problem. */
export function loadLessons(dir: string = CONTENT_DIR): Lesson[] {
  const { lessons, problems } = readLessons(dir);
  if (problems.length > 0) throw new LessonContentError(problems);
  return lessons;
}
