import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { scenarioNames } from "@/sandbox";
import { GENERATED_FILES } from "./generated";
import { lessonJsonSchema } from "./json-schema";
import { referenceMarkdown } from "./reference";

describe("the generated authoring reference", () => {
  it.each(GENERATED_FILES.map((file) => [file.path, file] as const))("%s is current", (path, file) => {
    const committed = readFileSync(path, "utf8");
    expect(
      committed === file.text(),
      `${path} is stale: the schemas or the scenario registry changed. Regenerate it with: npm run docs:reference`,
    ).toBe(true);
  });

  it("lists every scenario and every check kind", () => {
    const text = referenceMarkdown();
    for (const name of scenarioNames) expect(text).toContain(`| \`${name}\` |`);
    const kinds = [...text.matchAll(/^### `([a-z-]+)`$/gm)].map((m) => m[1]);
    expect(kinds).toEqual([
      "unit",
      "node-condition",
      "object-field",
      "file",
      "pods",
      "container",
      "process",
      "iptables",
      "answer",
      "all",
    ]);
  });

  it("gives editors the field descriptions, the enums and the required fields", () => {
    const schema = lessonJsonSchema() as {
      $schema: string;
      required: string[];
      additionalProperties: boolean;
      properties: Record<string, { description?: string; enum?: string[] }>;
    };
    expect(schema.$schema).toBe("http://json-schema.org/draft-07/schema#");
    expect(schema.required).toEqual(["title", "order", "component", "scenario", "objectives"]);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.scenario?.enum).toEqual(scenarioNames);
    for (const [name, field] of Object.entries(schema.properties)) {
      expect(field.description, `${name} has no description`).toMatch(/\S/);
    }
  });

  it("points every $ref at a definition it has", () => {
    const text = JSON.stringify(lessonJsonSchema());
    const definitions = Object.keys((lessonJsonSchema() as { definitions: object }).definitions);
    const refs = [...new Set([...text.matchAll(/"\$ref":"#\/definitions\/([^"]+)"/g)].map((m) => m[1]))];
    expect(refs.sort()).toEqual(["allCheck", "check"]);
    expect(definitions.sort()).toEqual(["allCheck", "check"]);
    expect(text).not.toContain("__schema");
  });
});
