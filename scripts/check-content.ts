/**
 * `npm run check:content`: validate every lesson in content/ the way the build does, without
 * building. Prints `content: N lessons OK`, or every problem (file, field, fix) and exits 1.
 */
import { CONTENT_DIR, readLessons } from "@/lib/content/load";

const { lessons, problems } = readLessons(CONTENT_DIR);

if (problems.length > 0) {
  console.error(`content: ${problems.length} problem${problems.length === 1 ? "" : "s"}\n`);
  for (const problem of problems) console.error(`  ${problem}`);
  process.exit(1);
}
if (lessons.length === 0) {
  console.error(`content: no lessons in ${CONTENT_DIR}/. Fix: add a lesson file, e.g. ${CONTENT_DIR}/kubelet.mdx.`);
  process.exit(1);
}
// The exact wording is what scripts and CI look for.
console.log(`content: ${lessons.length} lessons OK`);
