/**
 * A rehype plugin for the lessons' MDX: gives every heading an id (as rehype-slug would, with
 * GitHub's slug rules) and exports the lesson's sections from the compiled module:
 *
 *   export const sections = [{ id, depth, title, text }, ...]
 *
 * one per h2/h3 (plus the text before the first, with id ""). The lesson page draws its table of
 * contents from it and the search index (app/search-index.json/route.ts) indexes each section's
 * text, so both come from the same tree the page renders and the links always match the ids.
 *
 * Plain JavaScript because Turbopack hands MDX plugins to its loader by name (next.config.mjs
 * passes this file's absolute path); no dependency beyond the tree itself.
 */

/**
 * Ids the page already uses outside the lesson text (app/layout.tsx, the lesson page, the exercise
 * list); a heading with the same text gets `-1`. Exercise cards' ids are checked per lesson by
 * lesson-sections.test.ts.
 */
export const RESERVED_IDS = ["main", "lesson-title", "site-search", "exercise-panel-title"];

/**
 * github-slugger's rule (what GitHub and rehype-slug do): lower case, drop everything but
 * letters, marks, digits, connector punctuation, spaces and hyphens, spaces become hyphens; a
 * repeat gets -1, -2, ...
 */
export function createSlugger(reserved = RESERVED_IDS) {
  const seen = new Map(reserved.map((id) => [id, 0]));
  return (text) => {
    const base = text
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "")
      .replace(/ /g, "-");
    let slug = base;
    while (seen.has(slug)) {
      const count = (seen.get(base) ?? 0) + 1;
      seen.set(base, count);
      slug = `${base}-${count}`;
    }
    seen.set(slug, 0);
    return slug;
  };
}

/** The text of a hast node: text nodes, inline code, and what MDX components wrap (`<Cmd>...</Cmd>`). */
export function textOf(node) {
  if (node.type === "text") return node.value;
  if (node.type === "mdxTextExpression" || node.type === "mdxFlowExpression") {
    // `{`kubectl get pod -o jsonpath='{...}'`}`: a template literal's text, without its quotes.
    const literal = /^\s*[`"']([\s\S]*)[`"']\s*$/.exec(node.value);
    return literal ? literal[1] : "";
  }
  if (!Array.isArray(node.children)) return "";
  const inner = node.children.map(textOf).join("");
  // Blocks stay apart in the text ("...end of a paragraph" + "Next one" must not fuse into one word).
  return BLOCKS.has(node.tagName) || node.type === "mdxJsxFlowElement" ? ` ${inner} ` : inner;
}
const BLOCKS = new Set(["p", "li", "pre", "td", "th", "blockquote", "h4", "h5", "h6", "tr", "br"]);

const HEADING = /^h([1-6])$/;
const squash = (text) => text.replace(/\s+/g, " ").trim();

/** A JSON-able value as an ESTree expression (what `export const sections = <value>` needs). */
function toEstree(value) {
  if (Array.isArray(value)) return { type: "ArrayExpression", elements: value.map(toEstree) };
  if (value !== null && typeof value === "object") {
    return {
      type: "ObjectExpression",
      properties: Object.entries(value).map(([key, inner]) => ({
        type: "Property",
        kind: "init",
        method: false,
        shorthand: false,
        computed: false,
        key: { type: "Literal", value: key },
        value: toEstree(inner),
      })),
    };
  }
  return { type: "Literal", value };
}

/** The lesson's sections, and ids on its headings (those written with an id keep it). */
export function collectSections(tree) {
  const slug = createSlugger();
  const sections = [{ id: "", depth: 1, title: "", text: "" }];
  for (const node of tree.children) {
    const level = node.type === "element" ? HEADING.exec(node.tagName) : null;
    if (level) {
      const title = squash(textOf(node));
      node.properties ??= {};
      if (typeof node.properties.id !== "string" || node.properties.id === "") node.properties.id = slug(title);
      const depth = Number(level[1]);
      if (depth === 2 || depth === 3) {
        sections.push({ id: node.properties.id, depth, title, text: "" });
        continue;
      }
    }
    const current = sections[sections.length - 1];
    current.text += textOf(node);
  }
  return sections.map((section) => ({ ...section, text: squash(section.text) }));
}

export default function rehypeSections() {
  return (tree) => {
    const sections = collectSections(tree);
    tree.children.unshift({
      type: "mdxjsEsm",
      value: "",
      data: {
        estree: {
          type: "Program",
          sourceType: "module",
          body: [
            {
              type: "ExportNamedDeclaration",
              specifiers: [],
              source: null,
              declaration: {
                type: "VariableDeclaration",
                kind: "const",
                declarations: [
                  {
                    type: "VariableDeclarator",
                    id: { type: "Identifier", name: "sections" },
                    init: toEstree(sections),
                  },
                ],
              },
            },
          ],
        },
      },
    });
  };
}
