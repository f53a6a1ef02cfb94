/**
 * Turn zod issues into problems that name the field, what is wrong and the fix, e.g.
 * `exercises[1].check.kind: got "units", expected one of unit, ...` — `Did you mean "unit"? ...`.
 * The fix text comes from the field's own `.describe()` in schema.ts wherever it can.
 */
import type { z } from "zod";

type Issue = z.core.$ZodIssue;
type Path = readonly PropertyKey[];

/** The little of zod's runtime schema shape this module walks (zod 4 `def`). */
interface SchemaNode {
  description?: string;
  def: {
    type: string;
    shape?: Record<string, SchemaNode>;
    element?: SchemaNode;
    innerType?: SchemaNode;
    options?: SchemaNode[];
    getter?: () => SchemaNode;
  };
}

export function formatPath(path: Path): string {
  let text = "";
  for (const key of path) {
    text += typeof key === "number" ? `[${key}]` : `${text ? "." : ""}${String(key)}`;
  }
  return text || "frontmatter";
}

function valueAt(data: unknown, path: Path): unknown {
  let value = data;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function unwrap(node: SchemaNode): SchemaNode {
  let current = node;
  while (current.def.innerType || current.def.getter) {
    current = current.def.innerType ?? (current.def.getter as () => SchemaNode)();
  }
  return current;
}

/** The schema node at `path`, choosing a union's option by the `kind` the data has there. */
function schemaAt(root: SchemaNode, data: unknown, path: Path): SchemaNode | undefined {
  let node: SchemaNode | undefined = root;
  for (let i = 0; i <= path.length && node; i++) {
    if (i === path.length) return node;
    const inner = unwrap(node);
    if (inner.def.options) {
      const kind = valueAt(data, [...path.slice(0, i), "kind"]);
      node = inner.def.options.find((option) => {
        const shape = unwrap(option).def.shape;
        return shape?.kind && valueAt(unwrap(shape.kind), ["def", "values", 0]) === kind;
      });
      i--; // the union did not consume a path segment
      continue;
    }
    const key = path[i];
    node = typeof key === "number" ? inner.def.element : inner.def.shape?.[String(key)];
  }
  return node;
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return "a list";
  if (value === null) return "null";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "string") return JSON.stringify(value);
  return `${typeof value} ${String(value)}`;
}

const EXPECTED: Record<string, string> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  array: "a list",
  object: "a mapping of fields",
};

/** Edit distance, for "did you mean" suggestions. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
    }
    previous = current;
  }
  return previous[b.length] as number;
}

export function closest(word: string, candidates: readonly string[]): string | undefined {
  const ranked = candidates
    .map((candidate) => ({ candidate, d: distance(word.toLowerCase(), candidate.toLowerCase()) }))
    .sort((x, y) => x.d - y.d);
  const best = ranked[0];
  return best && best.d <= Math.max(2, Math.floor(word.length / 3)) ? best.candidate : undefined;
}

/** What to do, plus the field's own description from the schema when it has one. */
function fix(root: SchemaNode, data: unknown, path: Path, action: string): string {
  const description = schemaAt(root, data, path)?.description;
  const key = [...path].reverse().find((part) => typeof part === "string");
  return description ? `${action}. (${String(key)}: ${description})` : `${action}.`;
}

export interface FieldProblem {
  path: Path;
  problem: string;
  fix: string;
}

