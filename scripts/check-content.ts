/**
 * `npm run check:content`: check every lesson the way a learner would meet it, without a build.
 * What the build checks (schema, `<Exercise>` tags against the exercises declared, orders,
 * internal links), then each lesson replayed on the emulated node (setup lines succeed, each
 * exercise's check fails before its solution and passes after it). Prints
 * `content: N lessons OK`, or one `file:line: what is wrong — how to fix it` per problem and
 * exits 1.
 *
 *   npm run check:content                      content/ (or CONTENT_DIR)
 *   npm run check:content -- DIR               another folder of lessons
 *   npm run check:content -- --no-replay       only what needs no node (fast)
 */
import { existsSync, statSync } from "node:fs";
import { parseArgs } from "node:util";
import { checkContent } from "@/lib/content/check";
import { CONTENT_DIR } from "@/lib/content/load";
import { formatProblem } from "@/lib/content/problem";

const { values, positionals } = parseArgs({
  options: { "no-replay": { type: "boolean" } },
  allowPositionals: true,
});
const dir = positionals[0] ?? CONTENT_DIR;
if (!existsSync(dir) || !statSync(dir).isDirectory()) {
  console.error(`content: no folder ${dir}/ — give a folder of lessons, e.g. npm run check:content -- content`);
  process.exit(1);
}

const { lessons, problems } = await checkContent(dir, { replay: !values["no-replay"] });
if (problems.length > 0) {
  console.error(`content: ${problems.length} problem${problems.length === 1 ? "" : "s"}\n`);
  for (const problem of problems) console.error(formatProblem(problem));
  process.exit(1);
}
if (lessons.length === 0) {
  console.error(`content: no lessons in ${dir}/ — add one: npm run new-lesson -- "Title"`);
  process.exit(1);
}
// The exact wording is what scripts and CI look for.
console.log(`content: ${lessons.length} lessons OK`);
