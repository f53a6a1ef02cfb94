import { evaluate } from "@mdx-js/mdx";
import { createElement, type ReactNode } from "react";
import * as runtime from "react/jsx-runtime";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import rehypeRunnable from "./rehype-runnable.mjs";

/** A stand-in for the site's `<RunnableCode>`: shows the command it would run. */
const RunnableCode = ({ command, children }: { command: string; children?: ReactNode }) =>
  createElement("div", { "data-command": command }, children);

async function render(source: string) {
  const module = await evaluate(source, { ...runtime, rehypePlugins: [rehypeRunnable] });
  return renderToStaticMarkup(createElement(module.default, { components: { RunnableCode } }));
}

describe("rehype-runnable", () => {
  it("wraps shell blocks (with their lines) in RunnableCode and leaves other blocks alone", async () => {
    const html = await render(
      "```bash\nsystemctl stop kubelet\nsystemctl is-active kubelet\n```\n\n```\nI1030 a log line\n```\n\n```json\n{}\n```\n",
    );
    expect(html).toBe(
      '<div data-command="systemctl stop kubelet\nsystemctl is-active kubelet"><pre><code class="language-bash">systemctl stop kubelet\nsystemctl is-active kubelet\n</code></pre></div>\n<pre><code>I1030 a log line\n</code></pre>\n<pre><code class="language-json">{}\n</code></pre>',
    );
  });
});
