/**
 * kubectl's `-o jsonpath=TEMPLATE` (k8s.io/client-go/util/jsonpath): text with `{...}` actions.
 * Supported, as in kubectl: fields (`.status.capacity.pods`, `['key.with.dots']`), `[n]`, `[-1]`,
 * `[a:b]`, `[*]`, `..name` (recursive descent), filters `[?(@.type=="Ready")]` (`==`, `!=`, `<`,
 * `>`, `<=`, `>=`, and `[?(@.x)]` for existence), `{range ...}{end}`, `"quoted"` text with
 * `\n`/`\t`, and `{"\n"}`. Values print as kubectl prints them: strings bare, numbers and
 * booleans as literals, objects and lists as compact JSON, several results space-separated.
 */

type Json = unknown;

export class JsonPathError extends Error {}

type Step =
  | { kind: "field"; name: string }
  | { kind: "recursive"; name: string }
  | { kind: "wildcard" }
  | { kind: "index"; index: number }
  | { kind: "slice"; start?: number; end?: number }
  | { kind: "filter"; path: Step[]; op?: string; value?: Json };

type Node =
  | { kind: "text"; text: string }
  | { kind: "path"; steps: Step[]; fromRoot: boolean }
  | { kind: "range"; steps: Step[]; body: Node[] };

/** Split a template into text and `{...}` actions; `{range}` bodies nest until `{end}`. */
function parseTemplate(template: string): Node[] {
  const root: Node[] = [];
  const stack: Node[][] = [root];
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf("{", i);
    const current = stack[stack.length - 1] as Node[];
    if (open < 0) {
      current.push({ kind: "text", text: template.slice(i) });
      break;
    }
    if (open > i) current.push({ kind: "text", text: template.slice(i, open) });
    const close = findClose(template, open);
    if (close < 0) throw new JsonPathError(`unclosed action`);
    const action = template.slice(open + 1, close).trim();
    i = close + 1;
    if (action === "end") {
      if (stack.length === 1) throw new JsonPathError("not in range, nothing to end");
      stack.pop();
    } else if (action.startsWith("range ")) {
      const node: Node = { kind: "range", steps: parsePath(action.slice(6).trim()).steps, body: [] };
      current.push(node);
      stack.push(node.body);
    } else if (/^"(?:[^"\\]|\\.)*"$/.test(action)) {
      current.push({ kind: "text", text: unquote(action) });
    } else {
      current.push({ kind: "path", ...parsePath(action) });
    }
  }
  if (stack.length > 1) throw new JsonPathError("unclosed range");
  return root;
}

function findClose(s: string, open: number): number {
  let quote: string | undefined;
  for (let i = open + 1; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === "}") return i;
  }
  return -1;
}

function unquote(q: string): string {
  return q.slice(1, -1).replace(/\\(.)/g, (_, c: string) => ({ n: "\n", t: "\t", r: "\r" })[c] ?? c);
}

function parsePath(src: string): { steps: Step[]; fromRoot: boolean } {
  let s = src;
  let fromRoot = false;
  if (s.startsWith("$")) {
    fromRoot = true;
    s = s.slice(1);
  } else if (s.startsWith("@")) s = s.slice(1);
  const steps: Step[] = [];
  let i = 0;
  while (i < s.length) {
    if (s.startsWith("..", i)) {
      const m = /^\.\.([A-Za-z0-9_-]+)/.exec(s.slice(i));
      if (!m) throw new JsonPathError(`unrecognized character in action: ${s.slice(i)}`);
      steps.push({ kind: "recursive", name: m[1] as string });
      i += m[0].length;
    } else if (s[i] === ".") {
      const m = /^\.([A-Za-z0-9_\-/]*|\*)/.exec(s.slice(i));
      const name = m?.[1] ?? "";
      if (name === "*") steps.push({ kind: "wildcard" });
      else if (name) steps.push({ kind: "field", name });
      i += (m?.[0].length ?? 1) || 1;
    } else if (s[i] === "[") {
      const close = matchingBracket(s, i);
      if (close < 0) throw new JsonPathError(`unterminated array`);
      steps.push(parseBracket(s.slice(i + 1, close).trim()));
      i = close + 1;
    } else {
      throw new JsonPathError(
        `unrecognized character in action: U+${s.charCodeAt(i).toString(16).toUpperCase().padStart(4, "0")} '${s[i]}'`,
      );
    }
  }
  return { steps, fromRoot };
}

function matchingBracket(s: string, open: number): number {
  let depth = 0;
  let quote: string | undefined;
  for (let i = open; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === "[") depth++;
    else if (c === "]" && --depth === 0) return i;
  }
  return -1;
}

