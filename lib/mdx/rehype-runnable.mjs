/**
 * A fenced code block in a shell language (```bash, ```sh, ```shell) is a command the learner can
 * run: this plugin wraps its <pre> in `<RunnableCode command="...">` (mdx-components.tsx), which
 * adds a "run" button that types the block into the terminal. It runs before @shikijs/rehype,
 * which then highlights the <pre> inside the wrapper as any other. Plain JavaScript, named by path
 * in next.config.mjs: Turbopack's MDX loader takes plugins by name only.
 */
const SHELL = new Set(["bash", "sh", "shell"]);

/** The language a Markdown fence gave its code element (`class="language-bash"`), or "". */
function languageOf(code) {
  const classes = code.properties?.className;
  const list = Array.isArray(classes) ? classes : typeof classes === "string" ? classes.split(" ") : [];
  const found = list.find((name) => typeof name === "string" && name.startsWith("language-"));
  return found ? found.slice("language-".length) : "";
}

const textOf = (node) =>
  node.type === "text" ? node.value : Array.isArray(node.children) ? node.children.map(textOf).join("") : "";

/** Wrap shell blocks, anywhere in the tree (inside an exercise too). */
function wrap(parent) {
  if (!Array.isArray(parent.children)) return;
  parent.children = parent.children.map((node) => {
    const code = node.type === "element" && node.tagName === "pre" ? node.children?.[0] : undefined;
    if (code?.type === "element" && code.tagName === "code" && SHELL.has(languageOf(code))) {
      const command = textOf(code).replace(/\n+$/, "");
      return {
        type: "mdxJsxFlowElement",
        name: "RunnableCode",
        attributes: [{ type: "mdxJsxAttribute", name: "command", value: command }],
        children: [node],
      };
    }
    wrap(node);
    return node;
  });
}

export default function rehypeRunnable() {
  return (tree) => wrap(tree);
}