function explain(issue: Issue, root: SchemaNode, data: unknown, base: Path): FieldProblem[] {
  const path = [...base, ...issue.path];
  const value = valueAt(data, path);
  if (value === undefined && issue.code !== "unrecognized_keys" && issue.code !== "invalid_union") {
    return [{ path, problem: "missing", fix: fix(root, data, path, "Add it") }];
  }
  switch (issue.code) {
    case "invalid_union":
      return explainUnion(issue.errors, root, data, path);
    case "invalid_type": {
      const expected = EXPECTED[issue.expected] ?? issue.expected;
      // `- echo a: b` or `title: Pods: a tour` is a mapping to YAML, not the text it looks like.
      const colon = issue.expected === "string" && value !== null && typeof value === "object" && !Array.isArray(value);
      const action = colon
        ? 'Quote the whole value: an unquoted ": " makes YAML read a mapping'
        : `Make it ${expected}`;
      return [
        { path, problem: `got ${describeValue(value)}, expected ${expected}`, fix: fix(root, data, path, action) },
      ];
    }
    case "invalid_value": {
      const allowed = issue.values.map(String);
      const guess = typeof value === "string" ? closest(value, allowed) : undefined;
      return [
        {
          path,
          problem: `got ${describeValue(value)}, expected ${allowed.length === 1 ? allowed[0] : `one of ${allowed.join(", ")}`}`,
          fix: fix(
            root,
            data,
            path,
            guess ? `Did you mean "${guess}"? Use one of those values` : "Use one of those values",
          ),
        },
      ];
    }
    case "unrecognized_keys": {
      const known = Object.keys(unwrap(schemaAt(root, data, path) ?? { def: { type: "" } }).def.shape ?? {});
      return issue.keys.map((key) => {
        const guess = closest(key, known);
        return {
          path: [...path, key],
          problem: "unknown field",
          fix: `${guess ? `Rename it to "${guess}", or remove it` : "Remove it"}; the fields here are ${known.join(", ")}.`,
        };
      });
    }
    case "too_small":
      if (issue.origin === "array") {
        const count = Array.isArray(value) ? value.length : 0;
        return [
          {
            path,
            problem: `has ${count} entries, expected at least ${issue.minimum}`,
            fix: fix(root, data, path, `Add ${Number(issue.minimum) - count === 1 ? "one" : "some"}`),
          },
        ];
      }
      return [{ path, problem: "is empty", fix: fix(root, data, path, "Fill it in") }];
    default: {
      const got = typeof value === "string" && !issue.message.startsWith("got ") ? `got ${describeValue(value)}, ` : "";
      const action = issue.message.includes("expected one of") ? "Use one of those" : "Change it";
      return [{ path, problem: `${got}${issue.message}`, fix: fix(root, data, path, action) }];
    }
  }
}

/**
 * A union (the check kinds) fails as a whole. If no option accepts the `kind`, say which kinds
 * exist; otherwise report only what the option with that kind objects to.
 */
function explainUnion(branches: Issue[][], root: SchemaNode, data: unknown, path: Path): FieldProblem[] {
  const value = valueAt(data, path);
  const kindIssue = (branch: Issue[]) =>
    branch.find((issue) => issue.code === "invalid_value" && issue.path.length === 1 && issue.path[0] === "kind");
  const matching = branches.find((branch) => !kindIssue(branch));
  if (matching) return matching.flatMap((issue) => explain(issue, root, data, path));
  const kinds = branches.flatMap((branch) => {
    const issue = kindIssue(branch);
    return issue?.code === "invalid_value" ? issue.values.map(String) : [];
  });
  const schemaNote = "Each kind and its fields are listed in content/REFERENCE.md.";
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return [
      {
        path,
        problem: `got ${describeValue(value)}, expected a mapping with a kind (${kinds.join(", ")})`,
        fix: `Make it a mapping such as { kind: unit, unit: kubelet.service, active: inactive }. ${schemaNote}`,
      },
    ];
  }
  const kind = (value as Record<string, unknown>).kind;
  const guess = typeof kind === "string" ? closest(kind, kinds) : undefined;
  return [
    {
      path: [...path, "kind"],
      problem: `${kind === undefined ? "missing" : `got ${describeValue(kind)}`}, expected one of ${kinds.join(", ")}`,
      fix: `${guess ? `Did you mean "${guess}"? ` : ""}${schemaNote}`,
    },
  ];
}

/** Each problem with the field it is about (to find its line), what is wrong and the fix. */
export function explainIssues(issues: readonly Issue[], schema: z.ZodType, data: unknown): FieldProblem[] {
  const root = schema as unknown as SchemaNode;
  return issues.flatMap((issue) => explain(issue, root, data, []));
}