function parseBracket(inner: string): Step {
  if (inner === "*") return { kind: "wildcard" };
  const quoted = /^(['"])(.*)\1$/.exec(inner);
  if (quoted) return { kind: "field", name: quoted[2] as string };
  if (/^-?\d+$/.test(inner)) return { kind: "index", index: Number(inner) };
  const slice = /^(-?\d*):(-?\d*)$/.exec(inner);
  if (slice) {
    return {
      kind: "slice",
      start: slice[1] ? Number(slice[1]) : undefined,
      end: slice[2] ? Number(slice[2]) : undefined,
    };
  }
  const filter = /^\?\((.*)\)$/.exec(inner);
  if (filter) {
    const m = /^(@[^<>=!]*?)\s*(==|!=|<=|>=|<|>)\s*(.+)$/.exec((filter[1] as string).trim());
    if (!m) return { kind: "filter", path: parsePath((filter[1] as string).trim()).steps };
    const raw = (m[3] as string).trim();
    const value = /^(['"]).*\1$/.test(raw) ? raw.slice(1, -1) : Number.isNaN(Number(raw)) ? raw : Number(raw);
    return { kind: "filter", path: parsePath((m[1] as string).trim()).steps, op: m[2], value };
  }
  throw new JsonPathError(`invalid array index ${inner}`);
}

function apply(values: Json[], steps: Step[]): Json[] {
  let current = values;
  for (const step of steps) {
    const next: Json[] = [];
    for (const v of current) next.push(...applyStep(v, step));
    current = next;
  }
  return current;
}

const isObject = (v: Json): v is Record<string, Json> => typeof v === "object" && v !== null && !Array.isArray(v);

function applyStep(v: Json, step: Step): Json[] {
  switch (step.kind) {
    case "field":
      return isObject(v) && step.name in v ? [v[step.name]] : [];
    case "wildcard":
      return Array.isArray(v)
        ? v
        : isObject(v)
          ? Object.keys(v)
              .sort()
              .map((k) => v[k])
          : [];
    case "index": {
      if (!Array.isArray(v)) return [];
      const i = step.index < 0 ? v.length + step.index : step.index;
      if (i < 0 || i >= v.length)
        throw new JsonPathError(`array index out of bounds: index ${step.index}, length ${v.length}`);
      return [v[i]];
    }
    case "slice": {
      if (!Array.isArray(v)) return [];
      const norm = (n: number | undefined, d: number) =>
        n === undefined ? d : n < 0 ? Math.max(0, v.length + n) : Math.min(n, v.length);
      return v.slice(norm(step.start, 0), norm(step.end, v.length));
    }
    case "recursive": {
      const found: Json[] = [];
      const walk = (x: Json) => {
        if (isObject(x)) {
          if (step.name in x) found.push(x[step.name]);
          for (const k of Object.keys(x).sort()) walk(x[k]);
        } else if (Array.isArray(x)) x.forEach(walk);
      };
      walk(v);
      return found;
    }
    case "filter": {
      const items = Array.isArray(v)
        ? v
        : isObject(v)
          ? Object.keys(v)
              .sort()
              .map((k) => v[k])
          : [];
      return items.filter((item) => {
        const got = apply([item], step.path);
        if (!step.op) return got.length > 0;
        return got.some((g) => compare(g, step.op as string, step.value));
      });
    }
  }
}

function compare(a: Json, op: string, b: Json): boolean {
  switch (op) {
    case "==":
      return a === b || String(a) === String(b);
    case "!=":
      return !(a === b || String(a) === String(b));
    default: {
      const [x, y] = [Number(a), Number(b)];
      if (Number.isNaN(x) || Number.isNaN(y)) return false;
      return op === "<" ? x < y : op === ">" ? x > y : op === "<=" ? x <= y : x >= y;
    }
  }
}

function print(v: Json): string {
  if (typeof v === "string") return v;
  if (v === null || v === undefined) return "";
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return JSON.stringify(v);
}

function render(nodes: Node[], root: Json, current: Json): string {
  let out = "";
  for (const node of nodes) {
    if (node.kind === "text") out += node.text;
    else if (node.kind === "path") {
      out += apply([node.fromRoot ? root : current], node.steps)
        .map(print)
        .join(" ");
    } else {
      for (const item of apply([current], node.steps).flatMap((x) => (Array.isArray(x) ? x : [x]))) {
        out += render(node.body, root, item);
      }
    }
  }
  return out;
}

/** The values a template's actions find, in order (`-o jsonpath-as-json`, custom-columns cells). */
export function jsonpathValues(template: string, data: Json): Json[] {
  const values: Json[] = [];
  const collect = (nodes: Node[], current: Json) => {
    for (const node of nodes) {
      if (node.kind === "path") values.push(...apply([node.fromRoot ? data : current], node.steps));
      else if (node.kind === "range") {
        for (const item of apply([current], node.steps).flatMap((x) => (Array.isArray(x) ? x : [x])))
          collect(node.body, item);
      }
    }
  };
  collect(parseTemplate(template), data);
  return values;
}

/** The text kubectl prints for `-o jsonpath=TEMPLATE` over `data` (one object, or a List with items). */
export function jsonpath(template: string, data: Json): string {
  return render(parseTemplate(template), data, data);
}
