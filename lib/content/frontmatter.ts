/**
 * A lesson file's YAML frontmatter: where it is in the file, its data, and the file line of any
 * field, so a problem with `exercises[1].check` can point at the line that holds it.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument } from "yaml";

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

export interface Frontmatter {
  data: unknown;
  /** The file line of the field at `path`, or of its nearest ancestor that exists (line 1 for the root). */
  lineOf(path: readonly PropertyKey[]): number;
  /** The first line of the body (after the closing `---`). */
  bodyLine: number;
  body: string;
}

export type FrontmatterResult =
  | { ok: true; frontmatter: Frontmatter }
  | { ok: false; missing: true }
  | { ok: false; missing: false; line: number; reason: string };

const linesIn = (text: string) => text.split("\n").length - 1;

export function readFrontmatter(source: string): FrontmatterResult {
  const match = FRONTMATTER.exec(source);
  if (!match) return { ok: false, missing: true };
  const yamlText = match[1] as string;
  const lineCounter = new LineCounter();
  const document = parseDocument(yamlText, { lineCounter });
  // The YAML's line 1 is the file's line 2: the opening `---` comes first.
  const fileLine = (offset: number) => lineCounter.linePos(offset).line + 1;
  const error = document.errors[0];
  if (error) {
    const reason = error.message.split(" at line ")[0]?.split("\n")[0] ?? "invalid YAML";
    return { ok: false, missing: false, line: error.linePos ? error.linePos[0].line + 1 : 1, reason };
  }
  const lineOf = (path: readonly PropertyKey[]): number => {
    let node: unknown = document.contents;
    let line = 1;
    for (const key of path) {
      let next: unknown;
      if (isMap(node)) {
        const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === key);
        const at = (pair?.key as Node | undefined)?.range?.[0];
        if (at !== undefined) line = fileLine(at);
        next = pair?.value;
      } else if (isSeq(node) && typeof key === "number") {
        next = node.items[key];
        const at = (next as Node | undefined)?.range?.[0];
        if (at !== undefined) line = fileLine(at);
      }
      if (next === undefined || next === null) break;
      node = next;
    }
    return line;
  };
  return {
    ok: true,
    frontmatter: {
      data: document.toJS(),
      lineOf,
      bodyLine: linesIn(match[0]) + 1,
      body: source.slice(match[0].length),
    },
  };
}
