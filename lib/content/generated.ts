/** The files `npm run docs:reference` writes, and what each must hold (reference.test.ts compares). */
import { lessonJsonSchemaText } from "./json-schema";
import { referenceMarkdown } from "./reference";

export const GENERATED_FILES: readonly { path: string; text: () => string }[] = [
  { path: "content/REFERENCE.md", text: referenceMarkdown },
  { path: "content/lesson.schema.json", text: lessonJsonSchemaText },
];
