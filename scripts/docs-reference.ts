/**
 * `npm run docs:reference`: write the generated authoring reference from the schemas and the
 * sandbox's registries:
 *
 *   content/REFERENCE.md        frontmatter fields, exercise fields, check kinds, scenarios
 *   content/lesson.schema.json  the frontmatter as JSON Schema, for editors
 *
 * lib/content/reference.test.ts fails while either committed file differs from what this writes.
 */
import { writeFileSync } from "node:fs";
import { GENERATED_FILES } from "@/lib/content/generated";

for (const { path, text } of GENERATED_FILES) {
  writeFileSync(path, text());
  console.log(`docs:reference: wrote ${path}`);
}
