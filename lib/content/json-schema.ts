/**
 * The lesson frontmatter as a JSON Schema (content/lesson.schema.json), generated from the zod
 * schema so editors can complete and validate it with the same field descriptions the build's
 * errors quote. Draft-07: what the YAML language server (VS Code's YAML extension) reads.
 * `npm run docs:reference` writes it; reference.test.ts fails when the committed file is stale.
 */
import { z } from "zod";
import { lessonFrontmatterSchema } from "./schema";

type Json = Record<string, unknown>;

const SAFE_INTEGER_BOUNDS = [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER];

/**
 * zod writes the check union out in full wherever it is used (the exercise's check and inside
 * `kind: all`), and names the recursive `all` check `__schema0`. Give both a name in
 * `definitions` and point every copy at it, so the file reads like the reference it is.
 */
function nameDefinitions(schema: Json): Json {
  const definitions = (schema.definitions ?? {}) as Record<string, Json>;
  const exercise = (schema.properties as Record<string, Json>).exercises?.items as Json;
  const check = (exercise.properties as Record<string, Json>).check as Json;
  const union = JSON.stringify(check.anyOf);
  const renamed = JSON.parse(
    JSON.stringify({ ...schema, definitions }).replaceAll('"#/definitions/__schema0"', '"#/definitions/allCheck"'),
  ) as Json;
  const defs = renamed.definitions as Record<string, Json>;
  defs.allCheck = defs.__schema0 as Json;
  delete defs.__schema0;
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (node === null || typeof node !== "object") return node;
    const object = node as Json;
    if (object.anyOf && JSON.stringify(object.anyOf) === union.replaceAll("__schema0", "allCheck")) {
      const { anyOf: _, ...rest } = object;
      return { ...rest, $ref: "#/definitions/check" };
    }
    return Object.fromEntries(Object.entries(object).map(([key, value]) => [key, walk(value)]));
  };
  const result = walk(renamed) as Json;
  const named = result.definitions as Record<string, Json>;
  named.check = {
    description: "One check kind (the `kind` field picks it); content/REFERENCE.md lists each kind's fields.",
    anyOf: walk(JSON.parse(union.replaceAll("__schema0", "allCheck"))),
  };
  return result;
}

export function lessonJsonSchema(): Json {
  const generated = z.toJSONSchema(lessonFrontmatterSchema, {
    io: "input", // `exercises` has a default, so a lesson may leave it out
    target: "draft-07",
    override: ({ jsonSchema }) => {
      // `.int()` adds JavaScript's safe-integer bounds, which say nothing to an author.
      if (jsonSchema.minimum === SAFE_INTEGER_BOUNDS[0]) delete jsonSchema.minimum;
      if (jsonSchema.maximum === SAFE_INTEGER_BOUNDS[1]) delete jsonSchema.maximum;
    },
  }) as Json;
  return {
    $schema: generated.$schema,
    title: "Inside the Node lesson frontmatter",
    description:
      "The YAML frontmatter of a lesson (content/<slug>.mdx). Generated from lib/content/schema.ts by `npm run docs:reference`; do not edit.",
    ...nameDefinitions(generated),
  };
}

/** The file's text: stable key order as generated, two-space indent, final newline. */
export function lessonJsonSchemaText(): string {
  return `${JSON.stringify(lessonJsonSchema(), null, 2)}\n`;
}
